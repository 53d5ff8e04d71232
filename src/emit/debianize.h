/* debianize: emits a debian/ directory into a plugin's tree, so that
 * dpkg-buildpackage, through the wazo-plugin dh addon (dh_wazo_plugin),
 * builds the package `build` makes. */
#ifndef WPD_DEBIANIZE_H
#define WPD_DEBIANIZE_H

#include <stdbool.h>
#include <time.h>

#include "base/err.h"
#include "plugin/plugin.h"
#include "plugin/settings.h"

struct debianize_job {
	const struct plugin *plugin;	/* valid */
	const struct settings *settings;
	const char *dir;		/* the debian/ directory to make */
	const char *architecture;	/* "all", "any"... */
	time_t when;			/* the changelog's date */
	bool force;			/* replace an existing debian/ */
};

/*
 * Writes control, rules, changelog, copyright and source/format into
 * job->dir, all at once (an existing one is refused, STATUS_USAGE,
 * unless job->force). Returns 0, or -1 with `e` set.
 */
int debianize_emit(const struct debianize_job *job, struct err *e);

#endif
