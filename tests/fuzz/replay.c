/* replay.c - runs a fuzz target over files instead of a fuzzer, so the
 * regression inputs under tests/fuzz/regressions/ run in every build (gcc,
 * sanitizers, valgrind) and not only where libFuzzer exists. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"

int main(int argc, char **argv)
{
    int ran = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 2;
        }
        size_t cap = 1 << 16, len = 0, n;
        unsigned char *buf = malloc(cap);
        while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
            len += n;
            if (len == cap) {
                unsigned char *g = realloc(buf, cap *= 2);
                if (!g)
                    break;
                buf = g;
            }
        }
        fclose(f);
        if (!buf)
            return 2;
        LLVMFuzzerTestOneInput(buf, len);
        free(buf);
        ran++;
    }
    printf("replayed %d inputs\n", ran);
    return 0;
}
