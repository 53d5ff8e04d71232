/* source_link: whether a symbolic link found in a plugin source stays
 * inside it, judged from the link's place and target alone. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "source/source_link.h"

/* Depth of a relative path walked component by component; -1 as soon as
 * ".." climbs above where it started. */
static int
walk(const char *path, int depth)
{
	while (*path) {
		size_t len = strcspn(path, "/");

		if (len == 2 && strncmp(path, "..", 2) == 0) {
			if (--depth < 0)
				return -1;
		} else if (len > 0 && !(len == 1 && path[0] == '.')) {
			depth++;
		}
		path += len;
		path += strspn(path, "/");
	}
	return depth;
}

bool
source_link_escapes(const char *link, const char *target)
{
	char *dir;
	int depth;

	if (target[0] == '/')
		return true;
	dir = xstrdup(link);
	if (strrchr(dir, '/') != NULL)
		*strrchr(dir, '/') = '\0';
	else
		dir[0] = '\0';
	depth = walk(dir, 0);
	free(dir);
	return depth < 0 || walk(target, depth) < 0;
}
