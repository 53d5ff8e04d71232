/* source_archive: a plugin source that is an archive, unpacked safely. */
#include <config.h>

#include <archive.h>
#include <archive_entry.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/compiler.h"
#include "base/file.h"
#include "base/filetype.h"
#include "source/source_archive.h"
#include "source/source_link.h"

/* The archive and compression formats libmagic names, for files that
 * libarchive cannot read: such a file is an archive, damaged. */
static const struct {
	const char *mime;
	const char *name;
} archive_types[] = {
	{ "application/gzip", "gzip" },
	{ "application/x-xz", "xz" },
	{ "application/zstd", "zstd" },
	{ "application/x-bzip2", "bzip2" },
	{ "application/x-lzma", "lzma" },
	{ "application/x-lzip", "lzip" },
	{ "application/x-tar", "tar" },
	{ "application/zip", "zip" },
	{ "application/x-7z-compressed", "7-Zip" },
	{ "application/x-rar", "RAR" },
	{ "application/x-cpio", "cpio" },
};

/* The name of the archive format libmagic sees in `path`, or NULL. */
static const char *
archive_type(const char *path)
{
	char *mime = filetype_mime(path);
	const char *name = NULL;

	for (size_t i = 0; mime && i < WPD_ARRAY_SIZE(archive_types); i++)
		if (strcmp(mime, archive_types[i].mime) == 0)
			name = archive_types[i].name;
	free(mime);
	return name;
}

/* An error of the archive reader: the archive is damaged or truncated. */
static int
damaged(const char *path, struct archive *in, struct err *e)
{
	const char *type = archive_type(path);

	return err_set(e, STATUS_INVALID, "%s: the %s%sarchive is damaged or "
	    "truncated (%s)", path, type ? type : "", type ? " " : "",
	    archive_error_string(in) ? archive_error_string(in) :
	    "unreadable");
}

bool
source_archive_recognized(const char *path)
{
	struct archive *a = archive_read_new();
	struct archive_entry *entry;
	bool ok;

	archive_read_support_filter_all(a);
	archive_read_support_format_all(a);
	ok = archive_read_open_filename(a, path, 16384) == ARCHIVE_OK &&
	    archive_read_next_header(a, &entry) != ARCHIVE_FATAL;
	archive_read_free(a);
	return ok || archive_type(path) != NULL;
}

/* What the unpacking has seen so far. */
struct unpack {
	const char *archive;
	const struct source_limits *limits;
	struct archive *in;
	struct archive *out;
	char **names;		/* entries seen, to refuse duplicates */
	bool *links;		/* names[i] is a symbolic link */
	size_t count;
	unsigned long long bytes;
	struct err *e;
};

static int WPD_PRINTF(3, 4)
refuse(struct unpack *u, const char *name, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	if (name != NULL)
		err_set(u->e, STATUS_INVALID, "%s: refused: entry '%s' %s",
		    u->archive, name, msg.data);
	else
		err_set(u->e, STATUS_INVALID, "%s: refused: it %s", u->archive,
		    msg.data);
	buf_release(&msg);
	return -1;
}

static bool
has_dotdot(const char *path)
{
	for (const char *p = path; *p;) {
		size_t len = strcspn(p, "/");

		if (len == 2 && strncmp(p, "..", 2) == 0)
			return true;
		p += len;
		p += strspn(p, "/");
	}
	return false;
}

/* The index of `name` among the entries seen, or -1. */
static long
seen(const struct unpack *u, const char *name, size_t len)
{
	for (size_t i = 0; i < u->count; i++)
		if (strlen(u->names[i]) == len &&
		    strncmp(u->names[i], name, len) == 0)
			return (long)i;
	return -1;
}

/* Refuses a `path` (the entry `name`'s own, or its hard link's target)
 * that is absolute, climbs or goes through a symbolic link the archive
 * made. */
static int
check_path(struct unpack *u, const char *name, const char *path,
    bool target)
{
	if (path[0] == '/')
		return refuse(u, name, target ? "is a hard link to an absolute "
		    "path" : "has an absolute path");
	if (has_dotdot(path))
		return refuse(u, name, target ? "is a hard link that climbs out "
		    "with '..'" : "climbs out with '..'");
	for (const char *p = path; (p = strchr(p, '/')) != NULL; p++) {
		long i = seen(u, path, (size_t)(p - path));

		if (i >= 0 && u->links[i])
			return refuse(u, name, "goes through the symbolic link "
			    "'%s'", u->names[i]);
	}
	return 0;
}

static void
remember(struct unpack *u, const char *name, bool link)
{
	u->names = xreallocarray(u->names, u->count + 1, sizeof(*u->names));
	u->links = xreallocarray(u->links, u->count + 1, sizeof(*u->links));
	u->names[u->count] = xstrdup(name);
	u->links[u->count] = link;
	u->count++;
}

