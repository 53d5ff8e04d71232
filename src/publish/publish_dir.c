/* publish_dir: a repository's base directory. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/dirtree.h"
#include "base/file.h"
#include "base/process.h"
#include "base/xalloc.h"
#include "publish/publish_dir.h"

/* Whether the directory `dir` holds nothing but the entries `allowed`
 * (NULL-terminated); a missing directory holds nothing. */
static bool
holds_only(const char *dir, const char *const *allowed)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	bool only = true;

	if (d == NULL)
		return errno == ENOENT;
	while (only && (ent = readdir(d)) != NULL) {
		bool ok = strcmp(ent->d_name, ".") == 0 ||
		    strcmp(ent->d_name, "..") == 0;

		for (size_t i = 0; !ok && allowed[i] != NULL; i++)
			ok = strcmp(ent->d_name, allowed[i]) == 0;
		only = ok;
	}
	closedir(d);
	return only;
}

int
publish_dir_check(const char *repo, struct err *e)
{
	static const char *const conf_only[] = { "conf", NULL };
	struct stat st;
	char *conf = file_join(repo, "conf");
	char *dist = file_join(conf, "distributions");
	int rc = 0;
	bool exists = stat(repo, &st) == 0;

	if (!exists && errno == ENOTDIR)
		rc = err_set(e, STATUS_USAGE, "--repo %s: one of its parents is a "
		    "file, not a directory", repo);
	else if (!exists && errno != ENOENT)
		rc = err_errno(e, "cannot reach %s", repo);
	else if (exists && !S_ISDIR(st.st_mode))
		rc = err_set(e, STATUS_USAGE, "--repo %s is a file, not a "
		    "directory", repo);
	/* What conf/ holds is judged under the lock (publish_dir_is_new()):
	 * a run making the repository may be writing there now. */
	else if (access(dist, F_OK) != 0 && !holds_only(repo, conf_only))
		rc = err_set(e, STATUS_USAGE, "--repo %s is neither empty nor "
		    "a repository (it has no conf/distributions): give a new "
		    "or empty directory", repo);
	free(conf);
	free(dist);
	return rc;
}

bool
publish_dir_is_new(const char *repo)
{
	static const char *const conf_only[] = { "conf", NULL };
	static const char *const lock_only[] = { PUBLISH_LOCK, NULL };
	char *conf = file_join(repo, "conf");
	bool is_new = holds_only(repo, conf_only) && holds_only(conf, lock_only);

	free(conf);
	return is_new;
}

/* The directory `path` is in (dirname(3)); the caller frees it. */
static char *
parent_of(const char *path)
{
	char *copy = xstrdup(path);
	char *parent = xstrdup(dirname(copy));

	free(copy);
	return parent;
}

/* Waits for the lock `fd` holds on `path`: 0 once held, -1 when the file
 * was removed meanwhile (to start over), -2 with `e` set on an error or
 * a signal. */
static int
wait_lock(int fd, const char *path, struct err *e)
{
	struct stat held, named;

	while (flock(fd, LOCK_EX) < 0) {
		if (errno != EINTR) {
			err_errno(e, "cannot lock %s", path);
			return -2;
		}
		if (process_check_interrupted(e) < 0)
			return -2;
	}
	if (fstat(fd, &held) == 0 && stat(path, &named) == 0 &&
	    held.st_dev == named.st_dev && held.st_ino == named.st_ino)
		return 0;
	return -1;
}

int
publish_dir_lock(const char *repo, int *fd, char **made, struct err *e)
{
	char *parent = parent_of(repo);
	char *conf = file_join(repo, "conf");
	char *path = file_join(conf, PUBLISH_LOCK);
	int rc = -1;

	*fd = -1;
	for (int tries = 0; rc == -1 && tries < 100; tries++) {
		/* Parents another run made and removed are made again. */
		if (dirtree_make_dirs(parent, 0755, made, e) < 0) {
			rc = -2;
			break;
		}
		if (mkdir(repo, 0755) == 0) {
			if (*made == NULL)
				*made = xstrdup(repo);
		} else if (errno == ENOENT) {
			continue;
		} else if (errno != EEXIST) {
			break;
		}
		if ((mkdir(conf, 0755) < 0 && errno != EEXIST) ||
		    (*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0)
			break;
		rc = wait_lock(*fd, path, e);
		if (rc < 0) {
			close(*fd);
			*fd = -1;
		}
	}
	if (rc == -1)
		err_errno(e, "cannot make or lock the repository %s", repo);
	free(parent);
	free(conf);
	free(path);
	return rc < 0 ? -1 : 0;
}

void
publish_dir_unmake(const char *repo, const char *made)
{
	char *dir = xstrdup(repo), *parent;

	/* rmdir(2) leaves a directory that holds anything: what another
	 * run (or anyone) put beside the repository stays. */
	while (made != NULL && rmdir(dir) == 0 && strcmp(dir, made) != 0) {
		parent = parent_of(dir);
		if (strcmp(parent, dir) == 0) {
			free(parent);
			break;
		}
		free(dir);
		dir = parent;
	}
	free(dir);
}

void
publish_dir_remove_new(const char *repo, const char *made)
{
	static const char *const parts[] = { "db", "dists", "pool",
	    PUBLISH_KEY, "conf" };
	struct err ignored = ERR_INIT;

	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		char *path = file_join(repo, parts[i]);

		dirtree_remove(path, &ignored);
		free(path);
	}
	err_release(&ignored);
	publish_dir_unmake(repo, made);
}
