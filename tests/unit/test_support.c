/* test_support.c - unit tests of the engine's small helpers: strmap.c,
 * message.c, json.c and findings.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error.h"
#include "findings.h"
#include "json.h"
#include "message.h"
#include "strmap.h"

/* The hash of "key" as a new process computes it (its seed is made at the
 * first hash, so the parent must not have hashed anything yet). */
static size_t hash_in_new_process(void)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        styr_strmap m;
        styr_strmap_init(&m);
        size_t h = 0;
        if (styr_strmap_put(&m, "key", 3, &m, NULL) == 1)
            for (size_t i = 0; i < m.cap; i++)
                if (m.slots[i].key)
                    h = m.slots[i].hash;
        _exit(write(fds[1], &h, sizeof h) == (ssize_t)sizeof h ? 0 : 1);
    }
    close(fds[1]);
    size_t h = 0;
    assert_int_equal(read(fds[0], &h, sizeof h), (ssize_t)sizeof h);
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return h;
}

/* Ids are chosen by whoever writes the input: with a fixed hash they could
 * be crafted to collide. Every process seeds its own (equal by chance: 2^-64). */
static void test_strmap_seed_differs_between_processes(void **state)
{
    (void)state;
    size_t a = hash_in_new_process(), b = hash_in_new_process(), c = hash_in_new_process();
    assert_true(a != b || b != c);
}

static void test_strmap_grows_and_keeps_first(void **state)
{
    (void)state;
    styr_strmap m;
    styr_strmap_init(&m);
    assert_null(styr_strmap_get(&m, "x", 1));
    assert_int_equal(styr_strmap_slot_set(&m, "x", 1, NULL), -1);   /* an empty map has no slot to set */
    static int values[5000];
    char key[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "id-%d", i);
        assert_int_equal(styr_strmap_put(&m, key, strlen(key), &values[i], NULL), 1);
    }
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof key, "id-%d", i);
        assert_ptr_equal(styr_strmap_get(&m, key, strlen(key)), &values[i]);
    }
    void *old = NULL;
    assert_int_equal(styr_strmap_put(&m, "id-7", 4, &values[0], &old), 0);
    assert_ptr_equal(old, &values[7]);
    assert_ptr_equal(styr_strmap_get(&m, "id-7", 4), &values[7]);
    /* Keys are byte strings: a prefix is another key. */
    assert_null(styr_strmap_get(&m, "id-7", 3));
    assert_int_equal(m.count, 5000);
    styr_strmap_free(&m);
}

static const char *lookup(void *ud, const char *name, size_t *len)
{
    (void)ud;
    if (strcmp(name, "who") == 0) {
        *len = 3;
        return "BRG";
    }
    if (strlen(name) == 63 && strspn(name, "n") == 63) {   /* the longest placeholder name */
        *len = 4;
        return "LONG";
    }
    return NULL;
}

