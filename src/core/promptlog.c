/* promptlog: per-prompt outcomes, their index and their counts. */
#include "config.h"

#include "core/promptlog.h"
#include "base/digest.h"
#include "base/text.h"
#include "base/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Kept for the duplicate's message: enough to recognise an id. */
#define DUP_TEXT_MAX 80

promptlog_t *promptlog_new(const char *source, char *const *judges, size_t njudges)
{
    static uint64_t serials;
    promptlog_t *log = xcalloc(1, sizeof *log);
    log->refs = 1;
    log->serial = ++serials;
    log->source = xstrdup(source);
    log->shown = text_sanitize(source, strlen(source));
    log->key_col = log->text_col = log->cat_col = -1;
    log->njudges = njudges;
    log->judges = xcalloc(njudges ? njudges : 1, sizeof *log->judges);
    for (size_t j = 0; j < njudges; j++)
        log->judges[j] = text_sanitize(judges[j], strlen(judges[j]));
    return log;
}

promptlog_t *promptlog_retain(promptlog_t *log)
{
    if (log)
        log->refs++;
    return log;
}

static void free_texts(char **texts, size_t n)
{
    if (!texts)
        return;
    for (size_t i = 0; i < n; i++)
        free(texts[i]);
    free(texts);
}

void promptlog_release(promptlog_t *log)
{
    if (!log || --log->refs > 0)
        return;
    for (size_t j = 0; j < log->njudges; j++)
        free(log->judges[j]);
    free(log->judges);
    for (size_t c = 0; c < log->ncategories; c++)
        free(log->categories[c]);
    free(log->categories);
    free_texts(log->kept_id, log->len);
    free_texts(log->kept_text, log->len);
    free(log->key);
    free(log->line);
    free(log->offset);
    free(log->category);
    free(log->set);
    free(log->verdict);
    free(log->slots);
    free(log->source);
    free(log->shown);
    free(log->key_name);
    free(log->key_expected);
    free(log->dup_text);
    free(log->tally);
    free(log);
}

void promptlog_set_columns(promptlog_t *log, const char *key_name, bool key_is_text, int key_col, int text_col,
                           int cat_col, const char *expected)
{
    free(log->key_name);
    free(log->key_expected);
    log->key_name = key_name ? text_sanitize(key_name, strlen(key_name)) : NULL;
    log->key_expected = expected ? xstrdup(expected) : NULL;
    log->key_is_text = key_is_text;
    log->key_col = key_name ? key_col : -1;
    log->text_col = text_col;
    log->cat_col = cat_col;
}

void promptlog_keep_texts(promptlog_t *log)
{
    if (!log->kept_id) {
        log->kept_id = xcalloc(1, sizeof *log->kept_id);
        log->kept_text = xcalloc(1, sizeof *log->kept_text);
    }
}

uint32_t promptlog_category(promptlog_t *log, const char *name, size_t len)
{
    text_trim(&name, &len);
    if (len == 0)
        return PROMPTLOG_NO_CATEGORY;
    /* The last category found first: files list a category's prompts
     * together, so one comparison usually decides. */
    size_t last = log->last_category;
    if (last < log->ncategories && strncmp(log->categories[last], name, len) == 0 &&
        log->categories[last][len] == '\0')
        return (uint32_t)last;
    char *clean = text_sanitize(name, len);
    for (size_t c = 0; c < log->ncategories; c++)
        if (strcmp(log->categories[c], clean) == 0) {
            free(clean);
            log->last_category = c;
            return (uint32_t)c;
        }
    if (log->ncategories >= PROMPTLOG_MAX_CATEGORIES) {
        free(clean);
        log->categories_dropped++;
        return PROMPTLOG_NO_CATEGORY;
    }
    log->categories = xrealloc(log->categories, (log->ncategories + 1) * sizeof *log->categories);
    log->categories[log->ncategories] = clean;
    log->last_category = log->ncategories;
    return (uint32_t)log->ncategories++;
}

uint64_t promptlog_hash(const char *key, size_t len)
{
    text_trim(&key, &len);
    return digest_fnv1a(DIGEST_FNV_INIT, key, len);
}

/* FNV-1a's low bits vary little between similar short keys ("v2-1",
 * "v2-2"): a finaliser (splitmix64's) spreads them over the slots. */
static size_t slot_of(uint64_t key, size_t mask)
{
    key ^= key >> 30;
    key *= 0xbf58476d1ce4e5b9ull;
    key ^= key >> 27;
    key *= 0x94d049bb133111ebull;
    key ^= key >> 31;
    return (size_t)key & mask;
}

static void index_put(uint32_t *slots, size_t nslots, const uint64_t *keys, uint32_t i)
{
    size_t s = slot_of(keys[i], nslots - 1);
    while (slots[s])
        s = (s + 1) & (nslots - 1);
    slots[s] = i + 1;
}

/* Keeps the table at most half full. */
static void index_grow(promptlog_t *log)
{
    if (log->nslots >= 2 * (log->len + 1))
        return;
    size_t n = log->nslots ? log->nslots * 2 : 64;
    while (n < 2 * (log->len + 1))
        n *= 2;
    free(log->slots);
    log->slots = xcalloc(n, sizeof *log->slots);
    log->nslots = n;
    for (size_t i = 0; i < log->len; i++)
        index_put(log->slots, n, log->key, (uint32_t)i);
}

/* Prompt i into the index, in one probe: -1, or the prompt already there
 * with its key (which keeps its slot). */
static long index_insert(promptlog_t *log, uint32_t i)
{
    size_t mask = log->nslots - 1;
    for (size_t s = slot_of(log->key[i], mask);; s = (s + 1) & mask) {
        uint32_t v = log->slots[s];
        if (v == 0) {
            log->slots[s] = i + 1;
            return -1;
        }
        if (log->key[v - 1] == log->key[i])
            return (long)v - 1;
    }
}

