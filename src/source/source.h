/* source: where a plugin comes from, resolved to a directory that holds
 * wazo/plugin.yml. */
#ifndef WPD_SOURCE_H
#define WPD_SOURCE_H

#include "base/err.h"
#include "base/workdir.h"
#include "source/source_archive.h"

/* What the command line says of the source. */
struct source_request {
	const char *spec;		/* NULL means "." */
	const char *subdirectory;	/* or NULL */
	const char *ref;		/* a git ref, or NULL */
	struct source_limits limits;	/* for archives */
};

struct source {
	char *root;	/* the plugin root, as a path to open */
	char *shown;	/* the plugin root as messages name it ("" for ".") */
	struct workdir work;	/* what an archive or git unpacks; path NULL: none */
	char *commit;	/* the git commit packaged, or NULL */
	/* SOURCE as every message, report and package shows it: without
	 * the credentials a URL may carry (source_redact.h). */
	char *display;
};

/*
 * Resolves the request to a plugin root: SPEC is a directory, an archive
 * (recognized by its content; when it holds a single top-level directory,
 * as GitHub and GitLab archives do, that directory), or a git repository
 * (a URL, or any repository when `ref` is given), fetched at `ref` into a
 * private directory; then `subdirectory` inside it. Returns 0, or -1 with
 * `e` set: STATUS_USAGE for a subdirectory that is absolute or climbs with
 * "..", STATUS_INVALID for one that leaves the source through a symbolic
 * link, for hostile archives and for a source that is no plugin,
 * STATUS_SYSTEM when it cannot be read.
 */
int source_open(struct source *s, const struct source_request *r,
    struct err *e);
/* Releases `s` and removes its private directory. */
void source_close(struct source *s);

/* The path of `relative` inside the plugin, to open or to show; the
 * caller frees the string. */
char *source_path(const struct source *s, const char *relative);
char *source_shown_path(const struct source *s, const char *relative);

#endif
