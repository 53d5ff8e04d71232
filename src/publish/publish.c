/* publish: built packages added to a reprepro repository. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"
#include "base/process.h"
#include "base/xalloc.h"
#include "publish/publish.h"
#include "publish/publish_conf.h"
#include "publish/publish_dir.h"
#include "publish/publish_judge.h"
#include "publish/publish_key.h"
#include "publish/publish_repo.h"
#include "stage/debarch.h"

/* What a run holds while it works. */
struct run {
	const struct publish_job *job;
	struct publish_result *r;
	char *conf_path;	/* REPO/conf/distributions */
	struct buf conf;	/* its text */
	int lock;		/* the lock file, held */
	char *made;		/* the topmost directory this run made, or NULL */
	bool told_wait;		/* the user was told reprepro's lock is held */
};

static void
step(const struct publish_job *job, const char *name)
{
	if (job->step != NULL)
		job->step(name, job->ctx);
}

/* The host's codename: VERSION_CODENAME of /etc/os-release. */
static char *
host_codename(struct err *e)
{
	struct buf text = BUF_INIT;
	struct err ignored = ERR_INIT;
	char *name = NULL;

	if (file_read("/etc/os-release", 65536, &text, NULL, &ignored) < 0)
		err_release(&ignored);
	for (const char *p = text.data; p != NULL && *p != '\0';) {
		if (strncmp(p, "VERSION_CODENAME=", 17) == 0) {
			p += 17;
			p += *p == '"' || *p == '\'';
			name = xstrndup(p, strcspn(p, "\"'\n"));
			break;
		}
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	buf_release(&text);
	if (name == NULL || *name == '\0') {
		free(name);
		err_set(e, STATUS_USAGE, "give --codename: /etc/os-release names "
		    "no VERSION_CODENAME to take by default");
		return NULL;
	}
	return name;
}

/* Whether apt's one-line source "deb file:PATH ..." can hold the path
 * `path`: no white space or control character, none of '#', '[', ']'
 * or '"', which its parser takes as a comment, options or quotes. */
static bool
source_path(const char *path)
{
	for (const unsigned char *c = (const unsigned char *)path; *c; c++)
		if (*c <= ' ' || *c == 0x7f || strchr("#[]\"", *c) != NULL)
			return false;
	return true;
}

/* `repo`, judged as the apt source line will name it (absolute). */
static int
check_repo_path(const char *repo, struct err *e)
{
	char *cwd = repo[0] == '/' ? NULL : getcwd(NULL, 0);
	char *path = cwd ? file_join(cwd, repo) : xstrdup(repo);
	int rc = 0;

	if (!source_path(path))
		rc = err_set(e, STATUS_USAGE, "--repo '%s': the apt source line "
		    "(deb file:%s ...) cannot hold a path with white space, "
		    "control characters, '#', '[', ']' or '\"': give "
		    "another directory", repo, path);
	free(path);
	free(cwd);
	return rc;
}

/* The error of the refused packages, if any: nothing is published. */
static int
refuse_any(const struct publish_result *r, struct err *e)
{
	char *why = publish_judge_refusals(r->items, r->nitems);

	if (why == NULL)
		return 0;
	err_set(e, STATUS_INVALID, "refused, nothing published: %s", why);
	free(why);
	return -1;
}

/* Everything judged before the repository is touched: the options, the
 * programs, the key, the packages. */
static int
judge(struct run *run, struct err *e)
{
	const struct publish_job *job = run->job;
	struct publish_result *r = run->r;
	int rc;

	r->codename = job->codename ? xstrdup(job->codename) :
	    host_codename(e);
	r->component = xstrdup(job->component ? job->component : "main");
	if (r->codename == NULL)
		return -1;
	if (!publish_judge_name(r->codename))
		return err_set(e, STATUS_USAGE, "the codename '%s'%s must be "
		    "letters, digits, '.', '_', '+' or '-'", r->codename,
		    job->codename ? " (--codename)" : ", the host's,");
	if (!publish_judge_name(r->component))
		return err_set(e, STATUS_USAGE, "--component '%s' must be "
		    "letters, digits, '.', '_', '+' or '-'", r->component);
	if (check_repo_path(job->repo, e) < 0)
		return -1;
	if (job->sign_with != NULL && (*job->sign_with == '\0' ||
	    strpbrk(job->sign_with, " \t\n") != NULL))
		return err_set(e, STATUS_USAGE, "--sign-with '%s' is no key id",
		    job->sign_with);
	step(job, "reading");
	rc = publish_judge_debs(job->debs, job->ndebs, &r->items, e);
	r->nitems = job->ndebs;
	if (rc < 0)
		return -1;
	if (refuse_any(r, e) < 0)
		return -1;
	if (!process_in_path("reprepro"))
		return err_set(e, STATUS_SYSTEM, "reprepro is not installed "
		    "(apt-get install reprepro): publish runs it");
	if (job->sign_with != NULL && publish_key_check(job->sign_with, e) < 0)
		return -1;
	return publish_dir_check(job->repo, e);
}

/* The distribution of the job in the existing conf/distributions,
 * checked against the job's codename, component and key. */
static int
find_dist(struct run *run, struct err *e)
{
	struct publish_result *r = run->r;
	struct publish_dist d;
	struct buf names = BUF_INIT;
	const char *sign = run->job->sign_with;
	int rc = 0;

	if (!publish_conf_find(run->conf.data, r->codename, &d, &names))
		rc = err_set(e, STATUS_USAGE, "%s has no distribution %s (its "
		    "conf/distributions has: %s): give --codename", r->repo,
		    r->codename, names.len ? names.data : "none");
	else if (!publish_conf_has_word(d.components, r->component))
		rc = err_set(e, STATUS_USAGE, "%s's %s has no component %s (it "
		    "has: %s): give --component", r->repo, r->codename,
		    r->component, d.components ? d.components : "none");
	else if (sign != NULL && d.sign_with == NULL)
		rc = err_set(e, STATUS_USAGE, "%s's %s is not signed (its "
		    "conf/distributions has no SignWith): add 'SignWith: %s' "
		    "there to sign it with that key", r->repo, r->codename,
		    sign);
	else if (sign != NULL && strcmp(d.sign_with, sign) != 0)
		rc = err_set(e, STATUS_USAGE, "%s's %s is signed with %s "
		    "(SignWith in conf/distributions), not with --sign-with %s",
		    r->repo, r->codename, d.sign_with, sign);
	if (rc == 0) {
		r->architectures = xstrdup(d.architectures ?
		    d.architectures : "");
		r->sign_with = d.sign_with;
		d.sign_with = NULL;
	}
	publish_conf_dist_release(&d);
	buf_release(&names);
	return rc;
}

/* conf/distributions of a new repository: the host's architecture and
 * those the packages need. */
static int
write_new_conf(struct run *run, struct err *e)
{
	struct publish_result *r = run->r;
	char *more = publish_judge_missing_archs(r->items, r->nitems,
	    debarch_host());
	char *text;

	r->architectures = xasprintf("%s%s", debarch_host(), more);
	r->sign_with = run->job->sign_with ? xstrdup(run->job->sign_with) :
	    NULL;
	text = publish_conf_new(r->codename, r->component, r->architectures,
	    r->sign_with);
	buf_adds(&run->conf, text);
	free(text);
	free(more);
	r->created = true;
	return file_write_atomic(run->conf_path, run->conf.data,
	    run->conf.len, 0644, e);
}

/* Tells the user, once, when another reprepro holds the repository's
 * lock, which the next reprepro waits for. */
static void
tell_reprepro_lock(struct run *run)
{
	const struct publish_job *job = run->job;
	char *lock, *msg;

	if (run->told_wait || job->warning == NULL)
		return;
	lock = file_join(run->r->repo, PUBLISH_REPO_LOCK);
	if (access(lock, F_OK) == 0) {
		msg = xasprintf("waiting for reprepro's lock %s (another "
		    "reprepro holds it; %d s at most)", lock,
		    PUBLISH_REPO_LOCK_SECONDS);
		job->warning(msg, job->ctx);
		free(msg);
		run->told_wait = true;
	}
	free(lock);
}

/* What the distribution lists of the packages of `r`. */
static int
list_items(const struct publish_result *r, struct publish_repo_entry **entries,
    size_t *n, struct err *e)
{
	const char **names = xcalloc(r->nitems + 1, sizeof(*names));
	int rc;

	for (size_t i = 0; i < r->nitems; i++)
		names[i] = r->items[i].info.package;
	rc = publish_repo_list(r->repo, r->codename, r->component, names,
	    r->nitems, entries, n, e);
	free(names);
	return rc;
}

/* Judges the packages against what the distribution holds. */
static int
judge_against_repo(struct run *run, struct err *e)
{
	struct publish_result *r = run->r;
	struct publish_repo_file *files;
	struct publish_repo_entry *entries = NULL;
	size_t nfiles, nentries = 0;
	int rc;

	rc = publish_repo_files(r->repo, &files, &nfiles, e);
	if (rc == 0)
		rc = list_items(r, &entries, &nentries, e);
	if (rc == 0)
		publish_judge_repo(r->items, r->nitems, r->architectures, files,
		    nfiles, entries, nentries);
	publish_repo_files_free(files, nfiles);
	publish_repo_entries_free(entries, nentries);
	if (rc == 0)
		rc = refuse_any(r, e);
	return rc;
}

/* Adds the architectures the packages need to the distribution. */
static int
add_archs(struct run *run, struct err *e)
{
	struct publish_result *r = run->r;
	char *more = publish_judge_missing_archs(r->items, r->nitems,
	    r->architectures);
	int rc = 0;

	if (*more != '\0') {
		if (!publish_conf_add_archs(&run->conf, r->codename, more))
			rc = err_set(e, STATUS_USAGE, "%s's %s has no "
			    "Architectures line to add%s to", r->repo,
			    r->codename, more);
		else
			rc = file_write_atomic(run->conf_path, run->conf.data,
			    run->conf.len, 0644, e);
		if (rc == 0) {
			char *all = xasprintf("%s%s", r->architectures, more);

			free(r->architectures);
			r->architectures = all;
		}
	}
	r->added_archs = more;
	return rc;
}

/* The distribution's conf: written on first use, else read and
 * checked, then judged against, then given the missing architectures. */
static int
open_dist(struct run *run, struct err *e)
{
	if (access(run->conf_path, F_OK) != 0) {
		if (!publish_dir_is_new(run->r->repo))
			return err_set(e, STATUS_USAGE, "--repo %s is neither "
			    "empty nor a repository", run->r->repo);
		return write_new_conf(run, e) < 0 ? -1 : add_archs(run, e);
	}
	if (file_read(run->conf_path, 1 << 20, &run->conf, NULL, e) < 0 ||
	    find_dist(run, e) < 0)
		return -1;
	tell_reprepro_lock(run);
	if (judge_against_repo(run, e) < 0)
		return -1;
	return add_archs(run, e);
}

/* reprepro adds the packages; flood puts the Architecture: all ones
 * under architectures just added. */
static int
include(struct run *run, struct err *e)
{
	struct publish_result *r = run->r;
	const char **debs = xcalloc(r->nitems + 1, sizeof(*debs));
	bool flood = !r->created && *r->added_archs != '\0';
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < r->nitems; i++)
		if (r->items[i].action == PUBLISH_ADDED)
			debs[n++] = r->items[i].deb;
	if (n > 0 || flood) {
		step(run->job, "publishing");
		tell_reprepro_lock(run);
	}
	if (n > 0)
		rc = publish_repo_include(r->repo, r->codename, r->component,
		    debs, n, e);
	if (rc == 0 && flood)
		rc = publish_repo_flood(r->repo, r->codename, e);
	free(debs);
	return rc;
}

