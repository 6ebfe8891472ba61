/* cmd_sheets.c - plans in Excel (FORMATS.md section 14): `styr template`
 * (an empty plan to fill in, YAML or a workbook with the registry's names as
 * drop-down lists), `styr convert` (YAML and xlsx both ways, naming what a
 * workbook cannot keep), and the workbook writer that `validate` and
 * `score` use for --format xlsx. */
#define _GNU_SOURCE   /* memfd_create: where the workbook's child keeps libxlsxwriter's complaints */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc_watch.h"
#include "cli.h"
#include "cli_lang.h"
#include "doc.h"
#include "output.h"
#include "plan_sheets.h"
#include "plan_template.h"
#include "report_lost.h"
#include "report.h"
#include "styr.h"
#include "xlsx_read.h"
#include "xlsx_score.h"
#include "xlsx_book.h"
#include "xlsx_write.h"
#include "yaml_write.h"

/* The child's part: fn, then three checks a written workbook must pass.
 * libxlsxwriter drops a part it could not allocate (a relationship, a
 * content type) with only a line "[ERROR]... Memory allocation failed." on
 * standard error, and workbook_close still returns success; so standard
 * error is kept in memory and read back. Elsewhere it drops what it could
 * not allocate without a word (a frozen pane's selection, a text with &, <
 * or >: alloc_watch.c), so any allocation that failed during the write
 * fails it. And a part styr's writers had to leave out (report_lost.h) is
 * recorded in this process, not the parent. */
static styr_status child_writes(const char *tmp, cli_xlsx_writer fn, void *ctx, styr_error *e)
{
    fflush(stderr);   /* what was said before stays where it was going */
    int kept = memfd_create("styr-xlsx-stderr", 0), saved = kept >= 0 ? dup(STDERR_FILENO) : -1;
    if (kept >= 0 && saved >= 0)   /* never redirected without the way back (run in styr itself) */
        dup2(kept, STDERR_FILENO);
    unsigned long failed_before = styr_alloc_failures();
    styr_status st = fn(tmp, ctx, e);
    int failed_alloc = styr_alloc_failures() != failed_before;
    fflush(stderr);
    char said[512] = "";
    ssize_t n = kept >= 0 ? pread(kept, said, sizeof said - 1, 0) : 0;
    said[n > 0 ? n : 0] = '\0';
    if (saved >= 0) {
        dup2(saved, STDERR_FILENO);
        close(saved);
    }
    if (kept >= 0)
        close(kept);   /* in styr itself (no child), each workbook would keep two descriptors */
    const char *complaint = strstr(said, "[ERROR]");
    if (st == STYR_OK && complaint) {
        char *end = strchr(complaint, '\n');
        if (end)
            *end = '\0';
        if (strstr(complaint, "Memory allocation failed"))
            st = styr_xlsx_fail(e, tmp, LXW_ERROR_MEMORY_MALLOC_FAILED, cli_english());
        else
            st = styr_error_set(e, STYR_E_IO, tmp, 0, 0,
                                CLI_SV("arbetsboken kan inte skrivas: %s", "cannot write the workbook: %s"), complaint);
    } else if (n > 0 && !complaint) {
        fputs(said, stderr);   /* anything else it said is the user's to read; its English [ERROR] lines
                                  are told by styr's own message */
    }
    if (st == STYR_OK && (styr_report_take_lost() || failed_alloc))
        st = styr_xlsx_fail(e, tmp, LXW_ERROR_MEMORY_MALLOC_FAILED, cli_english());
    return st;
}

/* Runs fn(tmp, ctx, err) in a child process. libxlsxwriter (1.1.4, as
 * Debian ships it) crashes when an allocation of its own fails: it frees a
 * half-built worksheet, or reads a string table it could not grow. In a
 * child such a crash is an error of the run (exit 2, said in words), not
 * the end of styr. The child writes only the temporary file; its error
 * record comes back through a pipe. Without fork or pipe (the process
 * limit, memory), fn runs here, with the same checks but no shelter from a
 * crash; and so with STYR_NO_FORK set, for valgrind, whose leak check
 * would count the child's copy of the parent's memory as the child's
 * leaks. */
