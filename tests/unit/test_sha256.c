/* test_sha256.c - unit tests of sha256.c against the test vectors of FIPS
 * 180-4's examples (NIST CSRC "SHA256.pdf": "abc", the two-block 448-bit
 * message) and the long ones of FIPS 180-2 appendix B.3 (a million 'a'),
 * plus the empty message; also every split of a message into two updates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sha256.h"

static void digest_of(const char *msg, size_t len, char hex[65])
{
    styr_sha256 c;
    unsigned char d[32];
    styr_sha256_init(&c);
    styr_sha256_update(&c, msg, len);
    styr_sha256_final(&c, d);
    styr_sha256_hex(d, hex);
}

static void test_vectors(void **state)
{
    (void)state;
    char hex[65];
    digest_of("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    digest_of("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    digest_of(two, strlen(two), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* 55 bytes: the 0x80 ends at byte 56 and the length still fits in the
     * same block (Python's hashlib gives the digest) */
    char a55[56];
    memset(a55, 'a', 55);
    digest_of(a55, 55, hex);
    assert_string_equal(hex, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
}

static void test_million_a(void **state)
{
    (void)state;
    styr_sha256 c;
    unsigned char d[32];
    char hex[65], chunk[1000];
    memset(chunk, 'a', sizeof chunk);
    styr_sha256_init(&c);
    for (int i = 0; i < 1000; i++)
        styr_sha256_update(&c, chunk, sizeof chunk);
    styr_sha256_final(&c, d);
    styr_sha256_hex(d, hex);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* Every split of a 130-byte message gives the one-shot digest (the block
 * buffer's edges: 55, 56, 63, 64, 65 bytes). */
static void test_splits(void **state)
{
    (void)state;
    char msg[130], want[65], hex[65];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (char)(i * 7 + 3);
    for (size_t len = 0; len <= sizeof msg; len++) {
        digest_of(msg, len, want);
        for (size_t cut = 0; cut <= len; cut++) {
            styr_sha256 c;
            unsigned char d[32];
            styr_sha256_init(&c);
            styr_sha256_update(&c, msg, cut);
            styr_sha256_update(&c, msg + cut, len - cut);
            styr_sha256_final(&c, d);
            styr_sha256_hex(d, hex);
            assert_string_equal(hex, want);
        }
    }
}

static void test_file(void **state)
{
    (void)state;
    char path[] = "/tmp/styr-sha256-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "abc", 3), 3);
    close(fd);
    unsigned char d[32];
    char hex[65];
    assert_int_equal(styr_sha256_file(path, d), 0);
    styr_sha256_hex(d, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    unlink(path);
    assert_int_equal(styr_sha256_file(path, d), -1);
    /* A folder opens, but reading it fails: no digest of nothing. */
    assert_int_equal(styr_sha256_file("/tmp", d), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_million_a),
        cmocka_unit_test(test_splits),
        cmocka_unit_test(test_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
