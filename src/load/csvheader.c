/* csvheader: finding columns by name in a CSV header. */
#include "config.h"

#include "load/csvheader.h"
#include "base/text.h"
#include "load/csvcell.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void csvheader_normalise(const char *in, char *out, size_t n)
{
    size_t o = 0;
    for (const char *p = in; *p && o + 1 < n; p++) {
        char c = *p;
        if (c == ' ' || c == '-' || c == '\t')
            c = '_';
        out[o++] = (char)tolower((unsigned char)c);
    }
    out[o] = '\0';
    /* trim underscores produced by surrounding blanks */
    while (o > 0 && out[o - 1] == '_')
        out[--o] = '\0';
}

/* A header name as compared: normalised, without leading underscores. */
typedef struct {
    char text[128];
    const char *at;
} keyname_t;

static void keyname(keyname_t *k, const char *in)
{
    csvheader_normalise(in, k->text, sizeof k->text);
    k->at = k->text + strspn(k->text, "_");
}

bool csvheader_is(const char *cell, const char *name)
{
    keyname_t a, b;
    keyname(&a, cell);
    keyname(&b, name);
    return strcmp(a.at, b.at) == 0;
}

int csvheader_find(char *const *header, size_t ncols, const char *names)
{
    /* Each column normalised once, not once per name (a wide header met
     * every accepted name of every column). */
    keyname_t *cols = xmalloc((ncols ? ncols : 1) * sizeof *cols);
    for (size_t i = 0; i < ncols; i++)
        keyname(&cols[i], header[i]);
    /* In the order of `names`, so that the first name listed wins. */
    int found = -1;
    for (const char *p = names; *p && found < 0;) {
        size_t n = strcspn(p, ",");
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name - 1 ? n : sizeof name - 1), p);
        keyname_t want;
        keyname(&want, name);
        for (size_t i = 0; i < ncols && found < 0; i++)
            if (strcmp(cols[i].at, want.at) == 0)
                found = (int)i;
        p += n;
        if (*p == ',')
            p++;
    }
    free(cols);
    return found;
}

char **csvheader_copy(const csvrow_t *row)
{
    char **header = xcalloc(row->nfields ? row->nfields : 1, sizeof *header);
    for (size_t i = 0; i < row->nfields; i++)
        header[i] = csvcell_text(row->fields[i], row->lens[i]);
    return header;
}

void csvheader_free(char **header, size_t ncols)
{
    for (size_t i = 0; header && i < ncols; i++)
        free(header[i]);
    free(header);
}

void csvheader_list(sb_t *sb, char *const *header, size_t ncols)
{
    for (size_t i = 0; i < ncols; i++)
        sb_printf(sb, "%s%s", i ? ", " : "", header[i]);
}

int csvheader_require(char *const *header, size_t ncols, const char *name, const char *flag, const char *fname,
                      long line, diag_t *d)
{
    for (size_t i = 0; i < ncols; i++)
        if (csvheader_is(header[i], name))
            return (int)i;
    sb_t found = SB_INIT;
    csvheader_list(&found, header, ncols);
    char *shown = text_sanitize(name, strlen(name));
    diag_error(d, "%s:%ld: %s: no column '%s'; found: %s", fname, line, flag, shown, sb_str(&found));
    free(shown);
    sb_free(&found);
    return -1;
}
