/* tree: emits a ready-to-build package tree: the plugin built and
 * staged by its rules, its metadata, docs, and DEBIAN/ (control with
 * Installed-Size, md5sums, maintainer scripts), put in place at once. */
#ifndef WPD_TREE_H
#define WPD_TREE_H

#include <stdbool.h>
#include <time.h>

#include "plugin/settings.h"
#include "base/err.h"
#include "plugin/plugin.h"
#include "source/source.h"
#include "stage/sandbox.h"

struct tree_job {
	const struct source *src;
	const struct plugin *plugin;	/* valid */
	const struct settings *settings;
	const char *output;		/* the directory to make */
	bool force;			/* replace an existing output */
	time_t mtime;			/* the changelog's date */
	/* Called with "rendering", "building", "packaging", "writing"
	 * before each step. */
	void (*progress)(const char *step, void *ctx);
	void *progress_ctx;
	/* Called with each warning about the package's files (payload.h),
	 * with progress_ctx; with `strict`, the first is an error. */
	void (*warning)(const char *message, void *ctx);
	bool strict;
	struct sandbox *sandbox;	/* the rules' (stage.h), or NULL */
};

/*
 * Makes the tree in a locked work directory beside job->output (its
 * parent made when missing and checked to be writable before any rule
 * runs) and renames it to job->output at the end; work directories of
 * killed runs beside it are removed first. On any failure (a rules
 * command: STATUS_RULES) or a signal trapped by process_trap_signals(),
 * the work directory is removed and job->output is left as it was. Returns 0, or -1 with `e` set.
 */
int tree_emit(const struct tree_job *job, struct err *e);

/*
 * Puts the plugin's metadata (its wazo/ directory, and the plugin.yml of
 * a stamped version over it) in place in `pkgdir`, which 'rules package'
 * filled, as the package holds it, and judges the files as build does
 * (warnings to job->warning; job->strict): the package directory of the
 * debhelper addon, whose other parts are debhelper's. Reads job->src,
 * plugin, settings, warning, strict and progress_ctx. Returns 0, or -1
 * with `e` set.
 */
int tree_add_metadata(const struct tree_job *job, const char *pkgdir,
    struct err *e);

#endif
