/* agreement_report: how often the judges of one file agree (`tradeoff
 * judges`), as text, JSON, Markdown or CSV: for each pair of judges and
 * each set, the confusion table on refused and complied, the percent
 * agreement, Cohen's kappa with its interval (core/agreement.h) and the
 * prompts they disagree on. */
#ifndef TRADEOFF_AGREEMENT_REPORT_H
#define TRADEOFF_AGREEMENT_REPORT_H

#include "base/strbuf.h"
#include "core/agreement.h"
#include "load/prompttext.h"
#include "render/report.h"

typedef struct {
    const promptlog_t *log;
    const char *file;             /* sanitised */
    const char *preset;           /* its preset, or NULL */
    const agreement_t *ag;
    const prompttext_t *const *disagree; /* per pair: the ids, parallel to its disagree list */
    double confidence;
    int width;                    /* text: no line is wider */
} agreement_report_t;

/* REPORT_TEXT, REPORT_JSON, REPORT_MARKDOWN or REPORT_CSV. */
void agreement_report_render(sb_t *out, const agreement_report_t *r, report_format_t fmt);

#endif
