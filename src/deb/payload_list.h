/* payload_list: the entries of a package, as the payload pass lists them
 * from its sources: one small record each, its path in the list's arena,
 * sorted by path and merged (one entry a path), and, once the pass has
 * read a regular file, its MD5 digest in place of its file's identity. A
 * large tree has many entries, all listed before the first is written,
 * and md5sums is written from them at the end (md5sums.h). */
#ifndef WPD_PAYLOAD_LIST_H
#define WPD_PAYLOAD_LIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "base/err.h"

enum { PAYLOAD_MD5_LEN = 16 };

/* One entry, 56 bytes. */
struct payload_item {
	char *path;		/* in the package, no leading "./" */
	off_t size;
	union {
		/* Its file's, while it is listed, checked and passed. */
		struct {
			dev_t dev;
			ino_t ino;
		};
		/* A regular file's MD5 digest, once passed (its data read,
		 * or a hard link's copied): payload_list_next_file(). */
		unsigned char md5[PAYLOAD_MD5_LEN];
	};
	time_t mtime;
	uint32_t nlink;		/* no file system links a file 2^32 times */
	uint32_t order;		/* the source's rank, then the scan's */
	mode_t mode;
	uint16_t source;	/* its source's index */
	bool made_up;		/* a parent directory added here */
};

/* Zero-initialised: empty. */
struct payload_list {
	struct payload_item *v;
	size_t count;
	size_t cap;
	struct arena paths;	/* every item's path */
};

/* Adds an entry for `path` (allocated in l->paths) from `st`. */
void payload_list_add(struct payload_list *l, char *path, size_t source,
    bool made_up, const struct stat *st);

/*
 * Sorts the entries by path; of entries with the same path, the last one
 * a source has stays (a made-up parent only when no source has its path).
 * A directory a later source needs (a made-up parent, or a directory of
 * its own) where an earlier source has a file or a symbolic link is
 * refused (STATUS_INVALID), before any entry is dropped. Returns 0, or -1
 * with `e` set.
 */
int payload_list_merge(struct payload_list *l, struct err *e);

/* The regular files once passed, in path order: from *at (0 at first),
 * the next one's path and digest; false after the last. */
bool payload_list_next_file(const struct payload_list *l, size_t *at,
    const char **path, const unsigned char **md5);

void payload_list_release(struct payload_list *l);

#endif