static void test_message_placeholders(void **state)
{
    (void)state;
    char *s = styr_message_format("{who} äger {who}, {unknown} {", lookup, NULL);
    assert_string_equal(s, "BRG äger BRG, {unknown} {");
    free(s);
    s = styr_message_format("", lookup, NULL);
    assert_string_equal(s, "");
    free(s);
    /* An example in YAML's flow style around a placeholder: the innermost
     * braces are the placeholder, the outer ones text. */
    s = styr_message_format("t.ex. '- {year: {who}, x: {unknown}}' {{who}}", lookup, NULL);
    assert_string_equal(s, "t.ex. '- {year: BRG, x: {unknown}}' {BRG}");
    free(s);
    /* A brace run too long to be a placeholder is text. */
    char tmpl[200];
    memset(tmpl, 'a', sizeof tmpl);
    tmpl[0] = '{';
    tmpl[150] = '}';
    tmpl[199] = '\0';
    s = styr_message_format(tmpl, lookup, NULL);
    assert_string_equal(s, tmpl);
    free(s);
    /* a name of 63 bytes (braces 64 apart) is still a placeholder */
    char longest[80];
    snprintf(longest, sizeof longest, "<{%.63s}>", "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn");
    s = styr_message_format(longest, lookup, NULL);
    assert_string_equal(s, "<LONG>");
    free(s);
    /* ... and a placeholder after it is still filled */
    char tail[260], want[260];
    snprintf(tail, sizeof tail, "Skriv %s för {who}.", tmpl + 70);   /* 80 a's, "}", 49 a's: 80 is no name */
    tail[6] = '{';
    snprintf(want, sizeof want, "%.*sför BRG.", (int)(strlen(tail) - strlen("för {who}.")), tail);
    s = styr_message_format(tail, lookup, NULL);
    assert_string_equal(s, want);
    free(s);
    /* a message of exactly STYR_MESSAGE_MAX bytes is whole; one byte more
     * is cut there, with an ellipsis */
    char *full = malloc(STYR_MESSAGE_MAX + 8);
    assert_non_null(full);
    memset(full, 'x', STYR_MESSAGE_MAX + 1);
    full[STYR_MESSAGE_MAX] = '\0';
    s = styr_message_format(full, lookup, NULL);
    assert_string_equal(s, full);
    free(s);
    full[STYR_MESSAGE_MAX] = 'y';
    full[STYR_MESSAGE_MAX + 1] = '\0';
    s = styr_message_format(full, lookup, NULL);
    assert_int_equal(strlen(s), STYR_MESSAGE_MAX + strlen("\u2026"));
    assert_null(strchr(s, 'y'));
    assert_string_equal(s + STYR_MESSAGE_MAX, "\u2026");
    free(s);
    /* a cut one byte before the end never keeps half a character: the
     * text after the placeholder starts with a two-byte "ä" */
    memset(full, 'x', STYR_MESSAGE_MAX - 4);
    snprintf(full + STYR_MESSAGE_MAX - 4, 10, "{who}\u00e4");
    s = styr_message_format(full, lookup, NULL);
    assert_int_equal(strlen(s), STYR_MESSAGE_MAX - 1 + strlen("\u2026"));
    assert_string_equal(s + STYR_MESSAGE_MAX - 4, "BRG\u2026");
    free(s);
    /* the limit reached exactly by a placeholder's value: the text after it
     * is left out whole, even when it starts with a stray continuation byte
     * (a rule's template may hold any bytes) */
    memset(full, 'x', STYR_MESSAGE_MAX - 3);
    snprintf(full + STYR_MESSAGE_MAX - 3, 10, "{who}\xa4z");
    s = styr_message_format(full, lookup, NULL);
    assert_non_null(s);
    assert_int_equal(strlen(s), STYR_MESSAGE_MAX + strlen("\u2026"));
    assert_string_equal(s + STYR_MESSAGE_MAX - 3, "BRG\u2026");
    free(s);
    free(full);
}

/* styr_message_scan asks for each placeholder as formatting would (the
 * innermost of nested braces, none in a too-long span), and builds nothing. */
static const char *count_lookup(void *ud, const char *name, size_t *len)
{
    char *seen = ud;
    strcat(seen, name);
    strcat(seen, ";");
    *len = 1;
    return "x";
}

static void test_message_scan(void **state)
{
    (void)state;
    char seen[256] = "";
    char tmpl[200];
    snprintf(tmpl, sizeof tmpl, "{a} t.ex. '{year: {b}}' {%070d} {c}", 0);
    styr_message_scan(tmpl, count_lookup, seen);
    assert_string_equal(seen, "a;b;c;");
}

/* What counts as a placeholder's name when report() checks that each got a
 * value: a word (any letters), not a YAML example in braces. */
static void test_message_is_name(void **state)
{
    (void)state;
    assert_true(styr_message_is_name("owner", 5));
    assert_true(styr_message_is_name("ägare", strlen("ägare")));
    assert_true(styr_message_is_name("first_year2", 11));
    assert_true(styr_message_is_name("a1", 2));       /* a digit right after the first letter */
    assert_true(styr_message_is_name("AZaz_09", 7));  /* the ends of each range */
    assert_true(styr_message_is_name("\xc3\xa5\xdf\xbf", 4));   /* two-byte leads 0xC3 to 0xDF */
    assert_false(styr_message_is_name("\xe0\xa0\x80", 3));    /* a three-byte letter is not taken */
    assert_false(styr_message_is_name("", 0));
    assert_false(styr_message_is_name("year: 2018", 10));
    assert_false(styr_message_is_name("a,b", 3));
    assert_false(styr_message_is_name("x y", 3));
    assert_false(styr_message_is_name("'a'", 3));
    assert_false(styr_message_is_name("a\tb", 3));
    assert_false(styr_message_is_name("a\0b", 3));   /* a NUL inside is no name */
    assert_true(styr_message_is_name("ab", 1));       /* only the n bytes count */
    assert_false(styr_message_is_name("4", 1));       /* \\d{4} in a pattern */
    assert_false(styr_message_is_name("...", 3));
    assert_false(styr_message_is_name("\xe2\x80\xa6", 3));   /* "…" */
    assert_false(styr_message_is_name("a.b", 3));
    assert_false(styr_message_is_name("\xc3", 1));   /* a lead byte cut off */
    char longest[66];
    memset(longest, 'x', sizeof longest);
    assert_true(styr_message_is_name(longest, 64));
    assert_false(styr_message_is_name(longest, 65));
}

/* Money as people read it: groups of three, the minus kept, rounded to
 * whole kronor as printf rounds (half to even): -0.4 and -0.5 are "0", never
 * "-0"; -1.5 is -2. */
