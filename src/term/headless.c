/* headless: key scripts instead of a terminal. See headless.h. */
#include "config.h"

#include "base/diag.h"
#include "base/exitcode.h"
#include "base/outfile.h"
#include "base/text.h"
#include "term/headless.h"
#include "ui/keyscript.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADLESS_WIDTH 100
#define HEADLESS_HEIGHT 30

bool headless_requested(void)
{
    return getenv("TRADEOFF_KEYS") != NULL;
}

static int write_dumps(const sb_t *dumps, char *const *inputs, int ninputs, sb_t *err)
{
    const char *to = getenv("TRADEOFF_DUMP");
    if (!to || !*to) {
        fwrite(sb_str(dumps), 1, dumps->len, stdout);
        return EXIT_OK;
    }
    diag_t d = DIAG_INIT;
    int rc = EXIT_OK;
    if (outfile_write(to, sb_str(dumps), dumps->len, inputs, ninputs, &d) != 0) {
        sb_printf(err, "TRADEOFF_DUMP: %s", d.error);
        rc = EXIT_INTERNAL;
    }
    diag_free(&d);
    return rc;
}

int headless_run(const screen_t *s, char *const *inputs, int ninputs, sb_t *err)
{
    int w = HEADLESS_WIDTH, h = HEADLESS_HEIGHT;
    const char *size = getenv("TRADEOFF_SIZE");
    if (size && !keyscript_parse_size(size, &w, &h)) {
        char *shown = text_sanitize(size, strlen(size));
        sb_printf(err, "TRADEOFF_SIZE '%s': expected WIDTHxHEIGHT such as 100x30", shown);
        free(shown);
        return EXIT_USAGE;
    }
    sb_t dumps = SB_INIT;
    int rc = EXIT_OK;
    if (!keyscript_run(s, getenv("TRADEOFF_KEYS"), w, h, &dumps, err))
        rc = EXIT_USAGE;
    /* The screens up to a bad token are still written: they show where the
     * script went wrong. */
    sb_t werr = SB_INIT;
    int wrc = write_dumps(&dumps, inputs, ninputs, &werr);
    if (wrc != EXIT_OK) {
        sb_printf(err, "%s%s", err->len ? "; " : "", sb_str(&werr));
        rc = wrc;
    }
    sb_free(&werr);
    sb_free(&dumps);
    return rc;
}
