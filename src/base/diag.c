#include "config.h"

#include "base/diag.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

#include <stdarg.h>

static char *format(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static char *format(const char *fmt, va_list ap)
{
    sb_t sb = SB_INIT;
    sb_vprintf(&sb, fmt, ap);
    return sb_detach(&sb);
}

void diag_error(diag_t *d, const char *fmt, ...)
{
    if (d->error)
        return;
    va_list ap;
    va_start(ap, fmt);
    d->error = format(fmt, ap);
    va_end(ap);
}

void diag_warn(diag_t *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    d->warnings = xgrow(d->warnings, &d->cap, d->nwarnings + 1, sizeof *d->warnings);
    d->warnings[d->nwarnings++] = format(fmt, ap);
    va_end(ap);
}

void diag_note(diag_t *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    d->notes = xgrow(d->notes, &d->notes_cap, d->nnotes + 1, sizeof *d->notes);
    d->notes[d->nnotes++] = format(fmt, ap);
    va_end(ap);
}

bool diag_failed(const diag_t *d) { return d->error != NULL; }

void diag_free(diag_t *d)
{
    free(d->error);
    for (size_t i = 0; i < d->nwarnings; i++)
        free(d->warnings[i]);
    free(d->warnings);
    for (size_t i = 0; i < d->nnotes; i++)
        free(d->notes[i]);
    free(d->notes);
    *d = (diag_t)DIAG_INIT;
}
