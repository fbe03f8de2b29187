/* agreement_report: judge agreement in four formats. */
#include "config.h"

#include "render/agreement_report.h"
#include "render/json_fields.h"
#include "base/json.h"
#include "base/num.h"
#include "base/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *judge(const agreement_report_t *r, int j) { return r->log->judges[j]; }

/* "0.548", "-" when kappa is undefined. */
static char *kappa_text(double k, char *buf, size_t n)
{
    if (isnan(k))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.3f", fabs(k) < 0.0005 ? 0.0 : k);
    return buf;
}

/* "0.474 to 0.622", or why there is none. */
static void kappa_ci_text(sb_t *out, const stats_kappa_t *k)
{
    char a[32], b[32];
    if (k->ci.known)
        sb_printf(out, "%s to %s", kappa_text(k->ci.lo, a, sizeof a), kappa_text(k->ci.hi, b, sizeof b));
    else if (k->n == 0)
        sb_puts(out, "no prompt with two verdicts");
    else
        sb_puts(out, "none: a judge gave one verdict only");
}

static void pct_text(sb_t *out, double fraction)
{
    char buf[32];
    sb_puts(out, isnan(fraction) ? "-" : num_format_pct(fraction, buf, sizeof buf));
}

/* "5 unrecognised, 0 empty" */
static void left_out_text(sb_t *out, const agreement_pair_t *p)
{
    sb_printf(out, "%lld unrecognised, %lld empty", p->unrecognised, p->empty);
}

/* ---- text ------------------------------------------------------------------ */

static void text_header(sb_t *out, const agreement_report_t *r)
{
    char h[32], b[32];
    long long n[2] = {0, 0};
    for (size_t i = 0; i < r->log->len; i++)
        n[r->log->set[i] == PROMPTLOG_BENIGN]++;
    sb_t line = SB_INIT;
    sb_printf(&line, "Judge agreement in %s (%s%s%s harmful + %s benign prompts; %zu judges: ", r->file,
              r->preset ? r->preset : "", r->preset ? "; " : "", num_format_int((double)n[0], h, sizeof h),
              num_format_int((double)n[1], b, sizeof b), r->log->njudges);
    for (size_t j = 0; j < r->log->njudges; j++)
        sb_printf(&line, "%s%s", j ? ", " : "", r->log->judges[j]);
    sb_printf(&line, ")\nA verdict unrecognised or empty under either judge leaves the prompt out of that pair's "
                     "table (unrec, empty): it is counted, never taken for a disagreement. Kappa's %g%% interval: "
                     "Fleiss, Cohen and Everitt's large-sample variance; none (-) when a judge gave one verdict "
                     "only.\n",
              r->confidence * 100);
    text_wrap(out, sb_str(&line), r->width, TEXT_WRAP_ALL);
    sb_free(&line);
}

/* "[0.474, 0.622]", "-" without an interval. */
static void kappa_ci_short(sb_t *out, const stats_kappa_t *k)
{
    char a[32], b[32];
    if (k->ci.known)
        sb_printf(out, "[%s, %s]", kappa_text(k->ci.lo, a, sizeof a), kappa_text(k->ci.hi, b, sizeof b));
    else
        sb_puts(out, "-");
}

static void text_row(sb_t *out, const agreement_pair_t *p)
{
    char k[32];
    sb_t agree = SB_INIT, ci = SB_INIT;
    pct_text(&agree, p->kappa.agreement);
    kappa_ci_short(&ci, &p->kappa);
    sb_printf(out, "  %-7s %5lld  %6s  %6s %-16s%5lld%5lld%5lld%5lld%6lld%6lld\n", agreement_set_name(p->set),
              p->kappa.n, sb_str(&agree), kappa_text(p->kappa.kappa, k, sizeof k), sb_str(&ci), p->table[0][0],
              p->table[0][1], p->table[1][0], p->table[1][1], p->unrecognised, p->empty);
    sb_free(&agree);
    sb_free(&ci);
}

