/* source_link: whether a symbolic link found in a plugin source stays
 * inside it, judged from the link's place and target alone. */
#ifndef WPD_SOURCE_LINK_H
#define WPD_SOURCE_LINK_H

#include <stdbool.h>

/* True when a symbolic link at `link` (relative to a root) with target
 * `target` points outside that root: an absolute target, or ".." that
 * climbs above the root. */
bool source_link_escapes(const char *link, const char *target);

#endif
