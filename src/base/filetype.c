/* filetype: what a file is by its content, as libmagic tells it. */
#include <config.h>

#include <magic.h>
#include <stdlib.h>

#include "base/buf.h"
#include "base/filetype.h"

char *
filetype_mime(const char *path)
{
	/* Compressed files are named as such, not by what they hold. */
	magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS);
	const char *type = NULL;
	char *copy = NULL;

	if (m != NULL && magic_load(m, NULL) == 0)
		type = magic_file(m, path);
	if (type != NULL)
		copy = xstrdup(type);
	if (m != NULL)
		magic_close(m);
	return copy;
}
