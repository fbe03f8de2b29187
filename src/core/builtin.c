#include "config.h"

#include "core/builtin.h"
#include "base/xalloc.h"

typedef struct {
    const char *name, *series;
    double asr_pct, orr_pct;
    const char *notes;
} seed_row_t;

/* Each pair is one worked example of the domain text, in its order. */
static const seed_row_t seed_rows[] = {
    {"baseline", "safety tuning", 1.0, 2.0, "baseline model before safety tuning"},
    {"safety-tuned", "safety tuning", 0.1, 8.0, "after aggressive safety tuning"},
    {"filter-before", "filter threshold", 0.3, 4.0, "post-processing filter before raising its sensitivity"},
    {"filter-after", "filter threshold", 0.2, 6.0, "the filter after raising its sensitivity"},
    {"variant-A", "A/B test", 0.2, 6.0, "A/B test: variant A"},
    {"variant-B", "A/B test", 0.4, 3.0, "A/B test: variant B"},
    {"status-quo", "product vs safety", 0.2, 5.0, "today's setting in the product-vs-safety debate"},
    {"product-ask", "product vs safety", 0.5, 3.0, "what product asks for: fewer refusals, more attack success"},
};

void builtin_load(pointset_t *set)
{
    for (size_t i = 0; i < sizeof seed_rows / sizeof seed_rows[0]; i++) {
        const seed_row_t *r = &seed_rows[i];
        point_t p = point_make(r->name);
        p.series = xstrdup(r->series);
        p.asr = r->asr_pct / 100.0;
        p.orr = r->orr_pct / 100.0;
        p.source = xstrdup(BUILTIN_SOURCE);
        p.line = 0;
        point_set_attr(&p, "notes", r->notes);
        pointset_add(set, p);
    }
}
