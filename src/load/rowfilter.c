/* rowfilter: --where. */
#include "config.h"

#include "load/rowfilter.h"
#include "base/num.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "load/csvheader.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char *trimmed(const char *s, size_t n)
{
    text_trim(&s, &n);
    return xstrndup(s, n);
}

const char *rowfilter_parse(const char *expr, rowfilter_t *f)
{
    memset(f, 0, sizeof *f);
    f->col = -1;
    size_t at = strcspn(expr, "=~");
    if (!expr[at])
        return "expected COL=VALUE, COL!=VALUE, COL~TEXT or COL!~TEXT";
    bool negated = at > 0 && expr[at - 1] == '!';
    size_t name_len = negated ? at - 1 : at;
    f->column = trimmed(expr, name_len);
    if (!*f->column) {
        rowfilter_free(f);
        return "expected a column name before the operator (COL=VALUE, COL!=VALUE, COL~TEXT or COL!~TEXT)";
    }
    bool eq = expr[at] == '=';
    f->op = eq ? (negated ? ROWFILTER_NE : ROWFILTER_EQ) : (negated ? ROWFILTER_LACKS : ROWFILTER_CONTAINS);
    f->value = trimmed(expr + at + 1, strlen(expr + at + 1));
    return NULL;
}

void rowfilter_free(rowfilter_t *f)
{
    free(f->column);
    free(f->value);
    memset(f, 0, sizeof *f);
}

rowfilter_t *rowfilter_begin(const char *const *exprs, size_t n, char *const *header, size_t ncols,
                             const char *fname, long line, diag_t *d)
{
    rowfilter_t *f = xcalloc(n ? n : 1, sizeof *f);
    for (size_t i = 0; i < n; i++) {
        char *shown = text_sanitize(exprs[i], strlen(exprs[i]));
        const char *why = rowfilter_parse(exprs[i], &f[i]);
        if (why) {
            diag_error(d, "--where '%s': %s", shown, why);
        } else {
            for (size_t c = 0; c < ncols && f[i].col < 0; c++)
                if (csvheader_is(header[c], f[i].column))
                    f[i].col = (int)c;
            if (f[i].col < 0) {
                sb_t found = SB_INIT;
                csvheader_list(&found, header, ncols);
                char *col = text_sanitize(f[i].column, strlen(f[i].column));
                diag_error(d, "%s:%ld: --where '%s': no column '%s'; found: %s", fname, line, shown, col,
                           sb_str(&found));
                free(col);
                sb_free(&found);
                why = "";
            }
        }
        free(shown);
        if (why) {
            rowfilter_end(f, n);
            return NULL;
        }
    }
    return f;
}

void rowfilter_end(rowfilter_t *f, size_t n)
{
    for (size_t i = 0; f && i < n; i++)
        rowfilter_free(&f[i]);
    free(f);
}

static bool contains(const char *cell, const char *text)
{
    size_t n = strlen(text);
    for (const char *p = cell; *p; p++)
        if (strncasecmp(p, text, n) == 0)
            return true;
    return n == 0;
}

static bool equal(const char *cell, size_t len, const char *value)
{
    char *c = trimmed(cell, len);
    double x, y;
    bool same = (!num_parse_decimal(c, &x) && !num_parse_decimal(value, &y)) ? x == y : strcmp(c, value) == 0;
    free(c);
    return same;
}

bool rowfilter_keep(const rowfilter_t *f, size_t n, const csvrow_t *row)
{
    for (size_t i = 0; i < n; i++) {
        const char *cell = row->fields[f[i].col];
        size_t len = row->lens[f[i].col];
        bool pass = false;
        switch (f[i].op) {
        case ROWFILTER_EQ: pass = equal(cell, len, f[i].value); break;
        case ROWFILTER_NE: pass = !equal(cell, len, f[i].value); break;
        case ROWFILTER_CONTAINS: pass = contains(cell, f[i].value); break;
        case ROWFILTER_LACKS: pass = !contains(cell, f[i].value); break;
        }
        if (!pass)
            return false;
    }
    return true;
}