static styr_status write_in_child(const char *tmp, cli_xlsx_writer fn, void *ctx, styr_error *err)
{
    const char *no_fork = getenv("STYR_NO_FORK");
    int fds[2];
    if ((no_fork && *no_fork && strcmp(no_fork, "0") != 0) || pipe(fds) != 0)
        return child_writes(tmp, fn, ctx, err);   /* here, with the same checks */
    /* SIGCHLD ignored (inherited from whoever started styr) would reap the
     * child before waitpid could read how it ended. */
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGCHLD, &dfl, &old);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        sigaction(SIGCHLD, &old, NULL);
        close(fds[0]);
        close(fds[1]);
        return child_writes(tmp, fn, ctx, err);
    }
    if (pid == 0) {
        close(fds[0]);
        styr_error e;
        styr_error_clear(&e);
        styr_status st = child_writes(tmp, fn, ctx, &e);
        if (st != STYR_OK && write(fds[1], &e, sizeof e) != (ssize_t)sizeof e)
            st = STYR_E_IO;   /* the parent then says the child failed without a reason */
#ifdef STYR_MUTATION_COVERAGE
        /* the mutation driver's coverage build: _exit skips gcov's exit
         * handler, and the child's lines would read as reached by no test */
        extern void __gcov_dump(void);
        __gcov_dump();
#endif
        _exit(st == STYR_OK ? 0 : 1);   /* no exit handlers: they belong to the parent */
    }
    close(fds[1]);
    styr_error e;
    styr_error_clear(&e);
    size_t got = 0;
    while (got < sizeof e) {
        ssize_t n = read(fds[0], (char *)&e + got, sizeof e - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fds[0]);
    int status = 0;
    pid_t waited;
    while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
        ;
    sigaction(SIGCHLD, &old, NULL);
    if (waited == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return STYR_OK;
    if (waited != pid)   /* how the child ended is unknown: never read as success */
        return styr_error_set(err, STYR_E_IO, tmp, 0, 0, "%s",
                              CLI_SV("arbetsboken kunde inte skrivas", "the workbook could not be written"));
    if (got == sizeof e && e.code != STYR_OK) {
        e.file[sizeof e.file - 1] = '\0';
        e.message[sizeof e.message - 1] = '\0';
        *err = e;
        return e.code;
    }
    /* A crash (SIGSEGV, SIGBUS, SIGABRT) or the kernel's out-of-memory
     * kill (SIGKILL) is what memory running out does to libxlsxwriter; a
     * signal sent from outside (SIGTERM, SIGINT) is only named. */
    int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    if (sig == SIGSEGV || sig == SIGBUS || sig == SIGABRT || sig == SIGKILL)
        return styr_error_set(err, STYR_E_NOMEM, tmp, 0, 0,
                              CLI_SV("arbetsboken kunde inte skrivas: biblioteket libxlsxwriter stannade (signal %d), "
                                     "troligen för att minnet tog slut",
                                     "the workbook could not be written: the library libxlsxwriter stopped (signal %d), "
                                     "most likely because memory ran out"),
                              sig);
    if (sig)
        return styr_error_set(err, STYR_E_IO, tmp, 0, 0,
                              CLI_SV("arbetsboken kunde inte skrivas: processen som skrev den stoppades (signal %d)",
                                     "the workbook could not be written: the process writing it was stopped (signal %d)"),
                              sig);
    return styr_error_set(err, STYR_E_IO, tmp, 0, 0, "%s",
                          CLI_SV("arbetsboken kunde inte skrivas", "the workbook could not be written"));
}

/* libxlsxwriter writes to a file name: a temporary file in TMPDIR, whose
 * bytes then go through the same sink as every other report (output.h): -o
 * is replaced atomically, a symbolic link is followed, an input of the run
 * or a folder is refused before anything is written, and standard output
 * must not be a terminal. */
int cli_write_workbook(const char *output, cli_xlsx_writer fn, void *ctx)
{
    if ((!output || strcmp(output, "-") == 0) && isatty(STDOUT_FILENO)) {
        fputs(CLI_SV("styr: en arbetsbok skrivs inte till en terminal; ange -o FIL.xlsx\n",
                     "styr: a workbook is not written to a terminal; give -o FILE.xlsx\n"),
              stderr);
        return EXIT_FAILED;
    }
    sink out;
    if (sink_open(&out, output) < 0)
        return EXIT_FAILED;
    const char *tmpdir = getenv("TMPDIR");
    tmpdir = tmpdir && *tmpdir ? tmpdir : "/tmp";
    size_t n = strlen(tmpdir) + 32;
    char *tmp = malloc(n);
    int fd = -1;
    if (tmp) {
        snprintf(tmp, n, "%s/styr-XXXXXX", tmpdir);
        fd = mkstemp(tmp);
    }
    if (fd < 0) {
        fprintf(stderr, CLI_SV("styr: kan inte skapa en tillfällig fil i %s: %s\n", "styr: cannot make a temporary file in %s: %s\n"),
                tmpdir, cli_errno_text(tmp ? errno : ENOMEM));
        free(tmp);
        styr_sink_abandon(&out);
        return EXIT_FAILED;
    }
    close(fd);
    styr_error err;
    styr_error_clear(&err);
    int rc = EXIT_CLEAN;
    if (write_in_child(tmp, fn, ctx, &err) != STYR_OK) {
        /* the user knows the file by the name they gave; a record names
         * at most sizeof err.file - 1 bytes of a long TMPDIR's file */
        if (strncmp(err.file, tmp, sizeof err.file - 1) == 0)
            snprintf(err.file, sizeof err.file, "%s", output && strcmp(output, "-") != 0 ? output : CLI_SV("standard ut", "standard output"));
        styr_error_print(&err, stderr, cli_english());
        unlink(tmp);
        styr_sink_abandon(&out);
        rc = EXIT_FAILED;
    } else if (styr_xlsx_copy_out(tmp, out.f) < 0) {   /* removes tmp */
        int e = out.write_errno ? out.write_errno : errno;
        fprintf(stderr, CLI_SV("styr: kan inte skriva arbetsboken till %s: %s\n", "styr: cannot write the workbook to %s: %s\n"),
                output && strcmp(output, "-") != 0 ? output : CLI_SV("standard ut", "standard output"),
                cli_errno_text(e ? e : EIO));
        styr_sink_abandon(&out);
        rc = EXIT_FAILED;
    } else if (sink_close(&out) < 0) {
        rc = EXIT_FAILED;
    }
    free(tmp);
    return rc;
}

typedef struct plan_book {
    const styr_doc *plan;
    const styr_ruleset *rs;
} plan_book;

static styr_status write_plan_book(const char *path, void *ctx, styr_error *err)
{
    plan_book *b = ctx;
    return styr_xlsx_write_plan(path, b->plan, b->rs, err);
}

/* Ends a YAML report: a write error (a full disk) is told with its reason by
 * sink_close, which also removes the temporary file; a writer that gave up
 * for another reason (memory) leaves nothing behind either. */
static int finish_yaml(sink *out, int written, const char *path)
{
    if (!written && !ferror(out->f)) {
        fprintf(stderr, CLI_SV("styr: kan inte skriva %s: minnet tog slut\n", "styr: cannot write %s: out of memory\n"),
                path && strcmp(path, "-") != 0 ? path : CLI_SV("standard ut", "standard output"));
        styr_sink_abandon(out);
        return -1;
    }
    return sink_close(out);
}

int cmd_template(options *o)
{
    int xlsx = strcmp(o->format, "xlsx") == 0 ||
               (!o->format_given && o->output && styr_is_xlsx_path(o->output));
    styr_ruleset *rs = cli_load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    int rc = EXIT_CLEAN;
    if (xlsx) {
        plan_book b = {NULL, rs};
        rc = cli_write_workbook(o->output, write_plan_book, &b);
    } else {
        sink out;
        if (sink_open(&out, o->output) < 0 ||
            finish_yaml(&out, styr_plan_template_yaml(out.f, rs) >= 0, o->output) < 0)
            rc = EXIT_FAILED;
    }
    styr_ruleset_free(rs);
    return rc;
}

/* convert: a value the workbook cannot keep, on standard error. */
static void report_loss(void *ud, const styr_node *n, const char *why)
{
    const styr_doc *doc = ud;
    fprintf(stderr, CLI_SV("%s:%u:%u: konverteras inte: %s\n", "%s:%u:%u: not converted: %s\n"), doc->file, n->line, n->column,
            why);
}

/* A YAML file's name, as convert writes YAML only to one. */
static int is_yaml_path(const char *path)
{
    size_t n = strlen(path);
    return (n > 5 && strcasecmp(path + n - 5, ".yaml") == 0) || (n > 4 && strcasecmp(path + n - 4, ".yml") == 0);
}

int cmd_convert(options *o)
{
    if (!o->output || strcmp(o->output, "-") == 0)
        return cli_usage_error(o, "%s", CLI_SV("convert behöver -o OUT.xlsx eller -o OUT.yaml", "convert needs -o OUT.xlsx or -o OUT.yaml"));
    /* the format follows the extension; any other name (plan.txt, plan.csv)
     * would get YAML it did not ask for */
    if (!styr_is_xlsx_path(o->output) && !is_yaml_path(o->output))
        return cli_usage_error(o, CLI_SV("%s: convert skriver .xlsx eller .yaml (.yml); ge filen en av de ändelserna",
                                         "%s: convert writes .xlsx or .yaml (.yml); give the file one of those extensions"),
                               o->output);
    styr_doc *doc = NULL;
    styr_error err;
    styr_error_clear(&err);
    if (styr_doc_load_any(o->files[0], &o->lim, &doc, &err) != STYR_OK) {
        styr_error_print(&err, stderr, cli_english());
        return EXIT_FAILED;
    }
    const styr_node *kind = doc->root && doc->root->kind == STYR_NODE_MAP ? styr_map_get(doc->root, "kind", 4) : NULL;
    if (!kind || kind->kind != STYR_NODE_SCALAR || strcmp(kind->u.text, "action-plan") != 0) {
        fprintf(stderr,
                CLI_SV("styr: %s: convert tar en handlingsplan (kind: action-plan)\n",
                       "styr: %s: convert takes an action plan (kind: action-plan)\n"),
                o->files[0]);
        styr_doc_free(doc);
        return EXIT_FAILED;
    }
    int rc = EXIT_CLEAN;
    if (styr_is_xlsx_path(o->output) && styr_plan_sheet_losses(doc, cli_english(), report_loss, doc) > 0)
        rc = EXIT_FINDINGS;   /* written all the same, with what is not kept said above */
    if (styr_is_xlsx_path(o->output)) {
        styr_ruleset *rs = cli_load_ruleset(o);   /* its names become the drop-down lists */
        plan_book b = {doc, rs};
        cli_worse(&rc, rs ? cli_write_workbook(o->output, write_plan_book, &b) : EXIT_FAILED);
        styr_ruleset_free(rs);
    } else {
        sink out;
        char header[1200];
        snprintf(header, sizeof header, CLI_SV("Konverterad av styr %s från %s.", "Converted by styr %s from %s."),
                 STYR_VERSION_STRING, o->files[0]);
        if (sink_open(&out, o->output) < 0 || finish_yaml(&out, styr_yaml_write(out.f, doc, header) >= 0, o->output) < 0)
            rc = EXIT_FAILED;
    }
    styr_doc_free(doc);
    return rc;
}
