/* debinfo: a built package's control file, read with libarchive. */
#include <config.h>

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/deb822.h"
#include "deb/debinfo.h"

/* What dpkg-deb makes is far smaller; these bound a hostile file. */
#define CONTROL_TAR_MAX (64u << 20)
#define CONTROL_MAX (4u << 20)

/* Appends the current entry's data to `out`, at most `limit` bytes;
 * -1 when it cannot be read or is larger. */
static int
read_entry(struct archive *a, size_t limit, struct buf *out)
{
	char chunk[16384];
	la_ssize_t n;

	while ((n = archive_read_data(a, chunk, sizeof(chunk))) > 0) {
		if (out->len + (size_t)n > limit)
			return -1;
		buf_add(out, chunk, (size_t)n);
	}
	return n < 0 ? -1 : 0;
}

static int
not_a_deb(const char *path, const char *why, struct err *e)
{
	return err_set(e, STATUS_USAGE, "%s: not a Debian package (.deb): %s",
	    path, why);
}

/* The control file from the control.tar member `tar`. */
static int
control_from_tar(const char *path, const struct buf *tar, struct buf *out,
    struct err *e)
{
	struct archive *a = archive_read_new();
	struct archive_entry *entry;
	int rc = -1, r;

	archive_read_support_filter_all(a);
	archive_read_support_format_tar(a);
	if (archive_read_open_memory(a, tar->data, tar->len) != ARCHIVE_OK) {
		rc = not_a_deb(path, archive_error_string(a), e);
		goto out;
	}
	while ((r = archive_read_next_header(a, &entry)) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(entry);

		if (strcmp(name, "./control") != 0 &&
		    strcmp(name, "control") != 0)
			continue;
		if (read_entry(a, CONTROL_MAX, out) < 0)
			rc = not_a_deb(path, "its control file cannot be read",
			    e);
		else
			rc = 0;
		goto out;
	}
	rc = not_a_deb(path, r == ARCHIVE_EOF ? "control.tar holds no "
	    "control file" : archive_error_string(a), e);
out:
	archive_read_free(a);
	return rc;
}

/* Walks the ar container: debian-binary first, then control.tar.*,
 * whose control file goes into `control`. */
static int
control_from_ar(struct archive *a, const char *path, struct buf *control,
    struct err *e)
{
	struct archive_entry *entry;
	struct buf member = BUF_INIT;
	bool first = true;
	int rc = -1, r;

	while ((r = archive_read_next_header(a, &entry)) == ARCHIVE_OK) {
		const char *name = archive_entry_pathname(entry);

		buf_reset(&member);
		if (first && (strcmp(name, "debian-binary") != 0 ||
		    read_entry(a, 64, &member) < 0 ||
		    strncmp(member.data, "2.", 2) != 0)) {
			rc = not_a_deb(path, "it does not start with "
			    "debian-binary 2.x", e);
			break;
		}
		first = false;
		if (strncmp(name, "control.tar", 11) != 0)
			continue;
		if (read_entry(a, CONTROL_TAR_MAX, &member) < 0)
			rc = not_a_deb(path, "its control.tar cannot be read", e);
		else
			rc = control_from_tar(path, &member, control, e);
		break;
	}
	if (r != ARCHIVE_OK)
		rc = not_a_deb(path, r == ARCHIVE_EOF ? "no control.tar member" :
		    archive_error_string(a), e);
	buf_release(&member);
	return rc;
}

/* The fields that name the package, each required. */
static int
take_fields(const char *path, struct debinfo *info, struct err *e)
{
	static const char *const names[] = { "Package", "Version",
	    "Architecture" };
	char **slots[] = { &info->package, &info->version,
	    &info->architecture };

	for (size_t i = 0; i < 3; i++) {
		*slots[i] = deb822_field(info->control, names[i]);
		if (*slots[i] == NULL || (*slots[i])[0] == '\0')
			return err_set(e, STATUS_USAGE, "%s: not a Debian "
			    "package (.deb): its control file has no %s field",
			    path, names[i]);
	}
	return 0;
}

/* Opens `path` for reading, telling a missing file and a directory from
 * a file that cannot be read. */
static int
open_deb(const char *path, struct err *e)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
		return err_set(e, STATUS_USAGE, "%s: no such file", path);
	if (fd < 0)
		return err_errno(e, "cannot read %s", path);
	if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		return not_a_deb(path, "not a regular file", e);
	}
	return fd;
}

int
debinfo_read(const char *path, struct debinfo *info, struct err *e)
{
	struct archive *a;
	struct buf control = BUF_INIT;
	int fd, rc = -1;

	memset(info, 0, sizeof(*info));
	if ((fd = open_deb(path, e)) < 0)
		return -1;
	a = archive_read_new();
	archive_read_support_format_ar(a);
	if (archive_read_open_fd(a, fd, 65536) != ARCHIVE_OK)
		rc = not_a_deb(path, archive_error_string(a), e);
	else
		rc = control_from_ar(a, path, &control, e);
	archive_read_free(a);
	close(fd);
	if (rc == 0 && strlen(control.data) != control.len)
		rc = not_a_deb(path, "its control file holds a NUL byte", e);
	info->control = buf_detach(&control);
	return rc < 0 ? -1 : take_fields(path, info, e);
}

void
debinfo_release(struct debinfo *info)
{
	free(info->control);
	free(info->package);
	free(info->version);
	free(info->architecture);
	memset(info, 0, sizeof(*info));
}
