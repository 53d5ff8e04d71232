/* tree: emits a ready-to-build package tree. */
#include <config.h>

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/dirtree.h"
#include "base/file.h"
#include "base/process.h"
#include "base/workdir.h"
#include "deb/md5sums.h"
#include "deb/treewriter.h"
#include "emit/package.h"
#include "emit/tree.h"
#include "render/render.h"
#include "stage/stage.h"

/* The work directories beside tree's outputs. */
#define SIBLING_PREFIX ".wazo-plugin-deb."

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

/* Writes DEBIAN/md5sums, made as it goes, unless there is no file. */
static int
write_md5sums(const char *debian, const struct md5sums *sums,
    struct err *e)
{
	char *path = file_join(debian, "md5sums");
	int rc = md5sums_size(sums) == 0 ? 0 : file_write_atomic_by(path, 0644,
	    md5sums_write, sums, e);

	free(path);
	return rc;
}

/* Writes DEBIAN/ into `pkgdir`: the maintainer scripts and control
 * file `r`, then md5sums and conffiles when not empty. */
static int
write_debian_dir(const struct rendered *r, const struct md5sums *sums,
    const struct buf *conffiles, const char *pkgdir, struct err *e)
{
	char *debian = file_join(pkgdir, "DEBIAN");
	int rc = -1;

	if (mkdir(debian, 0755) < 0 && errno != EEXIST)
		err_errno(e, "cannot create %s", debian);
	else if (chmod(debian, 0755) < 0)
		err_errno(e, "cannot set the mode of %s", debian);
	else if (render_write(r, debian, e) == 0 &&
	    write_md5sums(debian, sums, e) == 0)
		rc = write_list(debian, "conffiles", conffiles, e);
	free(debian);
	return rc;
}

/* The payload pass over `pkgdir`: the plugin's metadata put in place
 * beside what the rules staged there, the files judged (their warnings
 * reported); `files` says what the tree holds. `scratch` is a work
 * directory outside `pkgdir`. */
static int
lay_metadata(const struct tree_job *job, const char *pkgdir,
    const char *scratch, struct payload_result *files, struct err *e)
{
	struct package_payload pp;
	int rc;

	memset(files, 0, sizeof(*files));
	rc = package_payload_init(&pp, job->src, job->plugin, job->settings,
	    pkgdir, scratch, e);
	if (rc == 0)
		rc = treewriter_fill(pkgdir, pp.sources, pp.count, files, e);
	if (rc == 0)
		rc = package_payload_warnings(files, job->strict, job->warning,
		    job->progress_ctx, e);
	package_payload_release(&pp);
	return rc;
}

/* The metadata put in place, then DEBIAN/, Installed-Size counting the
 * scripts but not the control file (as dpkg-gencontrol does). */
static int
finish_tree(const struct tree_job *job, struct rendered *r,
    const char *pkgdir, const char *scratch, struct err *e)
{
	struct payload_result files;
	struct buf conffiles = BUF_INIT;
	int rc = lay_metadata(job, pkgdir, scratch, &files, e);

	if (rc == 0) {
		struct md5sums sums = package_md5sums(job->settings, &files);

		package_conffiles(job->settings, &files, &conffiles);
		package_set_fields(r, files.installed_kib +
		    package_debian_kib(r, &conffiles), NULL);
		rc = write_debian_dir(r, &sums, &conffiles, pkgdir, e);
	}
	payload_result_release(&files);
	buf_release(&conffiles);
	return rc;
}

int
tree_add_metadata(const struct tree_job *job, const char *pkgdir,
    struct err *e)
{
	struct workdir scratch = WORKDIR_INIT;
	struct payload_result files;
	int rc = -1;

	memset(&files, 0, sizeof(files));
	if (workdir_private(&scratch, e) == 0)
		rc = lay_metadata(job, pkgdir, scratch.path, &files, e);
	payload_result_release(&files);
	workdir_remove(&scratch);
	return rc;
}

/* Every step but the final rename, in the staging root `pkgdir`. */
static int
fill_tree(const struct tree_job *job, struct rendered *r, const char *pkgdir,
    const char *scratch, struct err *e)
{
	struct stage_job stage = { job->src, job->plugin, job->settings,
	    job->mtime, job->progress, job->progress_ctx, NULL, job->sandbox };

	if (stage_payload(&stage, pkgdir, e) < 0)
		return -1;
	if (job->progress != NULL)
		job->progress("writing", job->progress_ctx);
	if (finish_tree(job, r, pkgdir, scratch, e) < 0)
		return -1;
	return process_check_interrupted(e);
}

/* The staging root for the rules: `root`, or, when its path has white
 * space (rules often use $pkgdir unquoted), one in a private work
 * directory `priv`. The caller frees it. */
static char *
make_staging(const char *root, struct workdir *priv, struct err *e)
{
	char *staging;

	if (strpbrk(root, " \t\n") == NULL)
		staging = xstrdup(root);
	else if (workdir_private(priv, e) < 0)
		return NULL;
	else
		staging = file_join(priv->path, "root");
	if (mkdir(staging, 0755) < 0) {
		err_errno(e, "cannot create %s", staging);
		free(staging);
		return NULL;
	}
	return staging;
}

/* The tree made in ROOT of a locked work directory beside the output,
 * then renamed to the output; work directories dead runs left there go
 * first. */
static int
tree_in_workdir(const struct tree_job *job, struct rendered *r,
    const char *parent, struct err *e)
{
	struct workdir sibling, priv = WORKDIR_INIT;
	char *real, *root = NULL, *staging = NULL;
	int rc = -1;

	workdir_sweep(parent, SIBLING_PREFIX);
	if (workdir_create(&sibling, parent, SIBLING_PREFIX, e) < 0)
		return -1;
	real = realpath(sibling.path, NULL);
	if (real == NULL)
		err_errno(e, "cannot resolve %s", sibling.path);
	else
		root = file_join(real, "root");
	if (root != NULL)
		staging = make_staging(root, &priv, e);
	if (staging != NULL)
		rc = fill_tree(job, r, staging, real, e);
	if (rc == 0 && strcmp(staging, root) != 0)
		rc = dirtree_copy(staging, root, e);
	if (rc == 0)
		rc = dirtree_install(root, job->output, job->force, e);
	workdir_remove(&priv);
	workdir_remove(&sibling);
	free(staging);
	free(root);
	free(real);
	return rc;
}

int
tree_emit(const struct tree_job *job, struct err *e)
{
	struct rendered rendered;
	struct stat st;
	char *copy;
	const char *parent;
	int r;

	if (!job->force && lstat(job->output, &st) == 0)
		return err_set(e, STATUS_USAGE, "%s already exists; --force "
		    "replaces it", job->output);
	/* A template or an output at fault shows before any rule runs. */
	if (job->progress != NULL)
		job->progress("rendering", job->progress_ctx);
	if (package_render(job->src, job->plugin, job->settings, "all",
	    &rendered, e) < 0)
		return -1;
	copy = xstrdup(job->output);
	parent = dirname(copy);
	r = dirtree_prepare_output(parent, e);
	if (r == 0)
		r = tree_in_workdir(job, &rendered, parent, e);
	render_release(&rendered);
	free(copy);
	return r;
}
