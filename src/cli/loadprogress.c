#include "config.h"

#include "cli/loadprogress.h"
#include "base/text.h"

#include <stdlib.h>
#include <string.h>

#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

/* Files smaller than this load too fast for a progress line to help. */
#define PROGRESS_MIN_BYTES (16ull * 1024 * 1024)

static bool drawn;
static char *label; /* the file's name, sanitised */
static int last_step = -1;

static void draw(unsigned long long done, unsigned long long total, void *ctx)
{
    (void)ctx;
    const char *name = label;
    if (total > 0 && total < PROGRESS_MIN_BYTES)
        return;
    /* Redraw per percent (or per 16 MiB of a pipe), not per block. */
    int step = total ? (int)(done * 100 / total) : (int)(done >> 24);
    if (step == last_step)
        return;
    last_step = step;
    drawn = true;
    if (total)
        fprintf(stderr, "\rloading %s: %3d%% (%llu of %llu MB)", name, step, done / 1000000, total / 1000000);
    else
        fprintf(stderr, "\rloading %s: %llu MB", name, done / 1000000);
    fflush(stderr);
}

void loadprogress_attach(input_opts_t *opts, const char *name)
{
    if (!isatty(STDERR_FILENO))
        return;
    free(label);
    label = text_sanitize(name, strlen(name));
    opts->progress = draw;
    opts->progress_ctx = NULL;
    last_step = -1;
}

void loadprogress_end(void)
{
    if (drawn)
        fputs("\r\033[K", stderr);
    drawn = false;
    last_step = -1;
    free(label);
    label = NULL;
}
