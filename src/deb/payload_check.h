/* payload_check: what the payload pass refuses or warns about in the
 * package's entries before the writer sees any: names dpkg refuses,
 * modes an administrator would not expect from a plugin, and files whose
 * hard links lead outside the plugin's tree. */
#ifndef WPD_PAYLOAD_CHECK_H
#define WPD_PAYLOAD_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "base/err.h"

/* A path in the package with a newline (dpkg's file lists and md5sums
 * hold one path per line, and dpkg-deb refuses it) is refused,
 * STATUS_INVALID, the path shown escaped. Returns 0 or -1. */
int payload_check_path(const char *path, struct err *e);

/* The warning an entry's mode calls for (setuid, setgid, writable by
 * everyone, a sticky file, a directory writable by everyone without the
 * sticky bit), malloc(3)ed; NULL when it calls for none. */
char *payload_check_mode(const char *path, mode_t mode);

/* A regular file with several hard links, as the pass lists it. */
struct payload_check_inode {
	dev_t dev;
	ino_t ino;
	nlink_t nlink;
	const char *path;	/* in the package */
	bool guarded;		/* its source keeps its links inside */
};

/* Refuses (STATUS_INVALID) a guarded file whose hard links are not all
 * among the `n` listed: its content is another file's, outside the
 * plugin. Sorts `v`. Returns 0 or -1. */
int payload_check_links(struct payload_check_inode *v, size_t n,
    struct err *e);

#endif
