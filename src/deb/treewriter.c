/* treewriter: a package tree, written by the payload pass. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"
#include "deb/treewriter.h"

/* A directory created or given the mode of a source's: its mode and
 * time are set once its entries are there (a read-only one takes none). */
struct dir_final {
	char *path;		/* in the package */
	mode_t mode;
	time_t mtime;
	bool has_time;		/* a made-up parent keeps the time it was made */
};

struct treewriter {
	const char *root;
	const struct payload_source *sources;
	int root_fd;		/* the tree's root */
	int fd;			/* the file being written, or -1 */
	char *path;		/* its path */
	const struct stat *st;	/* its entry */
	struct dir_final *dirs;
	size_t ndirs;
};

static bool
in_place(const struct treewriter *t, size_t source)
{
	return strcmp(t->sources[source].root, t->root) == 0 &&
	    t->sources[source].prefix[0] == '\0';
}

static int
fail(const struct treewriter *t, const char *what, const char *path,
    struct err *e)
{
	char *full = file_join(t->root, path);

	err_errno(e, "cannot %s %s", what, full);
	free(full);
	return -1;
}

/* The directory that holds `path` (in the package, not ""), opened
 * without following any symbolic link on the way: nothing is written
 * outside the tree. *base is the last component. The caller closes it. */
static int
open_parent(const struct treewriter *t, const char *path, const char **base,
    struct err *e)
{
	const char *slash = strrchr(path, '/');
	char *dirs = slash ? xstrndup(path, (size_t)(slash - path)) : NULL;
	int fd = dup(t->root_fd);

