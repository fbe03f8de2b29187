/* lineedit: the one-line editor of the screens: the explorer's typed values,
 * its find and file-name prompts, and the practice screen's answer line.
 *
 * Typing appends (UTF-8), Backspace removes the last character, Ctrl-U
 * clears the line, as in a shell. A line opened with a value (the control's
 * current value) is "prefilled": the first character typed replaces the
 * whole value, while Backspace edits it instead. Enter and Esc belong to the
 * screen (accept, cancel), not to the editor. */
#ifndef TRADEOFF_LINEEDIT_H
#define TRADEOFF_LINEEDIT_H

#include <stdbool.h>

#define LINEEDIT_MAX 256 /* bytes, the terminating NUL included */

typedef struct {
    char text[LINEEDIT_MAX]; /* UTF-8, never cut inside a character */
    bool prefilled;          /* text is the value the line opened with */
} lineedit_t;

/* Opens the line with `initial` ("" for an empty line); prefilled when not
 * empty. A value too long for the line is cut at a character boundary. */
void lineedit_set(lineedit_t *le, const char *initial);
/* Empties the line. */
void lineedit_clear(lineedit_t *le);
bool lineedit_empty(const lineedit_t *le);
/* Handles an editing key (a character, Backspace, Ctrl-U); false for any
 * other key, which the screen handles. A character that does not fit is
 * dropped. */
bool lineedit_key(lineedit_t *le, int key);

#endif
