/* text: making text from input files safe to show and to embed.
 *
 * Names and notes come from files written by strangers. Before any of it
 * reaches a terminal or a report it passes through text_sanitize, which keeps
 * printable UTF-8 and replaces control characters (escape sequences included)
 * and invalid bytes, so a cell can never move the cursor or change colours. */
#ifndef TRADEOFF_TEXT_H
#define TRADEOFF_TEXT_H

#include "base/strbuf.h"

#include <stdbool.h>
#include <stddef.h>

/* A newly allocated copy of `s` (n bytes) that is valid UTF-8 with no control
 * characters: C0/C1 controls and DEL become '?', tabs and newlines a space,
 * invalid UTF-8 bytes U+FFFD. */
char *text_sanitize(const char *s, size_t n);
/* True when `s` needs no change by text_sanitize. */
bool text_is_clean(const char *s);
/* Appends `s` as a JSON string literal, quotes included. */
void text_json_string(sb_t *sb, const char *s);
/* Appends `s` (NULL: nothing) sanitised, with every character Markdown or
 * HTML would act on escaped by a backslash: emphasis, code, links (the
 * brackets), tables, headings, HTML tags and entities, and a list, quote
 * or rule marker at its start. So "<img src=x onerror=...>", "<script>",
 * "[l](javascript:...)" and "# heading" are shown, not run or rendered. The
 * one Markdown escaper: every Markdown writer (report --format markdown,
 * the explorer's export, the practice worksheet, the key table) puts text
 * it does not write itself through here. */
void text_markdown(sb_t *sb, const char *s);
/* Appends `text` as a fenced Markdown code block (```text), where Markdown
 * is not read: each line sanitised and the fence longer than any run of
 * backticks in it, so nothing in it can close the block. */
void text_markdown_code(sb_t *out, const char *text);
/* Moves *s and shortens *len past the blanks and tabs around the `*len`
 * bytes at *s (a cell's surroundings are not part of its value). */
void text_trim(const char **s, size_t *len);
/* Appends `s` in double quotes so that every byte of it survives a round
 * trip through text_unquote, while the text stays printable UTF-8 on one
 * line: '\\' and '"' are escaped with a backslash, newline, carriage
 * return and tab as \n, \r and \t, and every other control character (C0,
 * DEL, C1, bidi overrides) and every byte that is not valid UTF-8 as \xHH.
 * For paths and names saved in text files (scenario files). */
void text_quote(sb_t *sb, const char *s);
/* Reads back what text_quote wrote, from `s` (its opening quote): NULL,
 * with the bytes in *out (allocated) and *end just after the closing
 * quote; else what was expected, with *at the offset in `s` of the
 * fault. \x00 is refused, as a NUL byte ends a C string (and no path holds
 * one). */
const char *text_unquote(const char *s, char **out, const char **end, size_t *at);
/* Terminal columns taken by a sanitised UTF-8 string (one per code point;
 * wide East Asian characters count two). */
int text_width(const char *s);
/* How text_wrap treats a line that starts with a space or '|' (an
 * indented step, a formula, a table row). */
typedef enum {
    TEXT_WRAP_ALL,              /* wrapped too: it keeps its indent, and its
                                 * continuation lines are indented two more */
    TEXT_WRAP_KEEP_PREFORMATTED /* kept as it is, however wide (printed text
                                 * that a reader may copy) */
} text_wrap_mode_t;

/* Word-wraps `text` into lines of at most `width` columns (text_width),
 * appending each line and its newline to `out`; returns the number of lines
 * appended. Every line of `text` is wrapped on its own (an empty line stays
 * empty; a final newline adds no line). A line that fits is kept exactly,
 * spacing included; a longer one breaks at spaces, runs of spaces between
 * words become one, and a word wider than the line is cut. The one word
 * wrapper of the program: the explorer, the practice screen, the practice
 * line mode and the worksheet all use it. */
int text_wrap(sb_t *out, const char *text, int width, text_wrap_mode_t mode);
/* Appends `s` padded with spaces (or cut, with an ellipsis) to `width`
 * columns; `right` aligns it to the right. */
void text_pad(sb_t *sb, const char *s, int width, bool right);

/* Appends `s` in at most `width` columns (at least 2) so that the part of
 * it from byte `from` (a character boundary) shows: `s` itself when it
 * fits; else its start, "…" and s+from ("adaptive_rand…gpt-4-0125-preview"),
 * where s+from is itself cut with "…" when it leaves less than `head`
 * columns of the start; a plain cut ("adaptive_random_search_bla…") when
 * that shows where s+from starts, or `from` is 0 or the end. No padding. */
void text_cut_keeping(sb_t *sb, const char *s, size_t from, int width, int head);

/* How far apart two names are: the edit distance (insertions, deletions,
 * substitutions of bytes, ignoring ASCII case) when it is at most `max`,
 * else max + 1 (worked out only that far: cheap on long lists). For "did
 * you mean". */
size_t text_distance(const char *a, const char *b, size_t max);
/* Splits a comma-separated list as a person types it on the command line,
 * with CSV quoting: a field in double quotes may hold commas ("" is one
 * quote); other fields are trimmed of blanks. NULL with the fields in *out
 * (free with text_list_free), or what was expected. */
const char *text_split_list(const char *s, char ***out, size_t *n);
void text_list_free(char **list, size_t n);
/* One name as typed: in double quotes (CSV quoting), the text inside them;
 * otherwise the text trimmed of blanks, commas and all. Allocated. */
char *text_one_name(const char *s);

#endif
