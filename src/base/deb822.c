/* deb822: reading fields of a Debian control paragraph. */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "base/deb822.h"
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

char *
deb822_field(const char *text, const char *name)
{
	const char *p = deb822_find(text, name), *v;
	size_t len;

	if (p == NULL)
		return NULL;
	v = p + strlen(name) + 1;
	v += strspn(v, " \t");
	len = strcspn(v, "\n");
	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	return xstrndup(v, len);
}
