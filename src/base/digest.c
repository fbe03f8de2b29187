#include "config.h"

#include "base/digest.h"

#include <stdint.h>
#include <sys/types.h>
#include <sha2.h>

_Static_assert(DIGEST_HEX_LEN == SHA256_DIGEST_STRING_LENGTH, "libmd's hex length");

int digest_file(const char *path, char hex[DIGEST_HEX_LEN])
{
    return SHA256File(path, hex) ? 0 : -1;
}

void digest_data(const void *data, size_t n, char hex[DIGEST_HEX_LEN])
{
    SHA256Data((const uint8_t *)data, n, hex);
}

uint64_t digest_fnv1a(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}
