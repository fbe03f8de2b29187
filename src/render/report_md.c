/* report_md: the report as Markdown, for meeting notes and pull requests.
 *
 * The same content as the text report (chart, table, projections, the
 * comparison sentence, policy verdicts) plus the assumptions it rests on:
 * volume, adversarial share, costs, policy and the data files with their
 * SHA-256 checksums, so that a reader can tell exactly what was computed.
 * Every piece of text from an input file is sanitised and then escaped
 * (text_markdown, the one Markdown escaper), so a point named "*x* | <b>"
 * cannot change the table or inject HTML. */
#include "config.h"

#include "core/analysis.h"
#include "render/chart.h"
#include "base/num.h"
#include "render/report.h"
#include "render/analysis_report.h"
#include "core/builtin.h"
#include "base/digest.h"
#include "base/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MD_CHART_WIDTH 72
#define MD_CHART_HEIGHT 20

static void md_chart(sb_t *out, const report_t *r, const analysis_t *an)
{
    size_t drawable = 0;
    for (size_t i = 0; i < r->points->len; i++)
        drawable += point_has_rates(&r->points->items[i]);
    if (drawable == 0) {
        /* An empty frame says nothing in meeting notes. */
        sb_puts(out, "## Chart\n\nNo chart: no point has both rates measured (an attack success rate and an "
                     "over-refusal rate).\n\n");
        return;
    }
    /* the report's chart (its size, scales and labels); without one, the
     * notes' own size */
    chart_focus_t cf;
    chart_focus_init(&cf, &an->groups, analysis_focus(an, r->group));
    chart_opts_t o = chart_report_opts(r->chart, r->points, r->scenario, &cf);
    if (!r->chart) {
        o.width = MD_CHART_WIDTH;
        o.height = MD_CHART_HEIGHT;
    }
    o.ascii = true; /* meeting notes are read in many fonts: ASCII is safe in all */
    sb_t chart = SB_INIT;
    chart_text(&chart, &o);
    sb_puts(out, "## Chart\n\nx: over-refusal rate (ORR), y: attack success rate (ASR); lower left is better.\n\n");
    text_markdown_code(out, sb_str(&chart));
    sb_free(&chart);
    chart_focus_free(&cf);
}

/* Each group numbered (the table's Group column), with what the groups
 * rest on where the data does not say. */
static void md_groups(sb_t *out, const analysis_t *an)
{
    sb_puts(out, "## Groups\n\nRates compare only within a group: frontier, mixes, targets and optimum stay "
                 "inside one.\n\n");
    for (size_t k = 0; k < an->groups.len; k++) {
        const group_t *g = &an->groups.items[k];
        sb_printf(out, "%zu. ", k + 1);
        text_markdown(out, g->name);
        sb_printf(out, " (%zu point%s)\n", g->nmembers, g->nmembers == 1 ? "" : "s");
    }
    sb_t note = SB_INIT;
    if (groups_basis_note(&note, &an->groups)) {
        sb_puts(out, "\n");
        text_markdown(out, sb_str(&note));
        sb_puts(out, "\n");
    }
    sb_free(&note);
    sb_puts(out, "\n");
}

/* The counts behind a rate as a table cell (point_counts_table_cell), escaped. */
static void md_counts(sb_t *out, const point_t *p, bool asr)
{
    sb_t c = SB_INIT;
    point_counts_table_cell(&c, p, asr);
    text_markdown(out, sb_str(&c));
    sb_free(&c);
}

