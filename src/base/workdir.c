/* workdir: working directories held by a lock, and the removal of the
 * ones whose run died. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/dirtree.h"
#include "base/file.h"
#include "base/workdir.h"

#define LOCK_NAME ".lock"
#define PRIVATE_PREFIX "wazo-plugin-deb."

/* A file in `dir`, locked, then renamed to ".lock": the name appears
 * locked. Returns its descriptor, or -1 with `e` set. */
static int
make_lock(const char *dir, struct err *e)
{
	char *tmp = xasprintf("%s/" LOCK_NAME "-XXXXXX", dir);
	char *path = file_join(dir, LOCK_NAME);
	int fd = mkostemp(tmp, O_CLOEXEC);

	if (fd < 0)
		err_errno(e, "cannot create a file in %s", dir);
	else if (flock(fd, LOCK_EX) < 0 || rename(tmp, path) < 0) {
		err_errno(e, "cannot lock %s", dir);
		close(fd);
		unlink(tmp);
		fd = -1;
	}
	free(path);
	free(tmp);
	return fd;
}

int
workdir_create(struct workdir *w, const char *parent, const char *prefix,
    struct err *e)
{
	char *dir = xasprintf("%s/%sXXXXXX", parent, prefix);

	w->path = NULL;
	w->lock = -1;
	if (mkdtemp(dir) == NULL) {
		err_errno(e, "cannot create a directory in %s", parent);
		free(dir);
		return -1;
	}
	w->path = dir;
	w->lock = make_lock(dir, e);
	if (w->lock < 0) {
		workdir_remove(w);
		return -1;
	}
	return 0;
}

int
workdir_private(struct workdir *w, struct err *e)
{
	workdir_sweep(dirtree_tmp(), PRIVATE_PREFIX);
	return workdir_create(w, dirtree_tmp(), PRIVATE_PREFIX, e);
}

void
workdir_remove(struct workdir *w)
{
	struct err ignored = ERR_INIT;

	if (w->path != NULL)
		dirtree_remove(w->path, &ignored);
	err_release(&ignored);
	if (w->lock >= 0)
		close(w->lock);
	free(w->path);
	w->path = NULL;
	w->lock = -1;
}

/* Removes `dir` when its lock is free and still its own ".lock" once
 * taken (not one a run just made under a reused name). */
static void
sweep_one(const char *dir)
{
	char *path = file_join(dir, LOCK_NAME);
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat held, named;
	struct workdir w = { NULL, fd };

	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
	    fstat(fd, &held) == 0 && lstat(path, &named) == 0 &&
	    held.st_dev == named.st_dev && held.st_ino == named.st_ino)
		w.path = xstrdup(dir);
	workdir_remove(&w);
	free(path);
}

void
workdir_sweep(const char *parent, const char *prefix)
{
	DIR *d = opendir(parent);
	struct dirent *ent;
	size_t len = strlen(prefix);

	if (d == NULL)
		return;
	while ((ent = readdir(d)) != NULL) {
		char *dir;
		struct stat st;

		if (strncmp(ent->d_name, prefix, len) != 0)
			continue;
		dir = file_join(parent, ent->d_name);
		if (lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) &&
		    st.st_uid == geteuid())
			sweep_one(dir);
		free(dir);
	}
	closedir(d);
}
