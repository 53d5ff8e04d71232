/* md5sums: DEBIAN/md5sums as dh_md5sums writes it ("<md5 in hex>  <path>"
 * a line, sorted by path, no "./"), from the digests the payload pass
 * keeps in its list of entries (payload_list.h): made when it is written,
 * in pieces, never whole in memory unless asked for. */
#ifndef WPD_MD5SUMS_H
#define WPD_MD5SUMS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/file.h"
#include "deb/payload_list.h"

/* The regular files of `files`, but those under etc/ with `skip_etc`
 * (conffiles, which dh_md5sums leaves out). */
struct md5sums {
	const struct payload_list *files;
	bool skip_etc;
};

/* The text's length in bytes (0: no file, no md5sums). */
unsigned long long md5sums_size(const struct md5sums *m);

/* Hands the text of the struct md5sums `md5sums` points to to `put`, in
 * pieces of some KiB, in order: a file_fill (base/file.h), to write it
 * where it goes. Returns 0, or -1 with `e` set by `put`. */
int md5sums_write(const void *md5sums, file_put put, void *sink,
    struct err *e);

/* The whole text appended to `out`. */
void md5sums_text(const struct md5sums *m, struct buf *out);

#endif
