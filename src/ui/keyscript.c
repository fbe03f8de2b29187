/* keyscript: screens driven by a script of keys. See keyscript.h. */
#include "config.h"

#include "ui/keyscript.h"
#include "ui/keys.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define KEYSCRIPT_MAX_SIDE 1000

static void dump(const screen_t *s, uigrid_t *g, sb_t *dumps)
{
    s->render(s->model, g, s->layout);
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

bool keyscript_parse_size(const char *s, int *width, int *height)
{
    int w, h;
    char tail;
    if (sscanf(s, "%dx%d%c", &w, &h, &tail) != 2 || w < 1 || h < 1 || w > KEYSCRIPT_MAX_SIDE ||
        h > KEYSCRIPT_MAX_SIDE)
        return false;
    *width = w;
    *height = h;
    return true;
}

/* One <Name> token (without its brackets) at script column `col`. */
static bool named(const screen_t *s, uigrid_t *g, const char *name, long col, sb_t *dumps, sb_t *err)
{
    int w, h, x, y;
    char tail;
    if (strcmp(name, "Dump") == 0) {
        dump(s, g, dumps);
        return true;
    }
    if (strncmp(name, "Resize:", 7) == 0 && keyscript_parse_size(name + 7, &w, &h)) {
        uigrid_resize(g, w, h);
        return true;
    }
    if (sscanf(name, "Click:%d,%d%c", &x, &y, &tail) == 2) {
        if (!s->click) {
            sb_printf(err, "TRADEOFF_KEYS:%ld: this screen takes no mouse clicks", col);
            return false;
        }
        s->click(s->model, s->layout, x, y);
        return true;
    }
    int key = keys_parse(name);
    if (key < 0) {
        char *shown = text_sanitize(name, strlen(name));
        sb_printf(err, "TRADEOFF_KEYS:%ld: unknown key <%s>; expected a key name such as <Tab>, "
                       "<Enter>, <Left>, <Dump>, <Resize:80x24> or <Click:10,5>", col, shown);
        free(shown);
        return false;
    }
    s->key(s->model, s->layout, key);
    return true;
}

bool keyscript_run(const screen_t *s, const char *script, int width, int height, sb_t *dumps, sb_t *err)
{
    uigrid_t g = UIGRID_INIT;
    uigrid_resize(&g, width, height);
    s->render(s->model, &g, s->layout); /* a first frame, so clicks know the layout */
    const unsigned char *p = (const unsigned char *)script;
    bool ok = true;
    while (*p && ok && !s->flags->quit) {
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
            ok = named(s, &g, name, col, dumps, err);
            free(name);
            p = (const unsigned char *)end + 1;
        } else {
            int cp;
            p += decode(p, &cp);
            s->key(s->model, s->layout, cp);
        }
        s->render(s->model, &g, s->layout);
    }
    if (ok)
        dump(s, &g, dumps);
    uigrid_free(&g);
    return ok;
}
