/* report_budget.c - `styr budget` as text, JSON, Markdown and CSV (see
 * report_budget.h; the HTML page is report_budget_html.c). */
#include "report_budget.h"

#include <math.h>
#include <string.h>

#include "csv_dialect.h"
#include "internal/budget_words.h"
#include "json.h"
#include "message.h"
#include "ruleset.h"
#include "internal/md.h"
#include "termsafe.h"

static void sek(char *buf, size_t cap, double v)
{
    styr_format_thousands(buf, cap, v, " ");
}

static void fte(char *buf, size_t cap, double v, const styr_report_opts *o)
{
    budget_decimal(buf, cap, v, o);
}

/* ---- text ------------------------------------------------------------------ */

const char *styr_budget_illustrative_note(const styr_report_opts *o)
{
    return word(o, "Illustrativt exempel: planens siffror är påhittade för att visa verktyget, inte Göteborgs Stads beslut.",
                "Illustrative example: the plan's figures are made up to show the tool, not Göteborg's decisions.");
}

void styr_report_budget_text(FILE *out, const styr_budget *b, const styr_report_opts *o)
{
    char s1[64], s2[64], s3[64], s4[64], s5[64], f1[32], f2[32];
    /* Names from the plan go through styr_fput_safe: a terminal shows
     * their control characters, never obeys them. */
    styr_fput_safe(out, b->plan);
    fprintf(out, word(o, ": planperioden %d–%d\n", ": plan period %d–%d\n"), b->from, b->to);
    if (b->illustrative)
        fprintf(out, "%s\n", styr_budget_illustrative_note(o));
    fputc('\n', out);
    fprintf(out, "%-6s %13s %13s %13s %13s %13s %7s %7s\n", word(o, "År", "Year"), word(o, "beslutat kr", "decided SEK"),
            word(o, "begärt kr", "requested SEK"), word(o, "villkorat kr", "cond. SEK"), word(o, "externt kr", "external SEK"),
            word(o, "eget kr", "own SEK"), word(o, "eget åa", "own FTE"), word(o, "ext. åa", "ext. FTE"));
    for (size_t y = 0; y < b->nyears; y++) {
        const styr_budget_year *yr = &b->years[y];
        sek(s1, sizeof s1, yr->sek.decided);
        sek(s2, sizeof s2, yr->sek.requested);
        sek(s3, sizeof s3, yr->sek.conditional);
        sek(s4, sizeof s4, yr->sek.external);
        sek(s5, sizeof s5, yr->sek.own);
        fte(f1, sizeof f1, yr->fte_own, o);
        fte(f2, sizeof f2, yr->fte_external, o);
        fprintf(out, "%-6d %13s %13s %13s %13s %13s %7s %7s\n", yr->year, s1, s2, s3, s4, s5, f1, f2);
    }
    fputs(word(o, "\nBudget (planens budgetblock):\n", "\nBudget (the plan's budget block):\n"), out);
    for (size_t y = 0; y < b->nyears; y++) {
        const styr_budget_year *yr = &b->years[y];
        if (!yr->has_budget) {
            fprintf(out, word(o, "  %d: ingen budget", "  %d: no budget"), yr->year);
        } else {
            /* An amount left out (or not a number of 0 or more) is the
             * first year's when that year has one, else no amount at all. */
            char amount[96];
            sek(s1, sizeof s1, yr->budget_sek);
            if (yr->has_budget_sek)
                snprintf(amount, sizeof amount, word(o, "%s kr", "%s SEK"), s1);
            else if (y > 0 && b->years[0].has_budget)
                snprintf(amount, sizeof amount, word(o, "%s kr (som första året)", "%s SEK (as the first year)"), s1);
            else
                snprintf(amount, sizeof amount, "%s", word(o, "inget belopp", "no amount"));
            fte(f1, sizeof f1, yr->budget_fte_reprioritised, o);
            fte(f2, sizeof f2, yr->budget_fte_external, o);
            /* Swedish agrees with each number ("1 omprioriterad + 2 externa"),
             * the noun first, so it need not agree with two */
            int one_r = strcmp(f1, "1") == 0, one_e = strcmp(f2, "1") == 0;   /* as the figure is written */
            if (o->lang == STYR_LANG_EN)
                fprintf(out, "  %d: %s, %s reprioritised + %s external FTE (%s)", yr->year, amount, f1, f2,
                        budget_status_word(yr->budget_status, o));
            else
                fprintf(out, "  %d: %s, årsarbetskrafter %s %s + %s %s (%s)", yr->year, amount, f1,
                        one_r ? "omprioriterad" : "omprioriterade", f2, one_e ? "extern" : "externa",
                        budget_status_word(yr->budget_status, o));
        }
        if (yr->gap_fte > 0 || yr->gap_sek > 0) {
            char gap[128];
            budget_gap_text(gap, sizeof gap, yr, " ", o);
            fprintf(out, word(o, "; GLAPP %s", "; GAP %s"), gap);
        }
        fputc('\n', out);
    }
    char sources[2048];
    if (budget_gap_sources(sources, sizeof sources, b, o->lang == STYR_LANG_EN)) {
        fputs(word(o, "  Glappet: finansieringen från ", "  The gap: the money from "), out);
        styr_fput_safe(out, sources);
        fputs(word(o, " upphör och ersätts inte.\n", " ends and is not replaced.\n"), out);
    }
    fputs(word(o, "\nPer ansvarig (insatser; kr och årsarbetskrafter per år):\n",
               "\nPer owner (actions; SEK and FTE a year):\n"), out);
    for (size_t i = 0; i < b->nowners; i++) {
        const styr_budget_owner *ow = &b->owners[i];
        fputs("  ", out);
        styr_fput_safe(out, budget_owner_name(ow->owner, o->lang == STYR_LANG_EN));
        fprintf(out, ": %u %s", ow->actions, ow->actions == 1 ? word(o, "insats", "action") : word(o, "insatser", "actions"));
        for (size_t y = 0; y < b->nyears; y++) {
            sek(s1, sizeof s1, ow->years[y].sek);
            fte(f1, sizeof f1, ow->years[y].fte, o);
            fprintf(out, word(o, "; %d: %u %s, %s kr, %s åa", "; %d: %u %s, %s SEK, %s FTE"), ow->years[y].year,
                    ow->years[y].actions,
                    ow->years[y].actions == 1 ? word(o, "insats", "action") : word(o, "insatser", "actions"), s1, f1);
            char over[64];
            budget_over_text(over, sizeof over, &ow->years[y], o);
            if (over[0])
                fprintf(out, word(o, " ÖVER KAPACITET (%s)", " OVER CAPACITY (%s)"), over);
        }
        char capacity[200];
        budget_capacity_text(capacity, sizeof capacity, &ow->capacity, " ", o);
        if (capacity[0])
            fprintf(out, word(o, "; kapacitet per år: %s", "; capacity a year: %s"), capacity);
        fputc('\n', out);
    }
    fputs(word(o, "\nPer finansiär:\n", "\nPer funder:\n"), out);
    for (size_t i = 0; i < b->nfunders; i++) {
        const styr_budget_funder *f = &b->funders[i];
        sek(s1, sizeof s1, f->sek);
        fputs("  ", out);
        styr_fput_safe(out, budget_funder_name(f->funder, o->lang == STYR_LANG_EN));
        fprintf(out, "%s: %s %s", f->external ? word(o, " (bidrag)", " (grant)") : "", s1, word(o, "kr", "SEK"));
        if (f->until[0])
            fprintf(out, word(o, ", till och med %s", ", until %s"), f->until);
        fputc('\n', out);
    }
}

