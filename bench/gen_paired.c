/* gen_paired: two reproducible per-prompt judged files of the same prompts,
 * for the pairing benchmark (bench/paired.sh).
 *
 *   gen_paired ROWS A.csv B.csv [FLIP_PERMILLE] [SEED]
 *
 * Columns id,set,category,prompt,verdict: 40% of the prompts harmful, ten
 * categories, a prompt text of about 60 bytes, a verdict of refused or
 * complied. B holds the same prompts in another order (a stride through the
 * rows, coprime with ROWS: a full permutation, so pairing by row order
 * would be wrong everywhere) with FLIP_PERMILLE per mille of the verdicts
 * flipped (default 50). The same arguments always give the same bytes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t mix(uint64_t x) /* splitmix64: a verdict from the row alone */
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

static const char *const cats[] = {"violence", "cyber", "weapons", "self_harm", "fraud",
                                   "privacy",  "hate",  "drugs",   "extremism", "misinformation"};

static void row(FILE *f, long long i, uint64_t seed, int flip_permille, int side)
{
    uint64_t h = mix(seed ^ (uint64_t)i);
    int harmful = h % 10 < 4;
    int complied = (h >> 8) % 100 < (harmful ? 10 : 85);
    if (side && (int)((h >> 20) % 1000) < flip_permille)
        complied = !complied;
    fprintf(f, "p%08lld,%s,%s,\"synthetic prompt %lld, about %s, for the pairing benchmark\",%s\n", i,
            harmful ? "harmful" : "benign", cats[(h >> 32) % 10], i, cats[(h >> 40) % 10],
            complied ? "complied" : "refused");
}

static long long gcd(long long a, long long b) { return b ? gcd(b, a % b) : a; }

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: gen_paired ROWS A.csv B.csv [FLIP_PERMILLE] [SEED]\n");
        return 2;
    }
    long long rows = atoll(argv[1]);
    int flip = argc > 4 ? atoi(argv[4]) : 50;
    uint64_t seed = argc > 5 ? strtoull(argv[5], NULL, 10) : 20261201ull;
    FILE *a = fopen(argv[2], "w"), *b = fopen(argv[3], "w");
    if (rows < 1 || !a || !b) {
        fprintf(stderr, "gen_paired: cannot write the files, or ROWS < 1\n");
        return 2;
    }
    static char abuf[1 << 16], bbuf[1 << 16];
    setvbuf(a, abuf, _IOFBF, sizeof abuf);
    setvbuf(b, bbuf, _IOFBF, sizeof bbuf);
    fputs("id,set,category,prompt,verdict\n", a);
    fputs("id,set,category,prompt,verdict\n", b);
    long long stride = 1000003;
    while (gcd(stride, rows) != 1)
        stride++;
    for (long long i = 0; i < rows; i++) {
        row(a, i + 1, seed, flip, 0);
        row(b, (i * stride) % rows + 1, seed, flip, 1);
    }
    return fclose(a) || fclose(b) ? 1 : 0;
}
