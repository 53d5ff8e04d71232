/* compress: the compressors a .deb member can use, as dpkg-deb names
 * them (-Z xz|zstd|gzip|none), streaming into a file descriptor. Output
 * depends on the input, the compressor and the level only: never on the
 * thread count or the time. */
#ifndef WPD_COMPRESS_H
#define WPD_COMPRESS_H

#include <stddef.h>

#include "base/err.h"

enum compression {
	COMPRESS_XZ,
	COMPRESS_ZSTD,
	COMPRESS_GZIP,
	COMPRESS_NONE,
};

struct compress_options {
	enum compression kind;
	int level;		/* -1: the compressor's dpkg-deb default */
	unsigned threads;	/* xz and zstd; at least 1 */
};

/* The compression named `name` ("xz"...); -1 when there is none. */
int compress_parse(const char *name);
/* "xz", "zstd", "gzip" or "none". */
const char *compress_name(enum compression kind);
/* The member name suffix: ".xz", ".zst", ".gz" or "". */
const char *compress_suffix(enum compression kind);
/* The level range of `kind`, and its default (xz 6, zstd 3, gzip 9). */
int compress_default_level(enum compression kind);
int compress_min_level(enum compression kind);
int compress_max_level(enum compression kind);

struct compressor;

/* Starts compressing into `fd` (which stays open), the file at `path`
 * (for messages: "cannot write PATH: REASON"). A signal trapped by
 * process_trap_signals() stops the writing within a chunk. NULL with `e`
 * set. */
struct compressor *compress_open(const struct compress_options *o, int fd,
    const char *path, struct err *e);
int compress_write(struct compressor *c, const void *data, size_t len,
    struct err *e);
/* Flushes everything and frees `c`, also after an error. */
int compress_close(struct compressor *c, struct err *e);

#endif
