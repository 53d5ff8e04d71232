/* json: the few pieces of JSON output the commands need. */
#ifndef WPD_JSON_H
#define WPD_JSON_H

#include "base/buf.h"

/* Appends `s` as a JSON string literal, or `null` when s is NULL. Bytes
 * that are not valid UTF-8 are written as U+FFFD so the output stays JSON. */
void json_add_string(struct buf *out, const char *s);

#endif
