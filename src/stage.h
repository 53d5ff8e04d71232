/* stage: runs the plugin's rules as wazo-plugind does, and lays out the
 * installed tree: `rules build`, `rules package` into a staging root,
 * then the plugin's wazo/ metadata where installed plugins are found. */
#ifndef WPD_STAGE_H
#define WPD_STAGE_H

#include "settings.h"
#include "err.h"
#include "plugin.h"
#include "source.h"

/*
 * Runs `rules build` in the plugin root. A failure sets `e` with
 * STATUS_RULES, naming the step and the exit status.
 */
int stage_build(const struct source *src, struct err *e);

/*
 * Runs `rules package` in the plugin root with pkgdir=`pkgdir` (an
 * absolute path without white space), DEB_BUILD_ARCH and DEB_HOST_ARCH
 * set as dpkg-architecture would, under fakeroot when not root and
 * fakeroot is installed.
 */
int stage_package(const struct source *src, const char *pkgdir,
    struct err *e);

/* Copies the plugin's wazo/ directory to
 * `pkgdir`/<metadata_dir>/<namespace>/<name>/wazo/, merging. */
int stage_metadata(const struct source *src, const struct plugin *p,
    const struct settings *c, const char *pkgdir, struct err *e);

#endif
