/* pattern.c - named regular expressions on PCRE2 (8-bit, UTF + UCP), JIT
 * compiled where the platform allows, matched under match, depth and heap
 * limits so a pathological pattern fails fast instead of hanging. The only
 * file in styr that includes pcre2.h. */
#include "pattern.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

/* Bounds for one match call. The match limit counts backtracking steps (JIT
 * and interpreter alike); depth and heap only bind the interpreter, where the
 * heap limit is the one a long subject usually meets first (a group repeated
 * over ~250k characters fits). The JIT stack covers far less, which is why a
 * JIT stack overflow is retried in the interpreter. */
#define MATCH_LIMIT 1000000u
#define DEPTH_LIMIT 1000000u
#define HEAP_LIMIT_KIB (64u * 1024u)
#define JIT_STACK_MIN (32u * 1024u)
#define JIT_STACK_MAX (1024u * 1024u)

struct styr_pattern {
    char *name;
    pcre2_general_context *gctx;   /* the caller's allocator, or NULL */
    pcre2_code *code;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit_stack;   /* NULL when JIT is not in use */
    /* Reused across calls to avoid an allocation per match; this makes a
     * pattern unsafe to match from two threads at once. */
    pcre2_match_data *md;
    int captures;
    int jit;
};

static const char *display_name(const char *name)
{
    return name && name[0] ? name : "(unnamed)";
}

static void pcre2_message(int code, char *buf, size_t cap)
{
    if (pcre2_get_error_message(code, (PCRE2_UCHAR *)buf, cap) < 0 && cap > 0)
        snprintf(buf, cap, "PCRE2 error %d", code);
}

/* A compiled pattern, or NULL with err naming the pattern and offset. */
styr_pattern *styr_pattern_compile(const char *name, const char *re, size_t len,
                                   styr_error *err)
{
    return styr_pattern_compile_in(name, re, len, NULL, err);
}

styr_pattern *styr_pattern_compile_in(const char *name, const char *re, size_t len,
                                      const styr_pattern_mem *mem, styr_error *err)
{
    const char *shown = display_name(name);
    styr_pattern *p = calloc(1, sizeof *p);
    int errcode = 0;
    PCRE2_SIZE erroffset = 0;
    pcre2_compile_context *cctx = NULL;

    if (!p)
        goto nomem;
    p->name = malloc(strlen(shown) + 1);
    if (!p->name)
        goto nomem;
    strcpy(p->name, shown);
    if (mem) {
        /* Every PCRE2 allocation of this pattern (code, match data with its
         * frames, JIT stack) goes through the caller's allocator. */
        p->gctx = pcre2_general_context_create(mem->alloc, mem->release, mem->ud);
        cctx = p->gctx ? pcre2_compile_context_create(p->gctx) : NULL;
        if (!cctx)
            goto nomem;
    }

    /* UCP makes \d, \w, \b and case-insensitivity see Swedish letters;
     * \C could split a UTF-8 character, so it is refused. */
    p->code = pcre2_compile((PCRE2_SPTR)re, len,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C,
                            &errcode, &erroffset, cctx);
    pcre2_compile_context_free(cctx);
    if (!p->code && errcode == PCRE2_ERROR_HEAP_FAILED)
        goto nomem;   /* memory, not the pattern: not a rule author's mistake */
    if (!p->code) {
        char msg[256];
        pcre2_message(errcode, msg, sizeof msg);
        styr_error_set(err, STYR_E_RULESET, NULL, 0, 0,
                       "pattern '%s' does not compile at offset %zu: %s",
                       p->name, (size_t)erroffset, msg);
        styr_pattern_free(p);
        return NULL;
    }
    uint32_t ncap = 0;
    pcre2_pattern_info(p->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
    p->captures = (int)ncap;

    p->mctx = pcre2_match_context_create(p->gctx);
    p->md = pcre2_match_data_create_from_pattern(p->code, p->gctx);
    if (!p->mctx || !p->md)
        goto nomem;
    pcre2_set_match_limit(p->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(p->mctx, DEPTH_LIMIT);
    pcre2_set_heap_limit(p->mctx, mem && mem->heap_limit_kib && mem->heap_limit_kib < HEAP_LIMIT_KIB
                                      ? mem->heap_limit_kib : HEAP_LIMIT_KIB);

    /* JIT is an optimisation only: when it is unavailable (no JIT support,
     * no executable memory) the interpreter does the same job. */
    /* STYR_NO_JIT=1 keeps PCRE2 to its interpreter: the same matches, and
     * code that valgrind can follow (it cannot see into JIT-made code). */
    const char *no_jit = getenv("STYR_NO_JIT");
    if (!(no_jit && *no_jit && strcmp(no_jit, "0") != 0) &&
        pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE) == 0) {
        p->jit_stack = pcre2_jit_stack_create(JIT_STACK_MIN, JIT_STACK_MAX, p->gctx);
        if (p->jit_stack)
            pcre2_jit_stack_assign(p->mctx, NULL, p->jit_stack);
        p->jit = 1;
    }
    return p;

nomem:
    styr_pattern_free(p);
    styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory compiling pattern '%s'",
                   shown);
    return NULL;
}

