/* options.c - the option tables of the styr command line and what they
 * drive: parsing (getopt_long), each command's --help, its usage line and
 * the man page's synopsis. A command accepts only the options of its own
 * table; one of another command is an error that says whose it is. */
#include "options.h"
#include "cli_lang.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "report_html.h"
#include "swedish_number.h"
#include "text.h"

/* ---- the catalogue ------------------------------------------------------- */

#define NO_HELP {NULL, NULL}   /* a use with the catalogue's line */

typedef struct cli_option {
    cli_opt id;
    const char *name;            /* long name without "--" */
    char short_name;             /* 0: none */
    const char *arg;             /* the value's name, or NULL for a flag */
    int limit;                   /* listed under "Limits" in help */
    cli_words help;
} cli_option;

static const cli_option catalogue[] = {
    {OPT_RULES, "rules", 0, "NAME|DIR", 0,
     {"regeluppsättning (standard: goteborg): en mapp, eller ett\n"
      "namn som söks i rules/ bredvid styr och sedan i den\n"
      "installerade datamappen",
      "ruleset to use (default: goteborg): a folder, or a name\n"
      "looked up in rules/ beside styr, then in the installed\n"
      "data folder"}},
    {OPT_FORMAT, "format", 0, "FMT", 0, NO_HELP},
    {OPT_OUTPUT, "output", 'o', "FILE", 0,
     {"skriv rapporten till FIL (ersätts först när den är klar)",
      "write the report to FILE (replaced only when complete)"}},
    {OPT_FAIL_ON, "fail-on", 0, "LEVEL", 0,
     {"lägsta allvarlighetsgrad som ger slutkod 1: error\n(standard), warning eller info",
      "lowest severity that makes the exit code 1: error\n(default), warning or info"}},
    {OPT_LANG, "lang", 0, "sv|en", 0,
     {"språket i meddelanden och hjälp (standard: från LC_ALL,\nLC_MESSAGES eller LANG: en... ger engelska, allt annat\nsvenska)",
      "language of the messages and the help (default: from\nLC_ALL, LC_MESSAGES or LANG: en... gives English, anything\nelse Swedish)"}},
    {OPT_QUIET, "quiet", 'q', NULL, 0,
     {"skriv ingenting; bara slutkoden berättar", "print nothing; only the exit code tells"}},
    {OPT_PROFILE, "profile-rules", 0, NULL, 0,
     {"visa efter rapporten, på standard fel, hur lång tid varje\nregel tog (för regelförfattare: vilken regel är långsam)",
      "after the report, show on standard error how long each\nrule took (for rule authors: which rule is slow)"}},
    {OPT_THREADS, "threads", 0, "N", 0, {"antal trådar", "threads to use"}},
    {OPT_SCENARIO, "scenario", 0, "FILE", 0,
     {"en scenariofil (kind: scenario); kan anges flera gånger",
      "a scenario file (kind: scenario); repeatable"}},
    {OPT_EXPLAIN, "explain", 0, NULL, 0,
     {"visa hur varje poäng räknats fram: värde, normaliserat\nvärde, vikt och bidrag för varje kriterium",
      "show how every score was built: value, normalised value,\nweight and contribution of each criterion"}},
    {OPT_SAMPLES, "samples", 0, "N", 0,
     {"antal viktvektorer (standard 10000)", "weight samples (default 10000)"}},
    {OPT_SEED, "seed", 0, "N", 0,
     {"frö för slumptalen: samma frö ger samma resultat\n(standard 1)",
      "seed of the random numbers: the same seed gives the same\nresult (default 1)"}},
    {OPT_SPREAD, "spread", 0, "X", 0,
     {"dra varje vikt inom +-X kring scenariots vikter (vikterna\nsummerar till 1; 0,05 eller 0.05); utan det är varje\n"
      "viktning av scenariots kriterier lika sannolik",
      "sample each weight within +-X around the scenario's weights\n(weights sum to 1; 0.05 or 0,05); without it, every\n"
      "weighting of the scenario's criteria is equally likely"}},
    {OPT_MAX_FILE_SIZE, "max-file-size", 0, "BYTES", 1,
     {"filens storlek (standard 64M; suffixen K, M och G)",
      "input file size (default 64M; K, M and G suffixes)"}},
    {OPT_MAX_DEPTH, "max-depth", 0, "N", 1,
     {"nästling av listor och mappningar (standard 64)", "nesting of lists and mappings (default 64)"}},
    {OPT_MAX_ALIAS_NODES, "max-alias-nodes", 0, "N", 1,
     {"noder som nås genom YAML-alias (standard 1000000)",
      "nodes reached through YAML aliases (default 1000000)"}},
    {OPT_MAX_SCALAR_SIZE, "max-scalar-size", 0, "BYTES", 1,
     {"längden på ett enskilt värde (standard 1M)", "one value's length (default 1M)"}},
    {OPT_MAX_FINDINGS, "max-findings", 0, "N", 1,
     {"sparade fynd per fil; fler räknas (standard 100000)",
      "findings kept per file; more are counted\n(default 100000)"}},
    {OPT_MAX_RULE_MEMORY, "max-rule-memory", 0, "BYTES", 1,
     {"minne för alla regler tillsammans (standard 512M)", "memory of all rules together (default 512M)"}},
    {OPT_MAX_INSTRUCTIONS, "max-instructions", 0, "N", 1,
     {"Lua-instruktioner per regelanrop (standard 10000000)",
      "Lua instructions per rule call (default 10000000)"}},
    {OPT_MAX_RULE_SECONDS, "max-rule-seconds", 0, "N", 1,
     {"CPU-sekunder per regelanrop, bibliotek och API-anrop\ninräknade (standard 10); ett anrop som fastnat i en\n"
      "C-funktion dubbelt så länge (minst en sekund längre)\navbryter körningen",
      "CPU seconds per rule call, library and API calls\nincluded (default 10); a call stuck inside one C\n"
      "function for twice that (at least a second longer)\nends the run"}},
    {OPT_PREVIOUS, "previous", 0, "FILE", 0,
     {"planen som dessa planer följer på (eller en uppföljning av\nden, vars statusar säger vad som blev gjort): kontrollerar\n"
      "varje insats 'previous: \"2018-2019:4.3\"' mot den och\nnamnger de ofärdiga insatser som inte förs vidare",
      "the plan these plans follow (or a follow-up of it, whose\nstatuses say what was done): checks each action's\n"
      "'previous: \"2018-2019:4.3\"' against it, and names the\nunfinished actions that are not carried over"}},
    {OPT_SARIF_WAIVED, "sarif-waived", 0, "omit|suppress", 0,
     {"SARIF: ett undantaget fynd blir ett resultat med godkänd\nundertryckning (suppress, standard) eller utelämnas (omit;\n"
      "GitHub code scanning bortser från undertryckningar)",
      "SARIF: a waived finding is a result with an accepted\nsuppression (suppress, the default) or is left out (omit;\n"
      "GitHub code scanning ignores suppressions)"}},
    {OPT_NO_REMEDIATION, "no-remediation", 0, NULL, 0,
     {"text: en rad per fynd, utan raden \"vad du gör\" under",
      "text: one line a finding, without the \"what to do\" line\nunder it"}},
    {OPT_AUDIENCE, "audience", 0, "board", 0,
     {"vem sidan är till för: board sätter beslutet först\n(portföljen och varför, rangordningen efter titel, hur\n"
      "säker den är) och planens fynd sist; utan det kommer\nfynden först",
      "who the page is for: board puts the decision first (the\nportfolio and why, the ranking by title, its robustness)\n"
      "and the plan's findings last; without it, the findings\ncome first"}},
    {OPT_HELP, "help", 'h', NULL, 0, {"visa den här hjälpen", "show this help"}},
};

