/* source_git: a plugin source that is a git repository. */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"
#include "base/dirtree.h"
#include "base/process.h"
#include "source/source_archive.h"
#include "source/source_git.h"

bool
source_git_looks_like(const char *spec)
{
	struct stat st;
	char *git;
	bool repo;

	if (strstr(spec, "://") != NULL)
		return true;
	if (strchr(spec, '@') != NULL && strchr(spec, ':') != NULL &&
	    strchr(spec, '@') < strchr(spec, ':'))
		return true;
	git = file_join(spec, ".git");
	repo = stat(git, &st) == 0;
	free(git);
	return repo;
}

/* Runs git with `args`; its exit status, or -1 with `e` set. */
static int
git(char *const args[], const char *cwd, struct buf *out, struct err *e)
{
	static char *env[] = { "GIT_TERMINAL_PROMPT=0", NULL };

	return out ? process_capture(args, cwd, env, out, e) :
	    process_run(args, cwd, env, e);
}

/* A local repository as a file:// URL, which clones shallowly. */
static char *
url_of(const char *spec)
{
	char *real;
	char *url;

	if (strstr(spec, "://") != NULL || strchr(spec, '@') != NULL)
		return xstrdup(spec);
	real = realpath(spec, NULL);
	if (real == NULL)
		return xstrdup(spec);
	url = xasprintf("file://%s", real);
	free(real);
	return url;
}

/* A commit hash cannot be cloned by name: fetch it into a new repository
 * and check it out. */
static int
fetch_commit(const char *url, const char *ref, const char *dest,
    struct err *e)
{
	char *init[] = { "git", "init", "--quiet", (char *)dest, NULL };
	char *fetch[] = { "git", "fetch", "--quiet", "--depth", "1", "--",
	    (char *)url, (char *)ref, NULL };
	char *checkout[] = { "git", "-c", "advice.detachedHead=false",
	    "checkout", "--quiet", "--detach", "FETCH_HEAD", NULL };
	int r;

	if ((r = git(init, NULL, NULL, e)) != 0 ||
	    (r = git(fetch, dest, NULL, e)) != 0 ||
	    (r = git(checkout, dest, NULL, e)) != 0)
		return r < 0 ? -1 : err_set(e, STATUS_INVALID, "git cannot fetch "
		    "%s at %s", url, ref);
	return 0;
}

/* Refuses symbolic links that point outside the tree. */
static int
check_links(const char *dest, struct err *e)
{
	struct dirtree_list tree;
	int r = 0;

	if (dirtree_list(dest, &tree, e) < 0)
		return -1;
	for (size_t i = 0; r == 0 && i < tree.count; i++) {
		char target[PATH_MAX], *path;
		ssize_t n;

		if (!S_ISLNK(tree.entries[i].st.st_mode) ||
		    strncmp(tree.entries[i].path, ".git/", 5) == 0)
			continue;
		path = file_join(dest, tree.entries[i].path);
		n = readlink(path, target, sizeof(target) - 1);
		free(path);
		if (n < 0)
			continue;
		target[n] = '\0';
		if (source_link_escapes(tree.entries[i].path, target))
			r = err_set(e, STATUS_INVALID, "refused: the symbolic link "
			    "'%s' points outside the repository (to '%s')",
			    tree.entries[i].path, target);
	}
	dirtree_list_release(&tree);
	return r;
}

int
source_git_fetch(const char *spec, const char *ref, const char *dest,
    char **commit, struct err *e)
{
	char *url = url_of(spec);
	char *clone[] = { "git", "-c", "advice.detachedHead=false", "clone",
	    "--quiet", "--depth", "1", "--no-tags", "--branch", (char *)ref, "--",
	    url, (char *)dest, NULL };
	char *clone_default[] = { "git", "clone", "--quiet", "--depth", "1",
	    "--", url, (char *)dest, NULL };
	/* A ref that reads as a commit hash is fetched as one first. */
	bool hash = ref != NULL && strlen(ref) >= 7 && strlen(ref) <= 64 &&
	    strspn(ref, "0123456789abcdef") == strlen(ref);
	char *rev_parse[] = { "git", "rev-parse", "HEAD", NULL };
	struct buf out = BUF_INIT;
	int r;

	*commit = NULL;
	if (!process_in_path("git")) {
		free(url);
		return err_set(e, STATUS_SYSTEM, "git is not installed: it is "
		    "needed for %s", spec);
	}
	if (hash) {
		r = fetch_commit(url, ref, dest, e);
	} else {
		r = git(ref ? clone : clone_default, NULL, NULL, e);
		if (r > 0 && ref != NULL) {
			/* Not a branch or tag: maybe a commit. */
			rmdir(dest);
			r = fetch_commit(url, ref, dest, e);
		} else if (r > 0) {
			r = err_set(e, STATUS_INVALID, "git cannot clone %s", url);
		}
	}
	if (r == 0 && (r = git(rev_parse, dest, &out, e)) == 0) {
		out.len = strcspn(out.data, "\n");
		out.data[out.len] = '\0';
		*commit = buf_detach(&out);
	} else if (r > 0) {
		r = err_set(e, STATUS_SYSTEM, "git cannot read the commit of %s",
		    url);
	}
	if (r == 0)
		r = check_links(dest, e);
	buf_release(&out);
	free(url);
	return r == 0 ? 0 : -1;
}
