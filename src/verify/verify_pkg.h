/* verify_pkg: what verify reads of a package file before it starts: its
 * name, version and Depends, as dpkg-deb gives them. */
#ifndef WPD_VERIFY_PKG_H
#define WPD_VERIFY_PKG_H

#include "base/err.h"

struct verify_pkg {
	char *name, *version;
	char *depends;		/* the Depends field, or "" */
	char *deb;		/* its path in the root, once put there */
};

/* Reads the package `deb` into `p` (release it with verify_pkg_release(),
 * also after an error). 0, or -1 with `e` set (STATUS_USAGE for a file
 * dpkg-deb cannot read). */
int verify_pkg_read(const char *deb, struct verify_pkg *p, struct err *e);
void verify_pkg_release(struct verify_pkg *p);

#endif
