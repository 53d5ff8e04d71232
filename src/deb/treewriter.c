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

/* A directory whose time is set once its entries are there. */
struct dir_time {
	char *path;
	time_t mtime;
};

struct treewriter {
	const char *root;
	const struct payload_source *sources;
	int fd;			/* the file being written, or -1 */
	char *path;		/* its path */
	const struct stat *st;	/* its entry */
	struct dir_time *dirs;
	size_t ndirs;
};

static bool
in_place(const struct treewriter *t, size_t source)
{
	return strcmp(t->sources[source].root, t->root) == 0 &&
	    t->sources[source].prefix[0] == '\0';
}

/* Removes what stands at `path`, unless it is a directory. */
static int
clear_path(const char *path, struct err *e)
{
	struct stat st;

	if (lstat(path, &st) < 0 || S_ISDIR(st.st_mode))
		return 0;
	if (unlink(path) < 0)
		return err_errno(e, "cannot replace %s", path);
	return 0;
}

static int
set_time(const char *path, time_t mtime, struct err *e)
{
	struct timespec times[2] = { { mtime, 0 }, { mtime, 0 } };

	if (utimensat(AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW) < 0)
		return err_errno(e, "cannot set the time of %s", path);
	return 0;
}

/* A directory: created when missing; an entry of a source also gets its
 * mode now and its time at the end, a made-up parent only 0755. */
static int
make_dir(struct treewriter *t, const char *path, const struct payload_file *f,
    struct err *e)
{
	bool made = mkdir(path, 0700) == 0;

	if (!made && errno != EEXIST)
		return err_errno(e, "cannot create %s", path);
	if (f->disk == NULL && !made)
		return 0;
	if (chmod(path, f->disk ? f->st->st_mode & 07777 : 0755) < 0)
		return err_errno(e, "cannot set the mode of %s", path);
	if (f->disk == NULL)
		return 0;
	t->dirs = xreallocarray(t->dirs, t->ndirs + 1, sizeof(*t->dirs));
	t->dirs[t->ndirs++] = (struct dir_time){ xstrdup(path),
	    f->st->st_mtime };
	return 0;
}

/* A regular file: a hard link to an earlier name, or opened for its
 * contents. */
static int
make_file(struct treewriter *t, char *path, const struct payload_file *f,
    bool *take_data, struct err *e)
{
	if (f->link_to != NULL) {
		char *to = file_join(t->root, f->link_to);
		int r = link(to, path) < 0 ?
		    err_errno(e, "cannot link %s to %s", path, to) : 0;

		free(to);
		return r;
	}
	t->fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (t->fd < 0)
		return err_errno(e, "cannot create %s", path);
	t->path = xstrdup(path);
	t->st = f->st;
	*take_data = true;
	return 0;
}

static int
tree_entry(void *ctx, const struct payload_file *f, bool *take_data,
    struct err *e)
{
	struct treewriter *t = ctx;
	char *path;
	int r;

	if (f->disk != NULL && in_place(t, f->source))
		return 0;
	path = file_join(t->root, f->path);
	if (S_ISDIR(f->st->st_mode))
		r = make_dir(t, path, f, e);
	else if ((r = clear_path(path, e)) < 0)
		;
	else if (S_ISLNK(f->st->st_mode))
		r = symlink(f->target, path) < 0 ? err_errno(e, "cannot create "
		    "%s", path) : set_time(path, f->st->st_mtime, e);
	else
		r = make_file(t, path, f, take_data, e);
	free(path);
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

int
treewriter_fill(const char *root, const struct payload_source *sources,
    size_t nsources, struct payload_result *out, struct err *e)
{
	struct treewriter t = { root, sources, -1, NULL, NULL, NULL, 0 };
	/* A tree's Architecture is the one rendered: no need to look. */
	struct payload_writer w = { tree_entry, tree_data, tree_end_file, &t,
	    false };
	/* Made-up parents get the time they are made: no mtime to pass. */
	int r = payload_pass(sources, nsources, 0, &w, out, e);

	if (t.fd >= 0)
		close(t.fd);
	for (size_t i = 0; i < t.ndirs; i++) {
		if (r == 0)
			r = set_time(t.dirs[i].path, t.dirs[i].mtime, e);
		free(t.dirs[i].path);
	}
	free(t.dirs);
	free(t.path);
	return r;
}