/* ---- JSON (FORMATS.md section 13) -------------------------------------------- */

static void jnum(FILE *out, const char *key, double v, int comma)
{
    fprintf(out, "%s\"%s\": ", comma ? ", " : "", key);
    styr_json_number(out, v);
}

/* {actions, sek, fte} (null where not set, and null for no capacity at
 * all), with the level each limit comes from (null: the owner's own). */
static void json_capacity(FILE *out, const styr_capacity *c)
{
    int any = 0;
    for (int m = 0; m < STYR_CAP_COUNT; m++)
        any |= c->set[m];
    if (!any) {
        fputs("null", out);
        return;
    }
    fputc('{', out);
    for (int m = 0; m < STYR_CAP_COUNT; m++) {
        fprintf(out, "%s\"%s\": ", m ? ", " : "", styr_capacity_measure(m));
        if (c->set[m])
            styr_json_number(out, c->max[m]);
        else
            fputs("null", out);
    }
    fputs(", \"level\": {", out);
    for (int m = 0; m < STYR_CAP_COUNT; m++) {
        fprintf(out, "%s\"%s\": ", m ? ", " : "", styr_capacity_measure(m));
        styr_json_string(out, c->set[m] ? c->level[m] : NULL);
    }
    fputs("}}", out);
}

void styr_report_budget_json(FILE *out, const styr_budget *b, const styr_report_opts *o)
{
    styr_report_json_head(out, o);   /* format_version, tool, ruleset, ruleset_path */
    fputs(", \"plan\": ", out);
    styr_json_string(out, b->plan);
    fprintf(out, ", \"illustrative\": %s", b->illustrative ? "true" : "false");
    fputs(", \"years\": [", out);
    for (size_t y = 0; y < b->nyears; y++) {
        const styr_budget_year *yr = &b->years[y];
        fprintf(out, "%s\n  {\"year\": %d, \"sek\": {", y ? "," : "", yr->year);
        jnum(out, "decided", yr->sek.decided, 0);
        jnum(out, "requested", yr->sek.requested, 1);
        jnum(out, "conditional", yr->sek.conditional, 1);
        jnum(out, "external", yr->sek.external, 1);
        jnum(out, "own", yr->sek.own, 1);
        fputs("}, \"fte\": {", out);
        jnum(out, "own", yr->fte_own, 0);
        jnum(out, "external", yr->fte_external, 1);
        fputs("}, \"budget_sek\": ", out);
        if (yr->has_budget_sek)   /* as written: a year that leaves it out says nothing */
            styr_json_number(out, yr->budget_sek);
        else
            fputs("null", out);
        fputs(", \"budget_fte\": ", out);
        if (yr->has_budget) {
            fputc('{', out);
            jnum(out, "reprioritised", yr->budget_fte_reprioritised, 0);
            jnum(out, "external", yr->budget_fte_external, 1);
            fputc('}', out);
        } else {
            fputs("null", out);
        }
        fputs(", \"budget_status\": ", out);
        styr_json_string(out, yr->has_budget ? (yr->budget_status ? yr->budget_status : "decided") : NULL);
        jnum(out, "gap_sek", yr->gap_sek, 1);
        jnum(out, "gap_fte", yr->gap_fte, 1);
        fputc('}', out);
    }
    fputs("],\n \"owners\": [", out);
    for (size_t i = 0; i < b->nowners; i++) {
        const styr_budget_owner *ow = &b->owners[i];
        fputs(i ? ",\n  {\"owner\": " : "\n  {\"owner\": ", out);
        styr_json_string(out, ow->owner);
        fprintf(out, ", \"actions\": %u, \"years\": [", ow->actions);
        for (size_t y = 0; y < b->nyears; y++) {
            fprintf(out, "%s{\"year\": %d, \"actions\": %u", y ? ", " : "", ow->years[y].year, ow->years[y].actions);
            jnum(out, "sek", ow->years[y].sek, 1);
            jnum(out, "fte", ow->years[y].fte, 1);
            fputs(", \"over_capacity\": [", out);
            for (int m = 0, n = 0; m < STYR_CAP_COUNT; m++)
                if (ow->years[y].over[m])
                    fprintf(out, "%s\"%s\"", n++ ? ", " : "", styr_capacity_measure(m));
            fputs("]}", out);
        }
        fputs("], \"capacity\": ", out);
        json_capacity(out, &ow->capacity);
        fprintf(out, ", \"over_capacity\": %s}", ow->over ? "true" : "false");
    }
    fputs("],\n \"funders\": [", out);
    for (size_t i = 0; i < b->nfunders; i++) {
        const styr_budget_funder *f = &b->funders[i];
        fputs(i ? ",\n  {\"funder\": " : "\n  {\"funder\": ", out);
        styr_json_string(out, f->funder);
        fputs(", \"until\": ", out);
        styr_json_string(out, f->until[0] ? f->until : NULL);
        jnum(out, "sek", f->sek, 1);
        fprintf(out, ", \"external\": %s}", f->external ? "true" : "false");
    }
    fputs("],\n \"actions\": [", out);
    for (size_t i = 0; i < b->nactions; i++) {
        const styr_budget_action *a = &b->actions[i];
        fputs(i ? ",\n  {\"id\": " : "\n  {\"id\": ", out);
        styr_json_string_n(out, a->id, a->id_len);
        fputs(", \"owner\": ", out);
        styr_json_string(out, a->owner);
        fputs(", \"planned_start\": ", out);
        styr_json_string(out, a->has_span ? a->start : NULL);
        fputs(", \"planned_end\": ", out);
        styr_json_string(out, a->has_span ? a->end : NULL);
        fprintf(out, ", \"own_timeline\": %s}", a->own ? "true" : "false");
    }
    fputs("],\n \"gap_sources\": ", out);
    styr_json_string(out, b->gap_sources);
    /* a grant that names no source is among them (gap_sources names the rest) */
    fprintf(out, ",\n \"gap_unnamed_source\": %s", b->gap_unnamed ? "true" : "false");
    fputs("}\n", out);
}

