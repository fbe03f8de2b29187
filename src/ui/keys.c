/* keys: key names. See keys.h. */
#include "config.h"

#include "ui/keys.h"

#include <stdio.h>
#include <strings.h>

static const struct {
    int key;
    const char *name;
} names[] = {
    {EK_TAB, "Tab"},       {EK_BTAB, "S-Tab"},     {EK_ENTER, "Enter"},    {EK_ESC, "Esc"},
    {EK_BACKSPACE, "BS"},  {EK_LEFT, "Left"},      {EK_RIGHT, "Right"},    {EK_UP, "Up"},
    {EK_DOWN, "Down"},     {EK_SLEFT, "S-Left"},   {EK_SRIGHT, "S-Right"}, {EK_PGUP, "PgUp"},
    {EK_PGDN, "PgDn"},     {EK_HOME, "Home"},      {EK_END, "End"},        {EK_F1, "F1"},
    {EK_F10, "F10"},       {EK_CTRL_L, "C-l"},     {EK_CTRL_U, "C-u"},     {' ', "Space"},
    {'<', "lt"},
};
#define NNAMES (sizeof names / sizeof names[0])

const char *keys_name(int key, char *buf, size_t n)
{
    for (size_t i = 0; i < NNAMES; i++)
        if (names[i].key == key) {
            snprintf(buf, n, "%s", names[i].name);
            return buf;
        }
    if (key > 32 && key < 127)
        snprintf(buf, n, "%c", key);
    else
        snprintf(buf, n, "U+%04X", (unsigned)key);
    return buf;
}

int keys_parse(const char *name)
{
    for (size_t i = 0; i < NNAMES; i++)
        if (strcasecmp(names[i].name, name) == 0)
            return names[i].key;
    if (name[0] && !name[1])
        return (unsigned char)name[0];
    return -1;
}
