/* lineedit: a line being typed. See lineedit.h. */
#include "config.h"

#include "ui/lineedit.h"
#include "ui/keys.h"

#include <string.h>

/* Bytes of `s` that fit in `cap` - 1, not cutting a UTF-8 character. */
static size_t fit(const char *s, size_t cap)
{
    size_t n = strlen(s);
    if (n < cap)
        return n;
    n = cap - 1;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--; /* s[n] continues a character: cut before that character */
    return n;
}

void lineedit_set(lineedit_t *le, const char *initial)
{
    size_t n = fit(initial, sizeof le->text);
    memcpy(le->text, initial, n);
    le->text[n] = '\0';
    le->prefilled = n > 0;
}

void lineedit_clear(lineedit_t *le)
{
    le->text[0] = '\0';
    le->prefilled = false;
}

bool lineedit_empty(const lineedit_t *le)
{
    return le->text[0] == '\0';
}

static size_t utf8_encode(int cp, char enc[4])
{
    if (cp < 0x80) {
        enc[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        enc[0] = (char)(0xC0 | (cp >> 6));
        enc[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        enc[0] = (char)(0xE0 | (cp >> 12));
        enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        enc[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    enc[0] = (char)(0xF0 | (cp >> 18));
    enc[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    enc[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    enc[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static void erase_last(lineedit_t *le)
{
    size_t len = strlen(le->text);
    while (len > 0 && ((unsigned char)le->text[len - 1] & 0xC0) == 0x80)
        len--; /* continuation bytes of the last character */
    if (len > 0)
        len--;
    le->text[len] = '\0';
}

bool lineedit_key(lineedit_t *le, int key)
{
    if (key == EK_CTRL_U) {
        lineedit_clear(le);
        return true;
    }
    if (key == EK_BACKSPACE || key == 8) {
        le->prefilled = false;
        erase_last(le);
        return true;
    }
    if (!KEYS_IS_TEXT(key) || (key >= 0xD800 && key <= 0xDFFF))
        return false;
    if (le->prefilled) /* the first key typed replaces the shown value */
        le->text[0] = '\0';
    le->prefilled = false;
    char enc[4];
    size_t n = utf8_encode(key, enc), len = strlen(le->text);
    if (len + n < sizeof le->text) {
        memcpy(le->text + len, enc, n);
        le->text[len + n] = '\0';
    }
    return true;
}
