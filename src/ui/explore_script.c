/* explore_script: the key-script hook that drives the explorer without a
 * terminal (TRADEOFF_KEYS), as tig's test scripts do. */
#include "config.h"

#include "ui/explore.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static void dump(explore_t *ex, uigrid_t *g, sb_t *dumps)
{
    explore_render(ex, g);
    sb_printf(dumps, "--- screen %dx%d ---\n", g->width, g->height);
    uigrid_to_text(g, dumps);
}

/* Decodes one UTF-8 character; returns its length (1 for a stray byte). */
static size_t decode(const unsigned char *s, int *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t n = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 1;
    int v = n == 2 ? s[0] & 0x1F : n == 3 ? s[0] & 0x0F : s[0] & 0x07;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    *cp = n == 1 ? 0xFFFD : v;
    return n;
}

bool explore_script_run(explore_t *ex, const char *script, int width, int height, sb_t *dumps, sb_t *err)
{
    uigrid_t g = UIGRID_INIT;
    uigrid_resize(&g, width, height);
    explore_render(ex, &g); /* a first frame, so clicks know the layout */
    const unsigned char *p = (const unsigned char *)script;
    bool ok = true;
    while (*p && ok && !ex->quit) {
        if (isspace(*p)) {
            p++;
            continue;
        }
        long col = (long)((const char *)p - script) + 1;
        if (*p == '<') {
            const char *end = strchr((const char *)p, '>');
            if (!end) {
                sb_printf(err, "TRADEOFF_KEYS:%ld: '<' without '>' (write <lt> for the key '<')", col);
                ok = false;
                break;
            }
            char *name = xstrndup((const char *)p + 1, (size_t)(end - (const char *)p - 1));
            int w, h, x, y;
            char tail;
            if (strcmp(name, "Dump") == 0) {
                dump(ex, &g, dumps);
            } else if (sscanf(name, "Resize:%dx%d%c", &w, &h, &tail) == 2 && w > 0 && h > 0 && w <= 1000 && h <= 1000) {
                uigrid_resize(&g, w, h);
                explore_render(ex, &g);
            } else if (sscanf(name, "Click:%d,%d%c", &x, &y, &tail) == 2) {
                explore_render(ex, &g);
                explore_click(ex, x, y);
            } else {
                int key = explore_key_parse(name);
                if (key < 0) {
                    char *shown = text_sanitize(name, strlen(name));
                    sb_printf(err, "TRADEOFF_KEYS:%ld: unknown key <%s>; expected a key name such as <Tab>, "
                                   "<Enter>, <Left>, <Dump>, <Resize:80x24> or <Click:10,5>", col, shown);
                    free(shown);
                    ok = false;
                } else {
                    explore_key(ex, key);
                    explore_render(ex, &g);
                }
            }
            free(name);
            p = (const unsigned char *)end + 1;
            continue;
        }
        int cp;
        p += decode(p, &cp);
        explore_key(ex, cp);
        explore_render(ex, &g);
    }
    if (ok)
        dump(ex, &g, dumps);
    uigrid_free(&g);
    return ok;
}
