#include "config.h"

#include "base/json.h"
#include "base/num.h"
#include "base/text.h"

void json_init(json_t *j, sb_t *out)
{
    j->out = out;
    j->depth = 0;
    j->first[0] = true;
    j->after_key = false;
}

static void indent(json_t *j)
{
    sb_putc(j->out, '\n');
    for (int i = 0; i < j->depth; i++)
        sb_puts(j->out, "  ");
}

/* Writes what must come before a value: a comma and a new line, unless the
 * value follows its key. */
static void before_value(json_t *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->depth > 0) {
        if (!j->first[j->depth])
            sb_putc(j->out, ',');
        indent(j);
    }
    j->first[j->depth] = false;
}

static void open_container(json_t *j, char c)
{
    before_value(j);
    sb_putc(j->out, c);
    if (j->depth + 1 < JSON_MAX_DEPTH)
        j->depth++;
    j->first[j->depth] = true;
}

static void close_container(json_t *j, char c)
{
    bool empty = j->first[j->depth];
    if (j->depth > 0)
        j->depth--;
    if (!empty)
        indent(j);
    sb_putc(j->out, c);
    if (j->depth == 0)
        sb_putc(j->out, '\n');
}

void json_object_begin(json_t *j) { open_container(j, '{'); }
void json_object_end(json_t *j) { close_container(j, '}'); }
void json_array_begin(json_t *j) { open_container(j, '['); }
void json_array_end(json_t *j) { close_container(j, ']'); }

void json_key(json_t *j, const char *key)
{
    before_value(j);
    text_json_string(j->out, key);
    sb_puts(j->out, ": ");
    j->after_key = true;
}

void json_string(json_t *j, const char *s)
{
    before_value(j);
    if (s)
        text_json_string(j->out, s);
    else
        sb_puts(j->out, "null");
}

void json_number(json_t *j, double x)
{
    char buf[40];
    before_value(j);
    sb_puts(j->out, num_format_json(x, buf, sizeof buf));
}

void json_pct(json_t *j, double fraction) { json_number(j, num_fraction_to_pct(fraction)); }

void json_int(json_t *j, long long x)
{
    before_value(j);
    sb_printf(j->out, "%lld", x);
}

void json_bool(json_t *j, bool b)
{
    before_value(j);
    sb_puts(j->out, b ? "true" : "false");
}

void json_null(json_t *j)
{
    before_value(j);
    sb_puts(j->out, "null");
}

void json_count(json_t *j, long long x)
{
    if (x < 0)
        json_null(j);
    else
        json_int(j, x);
}
