/* source_redact: a source location as every message, progress line,
 * report and package may show it: the user information of each URL
 * (https://user:password@host/, https://token@host/) replaced by "***",
 * so that a credential given in SOURCE never leaves the command. */
#ifndef WPD_SOURCE_REDACT_H
#define WPD_SOURCE_REDACT_H

#include <stdbool.h>

/* `text` (a SOURCE, or lines git printed) with the user information of
 * every URL in it (scheme, "://", user information, '@', host) replaced
 * by three asterisks; the caller frees it. */
char *source_redact(const char *text);

/* True when `text` holds a URL with user information. */
bool source_redact_needed(const char *text);

#endif
