#include "config.h"

#include "core/practice_answer.h"
#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Floating-point slack on the tolerance itself, so that an answer exactly at
 * the stated edge (6,726.6 for 6,660 within 1%) is right on every platform. */
#define TOL_SLACK 1e-9

static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* Drops what people put around a number: "~", "about", "approx.", a sign
 * (every numeric question asks for a size). */
static const char *strip_number_prefix(const char *s)
{
    s = skip_blanks(s);
    static const char *const words[] = {"about ", "approx. ", "approx ", "around ", "roughly "};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strncasecmp(s, words[i], strlen(words[i])) == 0)
            s = skip_blanks(s + strlen(words[i]));
    if (*s == '~' || *s == '+' || *s == '-')
        s = skip_blanks(s + 1);
    return s;
}

static bool read_number(const practice_answer_t *a, const char *typed, double *out)
{
    const char *s = strip_number_prefix(typed);
    if (a->kind == ANSWER_PERCENT) {
        double f;
        if (num_parse_percent(s, &f) != NULL)
            return false;
        *out = f * 100.0;
        return true;
    }
    return num_parse_amount(s, out) == NULL;
}

static bool within(const practice_answer_t *a, double x)
{
    double tol = fmax(a->rel_tol * fabs(a->value), a->abs_tol);
    return fabs(x - a->value) <= tol * (1 + TOL_SLACK) + TOL_SLACK;
}

/* Splits on blanks, commas, semicolons, '/', '+', '&' and the word "and". */
static bool next_token(const char **p, char *tok, size_t n)
{
    const char *s = *p;
    for (;;) {
        while (*s && strchr(" \t,;/+&", *s))
            s++;
        if (!*s)
            return false;
        size_t len = strcspn(s, " \t,;/+&");
        if (len == 3 && strncasecmp(s, "and", 3) == 0) {
            s += len;
            continue;
        }
        if (len >= n)
            len = n - 1;
        memcpy(tok, s, len);
        tok[len] = '\0';
        *p = s + strcspn(s, " \t,;/+&");
        return true;
    }
}

static bool is_none_word(const char *t)
{
    return strcasecmp(t, "none") == 0 || strcasecmp(t, "no") == 0 || strcasecmp(t, "neither") == 0 ||
           strcasecmp(t, "nothing") == 0 || strcmp(t, "-") == 0;
}

/* Letters among the `offered` first of the alphabet (0: any): a letter
 * outside them ("Z" when A to D are offered) is not read as an answer, so
 * it is asked again rather than scored. */
static bool read_letters(const char *typed, int offered, unsigned *out, int *count)
{
    char tok[32];
    const char *p = typed;
    bool none = false;
    *out = 0;
    *count = 0;
    while (next_token(&p, tok, sizeof tok)) {
        if (is_none_word(tok)) {
            none = true;
        } else if (strlen(tok) == 1 && isalpha((unsigned char)tok[0])) {
            int i = toupper((unsigned char)tok[0]) - 'A';
            if (offered > 0 && i >= offered)
                return false;
            *out |= 1u << i;
            (*count)++;
        } else {
            return false;
        }
    }
    return none ? *out == 0 : *count > 0;
}

static bool read_bound(const char *typed, bound_fail_t *out)
{
    char tok[32];
    const char *p = typed;
    bool asr = false, orr = false, none = false, any = false;
    while (next_token(&p, tok, sizeof tok)) {
        any = true;
        if (strcasecmp(tok, "asr") == 0)
            asr = true;
        else if (strcasecmp(tok, "orr") == 0)
            orr = true;
        else if (strcasecmp(tok, "both") == 0)
            asr = orr = true;
        else if (is_none_word(tok) || strcasecmp(tok, "pass") == 0 || strcasecmp(tok, "passes") == 0)
            none = true;
        else
            return false;
    }
    if (!any || (none && (asr || orr)))
        return false;
    *out = asr && orr ? BOUND_BOTH : asr ? BOUND_ASR : orr ? BOUND_ORR : BOUND_NONE;
    return true;
}

