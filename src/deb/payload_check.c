/* payload_check: refusals and warnings about the package's entries. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/status.h"
#include "deb/payload_check.h"

/* A path of the package as messages show it: absolute, escaped. */
static void
add_shown(struct buf *out, const char *path)
{
	buf_addc(out, '/');
	buf_add_escaped(out, path);
}

int
payload_check_path(const char *path, struct err *e)
{
	struct buf shown = BUF_INIT;
	int r;

	if (strchr(path, '\n') == NULL)
		return 0;
	add_shown(&shown, path);
	r = err_set(e, STATUS_INVALID, "the package would hold a file named "
	    "\"%s\": dpkg refuses a newline in a path (its file lists hold "
	    "one path per line)", shown.data);
	buf_release(&shown);
	return r;
}

/* What is surprising in `mode`, or NULL. */
static const char *
mode_surprise(mode_t mode)
{
	if (mode & S_ISUID)
		return "is setuid";
	if (mode & S_ISGID)
		return "is setgid";
	if (S_ISDIR(mode))
		return (mode & S_IWOTH) && !(mode & S_ISVTX) ?
		    "is a directory writable by everyone without the sticky "
		    "bit" : NULL;
	if (S_ISLNK(mode))
		return NULL;
	if (mode & S_IWOTH)
		return "is writable by everyone";
	return mode & S_ISVTX ? "has the sticky bit" : NULL;
}

char *
payload_check_mode(const char *path, mode_t mode)
{
	const char *what = mode_surprise(mode);
	struct buf msg = BUF_INIT;

	if (what == NULL)
		return NULL;
	add_shown(&msg, path);
	buf_addf(&msg, " %s (mode %04o) in the package", what,
	    (unsigned)(mode & 07777));
	return buf_detach(&msg);
}

static int
compare_inodes(const void *a, const void *b)
{
	const struct payload_check_inode *x = a, *y = b;

	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	return 0;
}

static int
refuse_link(const struct payload_check_inode *it, size_t inside,
    struct err *e)
{
	struct buf shown = BUF_INIT;
	int r;

	add_shown(&shown, it->path);
	r = err_set(e, STATUS_INVALID, "%s is a hard link to a file outside "
	    "the plugin's tree (%lu links, %zu in the package): its content "
	    "is not the plugin's; make it a file of its own", shown.data,
	    (unsigned long)it->nlink, inside);
	buf_release(&shown);
	return r;
}

int
payload_check_links(struct payload_check_inode *v, size_t n, struct err *e)
{
	/* qsort(3) takes no NULL array, not even an empty one. */
	if (n > 0)
		qsort(v, n, sizeof(*v), compare_inodes);
	for (size_t i = 0, end; i < n; i = end) {
		for (end = i + 1; end < n && compare_inodes(&v[i], &v[end]) == 0;
		    end++)
			;
		for (size_t j = i; j < end; j++)
			if (v[j].guarded && (nlink_t)(end - i) < v[j].nlink)
				return refuse_link(&v[j], end - i, e);
	}
	return 0;
}
