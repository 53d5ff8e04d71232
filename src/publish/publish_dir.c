/* publish_dir: a repository's base directory. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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

/* Makes the parents of `repo` as mkdir -p does. */
static int
make_parents(const char *repo, struct err *e)
{
	const char *slash = strrchr(repo, '/');
	char *parent;
	int rc;

	while (slash != NULL && slash > repo && slash[-1] == '/')
		slash--;
	if (slash == NULL || slash == repo)
		return 0;
	parent = xstrndup(repo, (size_t)(slash - repo));
	rc = dirtree_prepare_output(parent, e);
	free(parent);
	return rc;
}

int
publish_dir_lock(const char *repo, int *fd, bool *made, struct err *e)
{
	char *conf, *path;
	struct stat held, named;
	int rc = -1;

	*fd = -1;
	if (make_parents(repo, e) < 0)
		return -1;
	conf = file_join(repo, "conf");
	path = file_join(conf, PUBLISH_LOCK);
	for (int tries = 0; rc < 0 && tries < 100; tries++) {
		if (mkdir(repo, 0755) == 0)
			*made = true;
		else if (errno != EEXIST)
			break;
		if ((mkdir(conf, 0755) < 0 && errno != EEXIST) ||
		    (*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0)
			break;
		while (flock(*fd, LOCK_EX) < 0) {
			if (errno != EINTR) {
				err_errno(e, "cannot lock %s", path);
				rc = -2;
			} else if (process_check_interrupted(e) < 0) {
				rc = -2;
			}
			if (rc == -2)
				break;
		}
		/* Held, unless its file was removed meanwhile. */
		if (rc == -1 && fstat(*fd, &held) == 0 &&
		    stat(path, &named) == 0 && held.st_dev == named.st_dev &&
		    held.st_ino == named.st_ino)
			rc = 0;
		if (rc < 0) {
			close(*fd);
			*fd = -1;
		}
		if (rc == -2)
			break;
	}
	if (rc == -1)
		err_errno(e, "cannot make or lock the repository %s", repo);
	free(conf);
	free(path);
	return rc < 0 ? -1 : 0;
}

void
publish_dir_remove_new(const char *repo, bool made)
{
	static const char *const parts[] = { "db", "dists", "pool",
	    PUBLISH_KEY, "conf" };
	struct err ignored = ERR_INIT;

	if (made) {
		dirtree_remove(repo, &ignored);
	} else {
		for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
			char *path = file_join(repo, parts[i]);

			dirtree_remove(path, &ignored);
			free(path);
		}
	}
	err_release(&ignored);
}
