/* json: a small streaming JSON writer that keeps commas and indentation
 * right, so report code says what to write and not how to punctuate it. */
#ifndef TRADEOFF_JSON_H
#define TRADEOFF_JSON_H

#include "base/strbuf.h"

#include <stdbool.h>

#define JSON_MAX_DEPTH 32

typedef struct {
    sb_t *out;
    int depth;
    bool first[JSON_MAX_DEPTH]; /* nothing written yet at this depth */
    bool after_key;
} json_t;

void json_init(json_t *j, sb_t *out);
void json_object_begin(json_t *j);
void json_object_end(json_t *j);
void json_array_begin(json_t *j);
void json_array_end(json_t *j);
void json_key(json_t *j, const char *key);
void json_string(json_t *j, const char *s); /* NULL writes null */
void json_number(json_t *j, double x);      /* NaN/inf write null */
void json_int(json_t *j, long long x);
/* A fraction written as a percentage (num_fraction_to_pct); null when NaN. */
void json_pct(json_t *j, double fraction);
void json_bool(json_t *j, bool b);
void json_null(json_t *j);
/* A count where POINT_COUNT_UNKNOWN (-1) means null. */
void json_count(json_t *j, long long x);

#endif
