/* archname: Debian architecture names: which ones dpkg knows, and which
 * an --arch option takes. */
#ifndef WPD_ARCHNAME_H
#define WPD_ARCHNAME_H

#include <stdbool.h>

#include "base/err.h"

/* What an architecture value is for: the values it may take. */
enum archname_use {
	/** A .deb made here (build): auto, all, or an architecture dpkg
	 * knows. Never any, source or a wildcard: dpkg installs none. */
	ARCHNAME_BINARY,
	/** The Architecture field of debian/control (debianize): all, any,
	 * or an architecture dpkg knows. */
	ARCHNAME_CONTROL,
};

/*
 * Asks dpkg (dpkg-architecture -L, its documented list of valid names)
 * whether `name` is an architecture it knows; stores the answer in
 * *known and returns 0, or returns -1 with `e` set (STATUS_SYSTEM) when
 * dpkg-architecture cannot be run or fails.
 */
int archname_known(const char *name, bool *known, struct err *e);

/*
 * Checks `value` for `use`: 0 when it is one of the words `use` takes
 * (dpkg is asked only about other values); else -1 with `e` set, either
 * STATUS_USAGE with a message that starts "must be" and names `value`
 * and the values taken, or STATUS_SYSTEM from archname_known().
 */
int archname_check(const char *value, enum archname_use use, struct err *e);

#endif
