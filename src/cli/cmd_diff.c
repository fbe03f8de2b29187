/* tradeoff diff: which prompts changed between two measurements of the same
 * prompts, with the paired statistics of each set.
 *
 *   tradeoff diff [OPTION]... A.csv B.csv
 *   tradeoff diff [OPTION]... --compare NAME_A,NAME_B FILE...
 *
 * Each file is read as `report` reads it (presets, judges, mapping flags);
 * it must give one point, or the two are named with --compare (resolved as
 * report's --compare). Both must be per-prompt results: the prompts are
 * paired by id (core/pairing.h), never by row order. Exit 0, or 2 when the
 * two cannot be paired (no id, a repeated id, no prompt in common, a prompt
 * in different sets), 3 when the output cannot be written. */
#include "config.h"

#include "cli/cmd.h"
#include "core/namematch.h"
#include "base/diag.h"
#include "base/exitcode.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/pairing.h"
#include "load/prompttext.h"
#include "render/diff_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The texts of every prompt the report lists (core keeps only hashes). */
typedef struct {
    prompttext_t *flips[2][2];
    prompttext_t *a_only, *b_only;
} texts_t;

static prompttext_t *fetch(const promptlog_t *log, const size_t *idx, size_t n, diag_t *d)
{
    prompttext_t *t = xcalloc(n ? n : 1, sizeof *t);
    prompttext_fetch(log, idx, n, t, d);
    return t;
}

/* The listed prompts' indices in A's log: the flips name A's prompt. */
static prompttext_t *fetch_flips(const promptlog_t *log, const pairing_pair_t *list, long long n, diag_t *d)
{
    size_t *idx = xcalloc(n ? (size_t)n : 1, sizeof *idx);
    for (long long k = 0; k < n; k++)
        idx[k] = list[k].a;
    prompttext_t *t = fetch(log, idx, (size_t)n, d);
    free(idx);
    return t;
}

static void texts_fetch(texts_t *tx, const point_t *a, const point_t *b, const pairing_t *pr)
{
    diag_t d = DIAG_INIT;
    for (int s = 0; s < 2; s++) {
        tx->flips[s][0] = fetch_flips(a->prompts, pr->set[s].r2c, pr->set[s].refused_then_complied, &d);
        tx->flips[s][1] = fetch_flips(a->prompts, pr->set[s].c2r, pr->set[s].complied_then_refused, &d);
    }
    tx->a_only = fetch(a->prompts, pr->a_only_idx, (size_t)pr->a_only, &d);
    tx->b_only = fetch(b->prompts, pr->b_only_idx, (size_t)pr->b_only, &d);
    cli_print_warnings(&d);
    diag_free(&d);
}

static void texts_free(texts_t *tx, const pairing_t *pr)
{
    for (int s = 0; s < 2; s++) {
        prompttext_free(tx->flips[s][0], (size_t)pr->set[s].refused_then_complied);
        prompttext_free(tx->flips[s][1], (size_t)pr->set[s].complied_then_refused);
        free(tx->flips[s][0]);
        free(tx->flips[s][1]);
    }
    prompttext_free(tx->a_only, (size_t)pr->a_only);
    prompttext_free(tx->b_only, (size_t)pr->b_only);
    free(tx->a_only);
    free(tx->b_only);
}

/* The one point of a file, or an error naming its points. */
static const point_t *only_point(const pointset_t *set, const char *file)
{
    if (set->len == 1)
        return &set->items[0];
    sb_t names = SB_INIT;
    namematch_t m = namematch_points(set);
    namematch_list(&names, &m, NAMEMATCH_LIST_MAX);
    char *shown = text_sanitize(file, strlen(file));
    cli_error("diff: %s gives %zu points (%s): name the two to diff with --compare A,B", shown, set->len,
              sb_str(&names));
    free(shown);
    sb_free(&names);
    return NULL;
}

static bool per_prompt(const point_t *p)
{
    if (p->prompts)
        return true;
    cli_error("diff: '%s' has no per-prompt results: expected a judged file (one row per prompt with its set, "
              "its id and a verdict), not a table of operating points",
              p->name);
    return false;
}

static int render(const cli_t *c, const point_t *a, const point_t *b, const pairing_t *pr)
{
    texts_t tx;
    memset(&tx, 0, sizeof tx);
    texts_fetch(&tx, a, b, pr);
    char *fa = text_sanitize(a->source, strlen(a->source)), *fb = text_sanitize(b->source, strlen(b->source));
    int width = c->chart.width;
    if (width <= 0)
        cli_terminal_size(&width, NULL);
    diff_report_t d = {a, b, fa, fb, pr, {{tx.flips[0][0], tx.flips[0][1]}, {tx.flips[1][0], tx.flips[1][1]}},
                       tx.a_only, tx.b_only, c->analysis.opts.confidence, width};
    sb_t out = SB_INIT;
    diff_report_render(&out, &d, c->output.format);
    int rc = cmd_emit(c, &out);
    sb_free(&out);
    free(fa);
    free(fb);
    texts_free(&tx, pr);
    return rc;
}

static int run_diff(const cli_t *c, const point_t *a, const point_t *b)
{
    if (!per_prompt(a) || !per_prompt(b))
        return EXIT_USAGE;
    pairing_t pr;
    if (!pairing_run(&pr, pairing_side(a), pairing_side(b), true)) {
        cli_error("diff: cannot pair '%s' with '%s': %s", a->name, b->name, pr.why);
        pairing_free(&pr);
        return EXIT_USAGE;
    }
    int rc = render(c, a, b, &pr);
    pairing_free(&pr);
    return rc;
}

/* A B: one file each. */
static int diff_files(const cli_t *c)
{
    pointset_t sa = POINTSET_INIT, sb = POINTSET_INIT;
    int rc = EXIT_USAGE;
    if (cli_load_file(c, c->data.files[0], &sa, NULL, NULL) && cli_load_file(c, c->data.files[1], &sb, NULL, NULL)) {
        const point_t *a = only_point(&sa, c->data.files[0]);
        const point_t *b = a ? only_point(&sb, c->data.files[1]) : NULL;
        if (a && b)
            rc = run_diff(c, a, b);
    }
    pointset_free(&sa);
    pointset_free(&sb);
    return rc;
}

/* --compare A,B: two points of the files loaded together. */
static int diff_named(const cli_t *c)
{
    pointset_t set = POINTSET_INIT;
    char *title = NULL;
    const point_t *a, *b;
    int rc = EXIT_USAGE;
    if (cli_load(c, &set, NULL, &title, NULL) && cli_compare(c, &set, &a, &b))
        rc = run_diff(c, a, b);
    free(title);
    pointset_free(&set);
    return rc;
}

int cmd_diff(int argc, char **argv)
{
    cli_t c;
    if (!cli_parse(&c, CLI_DIFF, argc, argv))
        return EXIT_USAGE;
    if (c.output.format == REPORT_SVG) {
        cli_error("--format: diff writes text, json, markdown or csv");
        return EXIT_USAGE;
    }
    if (c.analysis.compare ? c.data.nfiles < 1 : c.data.nfiles != 2) {
        if (c.analysis.compare)
            cli_error("diff: --compare names points of the files given: expected at least one file");
        else
            cli_error("diff: expected two files, A and B (or --compare A,B and the files); got %d", c.data.nfiles);
        cli_hint(&c);
        return EXIT_USAGE;
    }
    return c.analysis.compare ? diff_named(&c) : diff_files(&c);
}
