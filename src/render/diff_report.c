/* diff_report: the prompts that changed, in four formats. */
#include "config.h"

#include "render/diff_report.h"
#include "render/analysis_report.h"
#include "render/json_fields.h"
#include "base/json.h"
#include "base/num.h"
#include "base/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *set_title(int set) { return set == PROMPTLOG_BENIGN ? "Benign" : "Harmful"; }
static const char *set_key(int set) { return set == PROMPTLOG_BENIGN ? "benign" : "harmful"; }
static const char *rate_name(int set) { return set == PROMPTLOG_BENIGN ? "over-refusal" : "attack success"; }

const char *diff_report_judge(const point_t *p) { return p->prompts->judges[p->prompts_judge]; }

/* The k-th (0 or 1) kind of flip of a set in listing order (core/pairing.h:
 * the worse first), and its list. */
static const pairing_pair_t *set_flip(const diff_report_t *d, int set, int k, const pairing_flip_t **fl,
                                      long long *n)
{
    *fl = &pairing_flips[0];
    for (int f = 0, seen = 0; f < PAIRING_NFLIPS; f++)
        if (pairing_flips[f].set == set && seen++ == k)
            *fl = &pairing_flips[f];
    return pairing_flip_list(d->pr, *fl, n);
}

/* Prompt i's category in A's file, or NULL. */
static const char *category_of(const diff_report_t *d, size_t i)
{
    const promptlog_t *log = d->a->prompts;
    uint32_t c = log->category[i];
    return c == PROMPTLOG_NO_CATEGORY ? NULL : log->categories[c];
}

static bool judges_differ(const diff_report_t *d)
{
    return strcmp(diff_report_judge(d->a), diff_report_judge(d->b)) != 0;
}

/* "The judges differ: A is judged by final_label, B by gpt4_label; ..." */
static void judges_note(sb_t *out, const diff_report_t *d)
{
    sb_printf(out, "The judges differ: A is judged by %s, B by %s; a prompt that flipped may have had the same "
                   "answer judged two ways.",
              diff_report_judge(d->a), diff_report_judge(d->b));
}

/* "Paired by id on 450 prompts (200 harmful, 250 benign); 3 only in A, none
 * only in B." */
static void pairing_line(sb_t *out, const diff_report_t *d)
{
    const pairing_t *pr = d->pr;
    pairing_summary_t ps = {.n_harmful = pairing_counted(&pr->set[0]), .n_benign = pairing_counted(&pr->set[1])};
    char a[48], b[48];
    pairing_phrase(out, &ps, true);
    sb_printf(out, " by %s", d->a->prompts->key_name);
    if (pr->a_only || pr->b_only)
        sb_printf(out, "; %s only in A, %s only in B (not compared)", num_format_int((double)pr->a_only, a, sizeof a),
                  num_format_int((double)pr->b_only, b, sizeof b));
    else
        sb_puts(out, "; every prompt is in both files");
    sb_puts(out, ".");
}

/* "attack success 0.50% -> 1.00%, +0.50 pp (95% paired interval -0.90 pp
 * to +2.10 pp: within noise); McNemar exact p = 1.000" */
static void rates_phrase(sb_t *out, const diff_report_t *d, int set, const pairing_stats_t *st)
{
    char a[32], b[32], p[32];
    if (st->n == 0) {
        sb_printf(out, "no prompt counted on both sides: %s unknown", rate_name(set));
        return;
    }
    sb_printf(out, "%s %s -> %s, ", rate_name(set), num_format_pct(st->rate_a, a, sizeof a),
              num_format_pct(st->rate_b, b, sizeof b));
    analysis_report_pp(out, st->delta);
    sb_printf(out, " (%g%% paired interval ", d->confidence * 100);
    analysis_report_pp(out, st->ci.lo);
    sb_puts(out, " to ");
    analysis_report_pp(out, st->ci.hi);
    sb_printf(out, "%s); McNemar exact p = %s", stats_interval_excludes_zero(st->ci) ? "" : ": within noise",
              stats_format_p(st->mcnemar_p, p, sizeof p));
}

static long long left_out(const pairing_set_t *s) { return s->excluded_a + s->excluded_b + s->excluded_both; }

/* "3 prompts with an unrecognised or empty verdict (2 in A only, 1 in B
 * only, none in both)" */
