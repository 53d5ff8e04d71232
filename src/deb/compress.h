/* compress: the compressors a .deb member can use, as dpkg-deb names
 * them (-Z xz|zstd|gzip|none), streaming into a file descriptor. Output
 * depends on the input, the compressor, the level and the size hint
 * only: never on the thread count or the time. */
#ifndef WPD_COMPRESS_H
#define WPD_COMPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
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
	/* The input's size, or more; 0: unknown. Below the level's window,
	 * xz and zstd get a window just large enough (compress_window()):
	 * a small member does not pay for the preset's tables. */
	unsigned long long size_hint;
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

/* Appends the compressors' names, "xz, zstd, gzip or none"; with
 * `levels`, the default level of those that have one, "xz 6, zstd 3,
 * gzip 9": for help and messages. */
void compress_describe(struct buf *out, bool levels);

/* The window (xz's dictionary, zstd's window) that the options `o` give,
 * in bytes: the level's, or, when o->size_hint is smaller, the least of
 * 2^n and 3 * 2^(n-1) (the sizes an xz header can state; zstd: 2^n
 * only) at or above it, and at least 64 KiB. 0 for gzip and none. */
unsigned long long compress_window(const struct compress_options *o);

/* xz's block size for the options `o`; 0: liblzma's default (3
 * dictionaries), for a member too small to cut in two blocks of a
 * dictionary or more. The default cuts a 60 MiB member into 24, 24 and
 * 12 MiB, and one of two threads waits while the other compresses the
 * last 12. Instead: blocks of one size, at most 2 dictionaries (each
 * thread holds a block in and one out: less memory, a shorter tail),
 * their count a multiple of 4 where no block falls under a dictionary,
 * so that 1, 2 or 4 threads finish together. A function of
 * o->size_hint, never of the threads. */
unsigned long long compress_block_size(const struct compress_options *o);

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
