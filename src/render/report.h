/* report: the analysis of a set of points at a scenario, as text for people
 * or JSON for machines. The explorer's export and `tradeoff report` both
 * render through here, so they cannot disagree. */
#ifndef TRADEOFF_REPORT_H
#define TRADEOFF_REPORT_H

#include "core/analysis.h"
#include "render/chart.h"
#include "core/model.h"
#include "core/point.h"
#include "core/shortname.h"
#include "base/diag.h"
#include "base/strbuf.h"

#include <stdbool.h>

#define REPORT_SCHEMA_VERSION 2 /* 2: frontier, marks, targets and optimum within groups */

typedef enum {
    REPORT_TEXT,
    REPORT_JSON,
    REPORT_MARKDOWN, /* report_md.c: meeting notes and pull requests */
    REPORT_CSV,      /* report_csv.c: one row per point, every computed column */
    REPORT_SVG       /* report_svg.c: the chart as a vector image */
} report_format_t;

typedef struct {
    const scenario_t *scenario;
    const pointset_t *points;
    const char *title;        /* what was loaded: "built-in scenario" or file names */
    const point_t *compare_a; /* both NULL: no comparison */
    const point_t *compare_b;
    const analysis_opts_t *analysis; /* frontier analytics options; NULL: defaults */
    const chart_opts_t *chart;       /* size, scales, labels and glyphs of the report's chart
                                      * (the data fields are filled in); NULL: 80x24, auto */
    const char *group;        /* the measurement group the chart focuses on (--group,
                               * as groups_find resolves it); NULL: the default */
    int width;                /* the text report's page in columns (--width or the
                               * terminal's): its table's name column grows into
                               * it; 0: 80 */
    const diag_t *warnings;   /* the warnings of loading (NULL: none): said under
                               * the table they change (NUMBERS.md, rule 6),
                               * condensed in text and Markdown, whole in JSON */
} report_t;

/* The line under a table whose names are shortened (core/shortname.h),
 * or nothing when none is: the same words in every format. */
void report_short_names_note(sb_t *out, const pointset_t *set, const shortnames_t *sn);

bool report_parse_format(const char *s, report_format_t *fmt);
/* " (3 rows left out by --where ...)" through the format's escaper, beside
 * the count of points; nothing when no row was left out (NUMBERS.md,
 * rule 6). */
void report_filtered_clause(sb_t *out, const pointset_t *set, void (*escape)(sb_t *, const char *));
/* The warnings of loading under the points table, condensed
 * (diag_condense, as on stderr), each line through `escape` (NULL: as is)
 * after `bullet`, wrapped at `width` columns (0: not wrapped); nothing
 * when there are none. */
void report_warnings(sb_t *out, const report_t *r, const char *heading, const char *bullet,
                     void (*escape)(sb_t *, const char *), int width);
void report_render(sb_t *out, const report_t *r, report_format_t fmt);
void report_text(sb_t *out, const report_t *r);
void report_json(sb_t *out, const report_t *r);
void report_markdown(sb_t *out, const report_t *r);
void report_csv(sb_t *out, const report_t *r);
void report_svg(sb_t *out, const report_t *r);
/* A CSV text cell as every CSV writer writes one: sanitised, a leading
 * formula character neutralised, quoted when it holds a separator, a
 * quote or surrounding blanks; nothing for NULL. */
void report_csv_cell(sb_t *out, const char *s);
/* A CSV number cell: full precision, empty when unknown. */
void report_csv_number(sb_t *out, double x);
/* The format a file name asks for by its extension (.txt, .json, .md or
 * .markdown, .csv, .svg; any case), for exports that take a path; false
 * when the extension names none. */
bool report_format_from_path(const char *path, report_format_t *fmt);

#endif
