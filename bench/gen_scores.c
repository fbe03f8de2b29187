/* gen_scores: a reproducible per-prompt score file for the benchmark.
 *
 *   gen_scores ROWS [SEED] > scores.csv
 *
 * Columns id,set,category,score. About 1% of the prompts are harmful; the
 * scores of the two sets come from overlapping distributions (logistic of
 * normals centred at -1.5 and +1.5), written with six decimals, so a
 * 10,000,000-row file has nearly every one of the million possible values.
 * The same ROWS and SEED always give the same bytes. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;

static uint64_t next(void) /* xorshift64* */
{
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ULL;
}

static double uniform(void) { return ((double)(next() >> 11) + 0.5) / 9007199254740992.0; }

static double normal(void) /* Box-Muller; one value per call keeps it simple */
{
    return sqrt(-2.0 * log(uniform())) * cos(6.283185307179586 * uniform());
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen_scores ROWS [SEED]\n");
        return 2;
    }
    long long rows = atoll(argv[1]);
    state = argc > 2 ? strtoull(argv[2], NULL, 10) : 20241127ULL;
    if (state == 0)
        state = 1;
    static const char *cats[] = {"violence", "cyber", "weapons", "self_harm", "fraud", "privacy", "hate", "drugs"};
    static char buf[1 << 16];
    setvbuf(stdout, buf, _IOFBF, sizeof buf);
    puts("id,set,category,score");
    for (long long i = 1; i <= rows; i++) {
        int harmful = next() % 100 == 0;
        double z = normal() * 1.3 + (harmful ? 1.5 : -1.5);
        double score = 1.0 / (1.0 + exp(-z));
        printf("p%08lld,%s,%s,%.6f\n", i, harmful ? "harmful" : "benign", cats[next() % 8], score);
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