/* Each package's file in the pool, as the distribution lists it. */
static int
find_pool_files(struct publish_result *r, struct err *e)
{
	struct publish_repo_entry *entries = NULL;
	size_t n = 0;
	int rc = list_items(r, &entries, &n, e);

	for (size_t i = 0; rc == 0 && i < r->nitems; i++)
		for (size_t k = 0; k < n && r->items[i].pool == NULL; k++)
			if (strcmp(entries[k].package,
			    r->items[i].info.package) == 0 &&
			    strcmp(entries[k].version,
			    r->items[i].info.version) == 0)
				r->items[i].pool = xstrdup(entries[k].filename);
	publish_repo_entries_free(entries, n);
	return rc;
}

/* An error when reprepro lists no pool file for a package it added. */
static int
check_pool_files(const struct publish_result *r, struct err *e)
{
	for (size_t i = 0; i < r->nitems; i++) {
		const struct publish_item *it = &r->items[i];

		if (it->action == PUBLISH_ADDED && it->pool == NULL)
			return err_set(e, STATUS_SYSTEM, "%s %s (%s): reprepro "
			    "includedeb succeeded but %s %s lists no such "
			    "package", it->info.package, it->info.version,
			    it->info.architecture, r->codename, r->component);
	}
	return 0;
}

