/* filehash: what a written file is, for the reports of a run: its size,
 * SHA-256 and MD5, read once; and the MD5 of a short text (the stable
 * fingerprints of the Code Quality report). */
#ifndef WPD_FILEHASH_H
#define WPD_FILEHASH_H

#include "base/err.h"

struct filehash {
	long long size;
	char sha256[65];	/* lowercase hex, NUL-terminated */
	char md5[33];
};

/* Reads the regular file at `path` to the end. Returns 0, or -1 with `e`
 * set (STATUS_SYSTEM). */
int filehash_file(const char *path, struct filehash *h, struct err *e);

/* The MD5 of `len` bytes at `data`, as 32 lowercase hex digits in `hex`. */
void filehash_md5(const void *data, size_t len, char hex[33]);

#endif
