/* deb822: reading fields of a Debian control paragraph. */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "base/deb822.h"
#include "base/buf.h"
#include "base/xalloc.h"

const char *
deb822_find(const char *text, const char *name)
{
	size_t len = strlen(name);

	for (const char *p = text; p != NULL && *p; ) {
		if (strncasecmp(p, name, len) == 0 && p[len] == ':')
			return p;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return NULL;
}

/* Appends to `out` the line at `v` without the blanks around it; returns
 * where the next line starts, or NULL. */
static const char *
add_trimmed(struct buf *out, const char *v)
{
	size_t len;

	v += strspn(v, " \t");
	len = strcspn(v, "\n");
	if (out->len > 0 && len > 0)
		buf_adds(out, " ");
	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	buf_add(out, v, len);
	v = strchr(v, '\n');
	return v != NULL ? v + 1 : NULL;
}

char *
deb822_field(const char *text, const char *name)
{
	const char *p = deb822_find(text, name);
	struct buf value = BUF_INIT;

	if (p == NULL)
		return NULL;
	p = add_trimmed(&value, p + strlen(name) + 1);
	/* A folded field goes on in lines that start with a blank. */
	while (p != NULL && (*p == ' ' || *p == '\t'))
		p = add_trimmed(&value, p);
	return buf_detach(&value);
}
