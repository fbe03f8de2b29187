#include "config.h"

#include "core/nameindex.h"
#include "base/digest.h"
#include "base/xalloc.h"

#include <stdint.h>
#include <string.h>

/* FNV-1a: simple, and good enough for names (no adversary gains much from
 * collisions here: the worst case is the quadratic time we replace). */
static uint64_t hash_name(const char *s)
{
    return digest_fnv1a(DIGEST_FNV_INIT, s, strlen(s));
}

/* The slot holding `name`, or the empty slot where it would go. */
static size_t probe(const nameindex_t *ix, const pointset_t *set, const char *name)
{
    size_t mask = ix->cap - 1, at = (size_t)hash_name(name) & mask;
    while (ix->slots[at] != 0 && strcmp(set->items[ix->slots[at] - 1].name, name) != 0)
        at = (at + 1) & mask;
    return at;
}

static void grow(nameindex_t *ix, const pointset_t *set)
{
    nameindex_t bigger = {NULL, ix->cap ? ix->cap * 2 : 64, ix->len};
    bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
    for (size_t s = 0; s < ix->cap; s++)
        if (ix->slots[s] != 0)
            bigger.slots[probe(&bigger, set, set->items[ix->slots[s] - 1].name)] = ix->slots[s];
    free(ix->slots);
    *ix = bigger;
}

bool nameindex_add(nameindex_t *ix, const pointset_t *set, size_t i)
{
    if ((ix->len + 1) * 2 > ix->cap)
        grow(ix, set);
    size_t at = probe(ix, set, set->items[i].name);
    if (ix->slots[at] != 0)
        return false;
    ix->slots[at] = i + 1;
    ix->len++;
    return true;
}

long nameindex_find(const nameindex_t *ix, const pointset_t *set, const char *name)
{
    if (ix->cap == 0)
        return -1;
    size_t at = probe(ix, set, name);
    return ix->slots[at] ? (long)(ix->slots[at] - 1) : -1;
}

void nameindex_free(nameindex_t *ix)
{
    free(ix->slots);
    *ix = (nameindex_t)NAMEINDEX_INIT;
}
