/* load: every input file through one door. The file is opened once
 * (csvread_open); its header says what kind of input it is (input_detect);
 * each later row goes to the reader of that kind (points, judged, scores);
 * the reader's finish turns what it read into points or a curve, and the
 * names of the new points are made unique within the set. A clean score
 * file may first take the fast path (scores_read_fast). */
#include "config.h"

#include "load/load.h"
#include "base/num.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "core/builtin.h"
#include "load/csvheader.h"
#include "load/csvread.h"
#include "load/groupcols.h"
#include "load/judged.h"
#include "load/names.h"
#include "load/points.h"
#include "load/scores.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    pointset_t *set;
    const input_opts_t *opts;
    diag_t *d;
    char *fname;            /* sanitised file name for messages */
    const char *path;       /* as given, for point names */
    size_t first;           /* index in set of this file's first point */
    curve_t *curve_out;     /* load_curve_file: the curve instead of points */
    curves_t *curves;       /* load_file_curves: curves kept whole, one point each */
    csvsource_t *src;       /* the file or pipe read; NULL for a buffer */

    bool rereadable;        /* the input can be read again (per-prompt texts) */
    bool have_header;
    input_kind_t kind;      /* detected from the header */
    size_t ncols;           /* the header's width, which every row must have */
    long long nrows;        /* data rows after the header */
    points_t *points;       /* the reader of the kind detected: one of three */
    judged_t *judged;
    scores_t *scores;
} loader_t;

/* Refuses what sweep cannot read; true when the kind is one it can. */
static bool kind_fits(loader_t *L, const csvrow_t *row)
{
    if (!L->curve_out || L->kind == INPUT_SCORES || L->kind == INPUT_BINNED)
        return true;
    diag_error(L->d, "%s:%ld: this looks like %s, not per-prompt scores or binned counts: expected a "
                     "score column (%s) and a set column, or %s with harmful_count and benign_count",
               L->fname, row->line, L->kind == INPUT_JUDGED ? "judged per-prompt results" : "operating points",
               INPUT_SCORE_COLUMNS, INPUT_BIN_COLUMNS);
    return false;
}

/* The mapping flags of operating-point tables (--asr-column, --where...)
 * are refused for the other kinds, with the flags those take. */
static bool mapping_fits(loader_t *L, const csvrow_t *row)
{
    const char *flag = input_points_flag(L->opts);
    if (!flag || L->kind == INPUT_POINTS)
        return true;
    const char *what = "per-prompt scores, which take --set-column, --harmful-values and --benign-values";
    if (L->kind == INPUT_JUDGED)
        what = "judged per-prompt results, which take --preset, --judge, --set-column, --harmful-values, "
               "--benign-values, --verdict-column, --refused-values, --complied-values and --unrecognised";
    else if (L->kind == INPUT_BINNED)
        what = "binned counts, which take no mapping flag";
    diag_error(L->d, "%s:%ld: %s applies to operating-point tables; this file is %s (--input points reads it as "
                     "operating points)",
               L->fname, row->line, flag, what);
    return false;
}

/* A header of one column that holds ';' or a tab between names: a file
 * written with another separator (a spreadsheet in a comma-decimal
 * locale), which every reader would refuse for a missing column. */
static bool separator_fits(loader_t *L, const csvrow_t *row)
{
    if (row->nfields != 1)
        return true;
    const char *cell = row->fields[0];
    size_t len = row->lens[0];
    const char *sep = memchr(cell, ';', len) ? ";" : memchr(cell, '\t', len) ? "a tab" : NULL;
    if (!sep)
        return true;
    diag_error(L->d, "%s:%ld: the header is one column with %s%s%s between its names: expected a comma-separated "
                     "file (save it as CSV with commas, e.g. LibreOffice: Save As, Text CSV, field delimiter ',')",
               L->fname, row->line, sep[0] == ';' ? "'" : "", sep, sep[0] == ';' ? "'" : "");
    return false;
}