static practice_verdict_t unreadable(sb_t *why, const char *typed, const char *expected)
{
    char *shown = text_sanitize(typed, strlen(typed));
    sb_printf(why, "could not read '%s': expected %s", shown, expected);
    free(shown);
    return PRACTICE_UNREADABLE;
}

static practice_verdict_t verdict(sb_t *why, bool right, const char *typed, const practice_answer_t *a)
{
    char *shown = text_sanitize(typed, strlen(typed));
    bool numeric = a->kind == ANSWER_NUMBER || a->kind == ANSWER_PERCENT;
    if (right && numeric)
        sb_printf(why, "right: %s (exact: %s)", shown, a->shown);
    else if (right)
        sb_printf(why, "right: %s", a->shown);
    else
        sb_printf(why, "wrong: you said %s, the answer is %s", shown, a->shown);
    free(shown);
    return right ? PRACTICE_RIGHT : PRACTICE_WRONG;
}

practice_verdict_t practice_check(const practice_answer_t *a, const char *typed, sb_t *why)
{
    const char *t = skip_blanks(typed);
    if (*t == '\0')
        return unreadable(why, typed, "an answer");
    switch (a->kind) {
    case ANSWER_NUMBER:
    case ANSWER_PERCENT: {
        double x;
        if (!read_number(a, t, &x))
            return unreadable(why, typed, a->kind == ANSWER_PERCENT ? "a percentage such as 55.6 or 55.6%"
                                                                    : "a number such as 6,660, 6660 or 6.66k");
        return verdict(why, isfinite(a->value) && within(a, x), typed, a);
    }
    case ANSWER_LETTERS:
    case ANSWER_LETTER: {
        unsigned set;
        int count;
        if (!read_letters(t, a->nletters, &set, &count) || (a->kind == ANSWER_LETTER && count != 1)) {
            char expected[160], last = (char)('A' + (a->nletters > 0 ? a->nletters - 1 : 25));
            if (a->kind == ANSWER_LETTER)
                snprintf(expected, sizeof expected, "one letter from A to %c", last);
            else
                snprintf(expected, sizeof expected, "letters from A to %c such as \"B\" or \"A,C\", or \"none\"",
                         last);
            return unreadable(why, typed, expected);
        }
        bool right = a->kind == ANSWER_LETTERS ? set == a->letters : (set & a->letters) != 0;
        return verdict(why, right, typed, a);
    }
    case ANSWER_BOUND: {
        bound_fail_t b;
        if (!read_bound(t, &b))
            return unreadable(why, typed, "ASR, ORR, both or none");
        return verdict(why, b == a->bound, typed, a);
    }
    }
    return unreadable(why, typed, "an answer");
}

void practice_score_add(practice_score_t *s, practice_kind_t k, bool right)
{
    s->asked[k]++;
    if (right)
        s->right[k]++;
}

int practice_score_right(const practice_score_t *s)
{
    int n = 0;
    for (int k = 0; k < PRACTICE_NKINDS; k++)
        n += s->right[k];
    return n;
}

int practice_score_asked(const practice_score_t *s)
{
    int n = 0;
    for (int k = 0; k < PRACTICE_NKINDS; k++)
        n += s->asked[k];
    return n;
}

void practice_score_summary(sb_t *out, const practice_score_t *s)
{
    sb_printf(out, "Score: %d of %d right.\n", practice_score_right(s), practice_score_asked(s));
    for (int k = 0; k < PRACTICE_NKINDS; k++) {
        if (s->asked[k] == 0)
            continue;
        sb_printf(out, "  %-10s %d of %d", practice_kind_name((practice_kind_t)k), s->right[k], s->asked[k]);
        if (s->right[k] < s->asked[k])
            sb_printf(out, "   (drill again: --kind %s)", practice_kind_name((practice_kind_t)k));
        sb_putc(out, '\n');
    }
}
