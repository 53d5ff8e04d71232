/* deb: emits the finished package, written directly with libarchive. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "deb/datatar.h"
#include "deb/debfile.h"
#include "base/dirtree.h"
#include "base/compiler.h"
#include "base/file.h"
#include "emit/deb.h"
#include "emit/package.h"
#include "base/process.h"
#include "render/render.h"
#include "stage/stage.h"

static void
step(const struct deb_job *job, const char *name)
{
	if (job->progress != NULL)
		job->progress(name, job->ctx);
}

/* An unlinked temporary file in `dir`; -1 with `e` set. */
static int
anonymous_file(const char *dir, struct err *e)
{
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	char *path;

	if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR))
		return fd >= 0 ? fd : err_errno(e, "cannot create a file in %s",
		    dir);
	path = xasprintf("%s/member-XXXXXX", dir);
	fd = mkstemp(path);
	if (fd < 0)
		err_errno(e, "cannot create a file in %s", dir);
	else
		unlink(path);
	free(path);
	return fd;
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

/* The members, in the staging directory, with the rendered files `r`;
 * then the .deb beside its final name, renamed over it. */
/* control.tar: conffiles (when asked for), the control file, md5sums
 * (when there are files) and the maintainer scripts, in name order as
 * dpkg-deb writes them. */
static int
write_control_tar(const struct deb_job *job, int fd, const struct rendered *r,
    const struct buf *md5sums, const struct buf *conffiles, struct err *e)
{
	static const enum render_file scripts[] = {
		RENDER_POSTINST, RENDER_POSTRM, RENDER_PRERM,
	};
	struct debfile_member m[3 + WPD_ARRAY_SIZE(scripts)];
	size_t n = 0;

	if (conffiles->len > 0)
		m[n++] = (struct debfile_member){ "conffiles", 0644,
		    conffiles->data, conffiles->len };
	m[n++] = (struct debfile_member){ "control", 0644,
	    r->files[RENDER_CONTROL].data, r->files[RENDER_CONTROL].len };
	if (md5sums->len > 0)
		m[n++] = (struct debfile_member){ "md5sums", 0644, md5sums->data,
		    md5sums->len };
	for (size_t i = 0; i < WPD_ARRAY_SIZE(scripts); i++)
		m[n++] = (struct debfile_member){ render_file_name(scripts[i]),
		    render_file_mode(scripts[i]), r->files[scripts[i]].data,
		    r->files[scripts[i]].len };
	return debfile_control_tar(fd, m, n, &job->compress, job->mtime, e);
}

static int
write_package(const struct deb_job *job, const char *staging,
    struct rendered *r, char **path, struct err *e)
{
	struct package_payload pp;
	struct payload_result data;
	struct buf conffiles = BUF_INIT;
	char *name = NULL, *tmp = NULL;
	const char *arch;
	int data_fd = -1, control_fd = -1, out = -1, rc = -1;

	memset(&data, 0, sizeof(data));
	package_payload_init(&pp, job->src, job->plugin, job->settings, staging);
	step(job, "compressing");
	data_fd = anonymous_file(staging, e);
	if (data_fd < 0 || datatar_write(data_fd, pp.sources, PACKAGE_SOURCES,
	    &job->compress, job->mtime, &data, e) < 0)
		goto out;
	arch = choose_arch(job, &data);
	package_conffiles(job->settings, &data.md5sums, &conffiles);
	package_set_fields(r, data.installed_kib + package_debian_kib(r,
	    &conffiles), arch);
	control_fd = anonymous_file(staging, e);
	if (control_fd < 0 || write_control_tar(job, control_fd, r,
	    &data.md5sums, &conffiles, e) < 0)
		goto out;
	step(job, "writing");
	name = package_deb_name(r);
	*path = file_join(job->output_dir, name);
	tmp = xasprintf("%s/.%s.tmp-XXXXXX", job->output_dir, name);
	out = mkstemp(tmp);
	if (out < 0)
		err_errno(e, "cannot create a file in %s", job->output_dir);
	else if (debfile_write(out, control_fd, data_fd, job->compress.kind,
	    job->mtime, e) == 0 && process_check_interrupted(e) == 0) {
		if (fchmod(out, 0644) < 0 || fsync(out) < 0 ||
		    rename(tmp, *path) < 0)
			err_errno(e, "cannot write %s", *path);
		else
			rc = 0;
	}
out:
	if (out >= 0)
		close(out);
	if (rc < 0 && tmp != NULL && out >= 0)
		unlink(tmp);
	if (data_fd >= 0)
		close(data_fd);
	if (control_fd >= 0)
		close(control_fd);
	payload_result_release(&data);
	buf_release(&conffiles);
	package_payload_release(&pp);
	free(tmp);
	free(name);
	return rc;
}

int
deb_emit(const struct deb_job *job, char **path, struct err *e)
{
	struct stage_job stage = { job->src, job->plugin, job->settings,
	    job->mtime, job->progress, job->ctx, job->source_date_epoch };
	struct err ignored = ERR_INIT;
	struct rendered rendered;
	struct stat st;
	char *staging;
	int r;

	*path = NULL;
	if (stat(job->output_dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return err_set(e, STATUS_USAGE, "output directory %s does not "
		    "exist", job->output_dir);
	/* A template at fault shows before any rule runs. */
	step(job, "rendering");
	if (package_render(job->src, job->plugin, job->settings,
	    rendered_arch(job), &rendered, e) < 0)
		return -1;
	staging = dirtree_private_dir(e);
	if (staging == NULL) {
		render_release(&rendered);
		return -1;
	}
	r = stage_payload(&stage, staging, e);
	if (r == 0)
		r = write_package(job, staging, &rendered, path, e);
	render_release(&rendered);
	dirtree_remove(staging, &ignored);
	err_release(&ignored);
	free(staging);
	if (r < 0) {
		free(*path);
		*path = NULL;
	}
	return r;
}
