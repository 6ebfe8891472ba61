/* xlsx_followup.c - `styr followup --format xlsx`: a summary sheet, one row
 * a plan action with its status, delay, money and the reasons it is
 * escalated, and one row a finding with its position (FORMATS.md section
 * 11; the numbers are the JSON's). */
#include "report_followup.h"

#include <stdlib.h>
#include <string.h>

#include "xlsx_book.h"

static const char *yes_no(const styr_book *b, int v)
{
    return v ? (b->en ? "yes" : "ja") : (b->en ? "no" : "nej");
}

static void summary(styr_book *b, const styr_followup *fu)
{
    static const char *const sv[] = {"Uppföljning", "Plan", "Rapport", "Per", "Lyfts till", "Illustrativt",
                                     "Insatser i planen", "Lyfts", "Fel", "Varningar", "Info", "Planens fel",
                                     "Planens varningar", NULL};
    static const char *const en[] = {"Follow-up", "Plan", "Report", "As of", "Escalated to", "Illustrative",
                                     "Actions in the plan", "Escalated", "Errors", "Warnings", "Info",
                                     "Plan errors", "Plan warnings", NULL};
    lxw_worksheet *ws = styr_book_sheet(b, "Sammanfattning", "Summary", sv, en);
    size_t c[3], pc[3];
    styr_findings_count(&fu->res.findings, c);
    styr_findings_count(&fu->plan_res.findings, pc);
    styr_book_text(b, ws, 1, 0, fu->res.file);
    styr_book_text(b, ws, 1, 1, fu->plan_path);
    styr_book_text(b, ws, 1, 2, fu->report);
    styr_book_text(b, ws, 1, 3, fu->as_of_text);
    styr_book_text(b, ws, 1, 4, fu->escalate_to);
    styr_book_text(b, ws, 1, 5, yes_no(b, fu->illustrative));
    const double v[] = {(double)fu->nactions, (double)fu->nescalations, (double)c[2], (double)c[1], (double)c[0],
                        (double)pc[2], (double)pc[1]};
    for (lxw_col_t k = 0; k < 7; k++)
        styr_book_number(b, ws, 1, (lxw_col_t)(6 + k), v[k]);
    if (ws)
        styr_book_check(b, worksheet_set_column(ws, 0, 1, 36, NULL));
}

/* The reasons an action is escalated, one a line in one cell. */
static char *reasons(const styr_followup_action *a)
{
    size_t len = 1;
    for (size_t k = 0; k < a->nreasons; k++)
        len += strlen(a->reasons[k]) + 1;
    char *s = malloc(len);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (size_t k = 0; k < a->nreasons; k++) {
        if (k)
            strcat(s, "\n");
        strcat(s, a->reasons[k]);
    }
    return s;
}

static void day(styr_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, int have, int64_t d)
{
    char buf[16];
    if (!have)
        return;
    styr_day_text(d, buf);
    styr_book_text(b, ws, r, c, buf);
}

static void actions(styr_book *b, const styr_followup *fu)
{
    static const char *const sv[] = {"Insats", "Strategi", "Rubrik", "Ansvarig", "Status", "Planerad start",
                                     "Planerat slut", "Prognos", "Försening (dagar)", "Budget (kr)",
                                     "Förbrukat (kr)", "Över budget (kr)", "Lyfts", "Skäl", "Kommentar", NULL};
    static const char *const en[] = {"Action", "Strategy", "Title", "Owner", "Status", "Planned start",
                                     "Planned end", "Forecast", "Delay (days)", "Budget (SEK)", "Spent (SEK)",
                                     "Over budget (SEK)", "Escalated", "Reasons", "Comment", NULL};
    lxw_worksheet *ws = styr_book_sheet(b, "Insatser", "Actions", sv, en);
    for (size_t i = 0; i < fu->nactions; i++) {
        const styr_followup_action *a = &fu->actions[i];
        lxw_row_t r = (lxw_row_t)(i + 1);
        styr_book_text(b, ws, r, 0, a->id);
        styr_book_text(b, ws, r, 1, a->strategy);
        styr_book_text(b, ws, r, 2, a->title);
        styr_book_text(b, ws, r, 3, a->owner);
        styr_book_text(b, ws, r, 4, styr_followup_status_word(a->status, b->en ? STYR_LANG_EN : STYR_LANG_SV));
        day(b, ws, r, 5, a->has_start, a->start);
        day(b, ws, r, 6, a->has_end, a->end);
        day(b, ws, r, 7, a->has_forecast, a->forecast_end);
        if (a->has_delay)
            styr_book_number(b, ws, r, 8, (double)a->delay_days);
        if (a->has_budget)
            styr_book_number(b, ws, r, 9, a->budget_sek);
        if (a->has_spent)
            styr_book_number(b, ws, r, 10, a->spent_sek);
        if (a->has_overspend)
            styr_book_number(b, ws, r, 11, a->overspend_sek);
        styr_book_text(b, ws, r, 12, yes_no(b, a->escalate));
        char *why = reasons(a);
        styr_book_text(b, ws, r, 13, why);
        free(why);
        styr_book_text(b, ws, r, 14, a->comment);
    }
    if (ws) {
        styr_book_check(b, worksheet_set_column(ws, 2, 2, 50, NULL));
        styr_book_check(b, worksheet_set_column(ws, 13, 14, 60, NULL));
    }
}

styr_status styr_report_followup_xlsx(const char *path, const styr_followup *fu, const styr_report_opts *o,
                                      styr_error *err)
{
    styr_book b;
    if (styr_book_open(&b, path, o, err) < 0)
        return err->code;
    summary(&b, fu);
    actions(&b, fu);
    lxw_worksheet *ws = styr_book_findings_sheet(&b, NULL, NULL);
    lxw_row_t r = 1;
    for (size_t i = 0; i < fu->res.findings.count; i++)
        styr_book_finding(&b, ws, r++, 0, fu->res.file, &fu->res.findings.items[i]);
    for (size_t i = 0; i < fu->res.nrule_errors; i++)
        styr_book_rule_error(&b, ws, r++, 0, fu->res.file, &fu->res.rule_errors[i]);
    for (size_t i = 0; i < fu->plan_res.nrule_errors; i++)
        styr_book_rule_error(&b, ws, r++, 0, fu->plan_res.file, &fu->plan_res.rule_errors[i]);
    return styr_book_close(&b);
}