static void left_out_phrase(sb_t *out, const pairing_set_t *s)
{
    char n[48], x[48], y[48], z[48];
    sb_printf(out, "%s prompt%s with an unrecognised or empty verdict left out (%s in A only, %s in B only, %s in "
                   "both)",
              num_format_int((double)left_out(s), n, sizeof n), left_out(s) == 1 ? "" : "s",
              num_format_int((double)s->excluded_a, x, sizeof x), num_format_int((double)s->excluded_b, y, sizeof y),
              num_format_int((double)s->excluded_both, z, sizeof z));
}

/* ---- text ------------------------------------------------------------------ */

/* Appends `line` cut to the width, and a newline. */
static void text_line(sb_t *out, const char *line, int width)
{
    if (text_width(line) > width) {
        sb_t cut = SB_INIT;
        text_pad(&cut, line, width, false);
        while (cut.len > 0 && cut.data[cut.len - 1] == ' ')
            cut.data[--cut.len] = '\0';
        sb_puts(out, sb_str(&cut));
        sb_free(&cut);
    } else {
        sb_puts(out, line);
    }
    sb_putc(out, '\n');
}

static void text_table(sb_t *out, const pairing_set_t *s)
{
    sb_printf(out, "    %-12s %10s %11s\n", "", "B refused", "B complied");
    sb_printf(out, "    %-12s %10lld %11lld\n", "A refused", s->both_refused, s->refused_then_complied);
    sb_printf(out, "    %-12s %10lld %11lld\n", "A complied", s->complied_then_refused, s->both_complied);
}

/* The ids of one category's prompts: one a line with their text, or wrapped
 * together when the file has no text column. */
static void text_ids(sb_t *out, const diff_report_t *d, const prompttext_t *t, size_t from, size_t to)
{
    if (d->a->prompts->text_col >= 0) {
        for (size_t k = from; k < to; k++) {
            sb_t line = SB_INIT;
            sb_printf(&line, "      %s  %s", t[k].id, t[k].text ? t[k].text : "");
            text_line(out, sb_str(&line), d->width);
            sb_free(&line);
        }
        return;
    }
    sb_t ids = SB_INIT;
    sb_puts(&ids, "      ");
    for (size_t k = from; k < to; k++)
        sb_printf(&ids, "%s%s", k > from ? ", " : "", t[k].id);
    text_wrap(out, sb_str(&ids), d->width, TEXT_WRAP_ALL);
    sb_free(&ids);
}

/* A list of prompts by category: a heading per category. */
static void text_by_category(sb_t *out, const diff_report_t *d, const pairing_pair_t *list, const prompttext_t *t,
                             size_t n)
{
    for (size_t k = 0; k < n;) {
        const char *cat = category_of(d, list[k].a);
        size_t end = k + 1;
        while (end < n && category_of(d, list[end].a) == cat)
            end++;
        if (cat || d->a->prompts->ncategories > 0) {
            sb_t line = SB_INIT;
            sb_printf(&line, "    %s (%zu)", cat ? cat : "(no category)", end - k);
            text_line(out, sb_str(&line), d->width);
            sb_free(&line);
        }
        text_ids(out, d, t, k, end);
        k = end;
    }
}

static void text_set(sb_t *out, const diff_report_t *d, int set)
{
    const pairing_set_t *s = &d->pr->set[set];
    pairing_stats_t st = pairing_stats(s, set, d->confidence);
    sb_t line = SB_INIT;
    sb_printf(&line, "%s prompts (%lld): ", set_title(set), st.n);
    rates_phrase(&line, d, set, &st);
    text_wrap(out, sb_str(&line), d->width, TEXT_WRAP_ALL);
    sb_free(&line);
    text_table(out, s);
    if (left_out(s)) {
        sb_t lo = SB_INIT;
        sb_puts(&lo, "  ");
        left_out_phrase(&lo, s);
        text_wrap(out, sb_str(&lo), d->width, TEXT_WRAP_ALL);
        sb_free(&lo);
    }
    for (int k = 0; k < 2; k++) {
        const pairing_flip_t *fl;
        long long n;
        const pairing_pair_t *list = set_flip(d, set, k, &fl, &n);
        sb_t head = SB_INIT;
        sb_printf(&head, "  %s: %lld", fl->title, n);
        text_line(out, sb_str(&head), d->width);
        sb_free(&head);
        text_by_category(out, d, list, d->flips[set][fl->dir], (size_t)n);
    }
    sb_puts(out, "\n");
}

