/* theme: the one theme table. See theme.h. */
#include "config.h"

#include "term/theme.h"
#include "ui/role.h"

#include <string.h>

#define C(fg, bg, ca, ma) {THEME_##fg, THEME_##bg, ca, ma}
enum { N = 0, B = THEME_BOLD, D = THEME_DIM, U = THEME_UNDERLINE, R = THEME_REVERSE };

/* One row per role: foreground, background, attributes with colour and
 * without. Unlisted roles (zero) are plain. */
static const theme_row_t rows[ROLE_COUNT] = {
    [ROLE_TITLE] = C(BLACK, CYAN, B, R | B),
    [ROLE_FRAME] = C(BLUE, DEFAULT, N, N),
    [ROLE_HEADING] = C(CYAN, DEFAULT, B, B),
    [ROLE_VALUE] = C(DEFAULT, DEFAULT, B, B),
    [ROLE_FOCUS] = C(BLACK, YELLOW, N, R),
    [ROLE_BAR] = C(GREEN, DEFAULT, N, N),
    [ROLE_TRACK] = C(DEFAULT, DEFAULT, D, D),
    [ROLE_KNOB] = C(YELLOW, DEFAULT, B, B),
    [ROLE_GOOD] = C(GREEN, DEFAULT, B, B),
    [ROLE_BAD] = C(RED, DEFAULT, B, B | U),
    [ROLE_NOTE] = C(MAGENTA, DEFAULT, N, D),
    [ROLE_CURSOR] = C(BLACK, WHITE, N, R),
    [ROLE_BASELINE] = C(MAGENTA, DEFAULT, B, B),
    [ROLE_SENTENCE] = C(DEFAULT, DEFAULT, B, B),
    [ROLE_STATUS] = C(BLACK, WHITE, N, R),
    [ROLE_STATUS_KEY] = C(BLUE, WHITE, B, R | B),
    [ROLE_ERROR] = C(WHITE, RED, B, R | B),
    [ROLE_INPUT] = C(BLACK, YELLOW, B, B | U),
    /* The chart's styles, for the explorer and plot alike. */
    [ROLE_CHART + CANVAS_STYLE_TITLE] = C(DEFAULT, DEFAULT, B, B),
    [ROLE_CHART + CANVAS_STYLE_GRID] = C(DEFAULT, DEFAULT, D, D),
    [ROLE_CHART + CANVAS_STYLE_FRONTIER] = C(GREEN, DEFAULT, N, N),
    [ROLE_CHART + CANVAS_STYLE_HULL] = C(CYAN, DEFAULT, N, D),
    [ROLE_CHART + CANVAS_STYLE_POLICY] = C(BLUE, DEFAULT, N, D),
    [ROLE_CHART + CANVAS_STYLE_ISOCOST] = C(YELLOW, DEFAULT, D, D),
    [ROLE_CHART + CANVAS_STYLE_CURVE] = C(MAGENTA, DEFAULT, N, N),
    [ROLE_CHART + CANVAS_STYLE_DIMMED] = C(DEFAULT, DEFAULT, D, D),
    [ROLE_CHART + CANVAS_STYLE_CURRENT] = C(YELLOW, DEFAULT, B | R, B | R),
    [ROLE_CHART + CANVAS_STYLE_BASELINE] = C(MAGENTA, DEFAULT, B, B | U),
    [ROLE_CHART + CANVAS_STYLE_SELECTED] = C(WHITE, DEFAULT, B, B),
    [ROLE_CHART + CANVAS_STYLE_FLOOR] = C(DEFAULT, DEFAULT, D, D),
    [ROLE_CHART + CANVAS_STYLE_SERIES0 + 0] = C(CYAN, DEFAULT, B, B),
    [ROLE_CHART + CANVAS_STYLE_SERIES0 + 1] = C(GREEN, DEFAULT, B, B),
    [ROLE_CHART + CANVAS_STYLE_SERIES0 + 2] = C(YELLOW, DEFAULT, B, B),
    [ROLE_CHART + CANVAS_STYLE_SERIES0 + 3] = C(MAGENTA, DEFAULT, B, B),
    [ROLE_CHART + CANVAS_STYLE_SERIES0 + 4] = C(BLUE, DEFAULT, B, B),
    [ROLE_CHART + CANVAS_STYLE_SERIES0 + 5] = C(RED, DEFAULT, B, B),
    [ROLE_CHART + CANVAS_STYLE_SERIES0 + 6] = C(WHITE, DEFAULT, B, B),
    [ROLE_CHART + CANVAS_STYLE_SERIES0 + 7] = C(CYAN, DEFAULT, B, B),
};

const theme_row_t *theme_row(int role)
{
    return &rows[role >= 0 && role < ROLE_COUNT ? role : ROLE_PLAIN];
}

void theme_sgr(sb_t *out, int role)
{
    const theme_row_t *r = theme_row(role);
    static const struct {
        unsigned attr;
        const char *code;
    } attrs[] = {{THEME_BOLD, "1"}, {THEME_DIM, "2"}, {THEME_UNDERLINE, "4"}, {THEME_REVERSE, "7"}};
    const char *sep = "";
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        if (r->color_attrs & attrs[i].attr) {
            sb_printf(out, "%s%s", sep, attrs[i].code);
            sep = ";";
        }
    if (r->fg != THEME_DEFAULT) {
        sb_printf(out, "%s%d", sep, 30 + (int)r->fg - 1);
        sep = ";";
    }
    if (r->bg != THEME_DEFAULT)
        sb_printf(out, "%s%d", sep, 40 + (int)r->bg - 1);
}

void theme_canvas_ansi(sb_t *out, const canvas_t *cv, bool ascii)
{
    char buf[8];
    sb_t sgr = SB_INIT, cur = SB_INIT;
    for (int row = 0; row < cv->height; row++) {
        int last = cv->width - 1;
        while (last >= 0 && strcmp(canvas_cell_text(cv, last, row, ascii, buf), " ") == 0)
            last--;
        sb_reset(&cur);
        for (int col = 0; col <= last; col++) {
            sb_reset(&sgr);
            theme_sgr(&sgr, ROLE_CHART + canvas_cell(cv, col, row)->style);
            if (strcmp(sb_str(&sgr), sb_str(&cur)) != 0) {
                sb_printf(out, "\033[0%s%sm", sgr.len ? ";" : "", sb_str(&sgr));
                sb_reset(&cur);
                sb_puts(&cur, sb_str(&sgr));
            }
            sb_puts(out, canvas_cell_text(cv, col, row, ascii, buf));
        }
        if (cur.len)
            sb_puts(out, "\033[0m");
        sb_putc(out, '\n');
    }
    sb_free(&sgr);
    sb_free(&cur);
}
