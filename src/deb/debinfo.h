/* debinfo: what a built package says of itself: its control file, read
 * from the .deb (deb(5): the ar container, then control.tar, compressed
 * or not) with libarchive, without dpkg-deb. */
#ifndef WPD_DEBINFO_H
#define WPD_DEBINFO_H

#include "base/err.h"

/* A package's control file and the fields that name it; owns them. */
struct debinfo {
	char *control;		/* the control file's text */
	char *package, *version, *architecture;
};

/*
 * Reads the .deb at `path` into `info` (release it with
 * debinfo_release(), also after an error). Returns 0, or -1 with `e`
 * set: STATUS_USAGE when the file is missing, not a .deb, or its control
 * file lacks Package, Version or Architecture (the message names the
 * file and what is wrong); STATUS_SYSTEM when it cannot be read.
 */
int debinfo_read(const char *path, struct debinfo *info, struct err *e);
void debinfo_release(struct debinfo *info);

#endif