/* ---- Markdown ------------------------------------------------------------------ */


void styr_report_budget_markdown(FILE *out, const styr_budget *b, const styr_report_opts *o)
{
    char s[6][64], f[4][32];
    fputs("# Budget: ", out);
    md_text(out, b->plan);
    fprintf(out, word(o, "\n\nPlanperiod %d–%d.\n\n", "\n\nPlan period %d–%d.\n\n"), b->from, b->to);
    if (b->illustrative)
        fprintf(out, "> %s\n\n", styr_budget_illustrative_note(o));
    fputs(word(o, "| År | Beslutat kr | Begärt kr | Villkorat kr | Externt kr | Eget kr | Eget åa | Externt åa | Budget kr | Budgetstatus | Glapp kr | Glapp åa |\n",
               "| Year | Decided SEK | Requested SEK | Conditional SEK | External SEK | Own SEK | Own FTE | External FTE | Budget SEK | Budget status | Gap SEK | Gap FTE |\n"), out);
    fputs("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n", out);
    for (size_t y = 0; y < b->nyears; y++) {
        const styr_budget_year *yr = &b->years[y];
        sek(s[0], 64, yr->sek.decided);
        sek(s[1], 64, yr->sek.requested);
        sek(s[2], 64, yr->sek.conditional);
        sek(s[3], 64, yr->sek.external);
        sek(s[4], 64, yr->sek.own);
        sek(s[5], 64, yr->budget_sek);
        fte(f[0], 32, yr->fte_own, o);
        fte(f[1], 32, yr->fte_external, o);
        fte(f[2], 32, yr->gap_fte, o);
        char g[64];
        sek(g, sizeof g, yr->gap_sek);
        fprintf(out, "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s%s%s |\n", yr->year, s[0], s[1], s[2], s[3],
                s[4], f[0], f[1], yr->has_budget_sek ? s[5] : "–", yr->has_budget ? budget_status_word(yr->budget_status, o) : word(o, "ingen budget", "no budget"),
                g, yr->gap_fte > 0 ? "**" : "", f[2], yr->gap_fte > 0 ? "**" : "");
    }
    char sources[2048];
    if (budget_gap_sources(sources, sizeof sources, b, o->lang == STYR_LANG_EN)) {
        fputs(word(o, "\nGlappet: finansieringen från ", "\nThe gap: the money from "), out);
        md_text(out, sources);
        fputs(word(o, " upphör och ersätts inte.\n", " ends and is not replaced.\n"), out);
    }
    fputs(word(o, "\n## Per ansvarig\n\n| Ansvarig | Insatser |", "\n## Per owner\n\n| Owner | Actions |"), out);
    for (size_t y = 0; y < b->nyears; y++)
        fprintf(out, word(o, " %d insatser | %d kr | %d åa |", " %d actions | %d SEK | %d FTE |"), b->years[y].year,
                b->years[y].year, b->years[y].year);
    int capacities = budget_any_capacity(b);
    if (capacities)
        fputs(word(o, " Kapacitet per år | Över kapacitet |", " Capacity a year | Over capacity |"), out);
    fputs("\n|---|---:|", out);
    for (size_t y = 0; y < b->nyears; y++)
        fputs("---:|---:|---:|", out);
    if (capacities)
        fputs("---|---|", out);
    fputc('\n', out);
    for (size_t i = 0; i < b->nowners; i++) {
        const styr_budget_owner *ow = &b->owners[i];
        fputs("| ", out);
        md_text(out, budget_owner_name(ow->owner, o->lang == STYR_LANG_EN));
        fprintf(out, " | %u |", ow->actions);
        for (size_t y = 0; y < b->nyears; y++) {
            sek(s[0], 64, ow->years[y].sek);
            fte(f[0], 32, ow->years[y].fte, o);
            fprintf(out, " %u | %s | %s |", ow->years[y].actions, s[0], f[0]);
        }
        if (capacities) {
            char text[200];
            budget_capacity_text(text, sizeof text, &ow->capacity, " ", o);
            fprintf(out, " %s |", text[0] ? text : "–");
            int said = 0;
            for (size_t y = 0; y < b->nyears; y++) {
                budget_over_text(text, sizeof text, &ow->years[y], o);
                if (text[0])
                    fprintf(out, "%s**%d: %s**", said++ ? "; " : " ", ow->years[y].year, text);
            }
            fputs(said ? " |" : " – |", out);
        }
        fputc('\n', out);
    }
    fputs(word(o, "\n## Per finansiär\n\n| Finansiär | Bidrag | Kr | Till och med |\n|---|---|---:|---|\n",
               "\n## Per funder\n\n| Funder | Grant | SEK | Until |\n|---|---|---:|---|\n"), out);
    for (size_t i = 0; i < b->nfunders; i++) {
        const styr_budget_funder *fu = &b->funders[i];
        sek(s[0], 64, fu->sek);
        fputs("| ", out);
        md_text(out, budget_funder_name(fu->funder, o->lang == STYR_LANG_EN));
        fprintf(out, " | %s | %s | %s |\n", fu->external ? word(o, "ja", "yes") : word(o, "nej", "no"), s[0],
                fu->until[0] ? fu->until : "–");
    }
}

