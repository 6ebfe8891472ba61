/* test_xlsx_write.c - unit tests of styr_xlsx_copy_out (engine/report/xlsx_write.c),
 * which hands a workbook written to a temporary file on to its stream
 * (standard output with -o -) and removes the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unistd.h>

#include "xlsx_write.h"

/* Every byte arrives, whatever the size: the copy goes in pieces of 4096
 * bytes, so the sizes around a piece's edge are the ones to try (a last
 * piece of one byte among them). */
static void test_copy_out_keeps_every_byte(void **state)
{
    (void)state;
    static const size_t sizes[] = {0, 1, 2, 4095, 4096, 4097, 8193};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        char path[] = "/tmp/styr-test-xlsx-write-XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        unsigned char *data = malloc(n + 1);
        assert_non_null(data);
        for (size_t i = 0; i < n; i++)
            data[i] = (unsigned char)(i * 7 + 3);
        assert_int_equal(write(fd, data, n), (ssize_t)n);
        close(fd);
        FILE *out = tmpfile();
        assert_non_null(out);
        assert_int_equal(styr_xlsx_copy_out(path, out), 0);
        assert_int_equal(access(path, F_OK), -1);   /* the temporary file is gone */
        assert_int_equal(ftell(out), (long)n);
        rewind(out);
        unsigned char *back = malloc(n + 1);
        assert_non_null(back);
        assert_int_equal(fread(back, 1, n + 1, out), n);
        assert_memory_equal(back, data, n);
        fclose(out);
        free(back);
        free(data);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copy_out_keeps_every_byte),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
