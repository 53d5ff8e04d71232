/* timestamp: the time a package is made at: SOURCE_DATE_EPOCH when set,
 * for reproducible output, else now. */
#ifndef WPD_TIMESTAMP_H
#define WPD_TIMESTAMP_H

#include <time.h>

#include "base/err.h"

/* Reads SOURCE_DATE_EPOCH (a whole number of seconds since 1970) or,
 * when it is unset, the clock; a malformed variable, empty included, is
 * an error (STATUS_USAGE). */
int timestamp_get(time_t *out, struct err *e);
/* As timestamp_get(), with `text` (NULL: unset, so now) as the
 * variable's value: a command line reads it once, from an option or the
 * variable. */
int timestamp_parse(const char *text, time_t *out, struct err *e);

/* The RFC 5322 date of a Debian changelog trailer, in UTC. The caller
 * frees it. */
char *timestamp_rfc5322(time_t t);

#endif
