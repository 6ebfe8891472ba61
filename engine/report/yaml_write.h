/* yaml_write.h - a document tree written back as YAML (styr convert). */
#ifndef STYR_YAML_WRITE_H
#define STYR_YAML_WRITE_H

#include <stdio.h>

#include "doc.h"

/* Writes doc's tree as block-style YAML that loads back into the same tree
 * (the same kinds, types and texts; positions differ): every string in
 * double quotes, numbers, booleans and nulls plain, keys in their order.
 * header, when not NULL, is written first as comment lines. Returns 0, or -1
 * when out reports an error. */
int styr_yaml_write(FILE *out, const styr_doc *doc, const char *header);

#endif
