/* deb: emits the finished package, written directly with libarchive. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/compiler.h"
#include "base/dirtree.h"
#include "base/file.h"
#include "base/outfile.h"
#include "base/process.h"
#include "base/workdir.h"
#include "deb/datatar.h"
#include "deb/debfile.h"
#include "deb/md5sums.h"
#include "emit/deb.h"
#include "emit/package.h"
#include "render/render.h"
#include "stage/stage.h"

static void
step(const struct deb_job *job, const char *name)
{
	if (job->progress != NULL)
		job->progress(name, job->ctx);
}

/* The architecture the package gets, with the warnings it calls for. */
static const char *
choose_arch(const struct deb_job *job, const struct payload_result *data)
{
	struct buf msg = BUF_INIT;
	const char *arch = job->arch;

	if (strcmp(arch, "auto") == 0)
		arch = data->elf_arch ? data->elf_arch : "all";
	if (data->elf_arch != NULL && strcmp(arch, "all") == 0)
		buf_addf(&msg, "%s is a compiled object (%s), but the package is "
		    "Architecture: all", data->elf_path, data->elf_arch);
	else if (data->mixed_arches)
		buf_addf(&msg, "the package holds compiled objects of several "
		    "architectures; it is made for %s", arch);
	if (msg.len > 0 && job->warning != NULL)
		job->warning(msg.data, job->ctx);
	buf_release(&msg);
	return arch;
}

/* The architecture the templates see: the forced one, or "all" until the
 * payload pass tells (then the control field is set). */
static const char *
rendered_arch(const struct deb_job *job)
{
	return strcmp(job->arch, "auto") == 0 ? "all" : job->arch;
}

/* control.tar: conffiles (when asked for), the control file, md5sums
 * (`md5sums_len` bytes, made as they go in; none without files) and the
 * maintainer scripts, in name order as dpkg-deb writes them. */
static int
write_control_tar(const struct deb_job *job, int fd, const char *path,
    const struct rendered *r, const struct md5sums *md5sums,
    size_t md5sums_len, const struct buf *conffiles, struct err *e)
{
	static const enum render_file scripts[] = {
		RENDER_POSTINST, RENDER_POSTRM, RENDER_PRERM,
	};
	struct debfile_member m[3 + WPD_ARRAY_SIZE(scripts)];
	size_t n = 0;

	if (conffiles->len > 0)
		m[n++] = (struct debfile_member){ "conffiles", 0644,
		    conffiles->data, conffiles->len, NULL, NULL };
	m[n++] = (struct debfile_member){ "control", 0644,
	    r->files[RENDER_CONTROL].data, r->files[RENDER_CONTROL].len, NULL,
	    NULL };
	if (md5sums_len > 0)
		m[n++] = (struct debfile_member){ "md5sums", 0644, NULL,
		    md5sums_len, md5sums_write, md5sums };
	for (size_t i = 0; i < WPD_ARRAY_SIZE(scripts); i++)
		m[n++] = (struct debfile_member){ render_file_name(scripts[i]),
		    render_file_mode(scripts[i]), r->files[scripts[i]].data,
		    r->files[scripts[i]].len, NULL, NULL };
	return debfile_control_tar(fd, path, m, n, &job->compress, job->mtime,
	    e);
}

/* A member written into an unlinked file of the work directory; `name`
 * is what messages call it. */
struct member {
	int fd;
	char *name;
};

/* The largest member (uncompressed) that goes into memory. */
#define SMALL_MEMBER (4ULL * 1024 * 1024)

/* A small member (control.tar, the data.tar of a small payload) goes
 * into memory: a file created on disk costs an inode allocation, up to a
 * millisecond on a busy ext4 /tmp; a larger one into the work directory.
 * `m->name` names it. */
static int
open_member(struct member *m, const char *workdir, unsigned long long size,
    struct err *e)
{
	m->fd = size <= SMALL_MEMBER ?
	    memfd_create(strrchr(m->name, '/') + 1, MFD_CLOEXEC) : -1;
	if (m->fd < 0)
		m->fd = outfile_scratch(workdir, e);
	return m->fd;
}

static char *
member_name(const char *workdir, const char *name, enum compression kind)
{
	return xasprintf("%s/%s%s", workdir, name, compress_suffix(kind));
}

/* data.tar's file, opened when datatar_write() knows its size. */
struct data_member {
	struct member *m;
	const char *workdir;
};

static int
open_data(unsigned long long size, void *ctx, struct err *e)
{
	struct data_member *d = ctx;

	return open_member(d->m, d->workdir, size, e);
}