	*base = slash ? slash + 1 : path;
	for (char *c = dirs, *next; fd >= 0 && c != NULL; c = next) {
		int parent = fd;

		next = strchr(c, '/');
		if (next != NULL)
			*next++ = '\0';
		fd = openat(parent, c, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		close(parent);
	}
	free(dirs);
	if (fd < 0)
		return fail(t, "open the directory of", path, e);
	return fd;
}

/* Removes what stands at `base` in `dir`, unless it is a directory. */
static int
clear_path(const struct treewriter *t, int dir, const char *base,
    const char *path, struct err *e)
{
	struct stat st;

	if (fstatat(dir, base, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    S_ISDIR(st.st_mode))
		return 0;
	if (unlinkat(dir, base, 0) < 0)
		return fail(t, "replace", path, e);
	return 0;
}

static int
set_time(const struct treewriter *t, int dir, const char *base,
    const char *path, time_t mtime, struct err *e)
{
	struct timespec times[2] = { { mtime, 0 }, { mtime, 0 } };

	if (utimensat(dir, base, times, AT_SYMLINK_NOFOLLOW) < 0)
		return fail(t, "set the time of", path, e);
	return 0;
}

/* A directory: created (0700, to fill) when missing; an entry of a
 * source gets its mode and time at the end, a made-up parent 0755. */
static int
make_dir(struct treewriter *t, int dir, const char *base,
    const struct payload_file *f, struct err *e)
{
	bool made = mkdirat(dir, base, 0700) == 0;
	struct stat st;

	if (!made && errno != EEXIST)
		return fail(t, "create", f->path, e);
	if (fstatat(dir, base, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return fail(t, "create", f->path, e);
	}
	if (f->disk == NULL && !made)
		return 0;
	t->dirs = xreallocarray(t->dirs, t->ndirs + 1, sizeof(*t->dirs));
	t->dirs[t->ndirs++] = (struct dir_final){ xstrdup(f->path),
	    f->disk ? f->st->st_mode & 07777 : 0755, f->st->st_mtime,
	    f->disk != NULL };
	return 0;
}

/* A hard link `base` in `dir` to the earlier name `to`. */
static int
make_link(struct treewriter *t, int dir, const char *base, const char *path,
    const char *to, struct err *e)
{
	const char *to_base;
	int to_dir = open_parent(t, to, &to_base, e), r = 0;

	if (to_dir < 0)
		return -1;
	if (linkat(to_dir, to_base, dir, base, 0) < 0)
		r = fail(t, "link", path, e);
	close(to_dir);
	return r;
}

/* A regular file: a hard link to an earlier name, or opened for its
 * contents. */
static int
make_file(struct treewriter *t, int dir, const char *base,
    const struct payload_file *f, bool *take_data, struct err *e)
{
	if (f->link_to != NULL)
		return make_link(t, dir, base, f->path, f->link_to, e);
	t->fd = openat(dir, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	if (t->fd < 0)
		return fail(t, "create", f->path, e);
	t->path = file_join(t->root, f->path);
	t->st = f->st;
	*take_data = true;
	return 0;
}

/* An entry in place that is a hard link to an earlier name: linked to
 * it, unless it is linked already (the earlier name was in place too). */
static int
relink_in_place(struct treewriter *t, const struct payload_file *f,
    struct err *e)
{
	const char *base, *to_base;
	int dir = open_parent(t, f->path, &base, e), to_dir, r = 0;
	struct stat here, there;

	if (dir < 0)
		return -1;
	to_dir = open_parent(t, f->link_to, &to_base, e);
	if (to_dir < 0) {
		close(dir);
		return -1;
	}
	if (fstatat(dir, base, &here, AT_SYMLINK_NOFOLLOW) < 0 ||
	    fstatat(to_dir, to_base, &there, AT_SYMLINK_NOFOLLOW) < 0)
		r = fail(t, "link", f->path, e);
	else if ((here.st_dev != there.st_dev || here.st_ino != there.st_ino) &&
	    (unlinkat(dir, base, 0) < 0 ||
	    linkat(to_dir, to_base, dir, base, 0) < 0))
		r = fail(t, "link", f->path, e);
	close(to_dir);
	close(dir);
	return r;
}

static int
tree_entry(void *ctx, const struct payload_file *f, bool *take_data,
    struct err *e)
{
	struct treewriter *t = ctx;
	const char *base;
	int dir, r;

	if (f->disk != NULL && in_place(t, f->source))
		return f->link_to ? relink_in_place(t, f, e) : 0;
	if (f->path[0] == '\0')
		return 0;
	dir = open_parent(t, f->path, &base, e);
	if (dir < 0)
		return -1;
	if (S_ISDIR(f->st->st_mode))
		r = make_dir(t, dir, base, f, e);
	else if ((r = clear_path(t, dir, base, f->path, e)) < 0)
		;
	else if (S_ISLNK(f->st->st_mode))
		r = symlinkat(f->target, dir, base) < 0 ?
		    fail(t, "create", f->path, e) :
		    set_time(t, dir, base, f->path, f->st->st_mtime, e);
	else
		r = make_file(t, dir, base, f, take_data, e);
	close(dir);
	return r;
}

static int
tree_data(void *ctx, const void *chunk, size_t len, struct err *e)
{
	struct treewriter *t = ctx;

	if (file_write_all(t->fd, chunk, len) < 0)
		return err_errno(e, "cannot write %s", t->path);
	return 0;
}

/* The file's mode and time, once its contents are there. */
static int
tree_end_file(void *ctx, struct err *e)
{
	struct treewriter *t = ctx;
	struct timespec times[2] = { { t->st->st_mtime, 0 },
	    { t->st->st_mtime, 0 } };
	int r = 0;

	if (fchmod(t->fd, t->st->st_mode & 07777) < 0 ||
	    futimens(t->fd, times) < 0)
		r = err_errno(e, "cannot write %s", t->path);
	if (close(t->fd) < 0 && r == 0)
		r = err_errno(e, "cannot write %s", t->path);
	t->fd = -1;
	free(t->path);
	t->path = NULL;
	return r;
}

/* A directory's mode and time, its entries being there. */
static int
finish_dir(struct treewriter *t, const struct dir_final *d, struct err *e)
{
	const char *base;
	int dir = open_parent(t, d->path, &base, e), fd, r = 0;

	if (dir < 0)
		return -1;
	fd = openat(dir, base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fchmod(fd, d->mode) < 0)
		r = fail(t, "set the mode of", d->path, e);
	else if (d->has_time)
		r = set_time(t, dir, base, d->path, d->mtime, e);
	if (fd >= 0)
		close(fd);
	close(dir);
	return r;
}

/* The directories' modes and times, deepest first: a directory made
 * read-only is filled already. */
static int
finish_dirs(struct treewriter *t, struct err *e)
{
	for (size_t i = t->ndirs; i > 0; i--)
		if (finish_dir(t, &t->dirs[i - 1], e) < 0)
			return -1;
	return 0;
}

int
treewriter_fill(const char *root, const struct payload_source *sources,
    size_t nsources, struct payload_result *out, struct err *e)
{
	struct treewriter t = { root, sources, -1, -1, NULL, NULL, NULL, 0 };
	/* A tree's Architecture is the one rendered: no need to look. */
	struct payload_writer w = { tree_entry, tree_data, tree_end_file, &t,
	    false, NULL, NULL };
	int r;

	t.root_fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (t.root_fd < 0) {
		memset(out, 0, sizeof(*out));
		return err_errno(e, "cannot open %s", root);
	}
	/* Made-up parents get the time they are made: no mtime to pass. */
	r = payload_pass(sources, nsources, 0, &w, out, e);
	if (t.fd >= 0)
		close(t.fd);
	if (r == 0)
		r = finish_dirs(&t, e);
	for (size_t i = 0; i < t.ndirs; i++)
		free(t.dirs[i].path);
	close(t.root_fd);
	free(t.dirs);
	free(t.path);
	return r;
}
