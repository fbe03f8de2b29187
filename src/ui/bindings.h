/* bindings: a screen's one table of actions, in the manner of tig's
 * request table. Each row names an action, the keys bound to it and what it
 * does; key handling, the help screen, the status line's hints and the man
 * page's key list are all generated from the table, so they cannot drift
 * apart. The explorer (explore_bindings) and the practice screen
 * (practice_bindings) each have one. */
#ifndef TRADEOFF_BINDINGS_H
#define TRADEOFF_BINDINGS_H

#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

#define BINDING_MAX_KEYS 3

typedef struct {
    int action;                    /* the screen's action enum; 0 is "none" */
    const char *name;              /* "baseline": for scripts and documentation */
    int keys[BINDING_MAX_KEYS];    /* key.h codes, 0-terminated when fewer */
    const char *description;
    /* What an input line the action opens asks for ("filter by name,
     * series or group"): the prompt is made from the table too; NULL when
     * the action opens none, or its prompt is its own. */
    const char *prompt;
} binding_t;

typedef struct {
    const binding_t *rows;
    size_t len;
} bindings_t;

/* The action bound to `key`, 0 when none. */
int bindings_action(const bindings_t *t, int key);
/* The row of `action`, NULL when the table has none. */
const binding_t *bindings_find(const bindings_t *t, int action);
/* The key that a hint or a message shows for `action` (its first key);
 * 0 when unbound. */
int bindings_first_key(const bindings_t *t, int action);

typedef enum { BINDINGS_TEXT, BINDINGS_MARKDOWN, BINDINGS_MAN } bindings_format_t;
/* "text", "markdown" or "man"; false for anything else. */
bool bindings_parse_format(const char *s, bindings_format_t *fmt);
/* The table as text (a help screen: one line per action), a Markdown table
 * (README) or man-page roff (.TP entries). */
void bindings_render(sb_t *out, const bindings_t *t, bindings_format_t fmt);

#endif
