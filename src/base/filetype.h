/* filetype: what a file is by its content, as libmagic tells it. */
#ifndef WPD_FILETYPE_H
#define WPD_FILETYPE_H

#include <stddef.h>

/* libmagic's database, loaded on first use and kept for many files. */
struct filetype;

/* A new one (nothing loaded yet); free it with filetype_free(). */
struct filetype *filetype_new(void);
void filetype_free(struct filetype *t);

/* The MIME type of the `len` bytes at `data`, or NULL when libmagic cannot
 * say (or its database cannot be loaded); owned by `t`, valid until its
 * next call. */
const char *filetype_buffer(struct filetype *t, const void *data, size_t len);

/* The MIME type of the file at `path` ("application/gzip"...), or NULL
 * when libmagic cannot say; the caller frees it. */
char *filetype_mime(const char *path);

#endif
