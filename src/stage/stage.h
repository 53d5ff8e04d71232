/* stage: runs the plugin's rules as wazo-plugind does, and lays out the
 * installed tree: `rules build`, `rules package` into a staging root,
 * then the package's docs. */
#ifndef WPD_STAGE_H
#define WPD_STAGE_H

#include <stdbool.h>
#include <time.h>

#include "base/err.h"
#include "plugin/plugin.h"
#include "plugin/settings.h"
#include "source/source.h"
#include "stage/sandbox.h"

/* What the staging steps work on. */
struct stage_job {
	const struct source *src;
	const struct plugin *plugin;		/* valid */
	const struct settings *settings;
	time_t when;				/* the changelog's date */
	/* Called with "building", "packaging"... before each step. */
	void (*progress)(const char *step, void *ctx);
	void *progress_ctx;
	/* Not NULL: the rules' SOURCE_DATE_EPOCH (else they inherit this
	 * process's environment, as always). */
	const char *source_date_epoch;
	/* How the rules run (sandbox.h); NULL: as the caller runs. */
	struct sandbox *sandbox;
};

/*
 * Runs `rules build` in the job's plugin root, in its sandbox when it has
 * one (whose output then passes through this process). A failure sets `e`
 * with STATUS_RULES, naming the step and the exit status, and saying so
 * when the rules met the sandbox's read-only file system.
 */
int stage_build(const struct stage_job *job, struct err *e);

/*
 * Runs `rules package` as stage_build() runs `rules build`, with
 * pkgdir=`pkgdir` (an absolute path without white space, writable in the
 * sandbox), DEB_BUILD_ARCH and DEB_HOST_ARCH set as dpkg-architecture
 * would, under fakeroot when not root and fakeroot is installed.
 */
int stage_package(const struct stage_job *job, const char *pkgdir,
    struct err *e);

/*
 * Every step that fills the staging root `pkgdir`: `rules build`, `rules
 * package`, then the copyright, changelog and lintian overrides
 * (docfiles.h). A DEBIAN/ the rules wrote is refused (STATUS_INVALID):
 * the control files come from the templates. The plugin's wazo/ metadata is not copied: it is part of
 * the package's payload description (emit/package.h), which the payload
 * pass writes where it goes. Stops at a signal trapped by
 * process_trap_signals().
 */
int stage_payload(const struct stage_job *job, const char *pkgdir,
    struct err *e);

#endif
