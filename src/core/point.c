#include "config.h"

#include "core/point.h"
#include "base/xalloc.h"

#include <math.h>
#include <string.h>

point_t point_make(const char *name)
{
    point_t p;
    memset(&p, 0, sizeof p);
    p.name = xstrdup(name);
    p.asr = p.orr = p.knob = NAN;
    p.n_adversarial = p.attack_successes = POINT_COUNT_UNKNOWN;
    p.n_benign = p.benign_refused = POINT_COUNT_UNKNOWN;
    return p;
}

point_t *pointset_add(pointset_t *set, point_t p)
{
    set->items = xgrow(set->items, &set->cap, set->len + 1, sizeof *set->items);
    set->items[set->len] = p;
    return &set->items[set->len++];
}

long pointset_index(const pointset_t *set, const char *name)
{
    for (size_t i = 0; i < set->len; i++)
        if (strcmp(set->items[i].name, name) == 0)
            return (long)i;
    return -1;
}

point_t *pointset_find(const pointset_t *set, const char *name)
{
    long i = pointset_index(set, name);
    return i < 0 ? NULL : &set->items[i];
}

void point_set_attr(point_t *p, const char *key, const char *value)
{
    for (size_t i = 0; i < p->nattrs; i++) {
        if (strcmp(p->attrs[i].key, key) == 0) {
            free(p->attrs[i].value);
            p->attrs[i].value = xstrdup(value);
            return;
        }
    }
    p->attrs = xrealloc(p->attrs, (p->nattrs + 1) * sizeof *p->attrs);
    p->attrs[p->nattrs].key = xstrdup(key);
    p->attrs[p->nattrs].value = xstrdup(value);
    p->nattrs++;
}

const char *point_attr(const point_t *p, const char *key)
{
    for (size_t i = 0; i < p->nattrs; i++)
        if (strcmp(p->attrs[i].key, key) == 0)
            return p->attrs[i].value;
    return NULL;
}

category_t *point_add_category(point_t *p, const char *name)
{
    p->categories = xrealloc(p->categories, (p->ncategories + 1) * sizeof *p->categories);
    category_t *c = &p->categories[p->ncategories++];
    c->name = xstrdup(name);
    c->critical = false;
    c->n_adversarial = c->attack_successes = POINT_COUNT_UNKNOWN;
    c->asr = NAN;
    return c;
}

bool point_has_rates(const point_t *p) { return !isnan(p->asr) && !isnan(p->orr); }

const char *point_group(const point_t *p) { return p->group ? p->group : POINT_GROUP_UNNAMED; }

bool point_group_known(const point_t *p)
{
    return p->group_basis == POINT_GROUP_COLUMNS || p->group_basis == POINT_GROUP_PROMPTS ||
           p->group_basis == POINT_GROUP_POOLED;
}

void point_set_group(point_t *p, const char *name, point_group_basis_t basis)
{
    free(p->group);
    p->group = xstrdup(name);
    p->group_basis = basis;
}

void point_free(point_t *p)
{
    free(p->name);
    free(p->series);
    free(p->group);
    free(p->source);
    for (size_t i = 0; i < p->nattrs; i++) {
        free(p->attrs[i].key);
        free(p->attrs[i].value);
    }
    free(p->attrs);
    for (size_t i = 0; i < p->ncategories; i++)
        free(p->categories[i].name);
    free(p->categories);
    memset(p, 0, sizeof *p);
}

void pointset_free(pointset_t *set)
{
    for (size_t i = 0; i < set->len; i++)
        point_free(&set->items[i]);
    free(set->items);
    free(set->knob_name);
    *set = (pointset_t)POINTSET_INIT;
}
