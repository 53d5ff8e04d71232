/* docfiles: what Debian expects under /usr/share beside the plugin's
 * files: the copyright and changelog of the package, and the lintian
 * overrides that explain deliberate choices. */
#ifndef WPD_DOCFILES_H
#define WPD_DOCFILES_H

#include <time.h>

#include "plugin/settings.h"
#include "base/err.h"
#include "plugin/plugin.h"

/*
 * Writes into the staging root `pkgdir`:
 * usr/share/doc/PACKAGE/copyright (from plugin.yml's author and license,
 * or a statement that none was given); usr/share/doc/PACKAGE/changelog.gz
 * (changelog.Debian.gz when the version has a Debian revision), one entry
 * for the version, dated `when`; and usr/share/lintian/overrides/PACKAGE
 * for the wazo-plugind section and, when the plugin installs files under
 * etc/ and the conffiles setting is none, saying that those files are no
 * conffiles on purpose (they must leave with the plugin).
 */
int docfiles_write(const char *pkgdir, const struct plugin *p,
    const struct settings *c, time_t when, struct err *e);

/* The copyright file's text, and the changelog's (one entry for the
 * plugin's version, dated `when`); the caller frees them. */
char *docfiles_copyright(const struct plugin *p);
char *docfiles_changelog(const struct plugin *p, const struct settings *c,
    time_t when);

#endif
