/* verify_pkg: what verify reads of a package file before it starts (its
 * name, version and Depends: deb/debinfo), and the dpkg command lines of
 * the steps. */
#ifndef WPD_VERIFY_PKG_H
#define WPD_VERIFY_PKG_H

#include <stddef.h>

#include "base/err.h"

struct verify_pkg {
	char *name, *version;
	char *depends;		/* the Depends field, or "" */
	char *deb;		/* its path in the root, once put there */
	const char *file;	/* its path here, as given */
};

/* What a step has dpkg do. */
enum verify_action {
	VERIFY_INSTALL_NEW,	/* install the packages */
	VERIFY_INSTALL_OLD,	/* install the older version (pkgs[npkgs]) */
	VERIFY_REMOVE,
	VERIFY_PURGE,
};

/* Reads the package `deb` into `p` (release it with verify_pkg_release(),
 * also after an error). 0, or -1 with `e` set (STATUS_USAGE for a file
 * that is not a package, debinfo_read()). */
int verify_pkg_read(const char *deb, struct verify_pkg *p, struct err *e);
void verify_pkg_release(struct verify_pkg *p);

/* The dpkg command line of `action` on the packages `pkgs` (npkgs of
 * them, then the older version), the installs with
 * --ignore-depends=`ignore` unless NULL; and into *shown as the report
 * shows it (packages by their file's name). Free it with
 * verify_pkg_free_argv(). */
char **verify_pkg_dpkg_argv(const struct verify_pkg *pkgs, size_t npkgs,
    const char *ignore, enum verify_action action, char **shown);
void verify_pkg_free_argv(char **argv);

#endif
