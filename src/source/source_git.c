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
#include "source/source_link.h"
#include "source/source_redact.h"

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

/* git never asks for credentials: a job has nobody to answer. */
static char *git_env[] = { "GIT_TERMINAL_PROMPT=0", NULL };

/* The repository a fetch reads: `url` for git, `shown` (without its
 * credentials) for messages, and what git said on its standard error,
 * kept to be shown, filtered, with the error. */
struct remote {
	char *url;
	char *shown;
	struct buf said;
};

/* Runs git with `args`; its exit status, or -1 with `e` set. Its
 * messages are added to rem->said. */
static int
git(struct remote *rem, char *const args[], const char *cwd, struct buf *out,
    struct err *e)
{
	return process_capture_err(args, cwd, git_env, out, &rem->said, e);
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
fetch_commit(struct remote *rem, const char *ref, const char *dest,
    struct err *e)
{
	char *init[] = { "git", "init", "--quiet", (char *)dest, NULL };
	char *fetch[] = { "git", "fetch", "--quiet", "--depth", "1", "--",
	    rem->url, (char *)ref, NULL };
	char *checkout[] = { "git", "-c", "advice.detachedHead=false",
	    "checkout", "--quiet", "--detach", "FETCH_HEAD", NULL };
	int r;

	if ((r = git(rem, init, NULL, NULL, e)) != 0 ||
	    (r = git(rem, fetch, dest, NULL, e)) != 0 ||
	    (r = git(rem, checkout, dest, NULL, e)) != 0)
		return r < 0 ? -1 : err_set(e, STATUS_SYSTEM, "git cannot fetch "
		    "%s at %s", rem->shown, ref);
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

/* True for a local path (not a URL): git can resolve refs there. */
static bool
is_local(const char *spec)
{
	return strstr(spec, "://") == NULL && strchr(spec, '@') == NULL;
}

/* Runs a git command in `cwd` whose first line of output is the answer:
 * 0 with *line set (the caller frees it), 1 when git says no (its
 * messages are not shown), -1 with `e` set. */
static int
git_line(char *const args[], const char *cwd, char **line, struct err *e)
{
	struct buf out = BUF_INIT;
	int r = process_probe(args, cwd, git_env, &out, e);

	*line = NULL;
	if (r == 0) {
		out.len = strcspn(out.data, "\n");
		out.data[out.len] = '\0';
		*line = buf_detach(&out);
	}
	buf_release(&out);
	return r < 0 ? -1 : r == 0 ? 0 : 1;
}

/* A local path given with --ref must be the repository's root: the
 * plugin's place inside it is --subdirectory. */
static int
check_toplevel(const char *spec, struct err *e)
{
	char *bare[] = { "git", "rev-parse", "--is-bare-repository", NULL };
	char *args[] = { "git", "rev-parse", "--show-toplevel", NULL };
	char *top = NULL, *real;
	size_t len;
	int r = git_line(bare, spec, &top, e);

	if (r == 0 && strcmp(top, "true") == 0) {
		free(top);
		return 0;
	}
	free(top);
	top = NULL;
	real = realpath(spec, NULL);
	if (r == 0)
		r = git_line(args, spec, &top, e);
	if (r == 0 && real != NULL && strcmp(top, real) != 0) {
		len = strlen(top);
		r = err_set(e, STATUS_USAGE, "%s is inside the git repository %s: "
		    "give the repository's root as SOURCE and --subdirectory %s",
		    spec, top, strncmp(real, top, len) == 0 && real[len] == '/' ?
		    real + len + 1 : spec);
	} else if (r == 1) {
		r = err_set(e, STATUS_USAGE, "%s is not a git repository", spec);
	}
	free(top);
	free(real);
	return r;
}

/* The commit that `ref` names in the local repository `spec`, as git
 * reads it (branches, remote branches, tags, short hashes...). */
static int
resolve_local(const char *spec, const char *ref, char **commit,
    struct err *e)
{
	char *peeled = xasprintf("%s^{commit}", ref);
	char *args[] = { "git", "rev-parse", "--verify", "--quiet",
	    "--end-of-options", peeled, NULL };
	int r = check_toplevel(spec, e);

	if (r == 0)
		r = git_line(args, spec, commit, e);
	if (r == 1)
		r = err_set(e, STATUS_USAGE, "--ref %s: the git repository %s "
		    "has no branch, tag or commit of that name", ref, spec);
	free(peeled);
	return r;
}

/* True when the remote has a branch or tag named `ref`. */
static int
remote_has(struct remote *rem, const char *ref, struct err *e)
{
	char *heads = xasprintf("refs/heads/%s", ref);
	char *tags = xasprintf("refs/tags/%s", ref);
	char *args[] = { "git", "ls-remote", "--", rem->url, heads, tags, NULL };
	struct buf out = BUF_INIT;
	int r = git(rem, args, NULL, &out, e);

	if (r > 0)
		r = err_set(e, STATUS_USAGE, "git cannot read the repository %s",
		    rem->shown);
	else if (r == 0)
		r = out.len > 0;
	buf_release(&out);
	free(heads);
	free(tags);
	return r;
}

/* True when `ref` reads as a commit hash, full or abbreviated. */
static bool
looks_like_hash(const char *ref)
{
	size_t len = strlen(ref);

	return len >= 4 && len <= 64 && strspn(ref, "0123456789abcdef") == len;
}

/* Fetches the remote at `ref`: a branch or tag is cloned, a full commit
 * hash fetched. */
static int
fetch_remote(struct remote *rem, const char *ref, const char *dest,
    struct err *e)
{
	char *clone[] = { "git", "-c", "advice.detachedHead=false", "clone",
	    "--quiet", "--depth", "1", "--no-tags", "--branch", (char *)ref, "--",
	    rem->url, (char *)dest, NULL };
	int r = remote_has(rem, ref, e);

