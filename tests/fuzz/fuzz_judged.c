/* fuzz_judged: per-prompt judgements (judged.c through load_buffer). The
 * first byte picks a preset (0: none, the verdict column found from the
 * header; 1: xstest; 2: jailbreakbench), the rest is the file. Beyond the
 * loader's promises, the per-prompt log the points share is paired with
 * itself and its judges compared (core/pairing.h, core/agreement.h): every
 * prompt is counted once in the tables, and the diff report, in every
 * format, holds no control character. */
#include "config.h"

#include "fuzz.h"
#include "base/text.h"
#include "core/agreement.h"
#include "core/pairing.h"
#include "load/load.h"
#include "load/prompttext.h"
#include "render/diff_report.h"

#include <stdlib.h>
#include <string.h>

static void check_report_text(const char *s)
{
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 && *p != '\n')
            fuzz_fail("diff report", "holds a control character");
}

/* The point paired with itself: every prompt matched, none flipped. */
static void check_self_pairing(const point_t *p)
{
    pairing_t pr;
    if (!pairing_run(&pr, pairing_side(p), pairing_side(p), true)) {
        if (!pr.why || !text_is_clean(pr.why))
            fuzz_fail("pairing", "refused without a clean reason");
        pairing_free(&pr);
        return;
    }
    long long counted = 0;
    for (int s = 0; s < 2; s++) {
        const pairing_set_t *t = &pr.set[s];
        if (t->refused_then_complied || t->complied_then_refused || t->excluded_a || t->excluded_b)
            fuzz_fail("pairing", "a file differs from itself");
        counted += pairing_counted(t) + t->excluded_both;
    }
    if (counted != pr.matched || pr.a_only || pr.b_only || (size_t)pr.matched != p->prompts->len)
        fuzz_fail("pairing", "a prompt was not counted once");
    prompttext_t none[1];
    diff_report_t dr = {p, p, "a.csv", "b.csv", &pr, {{none, none}, {none, none}}, none, none, 0.95, 80};
    for (report_format_t f = REPORT_TEXT; f <= REPORT_CSV; f++) {
        sb_t out = SB_INIT;
        diff_report_render(&out, &dr, f);
        check_report_text(sb_str(&out));
        sb_free(&out);
    }
    pairing_free(&pr);
}

/* Each pair of judges: every prompt of the set counted once. */
static void check_agreement(const promptlog_t *log)
{
    int *judges = malloc((log->njudges ? log->njudges : 1) * sizeof *judges);
    for (size_t j = 0; j < log->njudges; j++)
        judges[j] = (int)j;
    agreement_t ag;
    agreement_compute(&ag, log, judges, log->njudges, 0.95);
    for (size_t k = 0; k < ag.len; k++) {
        const agreement_pair_t *a = &ag.items[k];
        long long n = a->table[0][0] + a->table[0][1] + a->table[1][0] + a->table[1][1];
        long long all = 0;
        for (size_t i = 0; i < log->len; i++)
            all += a->set == AGREEMENT_ALL || log->set[i] == a->set;
        if (n + a->unrecognised + a->empty != all || (long long)a->ndisagree != a->table[0][1] + a->table[1][0])
            fuzz_fail("agreement", "a prompt was not counted once");
    }
    agreement_free(&ag);
    free(judges);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const presets[] = {NULL, "xstest", "jailbreakbench"};
    if (size < 1)
        return 0;
    input_opts_t opts = INPUT_OPTS_INIT;
    opts.kind = INPUT_JUDGED;
    opts.preset = presets[data[0] % 3];
    fuzz_load_and_check(data + 1, size - 1, &opts, true);
    pointset_t set = POINTSET_INIT;
    diag_t d = DIAG_INIT;
    if (load_buffer(&set, "fuzz.csv", (const char *)data + 1, size - 1, &opts, &d) == 0 && set.len > 0 &&
        set.items[0].prompts) {
        check_self_pairing(&set.items[0]);
        check_agreement(set.items[0].prompts);
    }
    pointset_free(&set);
    diag_free(&d);
    return 0;
}
