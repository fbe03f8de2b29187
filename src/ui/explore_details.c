/* explore_details: everything the explorer knows of one point, as text for
 * the details view (d: full screen, scrolled) and the summary under the
 * controls on tall screens. Nothing is cut here: each line is a paragraph
 * that the view wraps to its width. See explore.h. */
#include "config.h"

#include "base/num.h"
#include "base/text.h"
#include "core/stats.h"
#include "render/analysis_report.h"
#include "ui/explore.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends text from an input file, sanitised again (the screen is safe
 * whatever a loader kept). */
static void put_input(sb_t *out, const char *s)
{
    char *clean = text_sanitize(s ? s : "", strlen(s ? s : ""));
    sb_puts(out, clean);
    free(clean);
}

/* "ASR 0.00%: 0 of 1,600 (95% interval 0.00%-0.24%)"; the rate beside the
 * policy's bound (num_format_pct_beside), as the report and the list show it */
static void rate_line(const explore_t *ex, const point_t *p, bool asr, sb_t *out)
{
    double rate = asr ? p->asr : p->orr, bound = asr ? ex->scenario.policy.asr.max : ex->scenario.policy.orr.max;
    char a[48], b[48];
    sb_printf(out, "%s %s: ", asr ? "ASR" : "ORR", isnan(rate) ? "unknown" : num_format_pct_beside(rate, bound, a, sizeof a));
    point_counts_describe(out, p, asr, ex->ascii);
    stats_interval_t ci = asr ? stats_asr_interval(p, ex->analysis.confidence, ex->analysis.interval)
                              : stats_orr_interval(p, ex->analysis.confidence, ex->analysis.interval);
    if (ci.known)
        sb_printf(out, " (%.0f%% interval %s-%s)", ex->analysis.confidence * 100, num_format_pct(ci.lo, a, sizeof a),
                  num_format_pct(ci.hi, b, sizeof b));
    sb_putc(out, '\n');
    double lo, hi;
    if (point_unrecognised_range(p, asr, &lo, &hi))
        sb_printf(out, "  %s %s-%s whichever way the unrecognised verdicts go\n", asr ? "ASR" : "ORR",
                  num_format_pct(lo, a, sizeof a), num_format_pct(hi, b, sizeof b));
}

static void marks_line(const explore_t *ex, size_t i, sb_t *out)
{
    const frontier_mark_t *m = &ex->groups.marks[i];
    if (curves_of_point(&ex->curves, i) >= 0) {
        const curve_whole_t *w = &ex->curves.items[curves_of_point(&ex->curves, i)];
        sb_printf(out, "%s on its curve's Pareto frontier\n",
                  curve_step_on_frontier(&w->curve, w->step) ? "This threshold is" : "This threshold is not");
        return;
    }
    if (m->pareto_optimal) {
        sb_printf(out, "Pareto-optimal in its group%s\n", m->on_hull ? ", on the achievable hull" : "");
        return;
    }
    if (!m->ndominated_by)
        return;
    sb_puts(out, "dominated by ");
    for (size_t k = 0; k < m->ndominated_by; k++) {
        char name[200];
        explore_point_name(ex, m->dominated_by[k], name, sizeof name);
        sb_printf(out, "%s%s", k ? "; " : "", name);
    }
    sb_putc(out, '\n');
}

/* "ASR 12.00% (+11.50 pp)": a rate under another judge and its change
 * from this point's; "unknown" without prompts. */
static void judge_rate(sb_t *sb, const char *what, long long k, long long n, double own)
{
    char a[32];
    if (n <= 0) {
        sb_printf(sb, "%s unknown", what);
        return;
    }
    double rate = (double)k / (double)n;
    sb_printf(sb, "%s %s (", what, num_format_pct(rate, a, sizeof a));
    analysis_report_pp(sb, rate - own);
    sb_puts(sb, ")");
}

/* How a judged point's rates move under the other judges of its file: the
 * same answers, the same treatment of unrecognised verdicts. */
