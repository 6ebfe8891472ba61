/* mcda_rng.c - the seeded random numbers of mcda.h: a stream per (seed,
 * stream) pair and Dirichlet(1) weights. */
#include "mcda.h"
#include "internal/rng.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

void styr_mcda_rng_seed(styr_mcda_rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t a = seed, b = stream ^ 0x6A09E667F3BCC909ull;
    uint64_t x = splitmix64(&a) ^ rotl(splitmix64(&b), 17);
    for (int k = 0; k < 4; k++)
        r->s[k] = splitmix64(&x);
    if (!(r->s[0] | r->s[1] | r->s[2] | r->s[3])) /* the one forbidden state */
        r->s[0] = 1;
}

uint64_t styr_mcda_rng_next(styr_mcda_rng *r)
{
    return rng_next(r);
}

double styr_mcda_rng_uniform(styr_mcda_rng *r)
{
    return rng_uniform(r);
}

void styr_mcda_dirichlet1(styr_mcda_rng *r, size_t m, const bool *active, double *w)
{
    for (;;) {
        double sum = 0.0;
        for (size_t j = 0; j < m; j++) {
            /* Exp(1) = -log(1 - u) with 1 - u in (0, 1]: always finite. */
            double e = (!active || active[j]) ? -log(1.0 - rng_uniform(r)) : 0.0;
            w[j] = e;
            sum += e;
        }
        if (sum > 0.0) { /* all-zero happens with probability ~2^-53 per weight */
            for (size_t j = 0; j < m; j++)
                w[j] /= sum;
            return;
        }
        if (m == 0)
            return;
    }
}
