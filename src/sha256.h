/* sha256: the SHA-256 digest (FIPS 180-4), so that a report can name the
 * exact data files it was computed from. No library the program already
 * links offers it, and this is small enough to check against the standard's
 * test vectors (tests/check_reports.c). */
#ifndef TRADEOFF_SHA256_H
#define TRADEOFF_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_LEN 32
#define SHA256_HEX_LEN 65 /* 64 hex digits and the NUL */

typedef struct {
    uint32_t state[8];
    uint64_t nbytes;       /* message length so far */
    unsigned char block[64];
    size_t used;           /* bytes waiting in `block` */
} sha256_t;

void sha256_init(sha256_t *h);
void sha256_update(sha256_t *h, const void *data, size_t n);
void sha256_final(sha256_t *h, unsigned char digest[SHA256_DIGEST_LEN]);
/* The digest of `n` bytes as 64 lower-case hex digits. */
void sha256_hex(const void *data, size_t n, char hex[SHA256_HEX_LEN]);
/* The digest of a file's contents as hex; returns 0, or -1 (errno set) when
 * the file cannot be read. */
int sha256_file(const char *path, char hex[SHA256_HEX_LEN]);

#endif
