/* buf: a growable, always NUL-terminated byte buffer. */
#ifndef WPD_BUF_H
#define WPD_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "base/compiler.h"
#include "base/xalloc.h"

/*
 * Invariants: after buf_init() (or BUF_INIT), `data` is never NULL and
 * data[len] == '\0'. The buffer owns `data` until buf_detach() hands it to
 * the caller; buf_release() frees it and leaves an empty, usable buffer.
 * Allocation failure aborts: this tool cannot do anything useful without
 * memory, and every caller would have to report the same thing.
 */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

extern char buf_empty_[];
#define BUF_INIT { buf_empty_, 0, 0 }

void buf_init(struct buf *b);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) WPD_PRINTF(2, 3);
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) WPD_PRINTF(2, 0);
/* Adds `s` with backslash escapes for the backslash and control
 * characters (\n, \r, \t, else \xHH), so that a name shows on one line
 * as it is. */
void buf_add_escaped(struct buf *b, const char *s);
/* Returns the malloc(3)ed string; the caller frees it. */
char *buf_detach(struct buf *b);

#endif
