/* tarwriter: a tar member of a .deb, written with libarchive in GNU
 * format (the one dpkg's own extractor reads), with dpkg-deb's naming
 * ("./", "./usr/"), owner root:root, one timestamp for every entry, and
 * compressed on the fly. */
#ifndef WPD_TARWRITER_H
#define WPD_TARWRITER_H

#include <stddef.h>
#include <sys/stat.h>
#include <time.h>

#include "deb/compress.h"
#include "base/err.h"

struct tarwriter;

/* Starts a tar stream compressed into `fd`, the file `path` (for
 * messages); every entry gets `mtime`. */
struct tarwriter *tarwriter_open(int fd, const char *path,
    const struct compress_options *o, time_t mtime, struct err *e);

/*
 * Adds the entry `path` ("" for the root; no leading "./") described by
 * `st` (type, mode, size, device and inode for hard links); a symbolic
 * link needs its `target`. A regular file's contents follow with
 * tarwriter_data(), st->st_size bytes in all, unless the entry became a
 * hard link to an earlier one: then *is_link is set and no data follows.
 */
int tarwriter_entry(struct tarwriter *tw, const char *path,
    const struct stat *st, const char *target, int *is_link, struct err *e);
int tarwriter_data(struct tarwriter *tw, const void *data, size_t len,
    struct err *e);
/* A regular file of `len` bytes that tarwriter_data() gives. */
int tarwriter_file_entry(struct tarwriter *tw, const char *path,
    unsigned mode, size_t len, struct err *e);
/* A regular file with the given contents, in one call. */
int tarwriter_file(struct tarwriter *tw, const char *path, unsigned mode,
    const void *data, size_t len, struct err *e);

/* What the entry `path` (as for tarwriter_entry(); a symbolic link's
 * st_size is its target's length) adds to the uncompressed stream, or
 * more: its header, GNU long-name records and padded data. A hard link
 * is counted as its file. */
unsigned long long tarwriter_entry_size(const char *path,
    const struct stat *st);
/* The whole stream's size, from the sum of tarwriter_entry_size(): with
 * the end-of-archive blocks and the padding to a record. */
unsigned long long tarwriter_stream_size(unsigned long long entries);

/* Ends the stream; frees `tw`, also after an error. */
int tarwriter_close(struct tarwriter *tw, struct err *e);

#endif