static const cli_option *option_of(cli_opt id)
{
    for (size_t i = 0; i < sizeof catalogue / sizeof *catalogue; i++)
        if (catalogue[i].id == id)
            return &catalogue[i];
    return NULL;
}

/* ---- the commands -------------------------------------------------------- */

#define LIMITS                                                                                           \
    {OPT_MAX_FILE_SIZE, NO_HELP}, {OPT_MAX_DEPTH, NO_HELP}, {OPT_MAX_ALIAS_NODES, NO_HELP},               \
        {OPT_MAX_SCALAR_SIZE, NO_HELP}, {OPT_MAX_FINDINGS, NO_HELP}, {OPT_MAX_RULE_MEMORY, NO_HELP},      \
        {OPT_MAX_INSTRUCTIONS, NO_HELP}, {OPT_MAX_RULE_SECONDS, NO_HELP}

static const char *const validate_formats[] = {"text", "json", "sarif", "junit", "github", "github-summary",
                                               "gnu", "markdown", "html", "xlsx", NULL};
static const char *const score_formats[] = {"text", "json", "markdown", "csv", "html", "xlsx", NULL};
static const char *const sensitivity_formats[] = {"text", "json", "markdown", "csv", "html", NULL};
static const char *const template_formats[] = {"yaml", "xlsx", NULL};
static const char *const list_formats[] = {"text", "json", NULL};

static const cli_use validate_uses[] = {
    {OPT_RULES, NO_HELP}, {OPT_FORMAT, NO_HELP}, {OPT_FAIL_ON, NO_HELP}, {OPT_LANG, NO_HELP}, {OPT_OUTPUT, NO_HELP},
    {OPT_QUIET, NO_HELP}, {OPT_PROFILE, NO_HELP},
    {OPT_THREADS,
     {"1 bedömer på en kärna, 2 på två även på en maskin med en\nCPU; som standard bedöms en plan med 2000 insatser eller\n"
      "fler på två när maskinen har dem (rapporten blir densamma)",
      "1 judges on one core, 2 on two even on a one-CPU machine;\nby default a plan of 2000 actions or more is judged on two\n"
      "when the machine has them (the report is the same)"}},
    {OPT_PREVIOUS, NO_HELP}, {OPT_SARIF_WAIVED, NO_HELP}, {OPT_NO_REMEDIATION, NO_HELP}, LIMITS, {OPT_HELP, NO_HELP},
    {OPT_END, NO_HELP}};

static const cli_command validate_cmd = {
    "validate", "PLAN.yaml...", NULL,
    {"Kontrollerar handlingsplaner (kind: action-plan) - och filer med\n"
     "innovationsområden eller scenarier - mot en regeluppsättning och skriver varje\n"
     "fynd med fil, rad och kolumn. En fil som heter - läses från standard in.",
     "Checks action plans (kind: action-plan) - and innovation-areas or scenario\n"
     "files - against a ruleset and prints every finding with file, line and column.\n"
     "A file named - is read from standard input."},
    validate_formats, validate_uses,
    {"Format: text (på det valda språket), json (FORMATS.md avsnitt 6 och 9),\n"
     "sarif (SARIF 2.1.0; undantagna fynd enligt --sarif-waived), junit (JUnit XML),\n"
     "github (annoteringar i arbetsflöden), github-summary (Markdown för\n"
     "$GITHUB_STEP_SUMMARY), gnu\n"
     "(fil:rad:kolumn: error|warning|note: meddelande [regel], för editorer och\n"
     "CI-verktyg), markdown och html.\n"
     "\n"
     "Slutkoder: 0 inget på eller över --fail-on; 1 fynd på eller över den;\n"
     "2 körningen misslyckades (fel i anropet, indata som inte går att läsa eller är\n"
     "felaktig, en regeluppsättning som inte laddas, en regel som kraschade, körde\n"
     "för länge eller använde för mycket minne).\n",
     "Formats: text (in the chosen language), json (FORMATS.md sections 6 and 9),\n"
     "sarif (SARIF 2.1.0; waived findings per --sarif-waived), junit (JUnit XML),\n"
     "github (workflow annotations), github-summary (Markdown for\n"
     "$GITHUB_STEP_SUMMARY), gnu\n"
     "(file:line:col: error|warning|note: message [rule], for editors and CI problem\n"
     "matchers), markdown and html.\n"
     "\n"
     "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;\n"
     "2 the run failed (bad usage, unreadable or malformed input, a ruleset that does\n"
     "not load, a rule that crashed, ran too long or used too much memory).\n"},
    1, 0, cmd_validate};

static const cli_use score_uses[] = {
    {OPT_SCENARIO, NO_HELP}, {OPT_EXPLAIN, NO_HELP}, {OPT_FORMAT, NO_HELP}, {OPT_RULES, NO_HELP}, {OPT_LANG, NO_HELP},
    {OPT_FAIL_ON, NO_HELP}, {OPT_OUTPUT, NO_HELP}, {OPT_QUIET, NO_HELP}, {OPT_NO_REMEDIATION, NO_HELP}, LIMITS,
    {OPT_HELP, NO_HELP}, {OPT_END, NO_HELP}};

static const cli_command score_cmd = {
    "score", "AREAS.yaml", "--scenario S.yaml [--scenario T.yaml ...]",
    {"Rangordnar innovationsområdena i AREAS.yaml under varje scenario med\n"
     "regeluppsättningens modell (model.lua): varje poäng visas med varje kriteriums\n"
     "del. Områdesfilen och scenarierna bedöms först (reglerna area. och scenario.);\n"
     "ett område med fel, eller som inte klarar en spärr i modellen, utesluts med\n"
     "skälet; ett scenario med fel poängsätts inte. Med flera scenarier jämförs\n"
     "rangordningarna sida vid sida. Ett scenario med budget_sek får också den bästa\n"
     "portföljen inom budgeten (exakt, med hänsyn till include, exclude, requires\n"
     "och excludes).",
     "Ranks the innovation areas of AREAS.yaml under each scenario, with the model of\n"
     "the ruleset (model.lua): every score is shown with each criterion's part. The\n"
     "areas file and the scenarios are judged first (area. and scenario. rules); an\n"
     "area with errors, or one that fails a gate of the model, is left out with the\n"
     "reason; a scenario with errors is not scored. With several scenarios, the ranks\n"
     "are compared side by side. A scenario with budget_sek also gets the best\n"
     "portfolio within the budget (exact, honouring include, exclude, requires and\n"
     "excludes)."},
    score_formats, score_uses,
    {"Slutkoder: 0 poängsatt utan fel; 1 fel i områdena eller scenarierna, eller en\n"
     "omöjlig portfölj; 2 körningen misslyckades.\n",
     "Exit codes: 0 scored without errors; 1 errors in the areas or scenarios, or an\n"
     "impossible portfolio; 2 the run failed.\n"},
    1, 1, cmd_score};

