/* debfile: the .deb container (deb(5)): an ar archive, written with
 * libarchive as dpkg-deb lays it out, holding debian-binary,
 * control.tar.<ext> and data.tar.<ext>. */
#ifndef WPD_DEBFILE_H
#define WPD_DEBFILE_H

#include <time.h>

#include <stddef.h>

#include "base/err.h"
#include "base/file.h"
#include "deb/compress.h"

/* A file of the control member (control, md5sums, a maintainer script):
 * `len` bytes at `data`, or, when `fill` is not NULL, the `len` bytes it
 * hands to `put` in pieces (called with `fill_ctx`). */
struct debfile_member {
	const char *name;	/* "control", "postinst"... */
	unsigned mode;		/* 0644, 0755 */
	const char *data;
	size_t len;
	file_fill fill;
	const void *fill_ctx;
};

/* Writes control.tar.<ext> into `fd` (the file `path`, for messages):
 * ./ and the `count` members, in the order given (dpkg-deb's is by
 * name). */
int debfile_control_tar(int fd, const char *path,
    const struct debfile_member *members,
    size_t count, const struct compress_options *o, time_t mtime,
    struct err *e);

/* Writes the ar archive into `out`, the file `path` (for messages:
 * "cannot write PATH: REASON"): debian-binary, then the members read from
 * `control_fd` and `data_fd` (from their start). A signal trapped by
 * process_trap_signals() stops it within a chunk. */
int debfile_write(int fd, const char *path, int control_fd, int data_fd,
    enum compression kind, time_t mtime, struct err *e);

#endif
