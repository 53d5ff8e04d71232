/* datatar: a .deb's data member, written by the payload pass (payload.h)
 * straight from the staged files, without copying them anywhere first:
 * the pass computes each file's MD5 digest (for md5sums), Installed-Size
 * and the architecture of any compiled object on the way. The compressor
 * starts once the entries are listed, told the tar's size (or a little
 * more), so that a small payload gets a small xz dictionary or zstd
 * window. */
#ifndef WPD_DATATAR_H
#define WPD_DATATAR_H

#include <time.h>

#include "base/err.h"
#include "deb/compress.h"
#include "deb/payload.h"

/* Where data.tar goes, opened once the entries are listed: `size` is the
 * uncompressed tar's (or a little more), so that a small member can go
 * into memory. Returns a descriptor the caller closes, or -1 with `e`
 * set. */
typedef int (*datatar_open)(unsigned long long size, void *ctx,
    struct err *e);

/* Writes data.tar, compressed, into the file `open` gives (`path`, for
 * messages), with every timestamp `mtime`.
 * Release `out` with payload_result_release() after use, also after an
 * error. */
int datatar_write(datatar_open open, void *ctx, const char *path,
    const struct payload_source *sources,
    size_t nsources, const struct compress_options *o, time_t mtime,
    struct payload_result *out, struct err *e);

#endif