static const cli_use sensitivity_uses[] = {
    {OPT_SCENARIO, {"scenariofilen (kind: scenario); exakt en", "the scenario file (kind: scenario); exactly one"}},
    {OPT_SAMPLES, NO_HELP}, {OPT_SEED, NO_HELP}, {OPT_SPREAD, NO_HELP},
    {OPT_THREADS,
     {"antal trådar (standard: maskinens kärnor); resultatet beror\ninte på det",
      "threads to use (default: the machine's cores); the result\ndoes not depend on it"}},
    {OPT_FORMAT, NO_HELP}, {OPT_RULES, NO_HELP}, {OPT_LANG, NO_HELP}, {OPT_FAIL_ON, NO_HELP}, {OPT_OUTPUT, NO_HELP},
    {OPT_QUIET, NO_HELP}, LIMITS, {OPT_HELP, NO_HELP}, {OPT_END, NO_HELP}};

static const cli_command sensitivity_cmd = {
    "sensitivity", "AREAS.yaml", "--scenario S.yaml",
    {"Hur säker är scenariots rangordning? Drar viktningar av de kriterier som\n"
     "scenariot väger och redovisar för varje område hur stor andel av dragningarna\n"
     "som hamnar på varje rang (SMAA, rangacceptans), den typiska viktning som gör\n"
     "området bäst (centrala vikter) och om det vinner med dem (konfidens).",
     "How robust is the scenario's ranking? Samples weightings of the criteria the\n"
     "scenario weighs and reports, for each area, the share of samples in which it\n"
     "lands at each rank (SMAA rank acceptability), the typical weighting that makes\n"
     "it best (central weights) and whether it wins with those (confidence factor)."},
    sensitivity_formats, sensitivity_uses,
    {"Högst 1000 områden (rangtabellen har en rad och en kolumn per område); fler\n"
     "är ett fel, slutkod 2.\n"
     "\n"
     "Slutkoder: 0 utan fel; 1 fel i områdena eller scenariot; 2 körningen\n"
     "misslyckades.\n",
     "At most 1000 areas (the rank table has a row and a column an area); more is\n"
     "an error, exit 2.\n"
     "\n"
     "Exit codes: 0 without errors; 1 errors in the areas or the scenario; 2 the run\n"
     "failed.\n"},
    1, 1, cmd_sensitivity};

static const cli_use report_uses[] = {
    {OPT_SCENARIO, NO_HELP},
    {OPT_OUTPUT,
     {"skriv sidan till FIL (standard: standard ut; ersätts först\nnär den är klar)",
      "write the page to FILE (default: standard output; replaced\nonly when complete)"}},
    {OPT_SAMPLES, NO_HELP}, {OPT_SEED, NO_HELP}, {OPT_SPREAD, NO_HELP},
    {OPT_THREADS,
     {"trådar för känslighetsanalysen (standard: maskinens\nkärnor); sidan beror inte på det",
      "threads of the sensitivity analysis (default: the machine's\ncores); the page does not depend on it"}},
    {OPT_AUDIENCE, NO_HELP},
    {OPT_RULES, NO_HELP}, {OPT_LANG, NO_HELP}, {OPT_FAIL_ON, NO_HELP}, {OPT_QUIET, NO_HELP}, LIMITS,
    {OPT_HELP, NO_HELP}, {OPT_END, NO_HELP}};

static const cli_command report_cmd = {
    "report", "PLAN.yaml AREAS.yaml", "--scenario S.yaml [--scenario T.yaml ...]",
    {"Skriver en fristående HTML-sida (inget nätverk, diagrammen ritade i sidan)\n"
     "för en styrelse: planens fynd per insats och dess kopplingar strategi x program,\n"
     "varje områdes poäng uppdelad per kriterium, scenariernas rangordningar jämförda,\n"
     "rangacceptansen för varje scenario, och kostnad mot poäng med den valda\n"
     "portföljen och den effektiva fronten. Sidan är alltid HTML.\n"
     "--audience board skriver den för en styrgrupp: beslutet först.",
     "Writes one self-contained HTML page (no network, charts drawn inline) for a\n"
     "board: the plan's findings per action and its strategy x programme links, each\n"
     "area's score split by criterion, the scenarios' ranks compared, the rank\n"
     "acceptability of every scenario, and cost against score with the chosen\n"
     "portfolio and the efficient frontier. The page is always HTML.\n"
     "--audience board writes it for a steering group: the decision first."},
    NULL, report_uses,
    {"Slutkoder: som för validate och score tillsammans.\n", "Exit codes: as for validate and score together.\n"},
    2, 2, cmd_report};

static const char *const followup_formats[] = {"text", "json", "markdown", "csv", "html", "xlsx", NULL};
static const char *const diff_formats[] = {"text", "json", "markdown", "html", "xlsx", NULL};

static const cli_use followup_uses[] = {
    {OPT_FORMAT, NO_HELP}, {OPT_RULES, NO_HELP}, {OPT_LANG, NO_HELP}, {OPT_FAIL_ON, NO_HELP}, {OPT_OUTPUT, NO_HELP},
    {OPT_QUIET, NO_HELP}, LIMITS, {OPT_HELP, NO_HELP}, {OPT_END, NO_HELP}};

static const cli_command followup_cmd = {
    "followup", "FOLLOWUP.yaml", NULL,
    {"Bedömer en uppföljning (kind: follow-up: varje insats status per ett datum,\n"
     "för UR2 eller UR4) mot planen den anger (plan:, relativt uppföljningsfilen)\n"
     "med regeluppsättningens followup.-regler. Listar vad som måste eskaleras (till\n"
     "planens follow_up.escalate_to, Kommunstyrelsen) och varför: insatser som är\n"
     "försenade eller över budget mer än regeluppsättningens gränser (inställningarna\n"
     "followup_escalate_days_late, followup_escalate_overspend_share) och statusar\n"
     "som cancelled (followup_escalate_statuses).",
     "Judges a follow-up report (kind: follow-up: the status of each action as of a\n"
     "date, for UR2 or UR4) against the plan it names (plan:, relative to the\n"
     "follow-up file) with the followup. rules of the ruleset. Lists what must be\n"
     "escalated (to the plan's follow_up.escalate_to, Kommunstyrelsen) and why:\n"
     "actions late or over budget beyond the ruleset's limits (settings\n"
     "followup_escalate_days_late, followup_escalate_overspend_share) and\n"
     "statuses such as cancelled (followup_escalate_statuses)."},
    followup_formats, followup_uses,
    {"Slutkoder: 0 inget att eskalera och inga fynd på eller över --fail-on;\n"
     "1 något måste eskaleras, eller fynd på eller över --fail-on (standard error);\n"
     "2 körningen misslyckades (uppföljningen eller dess plan går inte att läsa, en\n"
     "regel kraschade).\n",
     "Exit codes: 0 nothing to escalate and no findings at or above --fail-on;\n"
     "1 something must be escalated, or findings at or above --fail-on (default\n"
     "error); 2 the run failed (the follow-up or its plan unreadable, a rule crashed).\n"},
    1, 1, cmd_followup};

