/* write_report.c - one dispatch for the reports of budget, followup and
 * diff: the format table picks the writer, and every format goes to -o by
 * the same rules (output.h). */
#include "cli.h"
#include "output.h"
#include "report_dispatch.h"

typedef struct book_job {
    const styr_report_format *f;
    const void *data;
    const styr_report_opts *ro;
} book_job;

static styr_status write_book(const char *path, void *ctx, styr_error *err)
{
    const book_job *j = ctx;
    return j->f->write_book(path, j->data, j->ro, err);
}

int cli_write_report(const options *o, const styr_report_format *table, const void *data, const styr_report_opts *ro)
{
    const styr_report_format *f = styr_report_format_find(table, o->format);
    if (f->write_book) {
        book_job j = {f, data, ro};
        return cli_write_workbook(o->output, write_book, &j);
    }
    sink out;
    if (sink_open(&out, o->output) < 0)
        return EXIT_FAILED;
    f->write(out.f, data, ro);
    return sink_close(&out) < 0 ? EXIT_FAILED : EXIT_CLEAN;
}