static void md_table(sb_t *out, const report_t *r, const analysis_t *an)
{
    const scenario_t *s = r->scenario;
    bool costs = model_costs_set(s);
    bool grouped = an->groups.len > 1; /* the group's number, from the Groups section */
    sb_printf(out, "## Operating points\n\n| Point |%s Series | ASR | of n | ORR | of n | Unnecessary refusals/day | "
                   "Harmful outputs/day |",
              grouped ? " Group |" : "");
    if (costs)
        sb_puts(out, " Cost/day |");
    sb_printf(out, " Policy | Frontier |\n|---|%s---|---:|---:|---:|---:|---:|---:|", grouped ? "---:|" : "");
    if (costs)
        sb_puts(out, "---:|");
    sb_puts(out, "---|---|\n");
    shortnames_t sn;
    shortnames_compute(&sn, r->points, an->groups.of);
    for (size_t i = 0; i < r->points->len; i++) {
        const point_t *p = &r->points->items[i];
        projection_t pr = model_project(s, p);
        verdict_t v = policy_check(&s->policy, p->asr, p->orr);
        char a[48], b[48];
        sb_puts(out, "| ");
        text_markdown(out, sn.names[i]);
        if (grouped)
            sb_printf(out, " | %zu", an->groups.of[i] + 1);
        sb_puts(out, " | ");
        text_markdown(out, p->series ? p->series : "-");
        sb_printf(out, " | %s | ", num_format_pct_beside(p->asr, s->policy.asr.max, a, sizeof a));
        md_counts(out, p, true);
        sb_printf(out, " | %s | ", num_format_pct_beside(p->orr, s->policy.orr.max, b, sizeof b));
        md_counts(out, p, false);
        sb_puts(out, " |");
        sb_printf(out, " %s | %s |", num_format_count(pr.refusals, a, sizeof a),
                  num_format_count(pr.harmful, b, sizeof b));
        if (costs)
            sb_printf(out, " %s |", num_format_money(pr.cost, a, sizeof a));
        sb_t verdict = SB_INIT;
        if (policy_has_bounds(&s->policy))
            verdict_describe(&verdict, &s->policy, v, p->asr, p->orr);
        else
            sb_puts(&verdict, "-");
        sb_putc(out, ' ');
        text_markdown(out, sb_str(&verdict));
        sb_puts(out, " | ");
        sb_puts(out, analysis_marks(an, i)); /* P, PH, - or ?: ours, not the input's */
        sb_puts(out, " |\n");
        sb_free(&verdict);
    }
    sb_printf(out, "\nFrontier%s: P Pareto-optimal, H on the achievable curve (reachable by mixing), - dominated, "
                   "? a rate unknown. Counts k/n behind each rate: * from rate \xc3\x97 n, ?/n n given, count "
                   "unknown.\n\n",
              grouped ? " (within the point's group)" : "");
    sb_t note = SB_INIT;
    report_short_names_note(&note, r->points, &sn);
    if (note.len) {
        text_markdown(out, sb_str(&note));
        sb_puts(out, "\n");
    }
    sb_free(&note);
    shortnames_free(&sn);
}

/* Frontier, targets, uncertainty, categories and the optimum: the text
 * report's own sections, verbatim, so the two cannot disagree. */
static void md_analysis(sb_t *out, const analysis_t *an)
{
    sb_t text = SB_INIT;
    analysis_report_text(&text, an);
    if (text.len > 0) {
        sb_puts(out, "## Analysis\n\n");
        text_markdown_code(out, sb_str(&text));
    }
    sb_free(&text);
}

static void md_comparison(sb_t *out, const report_t *r)
{
    comparison_t c = model_compare(r->scenario, r->compare_a, r->compare_b);
    sb_t sentence = SB_INIT, line = SB_INIT;
    sb_puts(out, "## Comparison: ");
    text_markdown(out, r->compare_a->name);
    sb_puts(out, " to ");
    text_markdown(out, r->compare_b->name);
    sb_puts(out, "\n\n");
    model_sentence(&sentence, r->scenario, r->compare_a->name, r->compare_b->name, &c);
    sb_puts(out, "> ");
    text_markdown(out, sb_str(&sentence));
    sb_puts(out, "\n\n");
    analysis_report_delta(&line, c.d_refusals, c.d_refusals_ci, c.confidence, false);
    sb_printf(out, "- Change in unnecessary refusals/day: %s\n", sb_str(&line));
    sb_reset(&line);
    analysis_report_delta(&line, c.d_harmful, c.d_harmful_ci, c.confidence, false);
    sb_printf(out, "- Change in harmful outputs/day: %s\n", sb_str(&line));
    if (!isnan(c.break_even)) {
        sb_reset(&line);
        analysis_report_break_even(&line, &c);
        sb_printf(out, "- Break-even exchange rate: %s\n", sb_str(&line));
    }
    if (model_costs_set(r->scenario) && !isnan(c.d_cost)) {
        sb_reset(&line);
        analysis_report_delta(&line, c.d_cost, model_cost_diff_interval(r->scenario, &c), c.confidence, true);
        sb_printf(out, "- Change in daily cost: %s\n", sb_str(&line));
    }
    sb_reset(&line);
    if (analysis_report_pairing(&line, &c)) {
        sb_puts(out, "- ");
        text_markdown(out, sb_str(&line));
        sb_puts(out, "\n");
    }
    sb_puts(out, "\n");
    sb_free(&sentence);
    sb_free(&line);
}