static void
close_member(struct member *m)
{
	if (m->fd >= 0)
		close(m->fd);
	free(m->name);
}

/* The ar container into an unnamed file in the output directory, named
 * *path (as dpkg-deb names it from the control file of `r`) only once
 * complete. */
static int
write_deb(const struct deb_job *job, const struct rendered *r,
    struct member *control, struct member *data, char **path, struct err *e)
{
	char *name = package_deb_name(r);
	struct outfile out;

	*path = file_join(job->output_dir, name);
	free(name);
	if (outfile_open(&out, *path, e) < 0)
		return -1;
	if (debfile_write(out.fd, *path, control->fd, data->fd,
	    job->compress.kind, job->mtime, e) == 0 &&
	    process_check_interrupted(e) == 0)
		return outfile_commit(&out, 0644, e);
	outfile_abort(&out);
	return -1;
}

/* The members, in the work directory `workdir` (the staged files in
 * `root`), with the rendered files `r`; then the .deb. */
static int
write_package(const struct deb_job *job, const char *workdir,
    const char *root, struct rendered *r, char **path, struct err *e)
{
	struct package_payload pp;
	struct payload_result data_result;
	struct member data = { -1, NULL }, control = { -1, NULL };
	struct data_member opener = { &data, workdir };
	struct buf conffiles = BUF_INIT;
	struct md5sums sums;
	size_t sums_len;
	const char *arch;
	int rc = -1;

	memset(&data_result, 0, sizeof(data_result));
	if (package_payload_init(&pp, job->src, job->plugin, job->settings,
	    root, workdir, e) < 0)
		goto out;
	step(job, "compressing");
	data.name = member_name(workdir, "data.tar", job->compress.kind);
	control.name = member_name(workdir, "control.tar", job->compress.kind);
	if (datatar_write(open_data, &opener, data.name, pp.sources, pp.count,
	    &job->compress, job->mtime, &data_result, e) < 0)
		goto out;
	if (package_payload_warnings(&data_result, job->strict, job->warning,
	    job->ctx, e) < 0)
		goto out;
	arch = choose_arch(job, &data_result);
	package_conffiles(job->settings, &data_result, &conffiles);
	sums = package_md5sums(job->settings, &data_result);
	sums_len = (size_t)md5sums_size(&sums);
	package_set_fields(r, data_result.installed_kib + package_debian_kib(r,
	    &conffiles), arch);
	/* control.tar: md5sums' lines and a few KiB. */
	if (open_member(&control, workdir, sums_len, e) < 0 ||
	    write_control_tar(job, control.fd, control.name, r, &sums,
	    sums_len, &conffiles, e) < 0)
		goto out;
	step(job, "writing");
	rc = write_deb(job, r, &control, &data, path, e);
out:
	close_member(&data);
	close_member(&control);
	payload_result_release(&data_result);
	buf_release(&conffiles);
	package_payload_release(&pp);
	return rc;
}

/* The rules and the package in a locked work directory of $TMPDIR,
 * removed at the end; work directories dead runs left go first. */
static int
build_in_workdir(const struct deb_job *job, struct rendered *rendered,
    char **path, struct err *e)
{
	struct stage_job stage = { job->src, job->plugin, job->settings,
	    job->mtime, job->progress, job->ctx, job->source_date_epoch,
	    job->sandbox };
	struct workdir w;
	char *root;
	int r;

	if (workdir_private(&w, e) < 0)
		return -1;
	root = file_join(w.path, "root");
	r = mkdir(root, 0755) < 0 ? err_errno(e, "cannot create %s", root) : 0;
	if (r == 0)
		r = stage_payload(&stage, root, e);
	if (r == 0)
		r = write_package(job, w.path, root, rendered, path, e);
	workdir_remove(&w);
	free(root);
	return r;
}

int
deb_emit(const struct deb_job *job, char **path, struct err *e)
{
	struct rendered rendered;
	int r;

	*path = NULL;
	/* A template or an output at fault shows before any rule runs. */
	step(job, "rendering");
	if (package_render(job->src, job->plugin, job->settings,
	    rendered_arch(job), &rendered, e) < 0)
		return -1;
	r = dirtree_prepare_output(job->output_dir, e);
	if (r == 0)
		r = build_in_workdir(job, &rendered, path, e);
	if (r == 0 && job->control != NULL)
		buf_add(job->control, rendered.files[RENDER_CONTROL].data,
		    rendered.files[RENDER_CONTROL].len);
	render_release(&rendered);
	if (r < 0) {
		free(*path);
		*path = NULL;
	}
	return r;
}
