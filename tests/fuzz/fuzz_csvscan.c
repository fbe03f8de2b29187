/* fuzz_csvscan: the fast read (csvread_piece: csvscan, handing rows with a
 * quote and rows longer than a block to libcsv) calls back exactly as
 * libcsv alone does.
 *
 * The first byte is the size of the blocks read (1 to 256 bytes, so that
 * rows are cut between blocks and carried over, and long ones go to
 * libcsv); the rest is a file, read through an in-memory file (memfd) by
 * csvread_piece and given to libcsv with csvread's settings (strict quotes,
 * fields NUL-terminated; a leading byte-order mark skipped). Both record
 * every callback (a field's bytes, a row's terminator) and a parse error,
 * and the records must be the same: where the fast read gives up, libcsv
 * must have failed at the same point, unless the file has a NUL byte, which
 * the fast read leaves to the reader that names it. */
#include "config.h"

#include "fuzz.h"
#include "base/strbuf.h"
#include "load/csvread.h"

#include <csv.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void on_field(void *data, size_t len, void *ctx)
{
    sb_t *sb = ctx;
    sb_printf(sb, "F%zu:", len);
    sb_putn(sb, data ? data : "", len);
    if (data && ((const char *)data)[len] != '\0')
        fuzz_fail("a field is not NUL-terminated", "(CSV_APPEND_NULL)");
}

static void on_row(int terminator, void *ctx) { sb_printf(ctx, "R%d\n", terminator); }

/* libcsv alone; "E" recorded on a parse error. */
static void libcsv_alone(const char *data, size_t n, sb_t *out)
{
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        n -= 3;
    }
    if (csv_parse(&p, data, n, on_field, on_row, out) != n || csv_fini(&p, on_field, on_row, out) != 0)
        sb_puts(out, "E");
    csv_free(&p);
}

/* csvread_piece over the whole file in blocks of `block` bytes. */
static csvread_end_t fast_read(const char *data, size_t n, size_t block, sb_t *out)
{
    int fd = memfd_create("fuzz-csvscan", 0);
    if (fd < 0 || write(fd, data, n) != (ssize_t)n)
        fuzz_fail("no in-memory file", "");
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    csvsource_t src;
    diag_t d = DIAG_INIT;
    if (csvread_open(&src, path, &d) != 0)
        fuzz_fail("cannot open the in-memory file", d.error);
    bool stop = false;
    csvread_piece_t pc = {0, src.size, true, on_field, on_row, out, &stop, NULL, NULL, false, block};
    csvread_end_t how = csvread_piece(&src, &pc);
    csvread_close(&src);
    diag_free(&d);
    close(fd);
    return how;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t block = 1 + (size_t)data[0];
    const char *text = (const char *)data + 1;
    size--;
    sb_t want = SB_INIT, got = SB_INIT;
    libcsv_alone(text, size, &want);
    csvread_end_t how = fast_read(text, size, block, &got);
    if (how == CSVREAD_OPEN)
        fuzz_fail("the last piece ended open", "");
    if (how == CSVREAD_GAVE_UP)
        sb_puts(&got, "E");
    bool nul = memchr(text, '\0', size) != NULL;
    if (!(nul && how == CSVREAD_GAVE_UP) &&
        (want.len != got.len || memcmp(sb_str(&want), sb_str(&got), want.len) != 0))
        fuzz_fail("the fast read and libcsv disagree", sb_str(&got));
    sb_free(&want);
    sb_free(&got);
    return 0;
}
