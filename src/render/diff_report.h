/* diff_report: what changed, prompt by prompt, between two measurements of
 * the same prompts (`tradeoff diff`), as text, JSON, Markdown or CSV.
 *
 * For the harmful set and the benign set apart: the 2x2 table of refused
 * and complied in A against B, the rate under each with the change B - A,
 * its paired interval and McNemar's exact p (core/pairing.h,
 * pairing_stats), and the prompts that flipped each way, by category, with
 * their id and (where the file has one) prompt text; then the prompts in
 * one file only. Text cuts each line to the width; JSON has every text
 * whole. The figures are computed once, in core; this only writes them. */
#ifndef TRADEOFF_DIFF_REPORT_H
#define TRADEOFF_DIFF_REPORT_H

#include "base/strbuf.h"
#include "core/pairing.h"
#include "core/point.h"
#include "load/prompttext.h"
#include "render/report.h"

typedef struct {
    const point_t *a, *b;        /* both with per-prompt logs */
    const char *a_file, *b_file; /* their files, sanitised */
    const pairing_t *pr;         /* run with lists */
    /* The ids and texts of the listed prompts, parallel to the lists:
     * flips[set][0] to pr->set[set].r2c (refused, then complied),
     * flips[set][1] to .c2r; a_only and b_only to pr->a_only_idx and
     * pr->b_only_idx. */
    const prompttext_t *flips[2][2];
    const prompttext_t *a_only, *b_only;
    double confidence;
    int width;                   /* text: no line is wider */
} diff_report_t;

/* REPORT_TEXT, REPORT_JSON, REPORT_MARKDOWN or REPORT_CSV. */
void diff_report_render(sb_t *out, const diff_report_t *d, report_format_t fmt);
/* The judge of a point with per-prompt data (its verdict column). */
const char *diff_report_judge(const point_t *p);

#endif
