/* yaml_write.c - block-style YAML from a document tree (see yaml_write.h).
 * Strings are always double-quoted with escapes, so no text can turn into a
 * number, a boolean, a comment or a key on the way back. */
#include "yaml_write.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "termsafe.h"

static void quoted(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20 || c == 0x7f)
                fprintf(out, "\\x%02x", c);
            else
                fputc(c, out);
        }
    }
    fputc('"', out);
}

/* A key that reads back as the same string without quotes. */
static int plain_key(const char *s, size_t len)
{
    static const char *const words[] = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", NULL};
    if (len == 0 || len > 64 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
              s[i] == '_' || s[i] == '-'))
            return 0;
    for (int w = 0; words[w]; w++)
        if (strlen(words[w]) == len && strncasecmp(words[w], s, len) == 0)
            return 0;
    return 1;
}

static void scalar(FILE *out, const styr_node *n)
{
    switch (n->stype) {
    case STYR_SCALAR_NULL: fputs("null", out); break;
    case STYR_SCALAR_BOOL: fputs(n->v.i ? "true" : "false", out); break;
    case STYR_SCALAR_INT: fprintf(out, "%lld", (long long)n->v.i); break;
    case STYR_SCALAR_FLOAT:
        if (isnan(n->v.f))
            fputs(".nan", out);
        else if (isinf(n->v.f))
            fputs(n->v.f > 0 ? ".inf" : "-.inf", out);
        else {
            char buf[40];
            for (int p = 1; p <= 17; p++) {
                snprintf(buf, sizeof buf, "%.*g", p, n->v.f);
                if (strtod(buf, NULL) == n->v.f)
                    break;
            }
            /* keep it a float: 1e+06 and 3 must not come back as integers */
            if (!strpbrk(buf, ".en"))
                strcat(buf, ".0");
            fputs(buf, out);
        }
        break;
    default: quoted(out, n->u.text, n->count);
    }
}

static void indent(FILE *out, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("  ", out);
}

static void node(FILE *out, const styr_node *n, int depth);

/* An empty list or mapping is written in flow style: [] or {}. */
static int empty(const styr_node *n)
{
    return n->kind != STYR_NODE_SCALAR && n->count == 0;
}

static void value_after_key(FILE *out, const styr_node *v, int depth)
{
    if (v->kind == STYR_NODE_SCALAR || empty(v)) {
        fputc(' ', out);
        node(out, v, depth);
        fputc('\n', out);
    } else {
        fputc('\n', out);
        node(out, v, depth + 1);
    }
}

static void node(FILE *out, const styr_node *n, int depth)
{
    if (n->kind == STYR_NODE_SCALAR) {
        scalar(out, n);
        return;
    }
    if (empty(n)) {
        fputs(n->kind == STYR_NODE_SEQ ? "[]" : "{}", out);
        return;
    }
    for (uint32_t i = 0; i < n->count; i++) {
        indent(out, depth);
        if (n->kind == STYR_NODE_MAP) {
            const styr_node *k = styr_map_key(n, i);
            if (plain_key(k->u.text, k->count))
                fwrite(k->u.text, 1, k->count, out);
            else
                quoted(out, k->u.text, k->count);
            fputc(':', out);
            value_after_key(out, styr_map_value(n, i), depth);
        } else {
            const styr_node *it = styr_seq_item(n, i);
            fputc('-', out);
            if (it->kind == STYR_NODE_SCALAR || empty(it)) {
                fputc(' ', out);
                node(out, it, depth + 1);
                fputc('\n', out);
            } else {
                fputc('\n', out);
                node(out, it, depth + 1);
            }
        }
    }
}

int styr_yaml_write(FILE *out, const styr_doc *doc, const char *header)
{
    if (header && *header) {
        /* A header names the input (convert's "from plan.xlsx"): a CR, NEL,
         * U+2028/2029 or a stray byte in a file name would end the comment
         * (libyaml breaks lines at each) or make the file not UTF-8, and
         * what follows would be read as the plan. Each is written as an
         * escape, as a terminal is shown it; only '\n' starts a new line. */
        fputs("# ", out);
        for (const char *p = header; *p;) {
            if (*p == '\n') {
                fputs(p[1] ? "\n# " : "", out);
                p++;
            } else if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
                       ((unsigned char)p[2] == 0xa8 || (unsigned char)p[2] == 0xa9)) {
                fprintf(out, "\\u{%s}", (unsigned char)p[2] == 0xa8 ? "2028" : "2029");
                p += 3;
            } else if ((unsigned char)p[0] == 0xef && (unsigned char)p[1] == 0xbf &&
                       ((unsigned char)p[2] == 0xbe || (unsigned char)p[2] == 0xbf)) {
                /* U+FFFE and U+FFFF: libyaml refuses them anywhere in a file */
                fprintf(out, "\\u{%s}", (unsigned char)p[2] == 0xbe ? "FFFE" : "FFFF");
                p += 3;
            } else {
                p += styr_fput_safe_char(out, p, NULL);
            }
        }
        fputc('\n', out);
    }
    if (doc->root)
        node(out, doc->root, 0);
    return ferror(out) ? -1 : 0;
}
