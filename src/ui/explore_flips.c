/* explore_flips: the prompts that flipped between the pinned baseline and
 * the operating point, the view's model (what it lists, its category and
 * scroll) and its drawing. See explore.h. */
#include "config.h"

#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "ui/draw.h"
#include "ui/explore.h"
#include "ui/role.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void free_lines(explore_flips_t *f)
{
    for (size_t k = 0; k < f->nlines; k++)
        free(f->lines[k]);
    free(f->lines);
    free(f->roles);
    f->lines = NULL;
    f->roles = NULL;
    f->nlines = 0;
}

static void free_texts(explore_flips_t *f)
{
    for (int s = 0; s < 2; s++)
        for (int dir = 0; dir < 2; dir++) {
            long long n;
            pairing_flip_t kind = {s, dir, NULL, NULL};
            pairing_flip_list(&f->pr, &kind, &n);
            prompttext_free(f->texts[s][dir], (size_t)n);
            free(f->texts[s][dir]);
            f->texts[s][dir] = NULL;
        }
}

void explore_flips_close(explore_t *ex)
{
    explore_flips_t *f = &ex->flips;
    free_lines(f);
    free_texts(f);
    pairing_free(&f->pr);
    memset(f, 0, sizeof *f);
    if (ex->mode == EX_MODE_FLIPS)
        ex->mode = EX_MODE_NORMAL;
}