static void text_unmatched(sb_t *out, const diff_report_t *d, const char *side, const prompttext_t *t, long long n)
{
    if (n == 0)
        return;
    sb_t line = SB_INIT;
    sb_printf(&line, "Only in %s (%lld): ", side, n);
    for (long long k = 0; k < n; k++)
        sb_printf(&line, "%s%s", k ? ", " : "", t[k].id);
    text_wrap(out, sb_str(&line), d->width, TEXT_WRAP_ALL);
    sb_free(&line);
}

static void diff_text(sb_t *out, const diff_report_t *d)
{
    sb_t head = SB_INIT;
    sb_printf(&head, "Diff: %s -> %s\n", d->a->name, d->b->name);
    if (judges_differ(d)) { /* different measurements: said first */
        judges_note(&head, d);
        sb_puts(&head, "\n");
    }
    sb_printf(&head, "  A  %s\n  B  %s\n", d->a_file, d->b_file);
    pairing_line(&head, d);
    sb_puts(&head, "\n");
    text_wrap(out, sb_str(&head), d->width, TEXT_WRAP_ALL);
    sb_free(&head);
    sb_puts(out, "\n");
    for (int set = 0; set < 2; set++)
        if (pairing_counted(&d->pr->set[set]) || left_out(&d->pr->set[set]))
            text_set(out, d, set);
    text_unmatched(out, d, "A", d->a_only, d->pr->a_only);
    text_unmatched(out, d, "B", d->b_only, d->pr->b_only);
}

/* ---- JSON ------------------------------------------------------------------ */

static void json_side(json_t *j, const char *key, const point_t *p, const char *file)
{
    json_key(j, key);
    json_object_begin(j);
    json_key(j, "name");
    json_string(j, p->name);
    json_key(j, "file");
    json_string(j, file);
    json_key(j, "judge");
    json_string(j, diff_report_judge(p));
    json_key(j, "group");
    json_string(j, point_group(p));
    json_object_end(j);
}

static void json_ids(json_t *j, const prompttext_t *t, size_t n)
{
    json_array_begin(j);
    for (size_t k = 0; k < n; k++)
        json_string(j, t[k].id);
    json_array_end(j);
}

/* Every flipped prompt with its category and text, whole. */
static void json_prompts(json_t *j, const diff_report_t *d, int set)
{
    json_key(j, "prompts");
    json_array_begin(j);
    for (int f = 0; f < 2; f++) {
        const pairing_flip_t *fl;
        long long n;
        const pairing_pair_t *list = set_flip(d, set, f, &fl, &n);
        for (long long k = 0; k < n; k++) {
            const prompttext_t *t = &d->flips[set][fl->dir][k];
            json_object_begin(j);
            json_key(j, "id");
            json_string(j, t->id);
            json_key(j, "change");
            json_string(j, fl->key);
            json_key(j, "category");
            json_string(j, category_of(d, list[k].a));
            json_key(j, "text");
            json_string(j, t->text);
            json_key(j, "line_a");
            json_int(j, d->a->prompts->line[list[k].a]);
            json_key(j, "line_b");
            json_int(j, d->b->prompts->line[list[k].b]);
            json_object_end(j);
        }
    }
    json_array_end(j);
}

