/* parse_floor: the least any libcsv-based loader can take on a file: read
 * it in blocks and run libcsv over it with callbacks that only count, with
 * the same options tradeoff uses (strict quotes, NUL-terminated fields).
 *
 *   parse_floor FILE   prints "ROWS rows, FIELDS fields" */
#include <csv.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static unsigned long long rows, fields;

static void on_field(void *data, size_t len, void *ctx)
{
    (void)data, (void)len, (void)ctx;
    fields++;
}

static void on_row(int c, void *ctx)
{
    (void)c, (void)ctx;
    rows++;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: parse_floor FILE\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    if (fd < 0) {
        perror(argv[1]);
        return 2;
    }
    struct csv_parser p;
    csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    static char buf[256 * 1024];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        if (csv_parse(&p, buf, (size_t)n, on_field, on_row, NULL) != (size_t)n) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&p)));
            return 2;
        }
    }
    csv_fini(&p, on_field, on_row, NULL);
    csv_free(&p);
    close(fd);
    printf("%llu rows, %llu fields\n", rows, fields);
    return 0;
}
