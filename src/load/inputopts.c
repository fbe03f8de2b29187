/* inputopts: the reading options by name (inputopts.h). */
#include "config.h"

#include "load/inputopts.h"
#include "base/num.h"
#include "base/xalloc.h"
#include "load/csvcell.h"
#include "load/judged.h"
#include "load/rowfilter.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *const inputopts_names[] = {
    "input", "knob-column", "group-columns", "preset", "judge", "set-column", "harmful-values",
    "benign-values", "verdict-column", "refused-values", "complied-values", "unrecognised", "id-column",
    "n-adversarial", "n-benign", "asr-column", "orr-column", "complement", "rates", "name-columns",
    "category-column", "where", NULL};

bool inputopts_known(const char *name)
{
    for (size_t i = 0; inputopts_names[i]; i++)
        if (strcmp(name, inputopts_names[i]) == 0)
            return true;
    return false;
}

/* The field of a text option, or NULL for the others. */
static const char **text_field(input_opts_t *o, const char *name)
{
    static const struct {
        const char *name;
        size_t offset;
    } fields[] = {
        {"knob-column", offsetof(input_opts_t, knob_column)},
        {"group-columns", offsetof(input_opts_t, group_columns)},
        {"preset", offsetof(input_opts_t, preset)},
        {"judge", offsetof(input_opts_t, judge)},
        {"set-column", offsetof(input_opts_t, set_column)},
        {"harmful-values", offsetof(input_opts_t, harmful_values)},
        {"benign-values", offsetof(input_opts_t, benign_values)},
        {"verdict-column", offsetof(input_opts_t, verdict_column)},
        {"refused-values", offsetof(input_opts_t, refused_values)},
        {"complied-values", offsetof(input_opts_t, complied_values)},
        {"id-column", offsetof(input_opts_t, id_column)},
        {"asr-column", offsetof(input_opts_t, asr_column)},
        {"orr-column", offsetof(input_opts_t, orr_column)},
        {"name-columns", offsetof(input_opts_t, name_columns)},
        {"category-column", offsetof(input_opts_t, category_column)},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (strcmp(name, fields[i].name) == 0)
            return (const char **)(void *)((char *)o + fields[i].offset);
    return NULL;
}

/* The field of a count of prompts, or NULL. */
static long long *count_field(input_opts_t *o, const char *name)
{
    if (strcmp(name, "n-adversarial") == 0)
        return &o->n_adversarial;
    if (strcmp(name, "n-benign") == 0)
        return &o->n_benign;
    return NULL;
}

/* What a text option's value must be, or NULL when any text will do. */
static const char *text_check(const char *name, const char *value)
{
    bool blank = !value[strspn(value, " ,")];
    if (strcmp(name, "group-columns") == 0)
        return blank ? "expected column names separated by commas, or none" : NULL;
    if (strcmp(name, "preset") == 0)
        return judged_preset_known(value) ? NULL : "expected xstest or jailbreakbench";
    if (strcmp(name, "id-column") == 0)
        return value[strspn(value, " ")] ? NULL : "expected the name of a column";
    if (strcmp(name, "asr-column") == 0 || strcmp(name, "orr-column") == 0 ||
        strcmp(name, "name-columns") == 0 || strcmp(name, "category-column") == 0)
        return blank ? "expected a column name" : NULL;
    return NULL;
}

/* A number of prompts: a whole number from 1 to the largest count a cell
 * may hold. */
static const char *set_count(long long *to, const char *value)
{
    double v;
    if (num_parse_decimal(value, &v) || v != floor(v) || v < 1 || v > CSVCELL_MAX_COUNT)
        return "expected a whole number of prompts from 1 to 1e15";
    *to = (long long)v;
    return NULL;
}

static const char *set_where(input_opts_t *o, const char *value)
{
    rowfilter_t f;
    const char *why = rowfilter_parse(value, &f);
    if (why)
        return why;
    rowfilter_free(&f);
    /* The array is this module's (inputopts_free): its const is the
     * readers'. */
    const char **w = xrealloc((void *)o->where, (o->nwhere + 1) * sizeof *w);
    w[o->nwhere++] = value;
    o->where = w;
    return NULL;
}

/* Whether the option `name` is a list of columns that a second value
 * extends (--judge a --judge b is --judge a,b), as a second --example adds
 * a file, rather than replaces. */
static bool appends(const char *name)
{
    return strcmp(name, "judge") == 0 || strcmp(name, "verdict-column") == 0;
}

/* "old,value", kept in o->joined. */
static const char *join(input_opts_t *o, const char *old, const char *value)
{
    sb_t sb = SB_INIT;
    sb_printf(&sb, "%s,%s", old, value);
    o->joined = xrealloc(o->joined, (o->njoined + 1) * sizeof *o->joined);
    return o->joined[o->njoined++] = sb_detach(&sb);
}

const char *inputopts_set(input_opts_t *o, const char *name, const char *value)
{
    const char **text = text_field(o, name);
    long long *count = count_field(o, name);
    const char *why;
    if (text) {
        if ((why = text_check(name, value)))
            return why;
        *text = *text && appends(name) ? join(o, *text, value) : value;
    } else if (count) {
        return set_count(count, value);
    } else if (strcmp(name, "input") == 0) {
        if (!input_parse_kind(value, &o->kind))
            return "expected points, judged, scores or binned";
    } else if (strcmp(name, "unrecognised") == 0) {
        if (!input_parse_unrecognised(value, &o->unrecognised))
            return "expected exclude, refusal or compliance";
    } else if (strcmp(name, "complement") == 0) {
        if (!input_parse_complement(value, &o->complement))
            return "expected asr, orr or both";
    } else if (strcmp(name, "rates") == 0) {
        if (!input_parse_rates(value, &o->rates))
            return "expected percent, fraction or auto";
    } else if (strcmp(name, "where") == 0) {
        return set_where(o, value);
    } else {
        return "unknown option";
    }
    return NULL;
}

void inputopts_free(input_opts_t *o)
{
    free((void *)o->where);
    o->where = NULL;
    o->nwhere = 0;
    for (size_t i = 0; i < o->njoined; i++)
        free(o->joined[i]);
    free(o->joined);
    o->joined = NULL;
    o->njoined = 0;
}

/* The value of a one-valued option as text ("" at its default), in `buf`
 * when it is a number. */
static const char *value_of(const input_opts_t *o, const char *name, char *buf, size_t size)
{
    input_opts_t *m = (input_opts_t *)(void *)o; /* read only */
    const char **text = text_field(m, name);
    long long *count = count_field(m, name);
    if (text)
        return *text ? *text : "";
    if (count) {
        if (*count <= 0)
            return "";
        snprintf(buf, size, "%lld", *count);
        return buf;
    }
    if (strcmp(name, "input") == 0)
        return o->kind == INPUT_AUTO ? "" : input_kind_name(o->kind);
    if (strcmp(name, "unrecognised") == 0)
        return o->unrecognised == POINT_UNREC_EXCLUDE ? "" : input_unrecognised_name(o->unrecognised);
    if (strcmp(name, "complement") == 0)
        return input_complement_name(o->complement);
    if (strcmp(name, "rates") == 0)
        return o->rates == INPUT_RATES_AUTO ? "" : input_rates_name(o->rates);
    return "";
}

bool inputopts_given(const input_opts_t *o, const char *name)
{
    char buf[32];
    if (strcmp(name, "where") == 0)
        return o->nwhere > 0;
    const char **text = text_field((input_opts_t *)(void *)o, name);
    return text ? *text != NULL : value_of(o, name, buf, sizeof buf)[0] != '\0';
}

void inputopts_each(const input_opts_t *o, inputopts_fn fn, void *ctx)
{
    char buf[32];
    for (size_t i = 0; inputopts_names[i]; i++) {
        const char *name = inputopts_names[i];
        if (strcmp(name, "where") == 0) {
            for (size_t k = 0; k < o->nwhere; k++)
                fn(name, o->where[k], ctx);
        } else if (inputopts_given(o, name)) {
            fn(name, value_of(o, name, buf, sizeof buf), ctx);
        }
    }
}

bool inputopts_same(const input_opts_t *a, const input_opts_t *b, const char *name)
{
    if (inputopts_given(a, name) != inputopts_given(b, name))
        return false;
    if (strcmp(name, "where") == 0) {
        if (a->nwhere != b->nwhere)
            return false;
        for (size_t k = 0; k < a->nwhere; k++)
            if (strcmp(a->where[k], b->where[k]) != 0)
                return false;
        return true;
    }
    char x[32], y[32];
    return strcmp(value_of(a, name, x, sizeof x), value_of(b, name, y, sizeof y)) == 0;
}

void inputopts_take(input_opts_t *to, const input_opts_t *from, const char *name)
{
    const char **text = text_field(to, name);
    long long *count = count_field(to, name);
    input_opts_t *f = (input_opts_t *)(void *)from; /* read only */
    if (text)
        *text = *text_field(f, name);
    else if (count)
        *count = *count_field(f, name);
    else if (strcmp(name, "input") == 0)
        to->kind = from->kind;
    else if (strcmp(name, "unrecognised") == 0)
        to->unrecognised = from->unrecognised;
    else if (strcmp(name, "complement") == 0)
        to->complement = from->complement;
    else if (strcmp(name, "rates") == 0)
        to->rates = from->rates;
    else if (strcmp(name, "where") == 0) {
        to->where = from->where;
        to->nwhere = from->nwhere;
    }
}

void inputopts_describe(sb_t *out, const input_opts_t *o, const char *name)
{
    char buf[32];
    if (strcmp(name, "where") != 0) {
        sb_puts(out, value_of(o, name, buf, sizeof buf));
        return;
    }
    for (size_t k = 0; k < o->nwhere; k++)
        sb_printf(out, "%s%s", k ? " AND " : "", o->where[k]);
}
