/* xalloc: memory allocation that aborts with a message instead of
 * returning NULL: the program cannot go on without memory, and every
 * caller would otherwise repeat the same check. Each function is the
 * libc one of the same name without the x. */
#ifndef WPD_XALLOC_H
#define WPD_XALLOC_H

#include <stddef.h>

#include "base/compiler.h"

/* Prints "out of memory" and aborts. */
void xalloc_fail(void) WPD_NORETURN;

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);
/* A malloc(3)ed string from a printf format; the caller frees it. */
char *xasprintf(const char *fmt, ...) WPD_PRINTF(1, 2);

#endif
