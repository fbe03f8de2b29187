#include "config.h"

#include "cli_examples.h"
#include "examples.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The operand list with the example's file in front; kept until exit. */
static char **example_files;

static void free_example_files(void)
{
    if (example_files)
        free(example_files[0]);
    free(example_files);
    example_files = NULL;
}

void cli_examples_list(void)
{
    sb_t out = SB_INIT;
    examples_describe(&out);
    fputs(sb_str(&out), stdout);
    sb_free(&out);
}

bool cli_examples_apply(cli_t *c)
{
    if (!c->example)
        return true;
    const example_t *e = examples_find(c->example);
    if (!e) {
        char *shown = text_sanitize(c->example, strlen(c->example));
        sb_t names = SB_INIT;
        examples_names(&names);
        cli_error("--example '%s': expected %s (see --list-examples)", shown, sb_str(&names));
        sb_free(&names);
        free(shown);
        return false;
    }
    diag_t d = DIAG_INIT;
    char *path = examples_path(e, &d);
    if (!path) {
        cli_error("--example %s: %s", e->name, d.error);
        diag_free(&d);
        return false;
    }
    diag_free(&d);
    free_example_files();
    example_files = xcalloc((size_t)c->nfiles + 2, sizeof *example_files);
    example_files[0] = path;
    for (int i = 0; i < c->nfiles; i++)
        example_files[i + 1] = c->files[i];
    c->files = example_files;
    c->nfiles++;
    static bool registered;
    if (!registered)
        atexit(free_example_files);
    registered = true;
    return true;
}