static void add_line(explore_flips_t *f, uint8_t role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add_line(explore_flips_t *f, uint8_t role, const char *fmt, ...)
{
    sb_t sb = SB_INIT;
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    f->lines = xrealloc(f->lines, (f->nlines + 1) * sizeof *f->lines);
    f->roles = xrealloc(f->roles, (f->nlines + 1) * sizeof *f->roles);
    f->lines[f->nlines] = sb_detach(&sb);
    f->roles[f->nlines++] = role;
}

static const promptlog_t *baseline_log(const explore_t *ex) { return ex->set.items[ex->flips.a].prompts; }

static bool shown(const explore_flips_t *f, const promptlog_t *log, size_t i)
{
    return f->category < 0 || log->category[i] == (uint32_t)f->category;
}

/* The lines for the category shown: each kind of flip, worse first. */
static void build_lines(explore_t *ex)
{
    explore_flips_t *f = &ex->flips;
    const promptlog_t *log = baseline_log(ex);
    free_lines(f);
    for (int k = 0; k < PAIRING_NFLIPS; k++) {
        const pairing_flip_t *fl = &pairing_flips[k];
        long long n, in = 0;
        const pairing_pair_t *list = pairing_flip_list(&f->pr, fl, &n);
        for (long long i = 0; i < n; i++)
            in += shown(f, log, list[i].a);
        if (f->category < 0)
            add_line(f, ROLE_HEADING, "%s: %lld", fl->title, n);
        else
            add_line(f, ROLE_HEADING, "%s: %lld of %lld", fl->title, in, n);
        for (long long i = 0; i < n; i++) {
            size_t p = list[i].a;
            if (!shown(f, log, p))
                continue;
            const prompttext_t *t = &f->texts[fl->set][fl->dir][i];
            uint32_t c = log->category[p];
            add_line(f, ROLE_VALUE, "  %s%s%s%s%s%s", t->id, c == PROMPTLOG_NO_CATEGORY ? "" : "  [",
                     c == PROMPTLOG_NO_CATEGORY ? "" : log->categories[c], c == PROMPTLOG_NO_CATEGORY ? "" : "]",
                     t->text ? "  " : "", t->text ? t->text : "");
        }
        if (in == 0)
            add_line(f, ROLE_NOTE, "  none");
        add_line(f, ROLE_PLAIN, "%s", "");
    }
    f->scroll = 0;
}

static void fetch_texts(explore_t *ex)
{
    explore_flips_t *f = &ex->flips;
    diag_t d = DIAG_INIT;
    for (int k = 0; k < PAIRING_NFLIPS; k++) {
        const pairing_flip_t *fl = &pairing_flips[k];
        long long n;
        const pairing_pair_t *list = pairing_flip_list(&f->pr, fl, &n);
        size_t *idx = xcalloc(n ? (size_t)n : 1, sizeof *idx);
        for (long long i = 0; i < n; i++)
            idx[i] = list[i].a;
        f->texts[fl->set][fl->dir] = xcalloc(n ? (size_t)n : 1, sizeof *f->texts[fl->set][fl->dir]);
        prompttext_fetch(baseline_log(ex), idx, (size_t)n, f->texts[fl->set][fl->dir], &d);
        free(idx);
    }
    if (d.nwarnings)
        explore_say(ex, true, "%s", d.warnings[0]);
    diag_free(&d);
}

/* The baseline and the operating point as two measured points with
 * per-prompt results; false with the reason. */
static bool two_points(const explore_t *ex, size_t *a, size_t *b, sb_t *why)
{
    frontier_op_t op = explore_current(ex);
    if (!ex->has_baseline) {
        sb_puts(why, "pin a baseline first (b), then move the operating point: p lists the prompts that flipped");
        return false;
    }
    if (ex->baseline.is_mix || ex->baseline_point < 0 || !op.valid || op.is_mix) {
        sb_puts(why, "the baseline and the operating point must be measured points, not mixes, to pair their prompts");
        return false;
    }
    *a = (size_t)ex->baseline_point;
    *b = op.a;
    for (int k = 0; k < 2; k++) {
        const point_t *p = &ex->set.items[k ? *b : *a];
        if (!p->prompts) {
            sb_printf(why, "%s has no per-prompt results: load judged files (one row per prompt) to list flips",
                      p->name);
            return false;
        }
    }
    return true;
}

bool explore_flips_open(explore_t *ex, sb_t *why)
{
    size_t a, b;
    if (!two_points(ex, &a, &b, why))
        return false;
    explore_flips_close(ex);
    explore_flips_t *f = &ex->flips;
    if (!pairing_run(&f->pr, pairing_side(&ex->set.items[a]), pairing_side(&ex->set.items[b]), true)) {
        sb_printf(why, "not paired: %s", f->pr.why);
        pairing_free(&f->pr);
        return false;
    }
    f->a = a;
    f->b = b;
    f->category = -1;
    explore_say(ex, false, "A %s, B %s: %s picks a category, %s scrolls, any other key closes",
                ex->set.items[a].name, ex->set.items[b].name, ex->ascii ? "<- ->" : "\xe2\x86\x90\xe2\x86\x92",
                ex->ascii ? "Up/Down" : "\xe2\x86\x91\xe2\x86\x93");
    fetch_texts(ex);
    build_lines(ex);
    ex->mode = EX_MODE_FLIPS;
    return true;
}

/* True when a prompt of category c flipped (any way). */
static bool has_category(const explore_flips_t *f, const promptlog_t *log, long c)
{
    for (int k = 0; k < PAIRING_NFLIPS; k++) {
        long long n;
        const pairing_pair_t *list = pairing_flip_list(&f->pr, &pairing_flips[k], &n);
        for (long long i = 0; i < n; i++)
            if (log->category[list[i].a] == (uint32_t)c)
                return true;
    }
    return false;
}

/* The next (dir > 0) or previous category with a flipped prompt, in a
 * circle where "all" (-1) sits between the last and the first. */
static long next_category(const explore_t *ex, int dir)
{
    const explore_flips_t *f = &ex->flips;
    const promptlog_t *log = baseline_log(ex);
    long n = (long)log->ncategories, pos = f->category + 1; /* 0: all */
    for (long step = 0; step <= n; step++) {
        pos = (pos + (dir > 0 ? 1 : n)) % (n + 1);
        if (pos == 0 || has_category(f, log, pos - 1))
            return pos - 1;
    }
    return -1;
}

bool explore_flips_key(explore_t *ex, explore_action_t a)
{
    explore_flips_t *f = &ex->flips;
    switch (a) {
    case EXA_LIST_UP:
        if (f->scroll > 0)
            f->scroll--;
        return true;
    case EXA_LIST_DOWN:
        if ((size_t)f->scroll + 1 < f->nlines)
            f->scroll++;
        return true;
    case EXA_DECREASE:
    case EXA_INCREASE: {
        f->category = next_category(ex, a == EXA_INCREASE ? 1 : -1);
        build_lines(ex);
        const promptlog_t *log = baseline_log(ex);
        explore_say(ex, false, "category: %s", f->category < 0 ? "all" : log->categories[f->category]);
        return true;
    }
    default: /* p, q, Esc and any other key close the view */
        explore_flips_close(ex);
        return true;
    }
}

void explore_flips_render(const explore_t *ex, uigrid_t *g, int x, int y, int w, int h)
{
    const explore_flips_t *f = &ex->flips;
    const promptlog_t *log = baseline_log(ex);
    uigrid_fill(g, x, y, w, h, " ", ROLE_PLAIN);
    pairing_summary_t ps = {.n_harmful = pairing_counted(&f->pr.set[0]), .n_benign = pairing_counted(&f->pr.set[1])};
    sb_t title = SB_INIT;
    sb_printf(&title, "Flipped prompts, category %s: baseline (A) -> operating point (B), ",
              f->category < 0 ? "all" : log->categories[f->category]);
    pairing_phrase(&title, &ps, false);
    sb_printf(&title, " by %s", log->key_name);
    draw_heading(g, (rect_t){x, y, w, h}, sb_str(&title), ex->ascii);
    sb_free(&title);
    for (int row = 1; row < h && (size_t)(f->scroll + row - 1) < f->nlines; row++) {
        size_t k = (size_t)f->scroll + (size_t)row - 1;
        uigrid_put(g, x + 1, y + row, f->lines[k], f->roles[k], w - 2);
    }
    if ((size_t)f->scroll + (size_t)h - 1 < f->nlines)
        uigrid_put(g, x + w - 10, y + h - 1, ex->ascii ? "(v more)" : "(\xe2\x86\x93 more)", ROLE_NOTE, 9);
}
