/* report: the report formats behind one entry point, so that `report`, the
 * explorer's export and every test render the same analysis. */
#include "config.h"

#include "render/report.h"
#include "base/text.h"

#include <string.h>
#include <strings.h>

bool report_parse_format(const char *s, report_format_t *fmt)
{
    if (strcasecmp(s, "text") == 0)
        *fmt = REPORT_TEXT;
    else if (strcasecmp(s, "json") == 0)
        *fmt = REPORT_JSON;
    else if (strcasecmp(s, "markdown") == 0 || strcasecmp(s, "md") == 0)
        *fmt = REPORT_MARKDOWN;
    else if (strcasecmp(s, "csv") == 0)
        *fmt = REPORT_CSV;
    else if (strcasecmp(s, "svg") == 0)
        *fmt = REPORT_SVG;
    else
        return false;
    return true;
}

void report_filtered_clause(sb_t *out, const pointset_t *set, void (*escape)(sb_t *, const char *))
{
    sb_t filtered = SB_INIT;
    pointset_filtered_describe(&filtered, set);
    if (filtered.len) {
        sb_puts(out, " (");
        escape(out, sb_str(&filtered));
        sb_puts(out, ")");
    }
    sb_free(&filtered);
}

void report_warnings(sb_t *out, const report_t *r, const char *heading, const char *bullet,
                     void (*escape)(sb_t *, const char *), int width)
{
    size_t n = 0;
    char **lines = r->warnings ? diag_condense(r->warnings, &n) : NULL;
    if (n > 0)
        sb_puts(out, heading);
    for (size_t i = 0; i < n; i++) {
        sb_t line = SB_INIT;
        sb_puts(&line, bullet);
        if (escape)
            escape(&line, lines[i]);
        else
            sb_puts(&line, lines[i]);
        if (width > 0)
            text_wrap(out, sb_str(&line), width, TEXT_WRAP_ALL);
        else
            sb_printf(out, "%s\n", sb_str(&line));
        sb_free(&line);
    }
    if (n > 0)
        sb_puts(out, "\n");
    diag_condensed_free(lines, n);
}

void report_render(sb_t *out, const report_t *r, report_format_t fmt)
{
    switch (fmt) {
    case REPORT_JSON: report_json(out, r); break;
    case REPORT_MARKDOWN: report_markdown(out, r); break;
    case REPORT_CSV: report_csv(out, r); break;
    case REPORT_SVG: report_svg(out, r); break;
    case REPORT_TEXT: report_text(out, r); break;
    }
}

bool report_format_from_path(const char *path, report_format_t *fmt)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return false;
    if (strcasecmp(dot, ".txt") == 0)
        *fmt = REPORT_TEXT;
    else if (strcasecmp(dot, ".markdown") == 0)
        *fmt = REPORT_MARKDOWN;
    else
        return report_parse_format(dot + 1, fmt);
    return true;
}

void report_short_names_note(sb_t *out, const pointset_t *set, const shortnames_t *sn)
{
    for (size_t i = 0; i < set->len; i++)
        if (strcmp(sn->names[i], set->items[i].name) != 0) {
            sb_puts(out, "Names: the part that tells the points apart (the start and end that all the names of a "
                         "group share are left out); the JSON and CSV reports give them whole.\n");
            return;
        }
}