static const cli_use diff_uses[] = {
    {OPT_FORMAT, NO_HELP}, {OPT_RULES, NO_HELP}, {OPT_LANG, NO_HELP}, {OPT_OUTPUT, NO_HELP}, {OPT_QUIET, NO_HELP},
    LIMITS, {OPT_HELP, NO_HELP}, {OPT_END, NO_HELP}};

static const cli_command diff_cmd = {
    "diff", "OLD.yaml NEW.yaml", NULL,
    {"Jämför två versioner av en plan (eller av en områdesfil): insatser som lagts\n"
     "till, tagits bort, numrerats om och ändrats fält för fält, pengarna före och\n"
     "efter, och de fynd som är nya eller åtgärdade. Insatserna paras ihop efter vad\n"
     "deras titel och beskrivning säger, inte efter id: en insats som behåller sin\n"
     "titel under ett nytt id är omnumrerad, inte borttagen och tillagd. Formatet\n"
     "html grupperar ändringarna per strategi med pengarna summerade, för en styrelse.",
     "Compares two versions of a plan (or of an areas file): actions added,\n"
     "removed, renumbered and changed field by field, the money before and after,\n"
     "and the findings that are new or fixed. Actions are paired by what their\n"
     "title and description say, not by id: an action that keeps its title under\n"
     "a new id is renumbered, not removed and added. The html format groups the\n"
     "changes by strategy with the money summed, for a board."},
    diff_formats, diff_uses,
    {"Slutkoder: 0 jämfört (vad som än ändrats); 2 körningen misslyckades.\n",
     "Exit codes: 0 compared (whatever changed); 2 the run failed.\n"},
    2, 2, cmd_diff};

static const cli_use budget_uses[] = {
    {OPT_FORMAT, NO_HELP},
    {OPT_LANG,
     {"orden, och för csv: ';' och decimalkomma (sv) eller\n',' och '.' (en)",
      "words, and for csv: ';' and decimal comma (sv) or ',' and\n'.' (en)"}},
    {OPT_RULES,
     {"regeluppsättningen vars register namnger ansvariga och\nfinansiärer, och vars workload_capacity begränsar ansvariga\n(standard goteborg)",
      "the ruleset whose registry names owners and funders, and\nwhose workload_capacity limits owners (default goteborg)"}},
    {OPT_OUTPUT, NO_HELP}, {OPT_QUIET, NO_HELP}, LIMITS, {OPT_HELP, NO_HELP}, {OPT_END, NO_HELP}};

static const cli_command budget_cmd = {
    "budget", "PLAN.yaml", NULL,
    {"Räknar fram en handlingsplan år för år: insatsernas pengar (beslutade, begärda,\n"
     "villkorade; externa och egna) och årsarbetskrafter, mot planens budgetblock, per\n"
     "ansvarig (planens ansvariga där insatsen inte anger någon) och per finansiär,\n"
     "och glappet som uppstår när pengar som upphör under perioden inte ersätts\n"
     "(FORMATS.md avsnitt 13). Ansvariga över den kapacitet regeluppsättningen anger\n"
     "(inställningen workload_capacity) markeras. Formatet html ritar staplar per år\n"
     "med glappet markerat, och insatsernas tidslinje.",
     "Projects an action plan year by year: its actions' money (decided, requested,\n"
     "conditional; external and own) and FTE, against the plan's budget block, per\n"
     "owner (the plan's default owner applied) and per funder, and the gap left\n"
     "when money that ends during the period is not replaced (FORMATS.md section 13).\n"
     "Owners over the capacity the ruleset sets (setting workload_capacity) are\n"
     "marked. The html format draws stacked bars a year with the gap marked, and the\n"
     "actions' timeline."},
    followup_formats, budget_uses,
    {"Slutkoder: 0 framräknad; 2 körningen misslyckades.\n", "Exit codes: 0 projected; 2 the run failed.\n"},
    1, 1, cmd_budget};

static const cli_use template_uses[] = {
    {OPT_FORMAT,
     {"yaml (standard, eller när -o slutar på .yaml) eller xlsx (standard\nnär -o slutar på .xlsx)",
      "yaml (default, or when -o ends in .yaml) or xlsx (the default\nwhen -o ends in .xlsx)"}},
    {OPT_RULES, NO_HELP},
    {OPT_OUTPUT,
     {"skriv till FIL (standard: standard ut; en arbetsbok skrivs\ninte till en terminal)",
      "write to FILE (default: standard output; a workbook is not\nwritten to a terminal)"}},
    {OPT_HELP, NO_HELP}, {OPT_END, NO_HELP}};

static const cli_command template_cmd = {
    "template", "", NULL,
    {"Skriver en tom handlingsplan att fylla i: YAML med varje fält och, som\n"
     "kommentarer, de namn regeluppsättningen godtar; eller en Excel-arbetsbok\n"
     "(FORMATS.md avsnitt 14) med bladen Insatser, Dokument, Strategier, Budget och\n"
     "Undantag, och regeluppsättningens ansvariga, finansiärer, program,\n"
     "finansieringstyper och statusar som rullgardinslistor.",
     "Writes an empty action plan to fill in: YAML with every field and, as\n"
     "comments, the names the ruleset accepts; or an Excel workbook (FORMATS.md\n"
     "section 14) with the sheets Insatser, Dokument, Strategier, Budget and\n"
     "Undantag, and the ruleset's owners, funders, programmes, financing types and\n"
     "statuses as drop-down lists."},
    template_formats, template_uses, {"", ""}, 0, 0, cmd_template};

static const cli_use convert_uses[] = {
    {OPT_OUTPUT,
     {"OUT.xlsx eller OUT.yaml: formatet följer filändelsen",
      "OUT.xlsx or OUT.yaml: the format follows the extension"}},
    {OPT_RULES, NO_HELP}, {OPT_LANG, NO_HELP}, LIMITS, {OPT_HELP, NO_HELP}, {OPT_END, NO_HELP}};

static const cli_command convert_cmd = {
    "convert", "PLAN.yaml|PLAN.xlsx", "-o OUT.xlsx|OUT.yaml",
    {"Konverterar en handlingsplan mellan YAML och en Excel-arbetsbok (FORMATS.md\n"
     "avsnitt 14) utan att tappa något fält: YAML -> xlsx -> YAML ger samma plan och\n"
     "samma fynd. Planen bedöms inte: kör styr validate på någon av filerna.\n"
     "\n"
     "Det en arbetsbok inte kan rymma - en felstavad nyckel, en mappning där en text\n"
     "hör hemma, true/false, en andra insats med samma id - namnges på standard fel\n"
     "(fil:rad:kolumn: konverteras inte: ...); arbetsboken skrivs ändå.",
     "Converts an action plan between YAML and an Excel workbook (FORMATS.md\n"
     "section 14) without losing a field: YAML -> xlsx -> YAML gives the same plan\n"
     "and the same findings. The plan is not judged: run styr validate on either\n"
     "file.\n"
     "\n"
     "What a workbook cannot hold - a misspelled key, a mapping where a text belongs,\n"
     "true/false, a second action with the same id - is named on standard error\n"
     "(file:line:col: not converted: ...); the workbook is written all the same."},
    NULL, convert_uses,
    {"Slutkoder: 0 konverterad; 1 konverterad, med det som inte kunde behållas\n"
     "utsagt; 2 planen gick inte att läsa eller skriva.\n",
     "Exit codes: 0 converted; 1 converted, with what was not kept said; 2 the plan\n"
     "could not be read or written.\n"},
    1, 1, cmd_convert};