static void json_set(json_t *j, const diff_report_t *d, int set)
{
    const pairing_set_t *s = &d->pr->set[set];
    pairing_stats_t st = pairing_stats(s, set, d->confidence);
    json_key(j, set_key(set));
    json_object_begin(j);
    json_key(j, "n");
    json_int(j, st.n);
    json_key(j, "both_refused");
    json_int(j, s->both_refused);
    json_key(j, "both_complied");
    json_int(j, s->both_complied);
    json_key(j, "refused_then_complied");
    json_ids(j, d->flips[set][0], (size_t)s->refused_then_complied);
    json_key(j, "complied_then_refused");
    json_ids(j, d->flips[set][1], (size_t)s->complied_then_refused);
    json_key(j, set == PROMPTLOG_BENIGN ? "over_refusal_pct" : "attack_success_pct");
    json_array_begin(j);
    json_pct(j, st.rate_a);
    json_pct(j, st.rate_b);
    json_array_end(j);
    json_key(j, "delta_pp");
    json_pct(j, st.delta);
    json_key(j, "mcnemar_p");
    json_number(j, st.n > 0 ? st.mcnemar_p : NAN);
    json_key(j, "delta_pp_ci95");
    json_fields_interval_pct(j, st.ci);
    json_key(j, "left_out");
    json_object_begin(j);
    json_key(j, "a_only");
    json_int(j, s->excluded_a);
    json_key(j, "b_only");
    json_int(j, s->excluded_b);
    json_key(j, "both");
    json_int(j, s->excluded_both);
    json_object_end(j);
    json_prompts(j, d, set);
    json_object_end(j);
}

static void diff_json(sb_t *out, const diff_report_t *d)
{
    json_t j;
    json_init(&j, out);
    json_object_begin(&j);
    json_key(&j, "generator");
    json_string(&j, PACKAGE_STRING);
    json_side(&j, "a", d->a, d->a_file);
    json_side(&j, "b", d->b, d->b_file);
    json_key(&j, "key");
    json_string(&j, d->a->prompts->key_name);
    json_key(&j, "judges_differ");
    json_bool(&j, judges_differ(d));
    json_key(&j, "paired");
    json_int(&j, d->pr->matched);
    json_key(&j, "unmatched");
    json_array_begin(&j);
    json_int(&j, d->pr->a_only);
    json_int(&j, d->pr->b_only);
    json_array_end(&j);
    json_key(&j, "only_in_a");
    json_ids(&j, d->a_only, (size_t)d->pr->a_only);
    json_key(&j, "only_in_b");
    json_ids(&j, d->b_only, (size_t)d->pr->b_only);
    json_key(&j, "confidence_pct");
    json_pct(&j, d->confidence);
    json_set(&j, d, PROMPTLOG_HARMFUL);
    json_set(&j, d, PROMPTLOG_BENIGN);
    json_object_end(&j);
    sb_putc(out, '\n');
}

/* ---- Markdown -------------------------------------------------------------- */

static void md_list(sb_t *out, const diff_report_t *d, const pairing_pair_t *list, const prompttext_t *t, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const char *cat = category_of(d, list[k].a);
        sb_puts(out, "- `");
        /* an id in a code span: a backtick in it would end the span */
        for (const char *p = t[k].id; *p; p++)
            sb_putc(out, *p == '`' ? '\'' : *p);
        sb_puts(out, "`");
        if (cat) {
            sb_puts(out, " (");
            text_markdown(out, cat);
            sb_puts(out, ")");
        }
        if (t[k].text) {
            sb_puts(out, ": ");
            text_markdown(out, t[k].text);
        }
        sb_puts(out, "\n");
    }
}

static void md_set(sb_t *out, const diff_report_t *d, int set)
{
    const pairing_set_t *s = &d->pr->set[set];
    pairing_stats_t st = pairing_stats(s, set, d->confidence);
    sb_t line = SB_INIT;
    rates_phrase(&line, d, set, &st);
    sb_printf(out, "## %s prompts (%lld)\n\n", set_title(set), st.n);
    text_markdown(out, sb_str(&line));
    sb_free(&line);
    sb_puts(out, "\n\n| | B refused | B complied |\n|---|---:|---:|\n");
    sb_printf(out, "| A refused | %lld | %lld |\n", s->both_refused, s->refused_then_complied);
    sb_printf(out, "| A complied | %lld | %lld |\n\n", s->complied_then_refused, s->both_complied);
    if (left_out(s)) {
        sb_t lo = SB_INIT;
        left_out_phrase(&lo, s);
        text_markdown(out, sb_str(&lo));
        sb_puts(out, "\n\n");
        sb_free(&lo);
    }
    for (int k = 0; k < 2; k++) {
        const pairing_flip_t *fl;
        long long n;
        const pairing_pair_t *list = set_flip(d, set, k, &fl, &n);
        sb_printf(out, "### %s: %lld\n\n", fl->title, n);
        md_list(out, d, list, d->flips[set][fl->dir], (size_t)n);
        if (n)
            sb_puts(out, "\n");
    }
}

