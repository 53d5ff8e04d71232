/* tree: emits a ready-to-build package tree. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/dirtree.h"
#include "stage/docfiles.h"
#include "base/file.h"
#include "deb/payload.h"
#include "base/process.h"
#include "render/render.h"
#include "stage/stage.h"
#include "emit/package.h"
#include "emit/tree.h"

/* Writes DEBIAN/ into `pkgdir`: the maintainer scripts and control
 * file `r`, Installed-Size counting the scripts but not the control file
 * (as dpkg-gencontrol does), then md5sums. */
static int
write_debian_dir(struct rendered *r, const char *pkgdir, struct err *e)
{
	char *debian = file_join(pkgdir, "DEBIAN");
	struct dirtree_list files = { NULL, 0 };
	struct buf md5sums = BUF_INIT;
	int rc = -1;

	if (mkdir(debian, 0755) < 0 && errno != EEXIST) {
		err_errno(e, "cannot create %s", debian);
		goto out;
	}
	if (chmod(debian, 0755) < 0 || render_write(r, debian, e) < 0 ||
	    dirtree_list(pkgdir, &files, e) < 0)
		goto out;
	package_set_fields(r, payload_installed_size(&files), NULL);
	rc = render_write(r, debian, e);
	if (rc == 0)
		rc = payload_md5sums(pkgdir, &files, &md5sums, e);
	if (rc == 0 && md5sums.len > 0) {
		char *path = file_join(debian, "md5sums");

		rc = file_write_atomic(path, md5sums.data, md5sums.len, 0644, e);
		free(path);
	}
out:
	buf_release(&md5sums);
	dirtree_list_release(&files);
	free(debian);
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
	    job->mtime, job->progress, job->progress_ctx };

	if (stage_payload(&stage, pkgdir, true, e) < 0 ||
	    write_debian_dir(r, pkgdir, e) < 0)
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