	if (r < 0)
		return -1;
	if (r == 1) {
		r = git(rem, clone, NULL, NULL, e);
		return r <= 0 ? r : err_set(e, STATUS_SYSTEM, "git cannot clone "
		    "%s at %s", rem->shown, ref);
	}
	if (!looks_like_hash(ref))
		return err_set(e, STATUS_USAGE, "--ref %s: the git repository %s "
		    "has no branch or tag of that name", ref, rem->shown);
	if (strlen(ref) < 40)
		return err_set(e, STATUS_USAGE, "--ref %s: a remote repository "
		    "cannot resolve an abbreviated commit hash; give all of it",
		    ref);
	return fetch_commit(rem, ref, dest, e);
}

/* The fetch itself: the default branch, a local repository at the
 * commit `ref` names, or a remote one at `ref`. */
static int
fetch(const char *spec, struct remote *rem, const char *ref,
    const char *dest, struct err *e)
{
	char *clone_default[] = { "git", "clone", "--quiet", "--depth", "1",
	    "--", rem->url, (char *)dest, NULL };
	char *commit = NULL;
	int r;

	if (ref == NULL) {
		r = git(rem, clone_default, NULL, NULL, e);
		return r <= 0 ? r : err_set(e, is_local(spec) ? STATUS_USAGE :
		    STATUS_SYSTEM, "git cannot clone %s", rem->shown);
	}
	if (!is_local(spec))
		return fetch_remote(rem, ref, dest, e);
	r = resolve_local(spec, ref, &commit, e);
	if (r == 0)
		r = fetch_commit(rem, commit, dest, e);
	free(commit);
	return r;
}

/* The clone keeps no credential: its origin is the URL without them
 * (a rules command that copies the tree would ship .git/config). */
static int
forget_credentials(struct remote *rem, const char *dest, struct err *e)
{
	char *set_url[] = { "git", "config", "remote.origin.url", rem->shown,
	    NULL };
	char *get_url[] = { "git", "config", "remote.origin.url", NULL };
	struct buf out = BUF_INIT;
	int r = 0;

	if (!source_redact_needed(rem->url))
		return 0;
	/* No origin (a commit fetched into a new repository): nothing. */
	if (process_probe(get_url, dest, git_env, &out, e) == 0 &&
	    git(rem, set_url, dest, NULL, e) != 0)
		r = e->msg ? -1 : err_set(e, STATUS_SYSTEM, "git cannot "
		    "rewrite the origin of %s", rem->shown);
	buf_release(&out);
	return r;
}

/* Appends what git said, filtered, to the message of `e`. */
static void
add_git_said(struct remote *rem, struct err *e)
{
	char *said, *msg;
	size_t len;

	if (rem->said.len == 0 || e->msg == NULL)
		return;
	said = source_redact(rem->said.data);
	len = strlen(said);
	while (len > 0 && said[len - 1] == '\n')
		said[--len] = '\0';
	msg = xasprintf("%s; git said:\n%s", e->msg, said);
	free(e->msg);
	e->msg = msg;
	free(said);
}

int
source_git_fetch(const char *spec, const char *ref, const char *dest,
    char **commit, struct err *e)
{
	struct remote rem = { url_of(spec), NULL, BUF_INIT };
	char *rev_parse[] = { "git", "rev-parse", "HEAD", NULL };
	int r;

	rem.shown = source_redact(rem.url);
	*commit = NULL;
	if (!process_in_path("git")) {
		free(rem.shown);
		rem.shown = source_redact(spec);
		r = err_set(e, STATUS_SYSTEM, "git is not installed: it is "
		    "needed for %s", rem.shown);
		goto out;
	}
	r = fetch(spec, &rem, ref, dest, e);
	if (r == 0 && (r = git_line(rev_parse, dest, commit, e)) == 1)
		r = err_set(e, STATUS_SYSTEM, "git cannot read the commit of %s",
		    rem.shown);
	if (r == 0)
		r = forget_credentials(&rem, dest, e);
	if (r == 0)
		r = check_links(dest, e);
	if (r != 0)
		add_git_said(&rem, e);
out:
	free(rem.url);
	free(rem.shown);
	buf_release(&rem.said);
	return r == 0 ? 0 : -1;
}