/* Everything done under the repository's lock. */
static int
locked(struct run *run, struct err *e)
{
	const struct publish_job *job = run->job;
	struct publish_result *r = run->r;
	int rc;

	r->repo = realpath(job->repo, NULL);
	if (r->repo == NULL)
		return err_errno(e, "cannot reach %s", job->repo);
	run->conf_path = xasprintf("%s/conf/distributions", r->repo);
	if (open_dist(run, e) < 0)
		return -1;
	rc = process_check_interrupted(e);
	if (rc == 0)
		rc = include(run, e);
	if (rc == 0 && job->sign_with != NULL) {
		step(job, "exporting key");
		r->key = file_join(r->repo, PUBLISH_KEY);
		rc = publish_key_export(job->sign_with, r->key, e);
	}
	for (size_t i = 0; rc == 0 && i < r->nitems; i++)
		if (r->items[i].pool == NULL) {
			rc = find_pool_files(r, e);
			break;
		}
	if (rc == 0)
		rc = check_pool_files(r, e);
	if (rc < 0 && (r->created || (run->made != NULL &&
	    publish_dir_is_new(job->repo))))
		publish_dir_remove_new(job->repo, run->made);
	return rc;
}

int
publish_run(const struct publish_job *job, struct publish_result *r,
    struct err *e)
{
	struct run run = { job, r, NULL, BUF_INIT, -1, NULL, false };
	char *key;
	int rc;

