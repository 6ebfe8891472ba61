/* yaml_parse_only.c - the floor of the loader benchmark: pulls every libyaml
 * event of a file and drops it, building nothing and printing nothing.
 * Usage: yaml_parse_only FILE; exit 0 when the file parses, 1 otherwise.
 */
#include <stdio.h>

#include <yaml.h>

int main(int argc, char **argv)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    FILE *f;
    int rc = 1, done = 0;

    if (argc != 2)
        return 1;
    f = fopen(argv[1], "rb");
    if (!f)
        return 1;
    if (!yaml_parser_initialize(&parser)) {
        fclose(f);
        return 1;
    }
    yaml_parser_set_input_file(&parser, f);
    while (!done) {
        if (!yaml_parser_parse(&parser, &ev))
            goto cleanup;
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    rc = 0;
cleanup:
    yaml_parser_delete(&parser);
    fclose(f);
    return rc;
}