/* ---- CSV ------------------------------------------------------------------------- */

typedef struct csv {
    FILE *out;
    char sep;
    int sv;
} csv;

/* A field after its separator, guarded and quoted as every CSV styr writes. */
static void cfield(const csv *c, const char *s, int first)
{
    if (!first)
        putc(c->sep, c->out);
    styr_csv_field(c->out, s, c->sep);
}

static void cnum(const csv *c, double v, const styr_report_opts *o)
{
    char buf[64];
    budget_decimal(buf, sizeof buf, v, o);
    putc(c->sep, c->out);
    fputs(buf, c->out);
}

void styr_report_budget_csv(FILE *out, const styr_budget *b, const styr_report_opts *o)
{
    csv c = {out, o->lang == STYR_LANG_EN ? ',' : ';', o->lang != STYR_LANG_EN};
    if (c.sv)
        fputs("\xEF\xBB\xBF", out);
    /* One table: a row a year for the plan, then a row per owner and year. */
    static const char *const head[] = {"scope", "name", "year", "actions", "sek_decided", "sek_requested",
                                       "sek_conditional", "sek_external", "sek_own", "fte_own", "fte_external",
                                       "budget_sek", "budget_status", "gap_sek", "gap_fte", "until",
                                       "capacity_actions", "capacity_sek", "capacity_fte", "over_capacity",
                                       "illustrative", NULL};
    const char *ill = b->illustrative ? "true" : "false";   /* on every row, as in the score CSV */
    for (int i = 0; head[i]; i++)
        cfield(&c, head[i], i == 0);
    fputs("\r\n", out);
    for (size_t y = 0; y < b->nyears; y++) {
        const styr_budget_year *yr = &b->years[y];
        char year[16];
        snprintf(year, sizeof year, "%d", yr->year);
        cfield(&c, "plan", 1);
        cfield(&c, b->plan, 0);
        cfield(&c, year, 0);
        cfield(&c, "", 0);
        cnum(&c, yr->sek.decided, o);
        cnum(&c, yr->sek.requested, o);
        cnum(&c, yr->sek.conditional, o);
        cnum(&c, yr->sek.external, o);
        cnum(&c, yr->sek.own, o);
        cnum(&c, yr->fte_own, o);
        cnum(&c, yr->fte_external, o);
        if (yr->has_budget_sek)
            cnum(&c, yr->budget_sek, o);
        else
            cfield(&c, "", 0);
        cfield(&c, yr->has_budget ? (yr->budget_status ? yr->budget_status : "decided") : "", 0);
        cnum(&c, yr->gap_sek, o);
        cnum(&c, yr->gap_fte, o);
        for (int k = 0; k < 5; k++)   /* until, and the owners' capacity columns */
            cfield(&c, "", 0);
        cfield(&c, ill, 0);
        fputs("\r\n", out);
    }
    for (size_t i = 0; i < b->nowners; i++) {
        const styr_budget_owner *ow = &b->owners[i];
        for (size_t y = 0; y < b->nyears; y++) {
            char year[16], n[16];
            snprintf(year, sizeof year, "%d", ow->years[y].year);
            snprintf(n, sizeof n, "%u", ow->years[y].actions);
            cfield(&c, "owner", 1);
            cfield(&c, budget_owner_name(ow->owner, o->lang == STYR_LANG_EN), 0);
            cfield(&c, year, 0);
            cfield(&c, n, 0);
            for (int k = 0; k < 4; k++)
                cfield(&c, "", 0);
            cnum(&c, ow->years[y].sek, o);
            cnum(&c, ow->years[y].fte, o);
            for (int k = 0; k < 6; k++)
                cfield(&c, "", 0);
            for (int m = 0; m < STYR_CAP_COUNT; m++) {
                if (ow->capacity.set[m])
                    cnum(&c, ow->capacity.max[m], o);
                else
                    cfield(&c, "", 0);
            }
            char over[32] = "";   /* the JSON's names, space-separated */
            for (int m = 0; m < STYR_CAP_COUNT; m++)
                if (ow->years[y].over[m])
                    snprintf(over + strlen(over), sizeof over - strlen(over), "%s%s", over[0] ? " " : "",
                             styr_capacity_measure(m));
            cfield(&c, over, 0);
            cfield(&c, ill, 0);
            fputs("\r\n", out);
        }
    }
    for (size_t i = 0; i < b->nfunders; i++) {
        const styr_budget_funder *f = &b->funders[i];
        cfield(&c, "funder", 1);
        cfield(&c, budget_funder_name(f->funder, o->lang == STYR_LANG_EN), 0);
        cfield(&c, "", 0);
        cfield(&c, "", 0);
        for (int k = 0; k < 3; k++)
            cfield(&c, "", 0);
        if (f->external) {
            cnum(&c, f->sek, o);
            cfield(&c, "", 0);
        } else {
            cfield(&c, "", 0);
            cnum(&c, f->sek, o);
        }
        for (int k = 0; k < 6; k++)
            cfield(&c, "", 0);
        cfield(&c, f->until, 0);
        for (int k = 0; k < 4; k++)
            cfield(&c, "", 0);
        cfield(&c, ill, 0);
        fputs("\r\n", out);
    }
}
