/* xalloc: memory allocation that aborts with a message instead of
 * returning NULL: the program cannot go on without memory, and every
 * caller would otherwise repeat the same check. */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void
xalloc_fail(void)
{
	fputs("wazo-plugin-deb: out of memory\n", stderr);
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		xalloc_fail();
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		xalloc_fail();
	return p;
}

void *
xreallocarray(void *ptr, size_t count, size_t size)
{
	size_t total;
	void *p;

	if (size != 0 && count > SIZE_MAX / size)
		xalloc_fail();
	total = count * size;
	p = realloc(ptr, total ? total : 1);
	if (p == NULL)
		xalloc_fail();
	return p;
}

char *
xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		xalloc_fail();
	return s;
}
