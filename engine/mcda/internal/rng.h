/* rng.h - the seeded generator of the sampling kernels, xoshiro256**
 * seeded through splitmix64, inline for the SMAA hot loop. Private to
 * mcda/: the other layers use styr_mcda_rng_* of mcda.h. */
#ifndef STYR_MCDA_RNG_H
#define STYR_MCDA_RNG_H

#include <stdint.h>

#include "mcda.h"

static inline uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static inline uint64_t rng_next(styr_mcda_rng *r)
{
    uint64_t *s = r->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static inline double rng_uniform(styr_mcda_rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

#endif
