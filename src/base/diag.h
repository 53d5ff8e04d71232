/* diag: positioned diagnostics about a plugin's files, printed as
 * PATH:LINE:COLUMN: error|warning: KEY: message, or as JSON. */
#ifndef WPD_DIAG_H
#define WPD_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/compiler.h"

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
};

/* A position in a file; line and column are 1-based. */
struct diag_pos {
	unsigned line;
	unsigned column;
};

struct diag {
	char *path;
	struct diag_pos pos;
	enum diag_severity severity;
	char *key;	/* the plugin.yml key concerned, or NULL */
	char *message;
	size_t seq;	/* insertion order, for a stable sort */
};

/* A list of diagnostics; it owns every string in it. */
struct diag_list {
	struct diag *items;
	size_t count;
	size_t cap;
};

#define DIAG_LIST_INIT { NULL, 0, 0 }

void diag_add(struct diag_list *list, enum diag_severity severity,
    const char *path, struct diag_pos pos, const char *key,
    const char *fmt, ...) WPD_PRINTF(6, 7);
size_t diag_count(const struct diag_list *list, enum diag_severity severity);
/* Sorts by file (in order of first appearance), then line, then column. */
void diag_sort(struct diag_list *list);
/* Appends every diagnostic as one text line. */
void diag_format_text(const struct diag_list *list, struct buf *out);
/* Appends the diagnostics as a JSON array. */
void diag_format_json(const struct diag_list *list, struct buf *out);
void diag_list_release(struct diag_list *list);

#endif