long promptlog_find(const promptlog_t *log, uint64_t key)
{
    if (!log->nslots)
        return -1;
    for (size_t s = slot_of(key, log->nslots - 1);; s = (s + 1) & (log->nslots - 1)) {
        uint32_t v = log->slots[s];
        if (v == 0)
            return -1;
        if (log->key[v - 1] == key)
            return (long)v - 1;
    }
}

static void grow(promptlog_t *log)
{
    if (log->len < log->cap)
        return;
    size_t cap = log->cap ? log->cap * 2 : 256;
    log->key = xrealloc(log->key, cap * sizeof *log->key);
    log->line = xrealloc(log->line, cap * sizeof *log->line);
    log->offset = xrealloc(log->offset, cap * sizeof *log->offset);
    log->category = xrealloc(log->category, cap * sizeof *log->category);
    log->set = xrealloc(log->set, cap * sizeof *log->set);
    log->verdict = xrealloc(log->verdict, cap * (log->njudges ? log->njudges : 1));
    if (log->kept_id) {
        log->kept_id = xrealloc(log->kept_id, cap * sizeof *log->kept_id);
        log->kept_text = xrealloc(log->kept_text, cap * sizeof *log->kept_text);
    }
    log->cap = cap;
}

/* The first duplicate only. Whether one was noted is dup_text's to say: a
 * line number can be 0 (unknown, or past UINT32_MAX), and a second note
 * would leak the first text. */
static void note_duplicate(promptlog_t *log, long first, long line, const char *key, size_t len)
{
    if (log->dup_text)
        return;
    log->dup_line_a = first;
    log->dup_line_b = line;
    log->dup_text = text_sanitize(key, len < DUP_TEXT_MAX ? len : DUP_TEXT_MAX);
}

void promptlog_add(promptlog_t *log, const char *key, size_t key_len, int set, uint32_t category, promptlog_at_t at,
                   const uint8_t *verdicts, const char *text, size_t text_len)
{
    long line = at.line;
    grow(log);
    size_t i = log->len;
    bool keyed = log->key_col >= 0;
    log->key[i] = keyed ? promptlog_hash(key, key_len) : 0;
    log->line[i] = line > 0 && line <= (long)UINT32_MAX ? (uint32_t)line : 0;
    log->offset[i] = at.offset;
    log->category[i] = category;
    log->set[i] = (uint8_t)set;
    memcpy(log->verdict + i * log->njudges, verdicts, log->njudges);
    if (log->kept_id) {
        log->kept_id[i] = keyed ? text_sanitize(key, key_len) : NULL;
        log->kept_text[i] = text ? text_sanitize(text, text_len) : NULL;
    }
    if (keyed) {
        index_grow(log);
        long seen = index_insert(log, (uint32_t)i);
        if (seen >= 0)
            note_duplicate(log, (long)log->line[seen], line, key, key_len);
    }
    log->len++;
}

int promptlog_judge(const promptlog_t *log, const char *name)
{
    for (size_t j = 0; j < log->njudges; j++)
        if (strcmp(log->judges[j], name) == 0)
            return (int)j;
    return -1;
}

promptlog_outcome_t promptlog_outcome(const promptlog_t *log, size_t i, int j, int unrec)
{
    switch ((promptlog_verdict_t)log->verdict[i * log->njudges + (size_t)j]) {
    case PROMPTLOG_REFUSED: return PROMPTLOG_OUT_REFUSED;
    case PROMPTLOG_COMPLIED: return PROMPTLOG_OUT_COMPLIED;
    case PROMPTLOG_UNRECOGNISED:
        return unrec == PROMPTLOG_UNREC_REFUSAL      ? PROMPTLOG_OUT_REFUSED
               : unrec == PROMPTLOG_UNREC_COMPLIANCE ? PROMPTLOG_OUT_COMPLIED
                                                     : PROMPTLOG_OUT_EXCLUDED;
    case PROMPTLOG_EMPTY: break;
    }
    return PROMPTLOG_OUT_EXCLUDED;
}

static promptlog_counts_t count(const promptlog_t *log, int j, int unrec)
{
    promptlog_counts_t c = {0, 0, 0, 0, 0, 0};
    for (size_t i = 0; i < log->len; i++) {
        promptlog_verdict_t v = (promptlog_verdict_t)log->verdict[i * log->njudges + (size_t)j];
        c.unrecognised += v == PROMPTLOG_UNRECOGNISED;
        c.empty += v == PROMPTLOG_EMPTY;
        promptlog_outcome_t o = promptlog_outcome(log, i, j, unrec);
        if (o == PROMPTLOG_OUT_EXCLUDED)
            continue;
        if (log->set[i] == PROMPTLOG_BENIGN) {
            c.n_benign++;
            c.refused += o == PROMPTLOG_OUT_REFUSED;
        } else {
            c.n_harmful++;
            c.complied += o == PROMPTLOG_OUT_COMPLIED;
        }
    }
    return c;
}

void promptlog_finish(promptlog_t *log)
{
    free(log->tally);
    log->tally = xcalloc(log->njudges * 3 + 1, sizeof *log->tally);
    for (size_t j = 0; j < log->njudges; j++)
        for (int u = 0; u < 3; u++)
            log->tally[j * 3 + (size_t)u] = count(log, (int)j, u);
}

promptlog_counts_t promptlog_counts(const promptlog_t *log, int j, int unrec)
{
    if (log->tally && unrec >= 0 && unrec < 3)
        return log->tally[(size_t)j * 3 + (size_t)unrec];
    return count(log, j, unrec);
}
