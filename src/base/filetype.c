/* filetype: what a file is by its content, as libmagic tells it. */
#include <config.h>

#include <magic.h>
#include <stdbool.h>
#include <stdlib.h>

#include "base/buf.h"
#include "base/filetype.h"

struct filetype {
	magic_t magic;		/* NULL until loaded, or when it failed */
	bool tried;
};

struct filetype *
filetype_new(void)
{
	return xcalloc(1, sizeof(struct filetype));
}

void
filetype_free(struct filetype *t)
{
	if (t == NULL)
		return;
	if (t->magic != NULL)
		magic_close(t->magic);
	free(t);
}

/* The database, loaded on first use; NULL when it cannot be. Compressed
 * files are named as such, not by what they hold. */
static magic_t
loaded(struct filetype *t)
{
	if (!t->tried) {
		t->tried = true;
		t->magic = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS);
		if (t->magic != NULL && magic_load(t->magic, NULL) != 0) {
			magic_close(t->magic);
			t->magic = NULL;
		}
	}
	return t->magic;
}

const char *
filetype_buffer(struct filetype *t, const void *data, size_t len)
{
	magic_t m = loaded(t);

	return m != NULL ? magic_buffer(m, data, len) : NULL;
}

char *
filetype_mime(const char *path)
{
	struct filetype *t = filetype_new();
	magic_t m = loaded(t);
	const char *type = m != NULL ? magic_file(m, path) : NULL;
	char *copy = type != NULL ? xstrdup(type) : NULL;

	filetype_free(t);
	return copy;
}
