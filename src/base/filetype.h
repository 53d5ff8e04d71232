/* filetype: what a file is by its content, as libmagic tells it. */
#ifndef WPD_FILETYPE_H
#define WPD_FILETYPE_H

/* The MIME type of the file at `path` ("application/gzip"...), or NULL
 * when libmagic cannot say; the caller frees it. */
char *filetype_mime(const char *path);

#endif