static int
check_entry(struct unpack *u, struct archive_entry *entry, const char *name)
{
	mode_t type = archive_entry_filetype(entry);
	const char *hardlink = archive_entry_hardlink(entry);
	const char *symlink = archive_entry_symlink(entry);

	if (check_path(u, name, name, false) < 0)
		return -1;
	if (seen(u, name, strlen(name)) >= 0)
		return refuse(u, name, "appears twice");
	if (hardlink == NULL && type != AE_IFREG && type != AE_IFDIR &&
	    type != AE_IFLNK)
		return refuse(u, name, "is a device node, a FIFO or a socket");
	if (type == AE_IFLNK && (symlink == NULL ||
	    source_link_escapes(name, symlink)))
		return refuse(u, name, "is a symbolic link to '%s', outside the "
		    "archive", symlink ? symlink : "");
	if (hardlink != NULL) {
		const char *target = hardlink;

		if (strncmp(target, "./", 2) == 0)
			target += 2;
		if (check_path(u, name, target, true) < 0)
			return -1;
		if (seen(u, target, strlen(target)) < 0)
			return refuse(u, name, "is a hard link to '%s', which is "
			    "not in the archive before it", hardlink);
	}
	if (++u->count > u->limits->max_entries) {
		u->count--;
		return refuse(u, NULL, "holds more than %lu entries",
		    u->limits->max_entries);
	}
	u->count--;
	if (archive_entry_size(entry) > 0 &&
	    (unsigned long long)archive_entry_size(entry) >
	    u->limits->max_bytes - u->bytes)
		return refuse(u, NULL, "unpacks to more than %llu bytes",
		    u->limits->max_bytes);
	return 0;
}

/* Copies the entry's data, watching the size and the compression ratio. */
static int
copy_data(struct unpack *u, const char *name)
{
	char chunk[65536];
	la_ssize_t n;

	while ((n = archive_read_data(u->in, chunk, sizeof(chunk))) > 0) {
		la_int64_t packed = archive_filter_bytes(u->in, -1);

		u->bytes += (unsigned long long)n;
		if (u->bytes > u->limits->max_bytes)
			return refuse(u, NULL, "unpacks to more than %llu bytes",
			    u->limits->max_bytes);
		/* Past 1 MiB, a ratio no real plugin has is a bomb. */
		if (u->bytes > 1024 * 1024 && packed > 0 &&
		    u->bytes / (unsigned long long)packed > u->limits->max_ratio)
			return refuse(u, NULL, "unpacks to more than %u times its "
			    "size", u->limits->max_ratio);
		if (archive_write_data(u->out, chunk, (size_t)n) < 0)
			return err_set(u->e, STATUS_SYSTEM, "cannot unpack %s: %s",
			    name, archive_error_string(u->out));
	}
	if (n < 0)
		return damaged(u->archive, u->in, u->e);
	return 0;
}

static int
unpack_entry(struct unpack *u, struct archive_entry *entry, const char *dest)
{
	const char *raw = archive_entry_pathname(entry);
	char *name, *target = NULL;
	int r = 0;

	if (raw == NULL)
		return refuse(u, NULL, "an entry has no name");
	name = xstrdup(strncmp(raw, "./", 2) == 0 ? raw + 2 : raw);
	if (name[0] == '\0' || strcmp(name, ".") == 0) {
		free(name);
		return 0;
	}
	if (name[strlen(name) - 1] == '/')
		name[strlen(name) - 1] = '\0';
	if (check_entry(u, entry, name) < 0) {
		free(name);
		return -1;
	}
	remember(u, name, archive_entry_filetype(entry) == AE_IFLNK);
	{
		char *path = file_join(dest, name);

		archive_entry_set_pathname(entry, path);
		free(path);
	}
	if (archive_entry_hardlink(entry) != NULL) {
		const char *h = archive_entry_hardlink(entry);

		target = file_join(dest, strncmp(h, "./", 2) == 0 ? h + 2 : h);
		archive_entry_set_hardlink(entry, target);
	}
	/* No owner, no setuid, setgid or sticky bit from a download. */
	archive_entry_set_perm(entry, archive_entry_perm(entry) & 0777);
	if (archive_write_header(u->out, entry) != ARCHIVE_OK)
		r = err_set(u->e, STATUS_INVALID, "%s: entry '%s': %s", u->archive,
		    name, archive_error_string(u->out));
	else if (archive_entry_size(entry) > 0)
		r = copy_data(u, name);
	free(target);
	free(name);
	return r;
}

int
source_archive_unpack(const char *path, const char *dest_path,
    const struct source_limits *limits, struct err *e)
{
	/* Without symbolic links in it, for libarchive's checks. */
	char *dest = realpath(dest_path, NULL);
	struct unpack u = { path, limits, archive_read_new(),
	    archive_write_disk_new(), NULL, NULL, 0, 0, e };
	struct archive_entry *entry;
	int r = 0, rc;

	if (dest == NULL) {
		archive_read_free(u.in);
		archive_write_free(u.out);
		return err_errno(e, "cannot resolve %s", dest_path);
	}
	archive_read_support_filter_all(u.in);
	archive_read_support_format_all(u.in);
	/* Paths are checked above and rewritten below `dest` (absolute, so
	 * libarchive's check of absolute paths cannot serve); libarchive
	 * still refuses ".." and writing through symbolic links. */
	archive_write_disk_set_options(u.out, ARCHIVE_EXTRACT_PERM |
	    ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT);
	if (archive_read_open_filename(u.in, path, 65536) != ARCHIVE_OK)
		r = damaged(path, u.in, e);
	while (r == 0 && (rc = archive_read_next_header(u.in, &entry)) !=
	    ARCHIVE_EOF) {
		if (rc < ARCHIVE_WARN)
			r = damaged(path, u.in, e);
		else
			r = unpack_entry(&u, entry, dest);
	}
	if (archive_write_close(u.out) != ARCHIVE_OK && r == 0)
		r = err_set(e, STATUS_SYSTEM, "cannot unpack %s: %s", path,
		    archive_error_string(u.out));
	archive_read_free(u.in);
	archive_write_free(u.out);
	for (size_t i = 0; i < u.count; i++)
		free(u.names[i]);
	free(u.names);
	free(u.links);
	free(dest);
	return r;
}
