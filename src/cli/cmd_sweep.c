/* tradeoff sweep FILE: the exact curve of a per-prompt score file (or of
 * binned counts) as an operating-point CSV that tradeoff loads back. */
#include "config.h"

#include "cli/cmd.h"
#include "core/curve.h"
#include "base/exitcode.h"
#include "base/num.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_sweep(int argc, char **argv)
{
    cli_t c;
    if (!cli_parse(&c, CLI_SWEEP, argc, argv))
        return EXIT_USAGE;
    if (c.data.nfiles != 1) {
        cli_error("sweep: expected one per-prompt score file or binned counts, got %d files "
                  "(tradeoff sweep [--points N] [-o OUT] FILE)",
                  c.data.nfiles);
        return EXIT_USAGE;
    }
    curve_t curve = CURVE_INIT;
    if (!cli_load_file(&c, c.data.files[0], NULL, &curve, NULL))
        return EXIT_USAGE;
    size_t *keep = xmalloc((curve.len ? curve.len : 1) * sizeof *keep);
    size_t n = curve_thin(&curve, c.sweep.points, true, keep);
    if (c.sweep.points && n > c.sweep.points) {
        char a[32], b[32];
        fprintf(stderr,
                "tradeoff: note: --points %zu: the Pareto frontier alone has %s of the %s thresholds; all of it "
                "is kept (%zu rows)\n",
                c.sweep.points, num_format_int((double)curve_frontier_size(&curve), a, sizeof a),
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