static const cli_use rules_list_uses[] = {
    {OPT_RULES, NO_HELP}, {OPT_FORMAT, NO_HELP}, {OPT_LANG, NO_HELP}, {OPT_OUTPUT, NO_HELP}, {OPT_HELP, NO_HELP},
    {OPT_END, NO_HELP}};

static const cli_command rules_list_cmd = {
    "rules list", "", NULL,
    {"Reglerna i en regeluppsättning (med dem den bygger vidare på): id, gällande\n"
     "allvarlighetsgrad, vad regeln gäller, regeluppsättningen som deklarerar den och\n"
     "dess meddelande.",
     "The rules of a ruleset (with those it extends): id, severity in force, what the\n"
     "rule applies to, the ruleset that declares it, and its message."},
    list_formats, rules_list_uses, {"", ""}, 0, 0, cmd_rules_list};

static const cli_use rules_test_uses[] = {
    {OPT_RULES, NO_HELP}, {OPT_LANG, NO_HELP}, {OPT_QUIET, {"skriv bara det som misslyckas", "print only failures"}},
    {OPT_HELP, NO_HELP}, {OPT_END, NO_HELP}};

static const cli_command rules_test_cmd = {
    "rules test", "", NULL,
    {"Kör testfallen i varje regeluppsättnings mapp tests/. Ett testfalls första\n"
     "kommentarrader säger vad som ska hända:\n"
     "  # styr-test: fires REGEL-ID...   var och en av reglerna rapporterar något\n"
     "  # styr-test: quiet REGEL-ID...   ingen av dem gör det (quiet *: inga fynd)\n"
     "  # styr-test: says REGEL-ID TEXT  regeln slår till med TEXT i meddelandet\n"
     "  # styr-test: fails TEXT          filen kan inte bedömas, med TEXT i\n"
     "                                   meddelandet\n"
     "  # styr-test: settings {YAML}     inställningar över regeluppsättningens för\n"
     "                                   just det testfallet\n"
     "  # styr-test: with-areas FIL      ett scenario bedöms med områdesfilen FIL\n"
     "  # styr-test: with-previous FIL   som validate --previous FIL\n"
     "TEXT jämförs med meddelandet på körningens språk: svenska, eller engelska\n"
     "med --lang en (testfall skrivna på svenska går då inte igenom).\n"
     "Varje regel måste slå till i ett testfall och vara tyst i ett annat. En regel\n"
     "med rader i sin check() som inget testfall kör får en VARNING-rad (inget\n"
     "fel).",
     "Runs the fixtures under each ruleset's tests/ folder. A fixture's first comment\n"
     "lines say what must happen:\n"
     "  # styr-test: fires RULE-ID...    each of these rules reports something\n"
     "  # styr-test: quiet RULE-ID...    none of them does (quiet *: no finding)\n"
     "  # styr-test: says RULE-ID TEXT   the rule fires with TEXT in its message\n"
     "  # styr-test: fails TEXT          the file cannot be judged, with TEXT in the\n"
     "                                   message\n"
     "  # styr-test: settings {YAML}     settings over the ruleset's for this fixture\n"
     "  # styr-test: with-areas FILE     a scenario judged with the areas file FILE\n"
     "  # styr-test: with-previous FILE  as validate --previous FILE\n"
     "TEXT is matched against the message in the run's language: Swedish, or\n"
     "English with --lang en (fixtures written in Swedish then fail).\n"
     "Every rule must fire in one fixture and stay quiet in another. A rule with\n"
     "lines of its check() that no fixture runs gets a WARN line (not a failure)."},
    NULL, rules_test_uses,
    {"Slutkoder: 0 när alla går igenom, 1 när något misslyckas, 2 körningen\nmisslyckades.\n",
     "Exit codes: 0 when all pass, 1 when one fails, 2 the run failed.\n"},
    0, 0, cmd_rules_test};

static const cli_use rules_doc_uses[] = {{OPT_RULES, NO_HELP}, {OPT_OUTPUT, NO_HELP}, {OPT_HELP, NO_HELP},
                                         {OPT_END, NO_HELP}};

static const cli_command rules_doc_cmd = {
    "rules doc", "", NULL,
    {"Dokumentation av regeluppsättningen i Markdown: varje regels id,\n"
     "allvarlighetsgrad, räckvidd, beskrivning, svenska och engelska meddelanden och\n"
     "vad man gör; och modellen.",
     "Markdown documentation of the ruleset: each rule's id, severity, scope,\n"
     "description, Swedish and English messages and what to do; and the model."},
    NULL, rules_doc_uses, {"", ""}, 0, 0, cmd_rules_doc};

const cli_command *const cli_commands[] = {&validate_cmd, &score_cmd, &sensitivity_cmd, &report_cmd,
                                           &budget_cmd, &followup_cmd, &diff_cmd, &template_cmd, &convert_cmd,
                                           &rules_list_cmd, &rules_test_cmd, &rules_doc_cmd, NULL};

const cli_command *cli_find_command(int argc, char **argv, int *used)
{
    if (argc < 2)
        return NULL;
    for (int i = 0; cli_commands[i]; i++) {
        const char *name = cli_commands[i]->name;
        const char *space = strchr(name, ' ');
        if (!space && strcmp(argv[1], name) == 0) {
            *used = 1;
            return cli_commands[i];
        }
        if (space && argc > 2 && strncmp(argv[1], name, (size_t)(space - name)) == 0 &&
            argv[1][space - name] == '\0' && strcmp(argv[2], space + 1) == 0) {
            *used = 2;
            return cli_commands[i];
        }
    }
    return NULL;
}

/* ---- help, usage and synopsis -------------------------------------------- */

static int takes(const cli_command *cmd, cli_opt id)
{
    for (const cli_use *u = cmd->uses; u->id != OPT_END; u++)
        if (u->id == id)
            return 1;
    return 0;
}

/* An option's value name in the run's language: "-o FIL" in Swedish help,
 * as Swedish command-line tools write it; values themselves (sv|en, N)
 * stay. The man page is English and keeps the table's names. */
static const char *arg_name(const char *arg)
{
    static const cli_words names[] = {
        {"FIL", "FILE"}, {"NIVÅ", "LEVEL"}, {"NAMN|MAPP", "NAME|DIR"}, {"BYTE", "BYTES"}};
    if (arg && !cli_english())
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
            if (strcmp(arg, names[i].en) == 0)
                return names[i].sv;
    return arg;
}

/* "--rules NAME|DIR", "-o, --output FILE", "-q, --quiet". */
static void option_label(const cli_option *op, char *buf, size_t cap)
{
    const char *arg = arg_name(op->arg);
    if (op->short_name)
        snprintf(buf, cap, "-%c, --%s%s%s", op->short_name, op->name, arg ? " " : "", arg ? arg : "");
    else
        snprintf(buf, cap, "--%s%s%s", op->name, arg ? " " : "", arg ? arg : "");
}

