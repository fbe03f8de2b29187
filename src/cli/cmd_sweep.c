/* tradeoff sweep FILE: the exact curve of a per-prompt score file (or of
 * binned counts) as an operating-point CSV that tradeoff loads back. */
#include "config.h"

#include "cli/cmd.h"
#include "core/curve.h"
#include "base/exitcode.h"
#include "cli/loadprogress.h"
#include "base/num.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool load_curve(const cli_t *c, curve_t *curve)
{
    input_opts_t opts = c->load;
    loadprogress_attach(&opts, c->files[0]);
    diag_t d = DIAG_INIT;
    int rc = load_curve_file(curve, c->files[0], &opts, &d);
    loadprogress_end();
    for (size_t w = 0; w < d.nwarnings; w++)
        fprintf(stderr, "tradeoff: warning: %s\n", d.warnings[w]);
    if (rc != 0)
        fprintf(stderr, "tradeoff: %s\n", d.error ? d.error : "cannot load file");
    diag_free(&d);
    return rc == 0;
}

int cmd_sweep(int argc, char **argv)
{
    cli_t c = {.command = "sweep"};
    if (!cli_parse(&c, argc, argv, OPT_LOAD | OPT_JUDGED | OPT_SWEEP | OPT_FORMAT))
        return EXIT_USAGE;
    if (c.nfiles != 1) {
        cli_error("sweep: expected one per-prompt score file or binned counts, got %d files "
                  "(tradeoff sweep [--points N] [-o OUT] FILE)",
                  c.nfiles);
        return EXIT_USAGE;
    }
    if (c.format != REPORT_TEXT) {
        cli_error("--format does not apply to 'sweep': it writes an operating-point CSV");
        return EXIT_USAGE;
    }
    curve_t curve = CURVE_INIT;
    if (!load_curve(&c, &curve))
        return EXIT_USAGE;
    size_t *keep = xmalloc((curve.len ? curve.len : 1) * sizeof *keep);
    size_t n = curve_thin(&curve, c.sweep_points, true, keep);
    if (c.sweep_points && n > c.sweep_points) {
        char a[32], b[32];
        fprintf(stderr,
                "tradeoff: note: --points %zu: the Pareto frontier alone has %s of the %s thresholds; all of it "
                "is kept (%zu rows)\n",
                c.sweep_points, num_format_int((double)curve_frontier_size(&curve), a, sizeof a),
                num_format_int((double)curve.len, b, sizeof b), n);
    }
    sb_t out = SB_INIT;
    curve_write_csv(&curve, keep, n, &out);
    int rc = cmd_emit(&c, &out);
    sb_free(&out);
    free(keep);
    curve_free(&curve);
    return rc;
}
