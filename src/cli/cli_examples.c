/* cli_examples: --example NAME and --list-examples: the shipped examples
 * (load/examples.h) as operands, in front of the files given. See cli.h. */
#include "config.h"

#include "cli/cli.h"
#include "base/diag.h"
#include "base/strbuf.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "load/examples.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The example names given and the file list they make (the examples'
 * paths, then the operands); kept until exit. */
static const char **example_names;
static char **example_files;
static int nexample_files;

static void free_example_files(void)
{
    for (int i = 0; example_files && i < nexample_files; i++)
        free(example_files[i]);
    free(example_files);
    free(example_names);
    example_files = NULL;
    example_names = NULL;
    nexample_files = 0;
}

void cli_examples_add(cli_data_t *data, const char *name)
{
    if (!example_names && !example_files)
        atexit(free_example_files);
    example_names = xrealloc(example_names, ((size_t)data->nexamples + 1) * sizeof *example_names);
    example_names[data->nexamples++] = name;
    data->examples = example_names;
}

void cli_examples_list(void)
{
    sb_t out = SB_INIT;
    examples_describe(&out);
    fputs(sb_str(&out), stdout);
    sb_free(&out);
}

/* The file of --example NAME (allocated), or NULL after a message. */
static char *example_file(const char *name)
{
    const example_t *e = examples_find(name);
    if (!e) {
        char *shown = text_sanitize(name, strlen(name));
        sb_t names = SB_INIT;
        examples_names(&names);
        cli_error("--example '%s': expected %s (see --list-examples)", shown, sb_str(&names));
        sb_free(&names);
        free(shown);
        return NULL;
    }
    diag_t d = DIAG_INIT;
    char *path = examples_path(e, &d);
    if (!path)
        cli_error("--example %s: %s", e->name, d.error);
    diag_free(&d);
    return path;
}

/* Every --example, in the order given, before the operands: two examples
 * load as two files would. */
bool cli_examples_apply(cli_data_t *data)
{
    char **files = xcalloc((size_t)(data->nexamples + data->nfiles) + 1, sizeof *files);
    for (int i = 0; i < data->nexamples; i++) {
        files[i] = example_file(data->examples[i]);
        if (!files[i]) {
            for (int k = 0; k < i; k++)
                free(files[k]);
            free(files);
            return false;
        }
    }
    for (int i = 0; i < data->nfiles; i++)
        files[data->nexamples + i] = data->files[i];
    for (int i = 0; example_files && i < nexample_files; i++)
        free(example_files[i]);
    free(example_files);
    example_files = files;
    nexample_files = data->nexamples; /* the operands are argv's */
    data->files = files;
    data->nfiles += data->nexamples;
    return true;
}