static void test_format_thousands(void **state)
{
    (void)state;
    char buf[64];
    styr_format_thousands(buf, sizeof buf, 1234567, " ");
    assert_string_equal(buf, "1 234 567");
    styr_format_thousands(buf, sizeof buf, -2500000, " ");
    assert_string_equal(buf, "-2 500 000");
    styr_format_thousands(buf, sizeof buf, -999, ",");
    assert_string_equal(buf, "-999");
    styr_format_thousands(buf, sizeof buf, -0.4, " ");
    assert_string_equal(buf, "0");
    styr_format_thousands(buf, sizeof buf, -0.5, " ");
    assert_string_equal(buf, "0");
    styr_format_thousands(buf, sizeof buf, -1.5, " ");
    assert_string_equal(buf, "-2");
    /* a positive amount below one krona rounds up without a sign */
    styr_format_thousands(buf, sizeof buf, 0.7, " ");
    assert_string_equal(buf, "1");
    /* a buffer too small stops before a digit and its separator that do not
     * both fit with the NUL: room for 3 bytes holds "1", not "1 2" (which
     * would put the NUL past the room), and nothing past it is written */
    memset(buf, 'x', sizeof buf);
    styr_format_thousands(buf, 3, 1234, " ");
    assert_string_equal(buf, "1");
    assert_int_equal(buf[3], 'x');
    styr_format_thousands(buf, 4, 1234, " ");
    assert_string_equal(buf, "1 2");
}

static char *json_of(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    styr_json_string(f, s);
    fclose(f);
    return buf;
}

static void test_json_strings(void **state)
{
    (void)state;
    char *j = json_of("a\"b\\c\nd\te\x01 åäö");
    assert_string_equal(j, "\"a\\\"b\\\\c\\nd\\te\\u0001 åäö\"");
    free(j);
    j = json_of("bad \xff\xc3 end");
    assert_string_equal(j, "\"bad \\ufffd\\ufffd end\"");
    free(j);
    j = json_of(NULL);
    assert_string_equal(j, "null");
    free(j);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    styr_json_number(f, 0.0 / 0.0);
    fputc(' ', f);
    styr_json_number(f, 3000000);
    fputc(' ', f);
    styr_json_number(f, 0.25);
    fclose(f);
    assert_string_equal(buf, "null 3000000 0.25");
    free(buf);
}

static void test_findings_sort_count_and_cap(void **state)
{
    (void)state;
    styr_findings f;
    styr_findings_init(&f, 3);
    assert_int_equal(styr_findings_add(&f, "b.rule", STYR_SEV_ERROR, strdup("m"), NULL, strdup("p"), 9, 1), 0);
    assert_int_equal(styr_findings_add(&f, "a.rule", STYR_SEV_WARNING, strdup("m"), strdup("1.1"), NULL, 2, 5), 0);
    assert_int_equal(styr_findings_add(&f, "a.rule", STYR_SEV_INFO, strdup("m"), NULL, NULL, 2, 3), 0);
    /* Past the cap findings are counted, not kept. */
    assert_int_equal(styr_findings_add(&f, "c.rule", STYR_SEV_ERROR, strdup("m"), NULL, NULL, 1, 1), 0);
    assert_int_equal(f.count, 3);
    assert_int_equal(f.dropped, 1);
    styr_findings_sort(&f);
    assert_int_equal(f.items[0].column, 3);
    assert_int_equal(f.items[1].column, 5);
    assert_int_equal(f.items[2].line, 9);
    f.items[2].waiver_reason = "skäl";
    size_t c[3];
    styr_findings_count(&f, c);
    assert_int_equal(c[STYR_SEV_ERROR], 1);   /* the dropped one; the kept error is waived */
    assert_int_equal(c[STYR_SEV_WARNING], 1);
    assert_int_equal(c[STYR_SEV_INFO], 1);
    styr_findings_free(&f);
}

static void test_severity_names(void **state)
{
    (void)state;
    styr_severity s;
    assert_true(styr_severity_parse("warn", &s));
    assert_int_equal(s, STYR_SEV_WARNING);
    assert_true(styr_severity_parse("off", &s));
    assert_int_equal(s, STYR_SEV_OFF);
    assert_false(styr_severity_parse("fatal", &s));
    assert_string_equal(styr_severity_name(STYR_SEV_ERROR), "error");
}

