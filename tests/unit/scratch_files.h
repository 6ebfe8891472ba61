/* scratch_files.h - a scratch folder of rulesets and plans for the unit tests
 * that write their own (continuity, diff, follow-up). Include after cmocka.h;
 * the test makes `root` with mkdtemp and removes it. */
#ifndef STYR_SCRATCH_FILES_H
#define STYR_SCRATCH_FILES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The source tree's rules/ folder, where the rulesets written by these
 * tests find the core they extend (the library never looks there itself). */
static const char *const *source_rules(void)
{
    static char dir[1024];
    static const char *path[2] = {dir, NULL};
    const char *data = getenv("STYR_TEST_DATA");   /* the tests/ folder */
    snprintf(dir, sizeof dir, "%s/../rules", data ? data : "tests");
    return path;
}

static char root[64];

static void put(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, name);
    for (char *p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *at(const char *name)
{
    static char path[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof path[k], "%s/%s", root, name);
    return path[k];
}

#endif