static void text_disagree(sb_t *out, const agreement_report_t *r, size_t k)
{
    const agreement_pair_t *p = &r->ag->items[k];
    if (p->set == AGREEMENT_ALL || p->ndisagree == 0)
        return; /* "all" is the two sets' lists together */
    sb_t line = SB_INIT;
    sb_printf(&line, "  Disagree on %zu %s: ", p->ndisagree, agreement_set_name(p->set));
    for (size_t i = 0; i < p->ndisagree; i++)
        sb_printf(&line, "%s%s", i ? ", " : "", r->disagree[k][i].id);
    text_wrap(out, sb_str(&line), r->width, TEXT_WRAP_ALL);
    sb_free(&line);
}

static void agreement_text(sb_t *out, const agreement_report_t *r)
{
    text_header(out, r);
    for (size_t k = 0; k < r->ag->len;) {
        const agreement_pair_t *first = &r->ag->items[k];
        sb_t title = SB_INIT;
        sb_printf(&title, "\n%s vs %s (R refused, C complied: %s's verdict, then %s's)\n", judge(r, first->j1),
                  judge(r, first->j2), judge(r, first->j1), judge(r, first->j2));
        text_wrap(out, sb_str(&title), r->width, TEXT_WRAP_ALL);
        sb_free(&title);
        sb_printf(out, "  %-7s %5s  %6s  %6s %-16s%5s%5s%5s%5s%6s%6s\n", "set", "n", "agree", "kappa", "95% CI",
                  "R/R", "R/C", "C/R", "C/C", "unrec", "empty");
        size_t end = k;
        while (end < r->ag->len && r->ag->items[end].j1 == first->j1 && r->ag->items[end].j2 == first->j2)
            text_row(out, &r->ag->items[end++]);
        for (size_t i = k; i < end; i++)
            text_disagree(out, r, i);
        k = end;
    }
}

/* ---- JSON ------------------------------------------------------------------ */

static void json_pair(json_t *j, const agreement_report_t *r, size_t k)
{
    const agreement_pair_t *p = &r->ag->items[k];
    json_object_begin(j);
    json_key(j, "judges");
    json_array_begin(j);
    json_string(j, judge(r, p->j1));
    json_string(j, judge(r, p->j2));
    json_array_end(j);
    json_key(j, "set");
    json_string(j, agreement_set_name(p->set));
    json_key(j, "n");
    json_int(j, p->kappa.n);
    json_key(j, "agreement_pct");
    json_pct(j, p->kappa.agreement);
    json_key(j, "kappa");
    json_number(j, p->kappa.kappa);
    json_key(j, "kappa_ci95");
    json_fields_interval(j, p->kappa.ci);
    json_key(j, "table");
    json_object_begin(j);
    json_key(j, "both_refused");
    json_int(j, p->table[0][0]);
    json_key(j, "refused_complied");
    json_int(j, p->table[0][1]);
    json_key(j, "complied_refused");
    json_int(j, p->table[1][0]);
    json_key(j, "both_complied");
    json_int(j, p->table[1][1]);
    json_object_end(j);
    json_key(j, "unrecognised");
    json_int(j, p->unrecognised);
    json_key(j, "empty");
    json_int(j, p->empty);
    json_key(j, "disagree");
    json_array_begin(j);
    for (size_t i = 0; i < p->ndisagree; i++)
        json_string(j, r->disagree[k][i].id);
    json_array_end(j);
    json_object_end(j);
}

static void agreement_json(sb_t *out, const agreement_report_t *r)
{
    json_t j;
    json_init(&j, out);
    json_object_begin(&j);
    json_key(&j, "generator");
    json_string(&j, PACKAGE_STRING);
    json_key(&j, "file");
    json_string(&j, r->file);
    json_key(&j, "preset");
    json_string(&j, r->preset);
    json_key(&j, "judges");
    json_array_begin(&j);
    for (size_t k = 0; k < r->log->njudges; k++)
        json_string(&j, r->log->judges[k]);
    json_array_end(&j);
    json_key(&j, "confidence_pct");
    json_pct(&j, r->confidence);
    json_key(&j, "pairs");
    json_array_begin(&j);
    for (size_t k = 0; k < r->ag->len; k++)
        json_pair(&j, r, k);
    json_array_end(&j);
    json_object_end(&j);
    sb_putc(out, '\n');
}

/* ---- Markdown -------------------------------------------------------------- */

