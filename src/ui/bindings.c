/* bindings: action tables and their documentation. See bindings.h. */
#include "config.h"

#include "base/text.h"
#include "ui/bindings.h"
#include "ui/keys.h"

#include <stdio.h>
#include <string.h>

int bindings_action(const bindings_t *t, int key)
{
    for (size_t i = 0; i < t->len; i++)
        for (int k = 0; k < BINDING_MAX_KEYS && t->rows[i].keys[k]; k++)
            if (t->rows[i].keys[k] == key)
                return t->rows[i].action;
    return 0;
}

const binding_t *bindings_find(const bindings_t *t, int action)
{
    for (size_t i = 0; i < t->len; i++)
        if (t->rows[i].action == action)
            return &t->rows[i];
    return NULL;
}

int bindings_first_key(const bindings_t *t, int action)
{
    const binding_t *b = bindings_find(t, action);
    return b ? b->keys[0] : 0;
}

bool bindings_parse_format(const char *s, bindings_format_t *fmt)
{
    if (strcmp(s, "text") == 0)
        *fmt = BINDINGS_TEXT;
    else if (strcmp(s, "markdown") == 0)
        *fmt = BINDINGS_MARKDOWN;
    else if (strcmp(s, "man") == 0)
        *fmt = BINDINGS_MAN;
    else
        return false;
    return true;
}

/* "Left, h" for the table: the keys of one row, `sep` between them;
 * documentation shows '<' itself rather than its script name, and roff
 * reads a backslash as "\e". */
static void keys_of(sb_t *out, const binding_t *b, const char *sep, bindings_format_t fmt)
{
    for (int k = 0; k < BINDING_MAX_KEYS && b->keys[k]; k++) {
        char name[24];
        keys_name(b->keys[k], name, sizeof name);
        if (b->keys[k] == '<')
            snprintf(name, sizeof name, "<");
        if (b->keys[k] == '\\' && fmt == BINDINGS_MAN)
            snprintf(name, sizeof name, "\\e");
        bool markdown = fmt == BINDINGS_MARKDOWN;
        sb_printf(out, "%s%s%s%s", k ? sep : "", markdown ? "`" : "", name, markdown ? "`" : "");
    }
}

void bindings_render(sb_t *out, const bindings_t *t, bindings_format_t fmt)
{
    if (fmt == BINDINGS_MARKDOWN)
        sb_puts(out, "| Keys | Action |\n|---|---|\n");
    for (size_t i = 0; i < t->len; i++) {
        const binding_t *b = &t->rows[i];
        if (fmt == BINDINGS_MARKDOWN) {
            sb_puts(out, "| ");
            keys_of(out, b, " ", fmt);
            sb_puts(out, " | ");
            text_markdown(out, b->description);
            sb_puts(out, " |\n");
        } else if (fmt == BINDINGS_MAN) {
            sb_puts(out, ".TP\n.B ");
            keys_of(out, b, ", ", fmt);
            sb_printf(out, "\n%s\n", b->description);
        } else {
            sb_t k = SB_INIT;
            keys_of(&k, b, " ", fmt);
            sb_printf(out, "  %-20s %s\n", sb_str(&k), b->description);
            sb_free(&k);
        }
    }
}
