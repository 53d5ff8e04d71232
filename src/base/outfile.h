/* outfile: a file written without a name and named only once complete,
 * so that a run killed at any point (even by SIGKILL) leaves no partial
 * file under a name; and unlinked scratch files. */
#ifndef WPD_OUTFILE_H
#define WPD_OUTFILE_H

#include "base/err.h"

/* A file being written for `path`; owns its strings. */
struct outfile {
	int fd;			/* write here */
	char *path;		/* the name it gets */
	char *tmp;		/* its temporary name, where the file system
				 * has no O_TMPFILE; else NULL */
};

/*
 * Opens an unnamed file in the directory of `path` (O_TMPFILE); where the
 * file system has none, a hidden temporary one, ".NAME.tmp-XXXXXX", which
 * never looks like the finished file. Returns 0, or -1 with `e` set.
 */
int outfile_open(struct outfile *f, const char *path, struct err *e);

/* Gives the file `mode`, syncs it and names it, replacing an existing
 * file of that name atomically; then closes it. On failure, nothing is
 * named and an existing file stays. Returns 0, or -1 with `e` set. */
int outfile_commit(struct outfile *f, unsigned mode, struct err *e);

/* Closes and forgets the file (removing its temporary name, if any). */
void outfile_abort(struct outfile *f);

/* An unlinked scratch file in `dir`, open for reading and writing;
 * -1 with `e` set. */
int outfile_scratch(const char *dir, struct err *e);

#endif