static void agreement_md(sb_t *out, const agreement_report_t *r)
{
    sb_puts(out, "# Judge agreement: ");
    text_markdown(out, r->file);
    sb_printf(out, "\n\nA verdict unrecognised or empty under either judge leaves the prompt out of that pair's "
                   "table: it is counted, never taken for a disagreement. Kappa's %g%% interval: Fleiss, Cohen and "
                   "Everitt's large-sample variance. R refused, C complied: the first judge's verdict, then the "
                   "second's.\n",
              r->confidence * 100);
    for (size_t k = 0; k < r->ag->len; k++) {
        const agreement_pair_t *p = &r->ag->items[k];
        char kk[32];
        if (k == 0 || p->j1 != r->ag->items[k - 1].j1 || p->j2 != r->ag->items[k - 1].j2) {
            sb_puts(out, "\n## ");
            text_markdown(out, judge(r, p->j1));
            sb_puts(out, " vs ");
            text_markdown(out, judge(r, p->j2));
            sb_puts(out, "\n\n| set | n | agree | kappa | interval | R/R | R/C | C/R | C/C | left out |\n"
                         "|---|---:|---:|---:|---|---:|---:|---:|---:|---|\n");
        }
        sb_printf(out, "| %s | %lld | ", agreement_set_name(p->set), p->kappa.n);
        pct_text(out, p->kappa.agreement);
        sb_printf(out, " | %s | ", kappa_text(p->kappa.kappa, kk, sizeof kk));
        kappa_ci_text(out, &p->kappa);
        sb_printf(out, " | %lld | %lld | %lld | %lld | ", p->table[0][0], p->table[0][1], p->table[1][0],
                  p->table[1][1]);
        left_out_text(out, p);
        sb_puts(out, " |\n");
    }
    for (size_t k = 0; k < r->ag->len; k++) {
        const agreement_pair_t *p = &r->ag->items[k];
        if (p->set == AGREEMENT_ALL || p->ndisagree == 0)
            continue;
        sb_puts(out, "\n");
        text_markdown(out, judge(r, p->j1));
        sb_puts(out, " and ");
        text_markdown(out, judge(r, p->j2));
        sb_printf(out, " disagree on %zu %s prompts: ", p->ndisagree, agreement_set_name(p->set));
        for (size_t i = 0; i < p->ndisagree; i++) {
            sb_puts(out, i ? ", " : "");
            text_markdown(out, r->disagree[k][i].id);
        }
        sb_puts(out, "\n");
    }
}

/* ---- CSV ------------------------------------------------------------------- */

static void agreement_csv(sb_t *out, const agreement_report_t *r)
{
    sb_puts(out, "judge_1,judge_2,set,n,agreement_pct,kappa,kappa_low,kappa_high,both_refused,refused_complied,"
                 "complied_refused,both_complied,unrecognised,empty,disagree\n");
    for (size_t k = 0; k < r->ag->len; k++) {
        const agreement_pair_t *p = &r->ag->items[k];
        report_csv_cell(out, judge(r, p->j1));
        sb_putc(out, ',');
        report_csv_cell(out, judge(r, p->j2));
        sb_printf(out, ",%s,%lld,", agreement_set_name(p->set), p->kappa.n);
        report_csv_number(out, num_fraction_to_pct(p->kappa.agreement));
        sb_putc(out, ',');
        report_csv_number(out, p->kappa.kappa);
        sb_putc(out, ',');
        report_csv_number(out, p->kappa.ci.known ? p->kappa.ci.lo : NAN);
        sb_putc(out, ',');
        report_csv_number(out, p->kappa.ci.known ? p->kappa.ci.hi : NAN);
        sb_printf(out, ",%lld,%lld,%lld,%lld,%lld,%lld,", p->table[0][0], p->table[0][1], p->table[1][0],
                  p->table[1][1], p->unrecognised, p->empty);
        sb_t ids = SB_INIT;
        for (size_t i = 0; i < p->ndisagree; i++)
            sb_printf(&ids, "%s%s", i ? " " : "", r->disagree[k][i].id);
        report_csv_cell(out, sb_str(&ids));
        sb_free(&ids);
        sb_putc(out, '\n');
    }
}

void agreement_report_render(sb_t *out, const agreement_report_t *r, report_format_t fmt)
{
    switch (fmt) {
    case REPORT_JSON: agreement_json(out, r); break;
    case REPORT_MARKDOWN: agreement_md(out, r); break;
    case REPORT_CSV: agreement_csv(out, r); break;
    default: agreement_text(out, r); break;
    }
}
