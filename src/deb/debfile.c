/* debfile: the .deb container, written with libarchive. */
#include <config.h>

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/compiler.h"
#include "base/file.h"
#include "base/process.h"
#include "deb/debfile.h"
#include "deb/tarwriter.h"

/* control.tar's uncompressed size, or more: the compressor's size hint. */
static unsigned long long
control_tar_size(const struct stat *root, const struct debfile_member *members,
    size_t count)
{
	unsigned long long n = tarwriter_entry_size("", root);
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFREG | 0644;
	for (size_t i = 0; i < count; i++) {
		st.st_size = (off_t)members[i].len;
		n += tarwriter_entry_size(members[i].name, &st);
	}
	return tarwriter_stream_size(n);
}

/* A member's bytes so far, to check that fill() gave as many as said. */
struct filling {
	struct tarwriter *tw;
	size_t len;
};

static int
put_data(void *sink, const void *data, size_t len, struct err *e)
{
	struct filling *f = sink;

	f->len += len;
	return tarwriter_data(f->tw, data, len, e);
}

/* A member given whole goes in at once; one made by fill() in pieces,
 * checked to come out as long as said. */
static int
add_control_file(struct tarwriter *tw, const struct debfile_member *m,
    struct err *e)
{
	struct filling f = { tw, 0 };

	if (m->fill == NULL)
		return tarwriter_file(tw, m->name, m->mode, m->data, m->len, e);
	if (tarwriter_file_entry(tw, m->name, m->mode, m->len, e) < 0 ||
	    m->fill(m->fill_ctx, put_data, &f, e) < 0)
		return -1;
	if (f.len != m->len)
		return err_set(e, STATUS_SYSTEM, "control.tar's %s came out "
		    "%zu bytes long, not %zu", m->name, f.len, m->len);
	return 0;
}

int
debfile_control_tar(int fd, const char *path,
    const struct debfile_member *members, size_t count,
    const struct compress_options *o, time_t mtime, struct err *e)
{
	struct compress_options sized = *o;
	struct tarwriter *tw;
	struct stat root;
	int is_link, rc;

	memset(&root, 0, sizeof(root));
	root.st_mode = S_IFDIR | 0755;
	sized.size_hint = control_tar_size(&root, members, count);
	tw = tarwriter_open(fd, path, &sized, mtime, e);
	if (tw == NULL)
		return -1;
	rc = tarwriter_entry(tw, "", &root, NULL, &is_link, e);
	for (size_t i = 0; rc == 0 && i < count; i++)
		rc = add_control_file(tw, &members[i], e);
	if (tarwriter_close(tw, e) < 0)
		rc = -1;
	return rc;
}

/* Where the ar archive goes, and where its write callback reports. */
struct ar_out {
	int fd;
	const char *path;
	struct err *e;
};

static la_ssize_t
ar_write(struct archive *a, void *ctx, const void *data, size_t len)
{
	struct ar_out *out = ctx;

	(void)a;
	if (process_check_interrupted(out->e) < 0)
		return -1;
	if (file_write_all(out->fd, data, len) < 0) {
		err_errno(out->e, "cannot write %s", out->path);
		return -1;
	}
	return (la_ssize_t)len;
}

static int
ar_failed(struct archive *a, const struct ar_out *out)
{
	if (out->e->msg != NULL)
		return -1;	/* the write callback said why */
	return err_set(out->e, STATUS_SYSTEM, "cannot write %s: %s", out->path,
	    archive_error_string(a));
}

static int
add_member(struct archive *a, const char *name, time_t mtime, int fd,
    const void *data, off_t size, const struct ar_out *out)
{
	struct err *e = out->e;
	struct archive_entry *entry = archive_entry_new();
	char chunk[65536];
	int r = 0;

	archive_entry_copy_pathname(entry, name);
	archive_entry_set_filetype(entry, AE_IFREG);
	archive_entry_set_perm(entry, 0644);
	archive_entry_set_size(entry, size);
	archive_entry_set_mtime(entry, mtime, 0);
	archive_entry_set_uid(entry, 0);
	archive_entry_set_gid(entry, 0);
	if (archive_write_header(a, entry) != ARCHIVE_OK)
		r = ar_failed(a, out);
	archive_entry_free(entry);
	if (r < 0)
		return -1;
	if (data != NULL)
		return archive_write_data(a, data, (size_t)size) < 0 ?
		    ar_failed(a, out) : 0;
	if (lseek(fd, 0, SEEK_SET) < 0)
		return err_errno(e, "cannot read back %s", name);
	for (off_t left = size; left > 0;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return err_errno(e, "cannot read back %s", name);
		if (archive_write_data(a, chunk, (size_t)n) < 0)
			return ar_failed(a, out);
		left -= n;
	}
	return 0;
}

static off_t
size_of(int fd, struct err *e)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return err_errno(e, "cannot read back a package member");
	return st.st_size;
}

int
debfile_write(int fd, const char *path, int control_fd, int data_fd,
    enum compression kind, time_t mtime, struct err *e)
{
	struct ar_out out = { fd, path, e };
	struct archive *a = archive_write_new();
	char *control_name = xasprintf("control.tar%s", compress_suffix(kind));
	char *data_name = xasprintf("data.tar%s", compress_suffix(kind));
	off_t control_size = size_of(control_fd, e), data_size = size_of(data_fd, e);
	int r = -1;

	/* BSD ar headers are the ones dpkg-deb writes; no padding after the
	 * last member (lintian reports a padded archive as malformed). */
	if (control_size < 0 || data_size < 0)
		goto out;
	if (archive_write_set_format_ar_bsd(a) != ARCHIVE_OK ||
	    archive_write_set_bytes_in_last_block(a, 1) != ARCHIVE_OK ||
	    archive_write_open(a, &out, NULL, ar_write, NULL) != ARCHIVE_OK) {
		ar_failed(a, &out);
		goto out;
	}
	if (add_member(a, "debian-binary", mtime, -1, "2.0\n", 4, &out) == 0 &&
	    add_member(a, control_name, mtime, control_fd, NULL, control_size,
	    &out) == 0 &&
	    add_member(a, data_name, mtime, data_fd, NULL, data_size, &out) == 0)
		r = archive_write_close(a) == ARCHIVE_OK ? 0 : ar_failed(a, &out);
out:
	archive_write_free(a);
	free(control_name);
	free(data_name);
	return r;
}
