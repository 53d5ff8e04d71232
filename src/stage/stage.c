/* stage: runs the plugin's rules and lays out the installed tree. */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "stage/debarch.h"
#include "stage/docfiles.h"
#include "stage/sandbox.h"
#include "base/file.h"
#include "base/process.h"
#include "stage/stage.h"

/* Watches the rules' output for the read-only file system's complaint,
 * keeping the end of each chunk for one split across two (the complaint
 * is shorter than the tail). */
struct read_only_watch {
	char tail[64];
	size_t tail_len;
	bool seen;
};

static void
watch_read_only(const char *chunk, size_t len, void *ctx)
{
	struct read_only_watch *w = ctx;
	char seam[2 * sizeof(w->tail)];
	size_t head = len < sizeof(w->tail) ? len : sizeof(w->tail);
	size_t keep;

	/* The seam, the old tail and the chunk's head, then the chunk. */
	memcpy(seam, w->tail, w->tail_len);
	memcpy(seam + w->tail_len, chunk, head);
	if (sandbox_says_read_only(seam, w->tail_len + head) ||
	    sandbox_says_read_only(chunk, len))
		w->seen = true;
	/* The new tail: the last bytes of the seam and the chunk. */
	if (len >= sizeof(w->tail)) {
		memcpy(w->tail, chunk + len - sizeof(w->tail), sizeof(w->tail));
		w->tail_len = sizeof(w->tail);
		return;
	}
	keep = w->tail_len + len < sizeof(w->tail) ? w->tail_len + len :
	    sizeof(w->tail);
	memmove(w->tail, seam + w->tail_len + len - keep, keep);
	w->tail_len = keep;
}

/* The rules' failure in words: exit status 0 to 255 or 128 + signal. */
static int
rules_failed(const char *step, int status, bool wrote_outside, struct err *e)
{
	struct buf msg = BUF_INIT;
	int r;

	if (status > 128 && status < 128 + 65)
		buf_addf(&msg, "'rules %s' was killed by signal %d", step,
		    status - 128);
	else
		buf_addf(&msg, "'rules %s' failed with exit status %d", step,
		    status);
	if (wrote_outside)
		buf_addf(&msg, ": rules %s tried to write outside the plugin's "
		    "tree and $pkgdir, which the sandbox keeps read-only; see "
		    "--sandbox", step);
	r = err_set(e, STATUS_RULES, "%s", msg.data);
	buf_release(&msg);
	return r;
}

/* A pipe for bwrap's status: fd[0] to read (close-on-exec, non-blocking),
 * fd[1] for bwrap to inherit, above the standard descriptors. */
static int
status_pipe(int fd[2], struct err *e)
{
	if (pipe2(fd, O_CLOEXEC) < 0)
		return err_errno(e, "cannot run bubblewrap");
	/* Only this end: bwrap writes as to any pipe. */
	(void)fcntl(fd[0], F_SETFL, O_NONBLOCK);
	if (fd[1] < 3) {
		int high = fcntl(fd[1], F_DUPFD, 3);

		close(fd[1]);
		fd[1] = high;
	}
	if (fd[1] < 0 || fcntl(fd[1], F_SETFD, 0) < 0) {
		close(fd[0]);
		if (fd[1] >= 0)
			close(fd[1]);
		return err_errno(e, "cannot run bubblewrap");
	}
	return 0;
}

/* Runs `argv` in the job's sandbox, its output watched by `ro`: its exit
 * status, *made false when bwrap could not make the sandbox
 * (sandbox_made()), or -1 with `e` set. */
static int
run_sandboxed(const struct stage_job *job, const char *root,
    const char *pkgdir, char *const env[], char *const argv[],
    struct read_only_watch *ro, bool *made, struct err *e)
{
	/* Under the caller's fakeroot, bwrap itself must see its real user
	 * to make its namespaces; the rules get fakeroot back. */
	char *bwrap_env[] = { "LD_PRELOAD=", NULL };
	struct process_watch watch = { watch_read_only, ro };
	struct buf said = BUF_INIT;
	struct err unread = ERR_INIT;
	char **boxed;
	int fd[2], status;

	if (status_pipe(fd, e) < 0)
		return -1;
	boxed = sandbox_argv(job->sandbox, root, pkgdir, env, argv, fd[1]);
	status = process_run_watched(boxed, root, getenv("FAKEROOTKEY") ?
	    bwrap_env : NULL, &watch, e);
	sandbox_argv_free(boxed);
	close(fd[1]);
	/* A few lines of JSON; what could be read is all there is to see. */
	if (file_read_fd(fd[0], "bubblewrap's status", 64 * 1024, &said, NULL,
	    &unread) < 0)
		err_release(&unread);
	close(fd[0]);
	/* Interrupted, it did not end on its own: nothing to learn. */
	*made = status < 0 || process_interrupted() ||
	    sandbox_made(job->sandbox, status, said.data, said.len);
	buf_release(&said);
	return status;
}

