#include "config.h"

#include "load/csvheader.h"
#include "load/promptset.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <string.h>
#include <strings.h>

static bool is_blank_char(char c) { return c == ' ' || c == '\t'; }

/* The cell without surrounding blanks: start and length. */
static const char *trimmed(const char *s, size_t *len)
{
    size_t n = *len;
    while (n > 0 && is_blank_char(*s)) {
        s++;
        n--;
    }
    while (n > 0 && is_blank_char(s[n - 1]))
        n--;
    *len = n;
    return s;
}

void vlist_parse(vlist_t *l, const char *csv)
{
    memset(l, 0, sizeof *l);
    l->text = xstrdup(csv);
    const char *p = csv;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        const char *t = trimmed(p, &n);
        if (n > 0) {
            l->items = xrealloc(l->items, (l->len + 1) * sizeof *l->items);
            l->items[l->len++] = xstrndup(t, n);
        }
        if (!comma)
            break;
        p = comma + 1;
    }
}

static bool vlist_has_n(const vlist_t *l, const char *cell, size_t len)
{
    const char *t = trimmed(cell, &len);
    for (size_t i = 0; i < l->len; i++)
        if (strlen(l->items[i]) == len && strncasecmp(l->items[i], t, len) == 0)
            return true;
    return false;
}

bool vlist_has(const vlist_t *l, const char *cell) { return vlist_has_n(l, cell, strlen(cell)); }

void vlist_free(vlist_t *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->items[i]);
    free(l->items);
    free(l->text);
    memset(l, 0, sizeof *l);
}

bool promptset_init(promptset_t *ps, char *const *header, size_t ncols, const input_opts_t *opts,
                    const char *column, const char *harmful, const char *benign, bool optional,
                    const char *fname, long line, diag_t *d)
{
    memset(ps, 0, sizeof *ps);
    ps->col = -1;
    vlist_parse(&ps->harmful, opts->harmful_values ? opts->harmful_values : harmful ? harmful : PROMPTSET_HARMFUL);
    vlist_parse(&ps->benign, opts->benign_values ? opts->benign_values : benign ? benign : PROMPTSET_BENIGN);
    const char *names = opts->set_column ? opts->set_column : column ? column : INPUT_SET_COLUMNS;
    ps->col = csvheader_find(header, ncols, names);
    if (ps->col >= 0 || (optional && !opts->set_column))
        return true;
    sb_t found = SB_INIT;
    csvheader_list(&found, header, ncols);
    if (opts->set_column)
        diag_error(d, "%s:%ld: no column named '%s' (from --set-column); found: %s", fname, line,
                   opts->set_column, sb_str(&found));
    else
        diag_error(d, "%s:%ld: missing the column saying which set each prompt belongs to; found: %s; "
                      "expected one of %s, or name it with --set-column",
                   fname, line, sb_str(&found), names);
    sb_free(&found);
    promptset_free(ps);
    return false;
}

prompt_kind_t promptset_classify(promptset_t *ps, const char *cell, size_t len)
{
    if (ps->col < 0)
        return PROMPT_HARMFUL;
    if (len == ps->last_len && len > 0) {
        /* a byte loop: the cells are short, and a memcmp call costs more */
        size_t i = 0;
        while (i < len && cell[i] == ps->last[i])
            i++;
        if (i == len)
            return ps->last_kind;
    }
    prompt_kind_t k = vlist_has_n(&ps->harmful, cell, len)  ? PROMPT_HARMFUL
                      : vlist_has_n(&ps->benign, cell, len) ? PROMPT_BENIGN
                                                            : PROMPT_UNKNOWN;
    if (len < sizeof ps->last) {
        memcpy(ps->last, cell, len);
        ps->last_len = len;
        ps->last_kind = k;
    }
    return k;
}

void promptset_note_unknown(promptset_t *ps, long line, const char *cell, size_t len)
{
    if (ps->n_unknown++ > 0)
        return;
    ps->first_unknown = line;
    ps->unknown_text = text_sanitize(cell, len < 60 ? len : 60);
}

void promptset_warn_unknown(const promptset_t *ps, const char *fname, diag_t *d)
{
    if (ps->n_unknown)
        diag_warn_file(d, fname,
                       "%lld row%s whose set is neither harmful (%s) nor benign (%s), first at line %ld: '%s'; "
                       "not counted",
                       ps->n_unknown, ps->n_unknown == 1 ? "" : "s", ps->harmful.text, ps->benign.text,
                  ps->first_unknown, ps->unknown_text);
}

void promptset_free(promptset_t *ps)
{
    vlist_free(&ps->harmful);
    vlist_free(&ps->benign);
    free(ps->unknown_text);
    ps->unknown_text = NULL;
}
