/* deb: emits the finished package, a .deb written directly with
 * libarchive: the plugin built and staged by its rules, streamed once
 * into data.tar, then control.tar, then the ar container, renamed into
 * place only when complete. */
#ifndef WPD_DEB_H
#define WPD_DEB_H

#include <stdbool.h>
#include <time.h>

#include "deb/compress.h"
#include "base/buf.h"
#include "base/err.h"
#include "plugin/plugin.h"
#include "plugin/settings.h"
#include "source/source.h"
#include "stage/sandbox.h"

struct deb_job {
	const struct source *src;
	const struct plugin *plugin;	/* valid */
	const struct settings *settings;
	const char *output_dir;
	struct compress_options compress;
	/* "auto": "all" unless compiled objects say otherwise; else forced. */
	const char *arch;
	time_t mtime;			/* every timestamp in the package */
	const char *source_date_epoch;	/* stage_job's, for the rules */
	void (*progress)(const char *step, void *ctx);
	void (*warning)(const char *message, void *ctx);
	void *ctx;
	bool strict;			/* the payload's warnings are errors */
	struct sandbox *sandbox;	/* the rules' (stage.h), or NULL */
	/* Not NULL: receives the control file the .deb holds. */
	struct buf *control;
};

/*
 * Makes OUTPUT_DIR/<package>_<version without epoch>_<arch>.deb and
 * stores its path in *path (the caller frees it). OUTPUT_DIR is made when
 * missing and checked to be writable before any rule runs. Nothing is
 * written outside it and a locked work directory in $TMPDIR (see
 * workdir.h), which is removed; the .deb is written unnamed and named
 * once complete, so that no partial .deb is ever left (even by SIGKILL),
 * and an existing .deb of the same name stays as it was on failure or a
 * signal trapped by process_trap_signals(). Returns 0, or -1 with `e`
 * set.
 */
int deb_emit(const struct deb_job *job, char **path, struct err *e);

#endif
