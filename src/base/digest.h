/* digest: the SHA-256 of a file, so that a report or a saved scenario can
 * name the exact data it was computed from (the hashing is libmd's, Debian's
 * libmd-dev; this module only fixes the one way we call it), and a fast
 * 64-bit hash (FNV-1a) for hash tables and for telling prompt sets apart. */
#ifndef TRADEOFF_DIGEST_H
#define TRADEOFF_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#define DIGEST_HEX_LEN 65 /* 64 lower-case hex digits and the NUL */

/* The SHA-256 of the file's contents as hex; 0, or -1 (errno set) when the
 * file cannot be read. */
int digest_file(const char *path, char hex[DIGEST_HEX_LEN]);
/* The SHA-256 of `n` bytes in memory as hex. */
void digest_data(const void *data, size_t n, char hex[DIGEST_HEX_LEN]);

/* FNV-1a of `n` bytes, continuing from `h` (DIGEST_FNV_INIT to start):
 * simple and fast; not for security (an adversary can make collisions). */
#define DIGEST_FNV_INIT 1469598103934665603ull
uint64_t digest_fnv1a(uint64_t h, const void *data, size_t n);

#endif
