/* file: reading and writing whole files safely. */
#ifndef WPD_FILE_H
#define WPD_FILE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

/*
 * Appends at most `limit` bytes of the file at `path` to `out`. Returns 0,
 * or -1 with `e` set (STATUS_SYSTEM) when the file cannot be read. When
 * the file is longer than `limit`, *truncated is set (if not NULL).
 */
int file_read(const char *path, size_t limit, struct buf *out,
    int *truncated, struct err *e);
/* As file_read(), from the open file `fd` (left open); `path` names it in
 * messages. */
int file_read_fd(int fd, const char *path, size_t limit, struct buf *out,
    int *truncated, struct err *e);

/* Takes the next piece of a file's contents: 0, or -1 with `e` set. */
typedef int (*file_put)(void *sink, const void *data, size_t len,
    struct err *e);
/* Hands a file's contents, in pieces, to `put` with `sink`; returns 0, or
 * what `put` returned (-1, `e` set) or -1 with `e` set. */
typedef int (*file_fill)(const void *ctx, file_put put, void *sink,
    struct err *e);

/*
 * Writes `len` bytes to `path` atomically: into a temporary file in the
 * same directory, given `mode`, then renamed over `path`. Returns 0, or
 * -1 with `e` set; no temporary file is left behind.
 */
int file_write_atomic(const char *path, const void *data, size_t len,
    unsigned mode, struct err *e);
/* The same, the contents given by `fill` (called with `ctx`) as they are
 * made, never whole in memory. */
int file_write_atomic_by(const char *path, unsigned mode, file_fill fill,
    const void *ctx, struct err *e);

/* Writes all `len` bytes to `fd`, again after a short write or EINTR.
 * Returns 0, or -1 with errno set. */
int file_write_all(int fd, const void *data, size_t len);

/* Joins two path parts with one '/'; an empty or "." `dir` gives `name`
 * unchanged. Returns a malloc(3)ed string. */
char *file_join(const char *dir, const char *name);

#endif
