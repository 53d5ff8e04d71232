/* outfile: files named only once complete; scratch files. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/outfile.h"

/* Whether open(O_TMPFILE) failed because the file system lacks it. */
static bool
no_tmpfile(void)
{
	return errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL;
}

/* `path`'s directory and the template of a hidden name beside it. */
static char *
dir_of(const char *path)
{
	char *copy = xstrdup(path), *dir = xstrdup(dirname(copy));

	free(copy);
	return dir;
}

static char *
hidden_beside(const char *path, const char *suffix)
{
	char *copy = xstrdup(path), *dir = dir_of(path);
	char *name = xasprintf("%s/.%s.tmp-%s", dir, basename(copy), suffix);

	free(dir);
	free(copy);
	return name;
}

int
outfile_open(struct outfile *f, const char *path, struct err *e)
{
	char *dir = dir_of(path);

	f->path = xstrdup(path);
	f->tmp = NULL;
	f->fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
	if (f->fd < 0 && no_tmpfile()) {
		f->tmp = hidden_beside(path, "XXXXXX");
		f->fd = mkostemp(f->tmp, O_CLOEXEC);
	}
	if (f->fd < 0) {
		err_errno(e, "cannot create a file in %s", dir);
		free(f->tmp);
		free(f->path);
		f->tmp = f->path = NULL;
	}
	free(dir);
	return f->fd < 0 ? -1 : 0;
}

/* Names the unnamed file `fd` `path`; -1 with errno set (EEXIST when
 * the name is taken). */
static int
link_unnamed(int fd, const char *path)
{
	char proc[64];

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno != ENOENT)
		return -1;
	/* No /proc: this one needs CAP_DAC_READ_SEARCH. */
	return linkat(fd, "", AT_FDCWD, path, AT_EMPTY_PATH);
}

/* Names the unnamed file under a free temporary name, then renames it
 * over the taken `path`. */
static int
replace_with_unnamed(struct outfile *f)
{
	for (unsigned i = 0; i < 1000; i++) {
		char suffix[40];

		snprintf(suffix, sizeof(suffix), "%ld-%u", (long)getpid(), i);
		free(f->tmp);
		f->tmp = hidden_beside(f->path, suffix);
		if (link_unnamed(f->fd, f->tmp) == 0)
			return rename(f->tmp, f->path);
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

static int
name_file(struct outfile *f)
{
	if (f->tmp != NULL)
		return rename(f->tmp, f->path);
	if (link_unnamed(f->fd, f->path) == 0)
		return 0;
	return errno == EEXIST ? replace_with_unnamed(f) : -1;
}

int
outfile_commit(struct outfile *f, unsigned mode, struct err *e)
{
	int r = 0;

	if (fchmod(f->fd, (mode_t)mode) < 0 || fsync(f->fd) < 0 ||
	    name_file(f) < 0)
		r = err_errno(e, "cannot write %s", f->path);
	else {
		free(f->tmp);	/* now the file's name */
		f->tmp = NULL;
		if (close(f->fd) < 0)
			r = err_errno(e, "cannot write %s", f->path);
		f->fd = -1;
	}
	outfile_abort(f);
	return r;
}

void
outfile_abort(struct outfile *f)
{
	if (f->fd >= 0)
		close(f->fd);
	if (f->tmp != NULL)
		unlink(f->tmp);
	f->fd = -1;
	free(f->tmp);
	free(f->path);
	f->tmp = f->path = NULL;
}

int
outfile_scratch(const char *dir, struct err *e)
{
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	char *path;

	if (fd >= 0 || !no_tmpfile())
		return fd >= 0 ? fd : err_errno(e, "cannot create a file in %s",
		    dir);
	path = xasprintf("%s/scratch-XXXXXX", dir);
	fd = mkostemp(path, O_CLOEXEC);
	if (fd < 0)
		err_errno(e, "cannot create a file in %s", dir);
	else
		unlink(path);
	free(path);
	return fd;
}
