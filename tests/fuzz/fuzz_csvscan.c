/* fuzz_csvscan: csvscan reads quote-free rows exactly as libcsv does.
 *
 * Any bytes go to libcsv alone (the settings of csvread: strict quotes,
 * fields NUL-terminated), and to csvscan handing over to a fresh libcsv
 * parser where it stops (a quote, too many fields), the way csvread_piece
 * does; both record every callback (a field's bytes, a row's terminator)
 * and a parse error, and the two records must be the same. The first byte
 * says where csvscan's input is cut in two, so that a row carried over from
 * one block to the next is read too. */
#include "config.h"

#include "fuzz.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "load/csvscan.h"

#include <csv.h>
#include <string.h>

static void on_field(void *data, size_t len, void *ctx)
{
    sb_t *sb = ctx;
    sb_printf(sb, "F%zu:", len);
    sb_putn(sb, data ? data : "", len);
    if (data && ((const char *)data)[len] != '\0')
        fuzz_fail("a field is not NUL-terminated", "(CSV_APPEND_NULL)");
}

static void on_row(int terminator, void *ctx)
{
    sb_printf(ctx, "R%d\n", terminator);
}

static void parser_init(struct csv_parser *p)
{
    csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
}

/* libcsv over data[0..n) and its end; "E" recorded on an error. */
static void libcsv_rest(struct csv_parser *p, const char *data, size_t n, sb_t *out)
{
    if (csv_parse(p, data, n, on_field, on_row, out) != n || csv_fini(p, on_field, on_row, out) != 0)
        sb_puts(out, "E");
    csv_free(p);
}

/* csvscan over two blocks (the first cut at `cut`, what it leaves carried
 * into the second), then libcsv from where csvscan stopped. */
static void scanned(const char *data, size_t size, size_t cut, sb_t *out)
{
    char *buf = xmalloc(size + CSVSCAN_PAD);
    bool stop = false;
    csvscan_why_t why;
    memcpy(buf, data, cut);
    size_t used = csvscan_run(buf, cut, false, on_field, on_row, out, &stop, &why);
    size_t len = cut - used, from = 0;
    memmove(buf, buf + used, len);
    memcpy(buf + len, data + cut, size - cut);
    len += size - cut;
    if (why == CSVSCAN_MORE) {
        from = csvscan_run(buf, len, true, on_field, on_row, out, &stop, &why);
        if (why == CSVSCAN_MORE && from != len)
            fuzz_fail("csvscan left bytes of the final block unread", "");
    }
    if (why == CSVSCAN_LIBCSV) {
        struct csv_parser p;
        parser_init(&p);
        libcsv_rest(&p, buf + from, len - from, out);
    }
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t cut = data[0] % size;
    const char *text = (const char *)data + 1;
    size--;
    cut = cut > size ? size : cut;
    sb_t want = SB_INIT, got = SB_INIT;
    struct csv_parser p;
    parser_init(&p);
    libcsv_rest(&p, text, size, &want);
    scanned(text, size, cut, &got);
    if (want.len != got.len || memcmp(sb_str(&want), sb_str(&got), want.len) != 0)
        fuzz_fail("csvscan and libcsv disagree", sb_str(&got));
    sb_free(&want);
    sb_free(&got);
    return 0;
}