/* styr_error_print: file:line:col when known, file alone when the line is 0. */
static void test_error_print(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    styr_error err;
    styr_error_set(&err, STYR_E_INPUT, "plan.yaml", 3, 7, "bad %s", "value");
    styr_error_print(&err, f, 1);
    styr_error_set(&err, STYR_E_INPUT, "plan.yaml", 3, 0, "no column");
    styr_error_print(&err, f, 1);
    styr_error_set(&err, STYR_E_IO, "plan.yaml", 0, 0, "cannot read");
    styr_error_print(&err, f, 1);
    styr_error_set(&err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    styr_error_print(&err, f, 1);
    /* in Swedish the label is the one a finding of severity error has */
    styr_error_set(&err, STYR_E_IO, "plan.yaml", 2, 0, "kan inte läsas");
    styr_error_print(&err, f, 0);
    fclose(f);
    assert_string_equal(buf, "plan.yaml:3:7: error: bad value\nplan.yaml:3: error: no column\n"
                             "plan.yaml: error: cannot read\nerror: out of memory\nplan.yaml:2: fel: kan inte läsas\n");
    free(buf);
}

/* Running out of memory is told in Swedish wherever the words stand
 * (engine code writes "out of memory", Lua "not enough memory"), whatever
 * the error's code, and left alone in an English run. */
static void test_error_localise(void **state)
{
    (void)state;
    styr_error e;
    styr_error_set(&e, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    styr_error_localise(&e, 0);
    assert_string_equal(e.message, "minnet tog slut");
    styr_error_set(&e, STYR_E_RULESET, "areas.lua", 3, 0, "regeln x kraschade: not enough memory (vid bedömningen av insats 2.1)");
    styr_error_localise(&e, 0);
    assert_string_equal(e.message, "regeln x kraschade: minnet tog slut (vid bedömningen av insats 2.1)");
    styr_error_set(&e, STYR_E_NOMEM, NULL, 0, 0, "out of memory compiling pattern 'diarienummer'");
    styr_error_localise(&e, 0);
    assert_string_equal(e.message, "minnet tog slut när mönstret 'diarienummer' kompilerades");
    /* only the engine's own words name a pattern: a rule's "patterns" does not */
    styr_error_set(&e, STYR_E_RULESET, "areas.lua", 3, 0, "regeln x kraschade: not enough memory compiling patterns");
    styr_error_localise(&e, 0);
    assert_string_equal(e.message, "regeln x kraschade: minnet tog slut compiling patterns");
    styr_error_set(&e, STYR_E_NOMEM, NULL, 0, 0, "out of memory; out of memory");
    styr_error_localise(&e, 0);
    assert_string_equal(e.message, "minnet tog slut; minnet tog slut");
    styr_error_set(&e, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    styr_error_localise(&e, 1);
    assert_string_equal(e.message, "out of memory");
    /* a message at the record's size stays inside it, cut at a character */
    char big[sizeof e.message + 8];
    memset(big, 'a', sizeof big);
    memcpy(big + sizeof e.message - 20, "out of memory", 13);
    big[sizeof big - 1] = '\0';
    styr_error_set(&e, STYR_E_NOMEM, NULL, 0, 0, "%s", big);
    styr_error_localise(&e, 0);
    assert_true(strlen(e.message) < sizeof e.message);
    assert_non_null(strstr(e.message, "minnet tog slut"));
    /* the Swedish words made longer than the record: it is filled to its
     * last byte, the words cut there */
    char tight[sizeof e.message];
    memset(tight, 'a', sizeof tight);
    memcpy(tight + sizeof e.message - 14, "out of memory", 14);
    styr_error_set(&e, STYR_E_NOMEM, NULL, 0, 0, "%s", tight);
    assert_int_equal(strlen(e.message), sizeof e.message - 1);
    styr_error_localise(&e, 0);
    assert_int_equal(strlen(e.message), sizeof e.message - 1);
    assert_string_equal(e.message + sizeof e.message - 14, "minnet tog sl");
    /* a message that fills the record to its last byte keeps every
     * character of it, the last one too */
    memset(tight, 'a', sizeof tight - 1);
    tight[sizeof tight - 2] = 'z';
    tight[sizeof tight - 1] = '\0';
    styr_error_set(&e, STYR_E_RULESET, NULL, 0, 0, "%s", tight);
    styr_error_localise(&e, 0);
    assert_int_equal(strlen(e.message), sizeof e.message - 1);
    assert_int_equal(e.message[sizeof e.message - 2], 'z');
    /* clearing or localising no record at all is allowed and does nothing */
    styr_error_clear(NULL);
    styr_error_localise(NULL, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* First: it needs a process that has not hashed anything yet. */
        cmocka_unit_test(test_strmap_seed_differs_between_processes),
        cmocka_unit_test(test_strmap_grows_and_keeps_first),
        cmocka_unit_test(test_message_placeholders),
        cmocka_unit_test(test_error_localise),
        cmocka_unit_test(test_message_is_name),
        cmocka_unit_test(test_message_scan),
        cmocka_unit_test(test_format_thousands),
        cmocka_unit_test(test_json_strings),
        cmocka_unit_test(test_findings_sort_count_and_cap),
        cmocka_unit_test(test_severity_names),
        cmocka_unit_test(test_error_print),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