static void other_judges(const point_t *p, sb_t *out)
{
    const promptlog_t *log = p->prompts;
    if (!log || log->njudges < 2)
        return;
    for (size_t j = 0; j < log->njudges; j++) {
        if ((int)j == p->prompts_judge)
            continue;
        promptlog_counts_t c = promptlog_counts(log, (int)j, (int)p->unrecognised_as);
        sb_puts(out, "under ");
        put_input(out, log->judges[j]);
        sb_puts(out, ": ");
        judge_rate(out, "ASR", c.complied, c.n_harmful, p->asr);
        sb_puts(out, ", ");
        judge_rate(out, "ORR", c.refused, c.n_benign, p->orr);
        sb_putc(out, '\n');
    }
}

/* The warnings of loading about point p (or its file), in full. */
static void point_warnings(const explore_t *ex, const point_t *p, sb_t *out)
{
    for (size_t w = 0; w < ex->warnings.nwarnings; w++)
        if (diag_warning_about(&ex->warnings, w, p->source, p->line))
            sb_printf(out, "warning: %s\n", ex->warnings.warnings[w]);
}

void explore_details_text(const explore_t *ex, size_t i, sb_t *out)
{
    const point_t *p = &ex->set.items[i];
    char a[48], b[48], name[200];
    explore_point_name(ex, i, name, sizeof name);
    sb_printf(out, "%s\n", name);
    rate_line(ex, p, true, out);
    rate_line(ex, p, false, out);
    other_judges(p, out);
    if (p->series) {
        sb_puts(out, "series: ");
        put_input(out, p->series);
        sb_putc(out, '\n');
    }
    long c = curves_of_point(&ex->curves, i);
    if (c >= 0) {
        const curve_whole_t *w = &ex->curves.items[c];
        char t[48];
        sb_printf(out, "an exact curve of %s thresholds, each measured: this is threshold %s, step %s of them\n",
                  num_format_int((double)w->curve.len, a, sizeof a), num_format_json(p->knob, t, sizeof t),
                  num_format_int((double)(w->step + 1), b, sizeof b));
    } else if (isfinite(p->knob)) {
        sb_printf(out, "%s: %s\n", ex->set.knob_name ? ex->set.knob_name : "threshold",
                  num_format_json(p->knob, a, sizeof a));
    }
    bool in = ex->in_group && ex->in_group[i];
    sb_puts(out, "group: ");
    put_input(out, point_group(p));
    sb_puts(out, in ? "\n" : " (not the current group)\n");
    marks_line(ex, i, out);
    point_warnings(ex, p, out);
    sb_printf(out, "#%zu in the order of the input", i + 1);
    if (strcmp(ex->names.names[i], p->name) != 0)
        sb_printf(out, "; the list shows it as %s", ex->names.names[i]);
    sb_putc(out, '\n');
    for (size_t k = 0; k < p->nattrs; k++) {
        put_input(out, p->attrs[k].key);
        sb_puts(out, ": ");
        put_input(out, p->attrs[k].value);
        sb_putc(out, '\n');
    }
    for (size_t k = 0; k < p->ncategories; k++) {
        const category_t *cat = &p->categories[k];
        sb_puts(out, "category ");
        put_input(out, cat->name);
        sb_printf(out, "%s: ASR %s", cat->critical ? " (critical)" : "",
                  isnan(cat->asr) ? "unknown" : num_format_pct(cat->asr, a, sizeof a));
        if (cat->n_adversarial > 0 && cat->attack_successes >= 0)
            sb_printf(out, " (%s of %s)", num_format_int((double)cat->attack_successes, a, sizeof a),
                      num_format_int((double)cat->n_adversarial, b, sizeof b));
        sb_putc(out, '\n');
    }
    sb_puts(out, "from ");
    put_input(out, p->source ? p->source : "?");
    if (p->line)
        sb_printf(out, ":%ld", p->line);
    sb_putc(out, '\n');
}
