/* test_zip_reason.c - unit tests of engine/doc/zip_reason.c: libzip's
 * reasons in Swedish, the system's reason after a system error, and
 * libzip's own words in English. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>

#include <cmocka.h>

#include "zip_reason.h"

static const char *reason(int zip_code, int sys, int english, char *buf, size_t cap)
{
    zip_error_t ze;
    zip_error_init_with_code(&ze, zip_code);
    if (sys)
        ze.sys_err = sys;   /* libzip's own field: the errno of a system error */
    const char *r = styr_zip_reason(&ze, english, buf, cap);
    zip_error_fini(&ze);
    return r;
}

static void test_swedish(void **state)
{
    (void)state;
    char buf[256];
    assert_string_equal(reason(ZIP_ER_NOPASSWD, 0, 0, buf, sizeof buf),
                        "arbetsboken är lösenordsskyddad (spara den utan lösenord)");
    assert_string_equal(reason(ZIP_ER_CRC, 0, 0, buf, sizeof buf), "kontrollsumman (CRC) stämmer inte: filen är skadad");
    assert_string_equal(reason(ZIP_ER_NOZIP, 0, 0, buf, sizeof buf), "inget zip-arkiv");
    /* every code of libzip 1.7 has Swedish words: none falls back to English */
    for (int code = ZIP_ER_OK; code <= ZIP_ER_CANCELLED; code++) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        const char *sv = styr_zip_reason(&ze, 0, buf, sizeof buf);
        if (strcmp(sv, zip_error_strerror(&ze)) == 0)
            fail_msg("code %d has no Swedish words: %s", code, sv);
        zip_error_fini(&ze);
    }
}

static void test_system_reason_follows(void **state)
{
    (void)state;
    char buf[256];
    /* a read error is a system error: the system's reason, in Swedish too */
    assert_string_equal(reason(ZIP_ER_READ, EIO, 0, buf, sizeof buf), "läsfel: in- eller utmatningsfel");
    /* zlib's code is not errno: nothing after it */
    assert_string_equal(reason(ZIP_ER_ZLIB, -3, 0, buf, sizeof buf), "fel vid uppackningen (zlib)");
}

static void test_english_and_unknown(void **state)
{
    (void)state;
    char buf[256];
    assert_string_equal(reason(ZIP_ER_NOPASSWD, 0, 1, buf, sizeof buf), "No password provided");
    /* a code newer than the table: libzip's words, whatever the language */
    zip_error_t ze;
    zip_error_init_with_code(&ze, 1000);
    char want[256];
    snprintf(want, sizeof want, "%s", zip_error_strerror(&ze));
    assert_string_equal(styr_zip_reason(&ze, 0, buf, sizeof buf), want);
    zip_error_fini(&ze);
    /* a small buffer is cut, never overrun */
    char small[8];
    assert_string_equal(reason(ZIP_ER_NOPASSWD, 0, 0, small, sizeof small), "arbetsb");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_swedish),
        cmocka_unit_test(test_system_reason_follows),
        cmocka_unit_test(test_english_and_unknown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
