# Writes an action plan of N actions (awk -v n=30000 -f gen_plan.awk), shaped
# like the Göteborg plan: owners in several spellings, timelines, financing
# with a shared anchor, programme and action links, and references in the
# text. About one action in ten has something for the rules to find.
BEGIN {
    if (!n) n = 30000
    split("Kommunstyrelsen|BRG|Intraservice|Konsument- och medborgarservice|Social resursförvaltning|Inköp och upphandling|Business Region Göteborg|KS", owners, "|")
    split("HR-program|Näringslivsstrategiskt program|Program för en jämlik stad|Miljöprogram för Göteborgs Stad|Program för e-samhälle", programs, "|")
    print "kind: action-plan"
    print "version: 1"
    print "document:"
    print "  title: Genererad handlingsplan för prestandamätning"
    print "  type: plan"
    print "  decided_by: Kommunfullmäktige"
    print "  reference: \"1580/17\""
    print "  valid_from: 2018-01-01"
    print "  valid_until: 2019-12-31"
    print "  last_revised: 2017-11-14"
    print "  responsible: Jonas Kinnander"
    print "  implements: [\"Göteborgs Stads innovationsprogram 2018-2023\"]"
    print "period: {from: 2018, to: 2019}"
    print "follow_up: {reports: [UR2, UR4], escalate_to: Kommunstyrelsen}"
    print "strategies:"
    for (s = 1; s <= 5; s++) printf "  - {id: \"%d\", title: Strategi %d}\n", s, s
    print "actions:"
    for (i = 1; i <= n; i++) {
        s = (i % 5) + 1
        printf "  - id: \"%d.%d\"\n", s, i
        printf "    strategy: \"%d\"\n", s
        printf "    title: Insats %d om innovation i stadens verksamheter\n", i
        prev = i > 1 ? i - 1 : n
        nxt = i < n ? i + 1 : 1
        printf "    description: >-\n      Sker i samverkan med projektledningen; kopplas till insats %d.%d\n      samt punkt %d.%d och %d.%d.\n", ((prev % 5) + 1), prev, s, i, ((nxt % 5) + 1), nxt
        if (i % 20 != 3) printf "    owner: %s\n", owners[(i % 8) + 1]
        printf "    partners: [BRG, Intraservice]\n"
        if (i % 20 != 5) printf "    timeline: {start: 2018-%02d, end: %s}\n", (i % 12) + 1, (i % 20 == 7 ? "2020-03" : "2018-12")
        printf "    financing:\n"
        if (i == 1) printf "      - &grant {source: Vinnova, type: external-grant, amount_sek: 500000, fte: 1.25, years: [2018], until: 2018-12}\n"
        else if (i % 4 == 0) printf "      - *grant\n"
        else printf "      - {source: Tillväxtverket, type: external-grant, amount_sek: %d, fte: 0.5, years: [2018, 2019], until: 2019-12}\n", 100000 + i
        printf "      - {source: %s, type: existing-mandate, reference: Kommunfullmäktiges budget 2018}\n", owners[(i % 8) + 1]
        printf "    links:\n      programs: [\"%s\"]\n      actions: [\"%d.%d\"]\n", programs[(i % 5) + 1], ((nxt % 5) + 1), nxt
    }
}
