/* sha256.h - SHA-256 (FIPS 180-4), for the content hash a report shows
 * beside each input file: a reader can tell which version of a plan or an
 * areas file the numbers come from. Not for secrets (no constant time). */
#ifndef STYR_SHA256_H
#define STYR_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct styr_sha256 {
    uint32_t h[8];
    uint64_t bytes;          /* message length so far */
    unsigned char block[64];
    size_t used;             /* bytes waiting in block */
} styr_sha256;

void styr_sha256_init(styr_sha256 *c);
void styr_sha256_update(styr_sha256 *c, const void *data, size_t len);
void styr_sha256_final(styr_sha256 *c, unsigned char digest[32]);

/* digest as 64 lower-case hex digits and a NUL. */
void styr_sha256_hex(const unsigned char digest[32], char hex[65]);

/* The digest of a whole file; 0, or -1 when it cannot be read. */
int styr_sha256_file(const char *path, unsigned char digest[32]);

#endif