	memset(r, 0, sizeof(*r));
	if (judge(&run, e) < 0 || process_check_interrupted(e) < 0)
		return -1;
	step(job, "locking");
	if (publish_dir_lock(job->repo, &run.lock, &run.made, e) < 0) {
		publish_dir_unmake(job->repo, run.made);
		free(run.made);
		return -1;
	}
	rc = locked(&run, e);
	if (rc == 0 && r->key == NULL && r->sign_with != NULL) {
		key = file_join(r->repo, PUBLISH_KEY);
		if (access(key, F_OK) == 0)
			r->key = key;
		else
			free(key);
	}
	close(run.lock);
	free(run.made);
	free(run.conf_path);
	buf_release(&run.conf);
	return rc;
}

char *
publish_source_line(const struct publish_result *r)
{
	if (r->sign_with != NULL && r->key != NULL)
		return xasprintf("deb [signed-by=%s] file:%s %s %s", r->key,
		    r->repo, r->codename, r->component);
	if (r->sign_with != NULL)
		return xasprintf("deb file:%s %s %s", r->repo, r->codename,
		    r->component);
	return xasprintf("deb [trusted=yes] file:%s %s %s", r->repo,
	    r->codename, r->component);
}

void
publish_result_release(struct publish_result *r)
{
	publish_judge_free(r->items, r->nitems);
	free(r->repo);
	free(r->codename);
	free(r->component);
	free(r->architectures);
	free(r->added_archs);
	free(r->sign_with);
	free(r->key);
	memset(r, 0, sizeof(*r));
}
