/* source_archive: a plugin source that is an archive (tar, tar.gz,
 * tar.xz, tar.bz2, tar.zst, zip: anything libarchive recognizes by its
 * content), unpacked into a private directory with every hostile entry
 * refused before anything is written. */
#ifndef WPD_SOURCE_ARCHIVE_H
#define WPD_SOURCE_ARCHIVE_H

#include <stdbool.h>

#include "base/err.h"

/* Bounds on what an archive may unpack to (wazo-plugin-deb(1)). */
struct source_limits {
	unsigned long long max_bytes;	/* total unpacked size */
	unsigned long max_entries;
	unsigned max_ratio;		/* unpacked bytes per compressed byte */
};

#define SOURCE_LIMITS_DEFAULT { 256ULL * 1024 * 1024, 20000, 200 }

/* True when libarchive reads `path` as an archive. */
bool source_archive_recognized(const char *path);

/*
 * Unpacks `path` into the existing, empty directory `dest`. Refuses
 * (STATUS_INVALID, nothing written outside `dest`): absolute paths, ".."
 * components, symbolic or hard links that point outside, device nodes,
 * FIFOs and sockets, an entry that appears twice or goes through a
 * symbolic link, and archives past `limits`.
 */
int source_archive_unpack(const char *path, const char *dest,
    const struct source_limits *limits, struct err *e);

#endif