/* The command's own formats, "text, json or html"; the help line marks the
 * default. or_word joins the last two. */
static void format_help(const cli_command *cmd, char *buf, size_t cap, int mark_default, const char *or_word)
{
    size_t n = (size_t)snprintf(buf, cap, "%s%s", cmd->formats[0], mark_default ? CLI_SV(" (standard)", " (default)") : "");
    size_t line = 0;   /* where the current line of the list starts */
    for (int i = 1; cmd->formats[i] && n < cap; i++) {
        const char *sep = cmd->formats[i + 1] ? ", " : or_word;   /* ends in a space */
        /* the help's column holds 59 characters (80 less the options'
         * column), a comma after the last name included: a longer list goes
         * on on the next line, which print_wrapped indents; the break
         * replaces the separator's space */
        if (mark_default && n - line + strlen(sep) + strlen(cmd->formats[i]) + 1 > 59) {
            n += (size_t)snprintf(buf + n, cap - n, "%.*s\n", (int)strlen(sep) - 1, sep);
            line = n;
            sep = "";
        }
        if (n < cap)
            n += (size_t)snprintf(buf + n, cap - n, "%s%s", sep, cmd->formats[i]);
    }
}

/* Prints text indented to column `indent` on every line after the first. */
static void print_wrapped(FILE *out, const char *text, int indent)
{
    for (const char *p = text; *p; p++) {
        fputc(*p, out);
        if (*p == '\n')
            fprintf(out, "%*s", indent, "");
    }
}

/* A help text in the run's language. */
static const char *in_lang(const cli_words *w)
{
    return cli_english() || !w->sv ? w->en : w->sv;
}

static void print_option_lines(const cli_command *cmd, FILE *out, int limits)
{
    for (const cli_use *u = cmd->uses; u->id != OPT_END; u++) {
        const cli_option *op = option_of(u->id);
        if (!op || op->limit != limits)
            continue;
        char label[64], fmt[160];
        option_label(op, label, sizeof label);
        const char *help = in_lang(u->help.en ? &u->help : &op->help);
        if (op->id == OPT_FORMAT) {
            format_help(cmd, fmt, sizeof fmt, 1, CLI_SV(" eller ", " or "));
            help = fmt;
        }
        int width = limits ? 25 : 18;
        int cols = styr_display_width(label, strlen(label));   /* "NIVÅ": five bytes, four columns */
        fprintf(out, "  %s%*s ", label, cols < width ? width - cols : 0, "");
        if (cols > width)
            fprintf(out, "\n  %-*s ", width, "");
        print_wrapped(out, help, width + 3);
        fputc('\n', out);
    }
}

void cli_print_help(const cli_command *cmd, FILE *out)
{
    fprintf(out, CLI_SV("styr %s%s%s%s%s [val]\n\n%s\n\nVal:\n", "styr %s%s%s%s%s [options]\n\n%s\n\nOptions:\n"),
            cmd->name, cmd->operands[0] ? " " : "", cmd->operands, cmd->required ? " " : "",
            cmd->required ? cmd->required : "", in_lang(&cmd->about));
    print_option_lines(cmd, out, 0);
    if (takes(cmd, OPT_MAX_FILE_SIZE)) {
        fputs(CLI_SV("\nGränser (att gå över en är ett fel med fil:rad:kolumn och slutkod 2):\n",
                     "\nLimits (exceeding one is an error with file:line:col and exit code 2):\n"), out);
        print_option_lines(cmd, out, 1);
    }
    if (in_lang(&cmd->closing)[0])
        fprintf(out, "\n%s", in_lang(&cmd->closing));
}

/* Whether the synopsis already shows op among cmd's required options
 * ("-o OUT.xlsx|OUT.yaml", "--scenario S.yaml"): it is not listed again
 * as optional. */
static int shown_as_required(const cli_command *cmd, const cli_option *op)
{
    if (!cmd->required)
        return 0;
    char flag[48];
    if (op->short_name) {
        snprintf(flag, sizeof flag, "-%c ", op->short_name);
        if (strncmp(cmd->required, flag, strlen(flag)) == 0)
            return 1;
    }
    snprintf(flag, sizeof flag, "--%s ", op->name);
    return strncmp(cmd->required, flag, strlen(flag)) == 0;
}

/* The synopsis of cmd in words: operands, required options, then each
 * optional one in brackets (the limits as one "[LIMITS]"). */
static size_t synopsis_words(const cli_command *cmd, const char **words, char store[][64], size_t cap)
{
    size_t n = 0;
    int limits = 0;
    for (const cli_use *u = cmd->uses; u->id != OPT_END && n < cap; u++) {
        const cli_option *op = option_of(u->id);
        if (!op || op->id == OPT_HELP || shown_as_required(cmd, op))
            continue;
        if (op->limit) {
            if (!limits++)
                words[n++] = CLI_SV("[GRÄNSER]", "[LIMITS]");
            continue;
        }
        const char *arg = arg_name(op->arg);
        if (op->short_name)
            snprintf(store[n], 64, "[-%c%s%s]", op->short_name, arg ? " " : "", arg ? arg : "");
        else if (op->id == OPT_FORMAT)
            snprintf(store[n], 64, "[--format FORMAT]");
        else
            snprintf(store[n], 64, "[--%s%s%s]", op->name, arg ? " " : "", arg ? arg : "");
        words[n] = store[n];
        n++;
    }
    return n;
}

void cli_print_usage(const cli_command *cmd, FILE *out)
{
    const char *words[32];
    char store[32][64];
    size_t n = synopsis_words(cmd, words, store, 32);
    /* columns, not bytes: "användning" has a two-byte letter */
    const char *lead = CLI_SV("användning: styr ", "usage: styr ");
    int lead_cols = styr_display_width(lead, strlen(lead));
    int col = lead_cols - (int)strlen(lead) +
              fprintf(out, "%s%s%s%s%s%s", lead, cmd->name, cmd->operands[0] ? " " : "", cmd->operands,
                      cmd->required ? " " : "", cmd->required ? cmd->required : "");
    int indent = lead_cols + (int)strlen(cmd->name) + 1;
    for (size_t i = 0; i < n; i++) {
        int len = styr_display_width(words[i], strlen(words[i]));   /* columns: "[--fail-on NIVÅ]" */
        if (col + 1 + len > 80) {
            col = fprintf(out, "\n%*s", indent, "") - 1;
            col += fprintf(out, "%s", words[i]);
        } else {
            col += fprintf(out, " %s", words[i]);
        }
    }
    fputc('\n', out);
}

/* Writes s for roff: '-' as "\-". */
static void roff(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
    }
}