/* Runs `rules STEP` from the plugin root: `wrapper` (or NULL) runs it,
 * in the job's sandbox when it has one, where `pkgdir` (or NULL) is
 * writable too. */
static int
run_rules(const struct stage_job *job, const char *step, const char *wrapper,
    const char *pkgdir, char *const env[], struct err *e)
{
	char *root = realpath(job->src->root, NULL), *rules;
	char *argv[4];
	struct read_only_watch ro = { { 0 }, 0, false };
	bool boxed = job->sandbox != NULL && job->sandbox->enabled, made = true;
	size_t n = 0;
	int status;

	if (root == NULL)
		return err_errno(e, "cannot resolve %s", job->src->root);
	rules = file_join(root, "wazo/rules");
	if (wrapper != NULL)
		argv[n++] = (char *)wrapper;
	argv[n++] = rules;
	argv[n++] = (char *)step;
	argv[n] = NULL;
	if (boxed)
		status = run_sandboxed(job, root, pkgdir, env, argv, &ro, &made,
		    e);
	/* Unboxed, or the first command found the sandbox unusable here and
	 * gave it up: the rules run as the caller runs. */
	if (!boxed || (!made && !job->sandbox->enabled)) {
		/* What bwrap said was not the rules'. */
		made = true;
		ro.seen = false;
		status = process_run(argv, root, env, e);
	}
	free(rules);
	free(root);
	if (!made)
		return err_set(e, STATUS_SYSTEM, "bubblewrap could not start "
		    "'rules %s' (exit status %d)", step, status);
	if (status > 0)
		return rules_failed(step, status, ro.seen, e);
	return status < 0 ? -1 : 0;
}

/* "SOURCE_DATE_EPOCH=`sde`" for the rules' environment, or NULL when
 * `sde` is NULL. The caller frees it. */
static char *
source_date_epoch_env(const char *sde)
{
	return sde != NULL ? xasprintf("SOURCE_DATE_EPOCH=%s", sde) : NULL;
}

int
stage_build(const struct stage_job *job, struct err *e)
{
	char *env[2] = { source_date_epoch_env(job->source_date_epoch), NULL };
	int r = run_rules(job, "build", NULL, NULL, env, e);

	free(env[0]);
	return r;
}

int
stage_package(const struct stage_job *job, const char *pkgdir, struct err *e)
{
	const char *arch = debarch_host();
	char *env[5];
	int r;

	if (strpbrk(pkgdir, " \t\n") != NULL || pkgdir[0] != '/')
		return err_set(e, STATUS_SYSTEM, "staging directory %s: needs an "
		    "absolute path without white space", pkgdir);
	env[0] = xasprintf("pkgdir=%s", pkgdir);
	/* Inside dpkg-buildpackage these are set already: keep them. */
	env[1] = xasprintf("DEB_BUILD_ARCH=%s", getenv("DEB_BUILD_ARCH") ?
	    getenv("DEB_BUILD_ARCH") : arch);
	env[2] = xasprintf("DEB_HOST_ARCH=%s", getenv("DEB_HOST_ARCH") ?
	    getenv("DEB_HOST_ARCH") : arch);
	env[3] = source_date_epoch_env(job->source_date_epoch);
	env[4] = NULL;
	r = run_rules(job, "package", geteuid() != 0 &&
	    process_in_path("fakeroot") ? "fakeroot" : NULL, pkgdir, env, e);
	for (int i = 0; i < 4; i++)
		free(env[i]);
	return r;
}

static void
step(const struct stage_job *job, const char *name)
{
	if (job->progress != NULL)
		job->progress(name, job->progress_ctx);
}

/* DEBIAN/ comes from the templates alone: one the rules wrote would
 * become control files in a tree and data in a .deb. */
static int
check_no_debian(const char *pkgdir, struct err *e)
{
	char *debian = file_join(pkgdir, "DEBIAN");
	struct stat st;
	int found = lstat(debian, &st) == 0;

	free(debian);
	if (found)
		return err_set(e, STATUS_INVALID, "rules package wrote DEBIAN/ "
		    "in $pkgdir: the control files come from the templates");
	return 0;
}

int
stage_payload(const struct stage_job *job, const char *pkgdir, struct err *e)
{
	/* A signal that came while rendering stops the job here. */
	if (process_check_interrupted(e) < 0)
		return -1;
	step(job, "building");
	if (stage_build(job, e) < 0 ||
	    process_check_interrupted(e) < 0)
		return -1;
	step(job, "packaging");
	if (stage_package(job, pkgdir, e) < 0 ||
	    process_check_interrupted(e) < 0 ||
	    check_no_debian(pkgdir, e) < 0)
		return -1;
	if (docfiles_write(pkgdir, job->plugin, job->settings, job->when, e) < 0)
		return -1;
	/* The staging root is the package's "/". */
	if (chmod(pkgdir, 0755) < 0)
		return err_errno(e, "cannot set the mode of %s", pkgdir);
	return process_check_interrupted(e);
}