/* The first row decides what the file is and starts its reader. */
static int start(loader_t *L, const csvrow_t *row)
{
    if (!separator_fits(L, row))
        return -1;
    char **header = csvheader_copy(row);
    L->kind = input_detect(header, row->nfields, L->opts);
    /* sweep reads only curves: a score column without a set column is a
     * score file missing its set column, which scores_begin says. */
    if (L->curve_out && L->kind == INPUT_POINTS && csvheader_find(header, row->nfields, INPUT_SCORE_COLUMNS) >= 0)
        L->kind = INPUT_SCORES;
    csvheader_free(header, row->nfields);
    if (!kind_fits(L, row) || !mapping_fits(L, row))
        return -1;
    /* The one size rule (input.h): held whole, limited; streamed, not. */
    if (L->src && csvread_limit(L->src, input_max_bytes(L->kind), input_size_advice(L->kind), L->d) != 0)
        return -1;
    switch (L->kind) {
    case INPUT_JUDGED:
        L->judged = judged_begin(row, L->opts, L->path, L->fname, L->rereadable, L->d);
        break;
    case INPUT_SCORES:
    case INPUT_BINNED:
        L->scores = scores_begin(row, L->kind, L->opts, L->curve_out == NULL, L->fname, L->d);
        break;
    default:
        L->points = points_begin(row, L->set, L->opts, L->path, L->fname, L->d);
        break;
    }
    if (!L->points && !L->judged && !L->scores)
        return -1;
    L->ncols = row->nfields;
    L->have_header = true;
    return 0;
}

static int on_row(const csvrow_t *row, void *ctx)
{
    loader_t *L = ctx;
    if (!L->have_header)
        return start(L, row);
    L->nrows++;
    if (row->nfields != L->ncols) {
        diag_error(L->d, "%s:%ld: row has %zu field%s, expected %zu like the header (a missing or extra comma?)",
                   L->fname, row->line, row->nfields, row->nfields == 1 ? "" : "s", L->ncols);
        return -1;
    }
    if (L->scores)
        return scores_row(L->scores, row);
    if (L->judged)
        return judged_row(L->judged, row);
    return points_row(L->points, row);
}

/* A curve loaded as points: a series named after the file, thinned. */
static void curve_to_points(loader_t *L, const curve_t *c)
{
    size_t *keep = xmalloc((c->len ? c->len : 1) * sizeof *keep);
    size_t max = L->opts->max_points ? L->opts->max_points : INPUT_CURVE_POINTS;
    size_t n = curve_thin(c, max, false, keep);
    char a[32], b[32];
    if (n < c->len)
        diag_warn_file(L->d, L->fname, "a curve of %s thresholds, shown as %s points; `tradeoff sweep` writes every one",
                       num_format_int((double)c->len, a, sizeof a), num_format_int((double)n, b, sizeof b));
    char *series = names_from_path(L->path);
    size_t first = L->set->len;
    curve_add_points(c, keep, n, L->set, series, L->fname);
    /* One curve, one measurement: its own group unless pooled. */
    for (size_t i = first; i < L->set->len; i++)
        point_set_group(&L->set->items[i], L->fname, POINT_GROUP_CURVE);
    free(series);
    free(keep);
}

/* A curve kept whole: one point stands for it (holding one step at a
 * time), its own group as a thinned curve's points have. */
static void curve_to_row(loader_t *L, curve_t *c)
{
    char *series = names_from_path(L->path);
    point_t p = point_make(series);
    p.series = series;
    p.source = xstrdup(L->fname);
    point_set_group(&p, L->fname, POINT_GROUP_CURVE);
    pointset_add(L->set, p);
    curves_add(L->curves, c, L->set, L->set->len - 1);
    if (!L->set->knob_name)
        L->set->knob_name = xstrdup("threshold");
}

static int finish_curve(loader_t *L)
{
    curve_t c = CURVE_INIT;
    if (scores_finish(L->scores, L->curve_out ? L->curve_out : &c, L->d) != 0)
        return -1;
    if (L->curve_out)
        return 0;
    if (L->curves)
        curve_to_row(L, &c);
    else
        curve_to_points(L, &c);
    curve_free(&c);
    return 0;
}

static int finish_kind(loader_t *L)
{
    if (L->judged)
        return judged_finish(L->judged, L->set, L->path, L->d);
    if (L->scores)
        return finish_curve(L);
    return points_finish(L->points);
}

/* --group-columns none pools the points of every file in one group;
 * columns it names apply to operating-point tables, which points_row
 * reads them from, not to per-prompt files, which are grouped by what they
 * measured (judged.c) or by their curve. */
static void pool_or_note(loader_t *L)
{
    if (groupcols_pooled(L->opts)) {
        for (size_t i = L->first; i < L->set->len; i++)
            point_set_group(&L->set->items[i], GROUPCOLS_POOLED_NAME, POINT_GROUP_POOLED);
    } else if (L->opts->group_columns && L->kind != INPUT_POINTS) {
        diag_warn_file(L->d, L->fname,
                       "--group-columns names columns of operating-point tables; %s keep their own group "
                       "(--group-columns none pools them with the rest)",
                       L->kind == INPUT_JUDGED ? "judged results" : "the points of a curve");
    }
}

