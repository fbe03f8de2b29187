/* keys: keys as the screens see them, and their names.
 *
 * A key is a Unicode code point (a printable key, or a control character
 * such as Tab) or one of the EK_ codes above every code point for the keys
 * that have no character. The curses front end (term/tui.c) translates
 * curses' codes into these; key scripts (ui/keyscript.h) write them by name;
 * the help screens and the man page name them the same way. */
#ifndef TRADEOFF_KEYS_H
#define TRADEOFF_KEYS_H

#include <stddef.h>

enum {
    EK_TAB = 9,
    EK_ENTER = 13,
    EK_CTRL_U = 21, /* clears a typed line, as in a shell */
    EK_ESC = 27,
    EK_BACKSPACE = 127,
    EK_SPECIAL = 0x110000, /* above every code point */
    EK_LEFT = EK_SPECIAL,
    EK_RIGHT,
    EK_UP,
    EK_DOWN,
    EK_SLEFT,  /* Shift+Left */
    EK_SRIGHT, /* Shift+Right */
    EK_PGUP,
    EK_PGDN,
    EK_HOME,
    EK_END,
    EK_BTAB, /* Shift+Tab */
    EK_F1,
    EK_F10,
    EK_CTRL_L,
    EK_LAST
};

/* True for a key that types a character (not a control character, not an
 * EK_ code). */
#define KEYS_IS_TEXT(k) ((k) >= 32 && (k) < EK_SPECIAL && (k) != 127 && !((k) >= 0x80 && (k) < 0xA0))

/* "Left", "S-Tab", "PgUp", "F1", "C-u", "Space", "q"...; buf holds at least
 * 16 bytes. */
const char *keys_name(int key, char *buf, size_t n);
/* Parses a key name as keys_name writes it (case-insensitive; "lt" is '<');
 * -1 when it names no key. */
int keys_parse(const char *name);

#endif
