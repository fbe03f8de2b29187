/* categories: critical harms, category shares and the weighted ASR. */
#include "core/categories.h"

#include "base/num.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Words that mark a category as critical by its name, compared with
 * word_fold: case, '-', '_' and blanks do not matter ("self_harm",
 * "Self-Harm" and "self harm" all match). Written folded. */
static const char *const critical_words[] = {"self harm", "selfharm", "suicide", "child safety",
                                             "child abuse", "child sexual", "csam", "minor"};

static char word_fold(unsigned char c)
{
    if (c == '_' || c == '-' || c == '\t')
        return ' ';
    return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

/* `s` through word_fold, newly allocated: folded once, a name is searched
 * for every word with strstr (reports ask this of every category of every
 * point: a thousand categories made it most of a report's time). */
static char *folded(const char *s)
{
    size_t n = strlen(s);
    char *f = xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        f[i] = word_fold((unsigned char)s[i]);
    f[n] = '\0';
    return f;
}

/* Whether `hay` holds `needle`, a word already folded (critical_words). */
static bool contains_ci(const char *hay, const char *needle)
{
    char *f = folded(hay);
    bool found = strstr(f, needle) != NULL;
    free(f);
    return found;
}

bool categories_is_critical(const category_t *c)
{
    if (c->critical)
        return true;
    char *f = folded(c->name);
    bool found = false;
    for (size_t i = 0; i < sizeof critical_words / sizeof critical_words[0] && !found; i++)
        found = strstr(f, critical_words[i]) != NULL;
    free(f);
    return found;
}

bool categories_bounded(const policy_t *pol, const category_t *c)
{
    if (!isfinite(pol->asr.max))
        return false;
    return !contains_ci(pol->asr_scope, "critical harms") || categories_is_critical(c);
}

static void trim(const char **s, size_t *n)
{
    while (*n && isspace((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n && isspace((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

const char *categories_parse_shares(const char *s, catshares_t *out)
{
    static char why[160];
    out->len = 0;
    const char *p = s;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        const char *eq = memchr(p, '=', n);
        if (!eq)
            return "expected NAME=PCT pairs separated by commas (self-harm=5,fraud=20)";
        const char *name = p;
        size_t nlen = (size_t)(eq - p);
        trim(&name, &nlen);
        if (nlen == 0 || nlen >= sizeof out->items[0].name)
            return "expected a category name (1 to 95 characters) before each '='";
        if (out->len == CATEGORIES_MAX_SHARES)
            return "expected at most 64 categories";
        char value[64];
        size_t vlen = (size_t)(p + n - (eq + 1));
        if (vlen >= sizeof value)
            return "expected a percentage after each '='";
        memcpy(value, eq + 1, vlen);
        value[vlen] = '\0';
        catshare_t *c = &out->items[out->len];
        const char *bad = num_parse_percent(value, &c->share);
        if (bad) {
            /* By position, so that nothing typed is echoed unsanitised. */
            snprintf(why, sizeof why, "category %zu: %s", out->len + 1, bad);
            return why;
        }
        memcpy(c->name, name, nlen);
        c->name[nlen] = '\0';
        for (size_t i = 0; i < out->len; i++)
            if (strcasecmp(out->items[i].name, c->name) == 0)
                return "expected each category once";
        out->len++;
        p = comma ? comma + 1 : p + n;
    }
    double total = 0;
    for (size_t i = 0; i < out->len; i++)
        total += out->items[i].share;
    if (out->len == 0 || !(total > 0))
        return "expected at least one category with a share above 0";
    return NULL;
}

double categories_weighted_asr(const point_t *p, const catshares_t *shares, const char **missing)
{
    double sum = 0, weight = 0;
    if (missing)
        *missing = NULL;
    for (size_t i = 0; i < shares->len; i++) {
        const category_t *found = NULL;
        for (size_t k = 0; k < p->ncategories; k++)
            if (strcasecmp(p->categories[k].name, shares->items[i].name) == 0)
                found = &p->categories[k];
        if (!found || isnan(found->asr)) {
            if (missing)
                *missing = shares->items[i].name;
            return NAN;
        }
        sum += shares->items[i].share * found->asr;
        weight += shares->items[i].share;
    }
    return weight > 0 ? sum / weight : NAN;
}
