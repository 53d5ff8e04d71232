/* tree: emits a ready-to-build package tree. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/dirtree.h"
#include "base/file.h"
#include "deb/treewriter.h"
#include "base/process.h"
#include "render/render.h"
#include "stage/stage.h"
#include "emit/package.h"
#include "emit/tree.h"

/* Writes DEBIAN/NAME from `b` unless `b` is empty. */
static int
write_list(const char *debian, const char *name, const struct buf *b,
    struct err *e)
{
	char *path = file_join(debian, name);
	int rc = b->len == 0 ? 0 : file_write_atomic(path, b->data, b->len,
	    0644, e);

	free(path);
	return rc;
}

/* Writes DEBIAN/ into `pkgdir`: the maintainer scripts and control
 * file `r`, then md5sums and conffiles when not empty. */
static int
write_debian_dir(const struct rendered *r, const struct buf *md5sums,
    const struct buf *conffiles, const char *pkgdir, struct err *e)
{
	char *debian = file_join(pkgdir, "DEBIAN");
	int rc = -1;

	if (mkdir(debian, 0755) < 0 && errno != EEXIST)
		err_errno(e, "cannot create %s", debian);
	else if (chmod(debian, 0755) < 0)
		err_errno(e, "cannot set the mode of %s", debian);
	else if (render_write(r, debian, e) == 0 &&
	    write_list(debian, "md5sums", md5sums, e) == 0)
		rc = write_list(debian, "conffiles", conffiles, e);
	free(debian);
	return rc;
}

/* The payload pass: the metadata put in place beside what the rules
 * staged in `pkgdir`; then DEBIAN/, Installed-Size counting the scripts
 * but not the control file (as dpkg-gencontrol does). */
static int
finish_tree(const struct tree_job *job, struct rendered *r,
    const char *pkgdir, struct err *e)
{
	struct package_payload pp;
	struct payload_result files;
	struct buf conffiles = BUF_INIT;
	int rc;

	package_payload_init(&pp, job->src, job->plugin, job->settings, pkgdir);
	rc = treewriter_fill(pkgdir, pp.sources, PACKAGE_SOURCES, &files, e);
	if (rc == 0) {
		package_conffiles(job->settings, &files.md5sums, &conffiles);
		package_set_fields(r, files.installed_kib +
		    package_debian_kib(r, &conffiles), NULL);
		rc = write_debian_dir(r, &files.md5sums, &conffiles, pkgdir,
		    e);
	}
	payload_result_release(&files);
	buf_release(&conffiles);
	package_payload_release(&pp);
	return rc;
}

/* A staging root for the rules: beside the output when its path has no
 * white space (rules often use $pkgdir unquoted), else a private one. */
static char *
make_staging(const char *sibling, bool *separate, struct err *e)
{
	char *real = realpath(sibling, NULL);

	if (real == NULL) {
		err_errno(e, "cannot resolve %s", sibling);
		return NULL;
	}
	*separate = strpbrk(real, " \t\n") != NULL;
	if (!*separate)
		return real;
	free(real);
	return dirtree_private_dir(e);
}

/* Every step but the final rename, in the staging root `pkgdir`. */
static int
fill_tree(const struct tree_job *job, struct rendered *r, const char *pkgdir,
    struct err *e)
{
	struct stage_job stage = { job->src, job->plugin, job->settings,
	    job->mtime, job->progress, job->progress_ctx, NULL };

	if (stage_payload(&stage, pkgdir, e) < 0 ||
	    finish_tree(job, r, pkgdir, e) < 0)
		return -1;
	return process_check_interrupted(e);
}

/* Removes what a failed job left; the first error is the one to tell. */
static void
remove_quietly(const char *path)
{
	struct err ignored = ERR_INIT;

	dirtree_remove(path, &ignored);
	err_release(&ignored);
}

int
tree_emit(const struct tree_job *job, struct err *e)
{
	struct rendered rendered;
	struct stat st;
	char *sibling, *staging;
	bool separate = false;
	int r;

	if (!job->force && lstat(job->output, &st) == 0)
		return err_set(e, STATUS_USAGE, "%s already exists; --force "
		    "replaces it", job->output);
	/* A template at fault shows before any rule runs. */
	if (job->progress != NULL)
		job->progress("rendering", job->progress_ctx);
	if (package_render(job->src, job->plugin, job->settings, "all",
	    &rendered, e) < 0)
		return -1;
	sibling = dirtree_make_sibling(job->output, e);
	if (sibling == NULL) {
		render_release(&rendered);
		return -1;
	}
	staging = make_staging(sibling, &separate, e);
	r = staging ? fill_tree(job, &rendered, staging, e) : -1;
	render_release(&rendered);
	if (r == 0 && separate)
		r = dirtree_copy(staging, sibling, e);
	if (r == 0)
		r = dirtree_install(sibling, job->output, job->force, e);
	else
		remove_quietly(sibling);
	if (separate && staging != NULL)
		remove_quietly(staging);
	free(staging);
	free(sibling);
	return r;
}
