/* assert_near.h - a cmocka assertion for floating-point results that prints
 * both values with full precision when it fails. Include after cmocka.h. */
#ifndef STYR_ASSERT_NEAR_H
#define STYR_ASSERT_NEAR_H

#include <math.h>

#define assert_near(a, b, tol)                                                                \
    do {                                                                                      \
        double a_ = (a), b_ = (b);                                                            \
        if (!(fabs(a_ - b_) <= (tol))) {                                                      \
            print_error("%s = %.17g, expected %.17g (tol %g)\n", #a, a_, b_, (double)(tol));  \
            fail();                                                                           \
        }                                                                                     \
    } while (0)

#endif
