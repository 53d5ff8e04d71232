/* payload_list: the package's entries, listed, sorted and merged. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "deb/payload_list.h"

_Static_assert(sizeof(struct payload_item) == 56 || sizeof(void *) != 8,
    "an entry's record stays small");

void
payload_list_add(struct payload_list *l, char *path, size_t source,
    bool made_up, const struct stat *st)
{
	struct payload_item *it;

	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 256;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	it = &l->v[l->count];
	memset(it, 0, sizeof(*it));
	it->path = path;
	it->size = st->st_size;
	it->dev = st->st_dev;
	it->ino = st->st_ino;
	it->mtime = st->st_mtime;
	it->nlink = (uint32_t)st->st_nlink;
	it->order = (uint32_t)l->count;
	it->mode = st->st_mode;
	it->source = (uint16_t)source;
	it->made_up = made_up;
	l->count++;
}

static int
compare_items(const void *a, const void *b)
{
	const struct payload_item *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

/* The entry of the group v[0..n) that stays: the last one a source has;
 * a made-up parent only when no source has its path. */
static size_t
group_winner(const struct payload_item *v, size_t n)
{
	size_t win = n - 1;

	for (size_t i = 0; i < n; i++)
		if (!v[i].made_up)
			win = i;
	return win;
}

static int
refuse_non_dir(const struct payload_item *it, struct err *e)
{
	return err_set(e, STATUS_INVALID, "rules package put a %s at %s, "
	    "where the plugin's metadata directory goes",
	    S_ISLNK(it->mode) ? "symbolic link" : "file", it->path);
}

/* A directory a later source needs (a made-up parent, or a directory of
 * its own) where an earlier source has something else is refused: it
 * would be written through, or silently replaced. */
static int
check_group(const struct payload_item *v, size_t n, size_t win,
    struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		if (i == win)
			continue;
		if (v[i].made_up && !S_ISDIR(v[win].mode))
			return refuse_non_dir(&v[win], e);
		if (!v[i].made_up && v[i].source < v[win].source &&
		    S_ISDIR(v[win].mode) && !S_ISDIR(v[i].mode))
			return refuse_non_dir(&v[i], e);
	}
	return 0;
}

static size_t
group_end(const struct payload_list *l, size_t start)
{
	size_t end = start + 1;

	while (end < l->count && strcmp(l->v[start].path, l->v[end].path) == 0)
		end++;
	return end;
}

int
payload_list_merge(struct payload_list *l, struct err *e)
{
	size_t kept = 0;

	qsort(l->v, l->count, sizeof(*l->v), compare_items);
	for (size_t i = 0, end; i < l->count; i = end) {
		end = group_end(l, i);
		if (check_group(&l->v[i], end - i,
		    group_winner(&l->v[i], end - i), e) < 0)
			return -1;
	}
	for (size_t i = 0, end; i < l->count; i = end) {
		size_t win;

		end = group_end(l, i);
		win = i + group_winner(&l->v[i], end - i);
		l->v[kept++] = l->v[win];
	}
	l->count = kept;
	return 0;
}

bool
payload_list_next_file(const struct payload_list *l, size_t *at,
    const char **path, const unsigned char **md5)
{
	while (*at < l->count && !S_ISREG(l->v[*at].mode))
		(*at)++;
	if (*at == l->count)
		return false;
	*path = l->v[*at].path;
	*md5 = l->v[*at].md5;
	(*at)++;
	return true;
}

void
payload_list_release(struct payload_list *l)
{
	arena_release(&l->paths);
	free(l->v);
	memset(l, 0, sizeof(*l));
}
