/* test_ruleset.c - unit tests of engine/ruleset/ruleset.c: the built-in
 * search path for rulesets (an installed styr finds its own rules, and a
 * relocated one too). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <unistd.h>

#include <cmocka.h>

#include "ruleset.h"

static void test_default_path(void **state)
{
    (void)state;
    const char *const *path = styr_ruleset_default_path();
    /* first: <the executable's folder>/../share/styr/rules (a relocated
     * install), then the configured prefix's folder, then the end */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    assert_true(n > 0);
    exe[n] = '\0';
    *strrchr(exe, '/') = '\0';
    char want[PATH_MAX + 64];
    snprintf(want, sizeof want, "%s/../%s", exe, STYR_INSTALL_RULES_REL);
    assert_non_null(path[0]);
    assert_string_equal(path[0], want);
    assert_non_null(path[1]);
    assert_string_equal(path[1], STYR_INSTALL_RULES_DIR);
    assert_null(path[2]);
    /* computed once: the same list again */
    assert_ptr_equal(styr_ruleset_default_path(), path);
    assert_string_equal(styr_ruleset_default_path()[0], want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