static int finish(loader_t *L, int rc)
{
    if (rc == 0 && !L->have_header) {
        diag_error(L->d, "%s: file is empty: expected a header line naming the columns", L->fname);
        rc = -1;
    } else if (rc == 0 && L->nrows == 0) {
        diag_error(L->d, "%s: header only: expected at least one %s after the header", L->fname,
                   L->kind == INPUT_POINTS ? "operating point" : L->kind == INPUT_BINNED ? "bin" : "prompt");
        rc = -1;
    }
    if (rc == 0)
        rc = finish_kind(L);
    /* Operating points were told apart by points_finish; points made from
     * a whole file take the file's name where theirs is taken. */
    if (rc == 0 && !L->curve_out && L->kind != INPUT_POINTS)
        names_unique(L->set, L->first, L->fname, false);
    if (rc == 0 && !L->curve_out)
        pool_or_note(L);
    if (rc != 0) {
        /* Nothing of a failed file is kept. */
        while (L->set->len > L->first)
            point_free(&L->set->items[--L->set->len]);
    }
    points_free(L->points);
    judged_free(L->judged);
    scores_free(L->scores);
    free(L->fname);
    return rc;
}

static void loader_init(loader_t *L, pointset_t *set, const char *name, const input_opts_t *opts, diag_t *d)
{
    static const input_opts_t defaults = INPUT_OPTS_INIT;
    memset(L, 0, sizeof *L);
    L->set = set;
    L->opts = opts ? opts : &defaults;
    L->d = d;
    L->fname = text_sanitize(name, strlen(name));
    L->first = set->len;
    L->path = name;
    L->kind = INPUT_POINTS;
}

/* Reads the file at L->path: the fast path first where it may apply, the
 * general reader from the start where it gave up. */
static int read_file(loader_t *L)
{
    csvsource_t src;
    int rc = csvread_open(&src, L->path, L->d);
    L->rereadable = rc == 0 && src.rereadable;
    if (rc == 0) {
        src.progress = L->opts->progress;
        src.progress_ctx = L->opts->progress_ctx;
        L->scores = scores_read_fast(&src, L->opts, L->curve_out == NULL, &L->nrows, L->d);
        if (L->scores) {
            L->kind = INPUT_SCORES;
            L->have_header = true;
        } else if (src.done > 0) {
            rc = csvread_rewind(&src, L->d);
        }
    }
    L->src = &src;
    if (rc == 0 && !L->scores) {
        rc = csvread_source(&src, on_row, L, L->d);
        if (rc == 0) {
            char n[32];
            diag_note(L->d, "%s: %s rows read row by row, on one core", L->fname,
                      num_format_int((double)L->nrows, n, sizeof n));
        }
    }
    L->src = NULL;
    csvread_close(&src);
    return rc;
}

int load_file(pointset_t *set, const char *path, const input_opts_t *opts, diag_t *d)
{
    return load_file_curves(set, NULL, path, opts, d);
}

int load_file_curves(pointset_t *set, curves_t *curves, const char *path, const input_opts_t *opts, diag_t *d)
{
    loader_t L;
    loader_init(&L, set, path, opts, d);
    L.curves = curves;
    return finish(&L, read_file(&L));
}

int load_curve_file(curve_t *curve, const char *path, const input_opts_t *opts, diag_t *d)
{
    pointset_t none = POINTSET_INIT;
    loader_t L;
    loader_init(&L, &none, path, opts, d);
    L.curve_out = curve;
    int rc = finish(&L, read_file(&L));
    pointset_free(&none);
    return rc;
}

int load_buffer(pointset_t *set, const char *name, const char *data, size_t len, const input_opts_t *opts,
                diag_t *d)
{
    return load_buffer_curves(set, NULL, name, data, len, opts, d);
}

int load_buffer_curves(pointset_t *set, curves_t *curves, const char *name, const char *data, size_t len,
                       const input_opts_t *opts, diag_t *d)
{
    loader_t L;
    loader_init(&L, set, name, opts, d);
    L.curves = curves;
    return finish(&L, csvread_buffer(name, data, len, on_row, &L, d));
}

void load_builtin(pointset_t *set, const input_opts_t *opts)
{
    size_t first = set->len;
    builtin_load(set);
    bool pooled = opts && groupcols_pooled(opts);
    for (size_t i = first; i < set->len; i++)
        point_set_group(&set->items[i], pooled ? GROUPCOLS_POOLED_NAME : GROUPCOLS_BUILTIN_NAME,
                        pooled ? POINT_GROUP_POOLED : POINT_GROUP_FILE);
}