/* Frees p and all it owns; NULL is accepted. */
void styr_pattern_free(styr_pattern *p)
{
    if (!p)
        return;
    pcre2_match_data_free(p->md);
    pcre2_jit_stack_free(p->jit_stack);
    pcre2_match_context_free(p->mctx);
    pcre2_code_free(p->code);
    pcre2_general_context_free(p->gctx);
    free(p->name);
    free(p);
}

/* Number of capture groups in p. */
int styr_pattern_captures(const styr_pattern *p)
{
    return p->captures;
}

/* The name p was compiled under. */
const char *styr_pattern_name(const styr_pattern *p)
{
    return p->name;
}

static int match_impl(const styr_pattern *p, const char *subject, size_t len, size_t from,
                      styr_match *groups, int ngroups, uint32_t options, styr_error *err);

/* 1 match (groups filled), 0 no match, -1 failure with err filled. */
int styr_pattern_match(const styr_pattern *p, const char *subject, size_t len,
                       size_t from, styr_match *groups, int ngroups,
                       styr_error *err)
{
    return match_impl(p, subject, len, from, groups, ngroups, 0, err);
}

/* As styr_pattern_match, for a subject already known to be valid UTF-8
 * and a `from` on a character boundary: PCRE2 does not check it again
 * (which, for every match of a long text, would cost the whole text). */
int styr_pattern_match_utf_checked(const styr_pattern *p, const char *subject, size_t len,
                                   size_t from, styr_match *groups, int ngroups,
                                   styr_error *err)
{
    return match_impl(p, subject, len, from, groups, ngroups, PCRE2_NO_UTF_CHECK, err);
}

static int match_impl(const styr_pattern *p, const char *subject, size_t len, size_t from,
                      styr_match *groups, int ngroups, uint32_t options, styr_error *err)
{
    if (from > len) {
        styr_error_set(err, STYR_E_INPUT, NULL, 0, 0,
                       "pattern '%s': start offset %zu is beyond the subject (%zu bytes)",
                       p->name, from, len);
        return -1;
    }
    /* An empty subject may come as NULL; PCRE2 wants a valid pointer. */
    PCRE2_SPTR subj = (PCRE2_SPTR)(subject ? subject : "");
    int rc = pcre2_match(p->code, subj, len, from, options, p->md, p->mctx);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT) {
        /* Deep recursion on a long subject: the interpreter keeps its state on
         * the heap (bounded by the heap limit), so try once more there. */
        rc = pcre2_match(p->code, subj, len, from, options | PCRE2_NO_JIT, p->md, p->mctx);
    }

    if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
        return 0;
    if (rc < 0) {
        char msg[256];
        switch (rc) {
        case PCRE2_ERROR_MATCHLIMIT:
            styr_error_set(err, STYR_E_LIMIT, NULL, 0, 0,
                           "pattern '%s' gave up: match limit reached", p->name);
            break;
        case PCRE2_ERROR_DEPTHLIMIT:
            styr_error_set(err, STYR_E_LIMIT, NULL, 0, 0,
                           "pattern '%s' gave up: depth limit reached", p->name);
            break;
        case PCRE2_ERROR_HEAPLIMIT:
            styr_error_set(err, STYR_E_LIMIT, NULL, 0, 0,
                           "pattern '%s' gave up: heap limit reached", p->name);
            break;
        case PCRE2_ERROR_NOMEMORY:
            styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0,
                           "pattern '%s' ran out of memory", p->name);
            break;
        case PCRE2_ERROR_BADUTFOFFSET:
            styr_error_set(err, STYR_E_INPUT, NULL, 0, 0,
                           "pattern '%s': start offset %zu is inside a UTF-8 character",
                           p->name, from);
            break;
        default:
            pcre2_message(rc, msg, sizeof msg);
            if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21)
                /* For UTF errors the start char is where the bad sequence is. */
                styr_error_set(err, STYR_E_INPUT, NULL, 0, 0,
                               "pattern '%s': text is not valid UTF-8 at byte %zu (%s)",
                               p->name, (size_t)pcre2_get_startchar(p->md), msg);
            else
                styr_error_set(err, STYR_E_INPUT, NULL, 0, 0,
                               "pattern '%s' failed: %s", p->name, msg);
            break;
        }
        return -1;
    }

    if (groups && ngroups > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(p->md);
        int set = rc;   /* groups after the highest one that matched are unset */
        for (int g = 0; g < ngroups; g++) {
            if (g < set && ov[2 * g] != PCRE2_UNSET) {
                groups[g].start = ov[2 * g];
                groups[g].end = ov[2 * g + 1];
            } else {
                groups[g].start = groups[g].end = (size_t)-1;
            }
        }
    }
    return 1;
}