/* Each distinct source file of the points, once, with its checksum. */
static void md_files(sb_t *out, const report_t *r)
{
    sb_puts(out, "- Data:");
    bool any = false;
    for (size_t i = 0; i < r->points->len; i++) {
        const char *src = r->points->items[i].source;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = r->points->items[j].source && src && strcmp(r->points->items[j].source, src) == 0;
        if (!src || seen)
            continue;
        sb_puts(out, "\n  - ");
        if (strcmp(src, BUILTIN_SOURCE) == 0) {
            sb_puts(out, "the built-in scenario (the worked examples of the domain text)");
        } else {
            char hex[DIGEST_HEX_LEN];
            sb_putc(out, '`');
            char *clean = text_sanitize(src, strlen(src));
            for (char *p = clean; *p; p++)
                if (*p == '`') /* a backtick would end the code span */
                    *p = '\'';
            sb_puts(out, clean);
            free(clean);
            if (digest_file(src, hex) == 0)
                sb_printf(out, "` (SHA-256 `%s`)", hex);
            else
                sb_puts(out, "` (checksum unavailable: the file could not be read again)");
        }
        any = true;
    }
    if (!any)
        sb_puts(out, " none");
    sb_puts(out, "\n");
}

static void md_assumptions(sb_t *out, const report_t *r)
{
    const scenario_t *s = r->scenario;
    char a[48], b[48], c[48];
    sb_puts(out, "## Assumptions\n\n");
    sb_printf(out, "- Daily queries: %s\n", num_format_int(s->volume, a, sizeof a));
    sb_printf(out, "- Adversarial share: %s (%s adversarial and %s benign queries a day)\n",
              num_format_pct_exact(s->adv_share, a, sizeof a), num_format_count(s->volume * s->adv_share, b, sizeof b),
              num_format_count(s->volume * (1 - s->adv_share), c, sizeof c));
    if (model_costs_set(s))
        sb_printf(out, "- Costs: %s per unnecessary refusal, %s per harmful output\n",
                  num_format_money(s->cost_refusal, a, sizeof a), num_format_money(s->cost_harm, b, sizeof b));
    else
        sb_puts(out, "- Costs: not set\n");
    sb_t pol = SB_INIT;
    sb_puts(&pol, s->policy.label);
    if (policy_has_bounds(&s->policy)) {
        sb_puts(&pol, ": ");
        bound_describe(&pol, "ASR", s->policy.asr);
        if (s->policy.asr_scope[0])
            sb_printf(&pol, " (%s)", s->policy.asr_scope);
        sb_puts(&pol, ", ");
        bound_describe(&pol, "ORR", s->policy.orr);
    }
    sb_puts(out, "- Policy: ");
    text_markdown(out, sb_str(&pol));
    sb_puts(out, "\n");
    sb_free(&pol);
    md_files(out, r);
    sb_puts(out, "- Model: unnecessary refusals/day = V × (1 − p) × ORR; harmful outputs/day = V × p × ASR\n");
    sb_printf(out, "- %s\n\n", MODEL_ASSUMPTION);
}

void report_markdown(sb_t *out, const report_t *r)
{
    sb_puts(out, "# Trade-off report: ");
    text_markdown(out, r->title);
    sb_printf(out, "\n\n%zu operating point%s", r->points->len, r->points->len == 1 ? "" : "s");
    report_filtered_clause(out, r->points, text_markdown);
    sb_printf(out, "; generated by tradeoff %s.\n\n", PACKAGE_VERSION);
    analysis_t an;
    analysis_compute(&an, r->points, r->scenario, r->analysis);
    md_chart(out, r, &an);
    md_groups(out, &an);
    md_table(out, r, &an);
    report_warnings(out, r, "\n## Warnings of loading\n\n", "- ", text_markdown, 0);
    md_analysis(out, &an);
    if (r->compare_a && r->compare_b)
        md_comparison(out, r);
    md_assumptions(out, r);
    analysis_free(&an);
}
