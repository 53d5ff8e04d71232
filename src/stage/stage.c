/* stage: runs the plugin's rules and lays out the installed tree. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "stage/debarch.h"
#include "stage/docfiles.h"
#include "base/file.h"
#include "base/process.h"
#include "stage/stage.h"

/* Runs `rules STEP` from the plugin root; `wrapper` (or NULL) runs it. */
static int
run_rules(const struct source *src, const char *step, const char *wrapper,
    char *const env[], struct err *e)
{
	char *root = realpath(src->root, NULL), *rules;
	char *argv[4];
	size_t n = 0;
	int status;

	if (root == NULL)
		return err_errno(e, "cannot resolve %s", src->root);
	rules = file_join(root, "wazo/rules");
	if (wrapper != NULL)
		argv[n++] = (char *)wrapper;
	argv[n++] = rules;
	argv[n++] = (char *)step;
	argv[n] = NULL;
	status = process_run(argv, root, env, e);
	free(rules);
	free(root);
	if (status > 128 && status < 128 + 65)
		return err_set(e, STATUS_RULES, "'rules %s' was killed by "
		    "signal %d", step, status - 128);
	if (status > 0)
		return err_set(e, STATUS_RULES, "'rules %s' failed with exit "
		    "status %d", step, status);
	return status < 0 ? -1 : 0;
}

/* "SOURCE_DATE_EPOCH=`sde`" for the rules' environment, or NULL when
 * `sde` is NULL. The caller frees it. */
static char *
source_date_epoch_env(const char *sde)
{
	return sde != NULL ? xasprintf("SOURCE_DATE_EPOCH=%s", sde) : NULL;
}

/* stage_build(), with the job's SOURCE_DATE_EPOCH (or NULL). */
static int
build_with(const struct source *src, const char *sde, struct err *e)
{
	char *env[2] = { source_date_epoch_env(sde), NULL };
	int r = run_rules(src, "build", NULL, env, e);

	free(env[0]);
	return r;
}

/* stage_package(), with the job's SOURCE_DATE_EPOCH (or NULL). */
static int
package_with(const struct source *src, const char *pkgdir, const char *sde,
    struct err *e)
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
	env[3] = source_date_epoch_env(sde);
	env[4] = NULL;
	r = run_rules(src, "package", geteuid() != 0 &&
	    process_in_path("fakeroot") ? "fakeroot" : NULL, env, e);
	for (int i = 0; i < 4; i++)
		free(env[i]);
	return r;
}

int
stage_build(const struct source *src, struct err *e)
{
	return build_with(src, NULL, e);
}

int
stage_package(const struct source *src, const char *pkgdir, struct err *e)
{
	return package_with(src, pkgdir, NULL, e);
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
	if (build_with(job->src, job->source_date_epoch, e) < 0 ||
	    process_check_interrupted(e) < 0)
		return -1;
	step(job, "packaging");
	if (package_with(job->src, pkgdir, job->source_date_epoch, e) < 0 ||
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