void cli_print_man_synopsis(FILE *out)
{
    for (int i = 0; cli_commands[i]; i++) {
        const cli_command *cmd = cli_commands[i];
        if (i)
            fputs(".br\n", out);
        fputs(".B styr ", out);
        roff(out, cmd->name);
        fputc('\n', out);
        if (cmd->operands[0]) {
            fputs(".I ", out);
            roff(out, cmd->operands);
            fputc('\n', out);
        }
        if (cmd->required && strncmp(cmd->required, "--scenario", 10) == 0) {
            fputs(".B \\-\\-scenario\n.IR ", out);
            fputs(strstr(cmd->required, "...") ? "S.yaml ...\n" : "S.yaml\n", out);
        } else if (cmd->required) {
            fputs(".I ", out);
            roff(out, cmd->required);
            fputc('\n', out);
        }
        int limits = 0;
        for (const cli_use *u = cmd->uses; u->id != OPT_END; u++) {
            const cli_option *op = option_of(u->id);
            if (!op || op->id == OPT_HELP || shown_as_required(cmd, op))
                continue;
            if (op->limit) {
                if (!limits++)
                    fputs(".RI [ LIMITS ]\n", out);
                continue;
            }
            fputs(".RB [ ", out);
            if (op->short_name)
                fprintf(out, "\\-%c", op->short_name);
            else {
                fputs("\\-\\-", out);
                roff(out, op->name);
            }
            if (op->arg) {
                fputs("\n.IR ", out);
                roff(out, op->id == OPT_FORMAT ? "FORMAT" : op->arg);
                fputs(" ]\n", out);
            } else {
                fputs(" ]\n", out);
            }
        }
    }
    fputs(".br\n.B styr \\-\\-version\n.br\n.B styr help\n.RI [ COMMAND ]\n", out);
}

/* ---- parsing ------------------------------------------------------------- */

int cli_usage_error(const options *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("styr: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n", stderr);
    if (o && o->cmd)
        cli_print_usage(o->cmd, stderr);
    return EXIT_FAILED;
}

/* Parses "123", "64K", "64M", "1G" (no zero, no sign). */
static int parse_size(const char *s, size_t *out)
{
    errno = 0;
    char *end;
    if (*s == '-' || *s == '+')
        return 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || errno)
        return 0;
    unsigned long long mult = 1;
    if (*end == 'K' || *end == 'k') mult = 1024ull, end++;
    else if (*end == 'M' || *end == 'm') mult = 1024ull * 1024, end++;
    else if (*end == 'G' || *end == 'g') mult = 1024ull * 1024 * 1024, end++;
    if (*end || v > SIZE_MAX / mult || v == 0)
        return 0;
    *out = (size_t)(v * mult);
    return 1;
}

/* The commands that take the option named name (for "it belongs to ..."). */
static void owners_of(const char *name, char *buf, size_t cap)
{
    buf[0] = '\0';
    size_t n = 0;
    for (size_t k = 0; k < sizeof catalogue / sizeof *catalogue; k++) {
        if (strcmp(catalogue[k].name, name) != 0)
            continue;
        for (int i = 0; cli_commands[i]; i++)
            if (takes(cli_commands[i], catalogue[k].id) && n + strlen(cli_commands[i]->name) + 3 < cap)
                n += (size_t)snprintf(buf + n, cap - n, "%s%s", n ? ", " : "", cli_commands[i]->name);
    }
}

/* An unknown option: whose it is, or the nearest of this command's. */
static int unknown_option(const options *o, const char *arg)
{
    char name[64];
    const char *a = arg;
    while (*a == '-')
        a++;
    size_t len = strcspn(a, "=");
    snprintf(name, sizeof name, "%.*s", (int)(len < 60 ? len : 60), a);
    char owners[256];
    owners_of(name, owners, sizeof owners);
    if (owners[0] && arg[0] == '-' && arg[1] == '-')
        return cli_usage_error(o, CLI_SV("'styr %s' tar inte --%s (det är ett alternativ till: %s)",
                                      "'styr %s' does not take --%s (it is an option of: %s)"), o->cmd->name, name,
                               owners);
    const char *cands[40];
    char store[40][64];
    size_t n = 0;
    for (const cli_use *u = o->cmd->uses; u->id != OPT_END && n < 40; u++) {
        const cli_option *op = option_of(u->id);
        snprintf(store[n], 64, "--%s", op->name);
        cands[n] = store[n];
        n++;
    }
    char dashed[70];
    snprintf(dashed, sizeof dashed, "--%s", name);
    long near = styr_nearest(dashed, strlen(dashed), cands, n);
    if (near >= 0)
        return cli_usage_error(o, CLI_SV("okänt alternativ '%s' (menade du %s?)", "unknown option '%s' (did you mean %s?)"), arg, cands[near]);
    return cli_usage_error(o, CLI_SV("okänt alternativ '%s'", "unknown option '%s'"), arg);
}

/* Applies one parsed option. Returns 0, or -1 after a usage error. */
static int apply(options *o, cli_opt id, const char *val)
{
    size_t n;
    char *end;
    switch (id) {
    case OPT_RULES: o->rules = val; return 0;
    case OPT_FORMAT:
        for (int i = 0; o->cmd->formats[i]; i++)
            if (strcmp(val, o->cmd->formats[i]) == 0) {
                o->format = val;
                o->format_given = 1;
                return 0;
            }
        {
            char list[160];
            format_help(o->cmd, list, sizeof list, 0, CLI_SV(" eller ", " or "));
            cli_usage_error(o, CLI_SV("okänt format '%s' (%s skriver %s)", "unknown format '%s' (%s writes %s)"), val, o->cmd->name, list);
        }
        return -1;
    case OPT_OUTPUT: o->output = val; return 0;
    case OPT_PREVIOUS: o->previous = val; return 0;
    case OPT_NO_REMEDIATION: o->no_remediation = 1; return 0;
    case OPT_AUDIENCE:
        if (strcmp(val, "board") == 0) o->audience = STYR_AUDIENCE_BOARD;
        else {
            cli_usage_error(o, CLI_SV("--audience tar board, inte '%s'", "--audience takes board, not '%s'"), val);
            return -1;
        }
        return 0;
    case OPT_SARIF_WAIVED:
        if (strcmp(val, "suppress") == 0) o->sarif_waived = STYR_SARIF_WAIVED_SUPPRESS;
        else if (strcmp(val, "omit") == 0) o->sarif_waived = STYR_SARIF_WAIVED_OMIT;
        else {
            cli_usage_error(o, CLI_SV("--sarif-waived tar omit eller suppress, inte '%s'",
                                  "--sarif-waived takes omit or suppress, not '%s'"), val);
            return -1;
        }
        return 0;
    case OPT_FAIL_ON:
        if (!styr_severity_parse(val, &o->fail_on) || o->fail_on == STYR_SEV_OFF) {
            cli_usage_error(o, CLI_SV("--fail-on tar error, warning eller info, inte '%s'",
                                  "--fail-on takes error, warning or info, not '%s'"), val);
            return -1;
        }
        return 0;
    case OPT_LANG:
        o->lang_given = 1;
        o->lang = cli_lang_value(val);
        if (o->lang < 0) {
            cli_usage_error(o, CLI_SV("--lang tar sv eller en, inte '%s'", "--lang takes sv or en, not '%s'"), val);
            return -1;
        }
        return 0;
    case OPT_QUIET: o->quiet = 1; return 0;
    case OPT_PROFILE: o->profile = 1; return 0;
    case OPT_EXPLAIN: o->explain = 1; return 0;
    case OPT_SCENARIO: o->scenarios[o->nscenarios++] = val; return 0;
    case OPT_SPREAD:
        /* as the report writes it: "0,05" in Swedish, "0.05" */
        if (!styr_read_swedish_number(val, strlen(val), 0, &o->spread) || !(o->spread >= 0 && o->spread <= 1)) {
            cli_usage_error(o, CLI_SV("--spread tar ett tal från 0 till 1 (en andel av den totala vikten), inte '%s'",
                                  "--spread takes a number from 0 to 1 (a share of the total weight), not '%s'"), val);
            return -1;
        }
        return 0;
    case OPT_SEED:
        errno = 0;
        o->seed = strtoull(val, &end, 10);
        if (end == val || *end || errno || *val == '-') {
            cli_usage_error(o, CLI_SV("--seed tar ett heltal från 0 och uppåt, inte '%s'", "--seed takes a whole number from 0, not '%s'"), val);
            return -1;
        }
        return 0;
    default: break;
    }
    if (!parse_size(val, &n)) {
        cli_usage_error(o, CLI_SV("--%s tar ett positivt tal (K, M och G går bra), inte '%s'",
                              "--%s takes a positive number (K, M, G allowed), not '%s'"), option_of(id)->name, val);
        return -1;
    }
    switch (id) {
    case OPT_THREADS: o->threads = n > 8 ? 8 : (unsigned)n; break;
    case OPT_SAMPLES: o->samples = n; break;
    case OPT_MAX_FILE_SIZE: o->lim.max_file_bytes = n; break;
    case OPT_MAX_DEPTH: o->lim.max_depth = n > 100000 ? 100000 : (unsigned)n; break;
    case OPT_MAX_ALIAS_NODES: o->lim.max_alias_nodes = n; break;
    case OPT_MAX_SCALAR_SIZE: o->lim.max_scalar_bytes = n; break;
    case OPT_MAX_FINDINGS: o->lim.max_findings = n; break;
    case OPT_MAX_RULE_MEMORY: o->lim.lua_max_bytes = n; break;
    case OPT_MAX_INSTRUCTIONS: o->lim.lua_max_instructions = n; break;
    case OPT_MAX_RULE_SECONDS: o->lim.lua_max_seconds = n > 86400 ? 86400 : (double)n; break;
    default: break;
    }
    return 0;
}

