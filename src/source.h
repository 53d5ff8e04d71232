/* source: where a plugin comes from, resolved to a directory that holds
 * wazo/plugin.yml. */
#ifndef WPD_SOURCE_H
#define WPD_SOURCE_H

#include "err.h"

struct source {
	char *root;	/* the plugin root, as a path to open */
	char *shown;	/* the plugin root as messages name it ("" for ".") */
};

/*
 * Resolves `spec` (a directory; NULL means ".") and the optional
 * `subdirectory` inside it to a plugin root. Returns 0, or -1 with `e` set:
 * STATUS_USAGE for a subdirectory that is absolute or climbs with "..",
 * STATUS_INVALID for one that leaves the source through a symbolic link and
 * for a source that is no plugin, STATUS_SYSTEM when it cannot be read.
 */
int source_open(struct source *s, const char *spec, const char *subdirectory,
    struct err *e);
void source_close(struct source *s);

/* The path of `relative` inside the plugin, to open or to show; the
 * caller frees the string. */
char *source_path(const struct source *s, const char *relative);
char *source_shown_path(const struct source *s, const char *relative);

#endif