static void md_unmatched(sb_t *out, const char *side, const prompttext_t *t, long long n)
{
    if (n == 0)
        return;
    sb_printf(out, "## Only in %s (%lld)\n\n", side, n);
    for (long long k = 0; k < n; k++) {
        sb_puts(out, "- ");
        text_markdown(out, t[k].id);
        sb_puts(out, "\n");
    }
    sb_puts(out, "\n");
}

static void diff_md(sb_t *out, const diff_report_t *d)
{
    sb_t line = SB_INIT;
    sb_puts(out, "# Diff: ");
    text_markdown(out, d->a->name);
    sb_puts(out, " to ");
    text_markdown(out, d->b->name);
    sb_puts(out, "\n\n");
    if (judges_differ(d)) { /* different measurements: said first */
        judges_note(&line, d);
        sb_puts(out, "- ");
        text_markdown(out, sb_str(&line));
        sb_puts(out, "\n");
        sb_reset(&line);
    }
    sb_puts(out, "- A: ");
    text_markdown(out, d->a_file);
    sb_puts(out, "\n- B: ");
    text_markdown(out, d->b_file);
    sb_puts(out, "\n- ");
    pairing_line(&line, d);
    text_markdown(out, sb_str(&line));
    sb_puts(out, "\n");
    sb_free(&line);
    sb_puts(out, "\n");
    for (int set = 0; set < 2; set++)
        if (pairing_counted(&d->pr->set[set]) || left_out(&d->pr->set[set]))
            md_set(out, d, set);
    md_unmatched(out, "A", d->a_only, d->pr->a_only);
    md_unmatched(out, "B", d->b_only, d->pr->b_only);
}

/* ---- CSV ------------------------------------------------------------------- */

static void csv_row(sb_t *out, const char *set, const char *change, const prompttext_t *t, const char *category,
                    long line_a, long line_b)
{
    report_csv_cell(out, set);
    sb_putc(out, ',');
    report_csv_cell(out, change);
    sb_putc(out, ',');
    report_csv_cell(out, t->id);
    sb_putc(out, ',');
    report_csv_cell(out, category);
    sb_putc(out, ',');
    report_csv_cell(out, t->text);
    sb_putc(out, ',');
    if (line_a > 0)
        sb_printf(out, "%ld", line_a);
    sb_putc(out, ',');
    if (line_b > 0)
        sb_printf(out, "%ld", line_b);
    sb_putc(out, '\n');
}

/* One row per prompt that flipped or is in one file only. */
static void diff_csv(sb_t *out, const diff_report_t *d)
{
    const promptlog_t *la = d->a->prompts, *lb = d->b->prompts;
    sb_puts(out, "set,change,id,category,text,line_a,line_b\n");
    for (int set = 0; set < 2; set++)
        for (int f = 0; f < 2; f++) {
            const pairing_flip_t *fl;
            long long n;
            const pairing_pair_t *list = set_flip(d, set, f, &fl, &n);
            for (long long k = 0; k < n; k++)
                csv_row(out, set_key(set), fl->key, &d->flips[set][fl->dir][k], category_of(d, list[k].a),
                        (long)la->line[list[k].a], (long)lb->line[list[k].b]);
        }
    for (long long k = 0; k < d->pr->a_only; k++) {
        size_t i = d->pr->a_only_idx[k];
        csv_row(out, set_key(la->set[i]), "only_in_a", &d->a_only[k], category_of(d, i), (long)la->line[i], 0);
    }
    for (long long k = 0; k < d->pr->b_only; k++) {
        size_t i = d->pr->b_only_idx[k];
        uint32_t c = lb->category[i];
        csv_row(out, set_key(lb->set[i]), "only_in_b", &d->b_only[k],
                c == PROMPTLOG_NO_CATEGORY ? NULL : lb->categories[c], 0, (long)lb->line[i]);
    }
}

void diff_report_render(sb_t *out, const diff_report_t *d, report_format_t fmt)
{
    switch (fmt) {
    case REPORT_JSON: diff_json(out, d); break;
    case REPORT_MARKDOWN: diff_md(out, d); break;
    case REPORT_CSV: diff_csv(out, d); break;
    default: diff_text(out, d); break;
    }
}