static void set_defaults(const cli_command *cmd, int argc, options *o)
{
    memset(o, 0, sizeof *o);
    o->cmd = cmd;
    o->rules = "goteborg";
    o->format = cmd->formats ? cmd->formats[0] : "text";
    o->fail_on = STYR_SEV_ERROR;
    o->lang = cli_english() ? STYR_LANG_EN : STYR_LANG_SV;   /* cli_parse() set it from the line */
    styr_limits_default(&o->lim);
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    o->scenarios = calloc((size_t)argc + 1, sizeof *o->scenarios);
    o->samples = 10000;
    o->seed = 1;
    o->spread = -1;
    styr_run_opts_default(&o->run);
}

int cli_parse(const cli_command *cmd, int argc, char **argv, int first, options *o)
{
    cli_lang_set(cli_lang_of_args(argc, argv, first));
    set_defaults(cmd, argc, o);
    if (!o->files || !o->scenarios) {
        fputs(CLI_SV("styr: minnet tog slut\n", "styr: out of memory\n"), stderr);
        return -1;
    }
    /* getopt_long's table and short options from the command's table. */
    struct option longs[40];
    char shorts[16] = ":";   /* ':' first: a missing value is reported as ':' */
    size_t nl = 0, ns = 1;
    for (const cli_use *u = cmd->uses; u->id != OPT_END && nl < 39; u++) {
        const cli_option *op = option_of(u->id);
        longs[nl++] = (struct option){op->name, op->arg ? required_argument : no_argument, NULL, (int)op->id};
        if (op->short_name && ns + 2 < sizeof shorts) {
            shorts[ns++] = op->short_name;
            if (op->arg)
                shorts[ns++] = ':';
        }
    }
    longs[nl] = (struct option){NULL, 0, NULL, 0};
    shorts[ns] = '\0';

    /* getopt_long sees argv from the command's first option on. */
    int sub_argc = argc - first + 1;
    char **sub_argv = argv + first - 1;
    opterr = 0;
    optind = 1;
    for (;;) {
        int c = getopt_long(sub_argc, sub_argv, shorts, longs, NULL);
        if (c == -1)
            break;
        if (c == '?') {
            const cli_option *flag = optopt >= 256 ? option_of((cli_opt)optopt) : NULL;
            if (flag && !flag->arg)   /* "--quiet=1": an option of this command that takes no value */
                cli_usage_error(o, CLI_SV("alternativet '--%s' tar inget värde", "option '--%s' takes no value"), flag->name);
            else if (optopt > 0 && optopt < 256)
                cli_usage_error(o, CLI_SV("okänt alternativ '-%c'", "unknown option '-%c'"), optopt);
            else
                unknown_option(o, sub_argv[optind - 1]);
            return -1;
        }
        if (c == ':') {
            cli_usage_error(o, CLI_SV("alternativet '%s' behöver ett värde", "option '%s' needs a value"), sub_argv[optind - 1]);
            return -1;
        }
        cli_opt id = (cli_opt)c;
        for (size_t k = 0; k < sizeof catalogue / sizeof *catalogue; k++)
            if (catalogue[k].short_name && catalogue[k].short_name == c)
                id = catalogue[k].id;
        if (id == OPT_HELP) {
            cli_print_help(cmd, stdout);
            return 1;
        }
        if (apply(o, id, optarg) < 0)
            return -1;
    }
    for (int i = optind; i < sub_argc; i++)
        o->files[o->nfiles++] = sub_argv[i];
    if (o->nfiles < cmd->min_files || (cmd->max_files && o->nfiles > cmd->max_files)) {
        if (cmd->max_files == 0 && cmd->min_files)
            cli_usage_error(o, CLI_SV("%s behöver minst en fil", "%s needs at least one file"), cmd->name);
        else if (cmd->max_files == 0)
            cli_usage_error(o, CLI_SV("%s tar inga filer", "%s takes no files"), cmd->name);
        else
            cli_usage_error(o, CLI_SV("%s tar %s", "%s takes %s"), cmd->name,
                            cmd->operands[0] ? cmd->operands : CLI_SV("inga filer", "no files"));
        return -1;
    }
    size_t stdin_uses = 0;
    for (size_t i = 0; i < o->nfiles; i++)
        stdin_uses += strcmp(o->files[i], "-") == 0;
    for (size_t i = 0; i < o->nscenarios; i++)
        stdin_uses += strcmp(o->scenarios[i], "-") == 0;
    if (stdin_uses > 1) {
        cli_usage_error(o, "%s", CLI_SV("standard in (-) kan bara läsas en gång", "standard input (-) can be read only once"));
        return -1;
    }
    o->lim.lang = o->lang;   /* YAML mistakes are explained in the run's language */
    if (takes(cmd, OPT_SCENARIO) && o->nscenarios == 0) {
        cli_usage_error(o, "%s", CLI_SV("ange minst ett --scenario FIL", "give at least one --scenario FILE"));
        return -1;
    }
    return 0;
}

void cli_options_free(options *o)
{
    free(o->files);
    free(o->scenarios);
    free(o->run.stats);
    o->files = o->scenarios = NULL;
    o->run.stats = NULL;
}
