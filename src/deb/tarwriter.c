/* tarwriter: a .deb's tar members, written with libarchive. */
#include <config.h>

#include <archive.h>
#include <archive_entry.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "deb/tarwriter.h"

struct tarwriter {
	struct archive *a;
	struct archive_entry_linkresolver *links;
	struct compressor *compressor;
	struct err *e;		/* where the write callback reports */
	char *path;		/* the file's, for messages */
	time_t mtime;
};

static la_ssize_t
write_callback(struct archive *a, void *ctx, const void *data, size_t len)
{
	struct tarwriter *tw = ctx;

	(void)a;
	if (compress_write(tw->compressor, data, len, tw->e) < 0)
		return -1;
	return (la_ssize_t)len;
}

static int
archive_failed(struct tarwriter *tw, struct err *e)
{
	if (tw->e != NULL && tw->e->msg != NULL)
		return -1;	/* the compressor said why */
	return err_set(e, STATUS_SYSTEM, "cannot write %s: %s", tw->path,
	    archive_error_string(tw->a));
}

struct tarwriter *
tarwriter_open(int fd, const char *path, const struct compress_options *o,
    time_t mtime, struct err *e)
{
	struct tarwriter *tw = xcalloc(1, sizeof(*tw));

	tw->compressor = compress_open(o, fd, path, e);
	if (tw->compressor == NULL) {
		free(tw);
		return NULL;
	}
	tw->e = e;
	tw->path = xstrdup(path);
	tw->mtime = mtime;
	tw->a = archive_write_new();
	tw->links = archive_entry_linkresolver_new();
	archive_entry_linkresolver_set_strategy(tw->links,
	    ARCHIVE_FORMAT_TAR_GNUTAR);
	if (archive_write_set_format_gnutar(tw->a) != ARCHIVE_OK ||
	    archive_write_open(tw->a, tw, NULL, write_callback, NULL) !=
	    ARCHIVE_OK) {
		struct err ignored = ERR_INIT;

		archive_failed(tw, e);
		tarwriter_close(tw, &ignored);
		err_release(&ignored);
		return NULL;
	}
	return tw;
}

static struct archive_entry *
new_entry(const struct tarwriter *tw, const char *path, bool dir)
{
	struct archive_entry *entry = archive_entry_new();
	char *name;

	if (path[0] == '\0')
		name = xstrdup("./");
	else
		name = xasprintf("./%s%s", path, dir ? "/" : "");
	/* The bytes as they are: no locale conversion. */
	archive_entry_copy_pathname(entry, name);
	free(name);
	archive_entry_set_uid(entry, 0);
	archive_entry_set_gid(entry, 0);
	archive_entry_copy_uname(entry, "root");
	archive_entry_copy_gname(entry, "root");
	archive_entry_set_mtime(entry, tw->mtime, 0);
	return entry;
}

int
tarwriter_entry(struct tarwriter *tw, const char *path, const struct stat *st,
    const char *target, int *is_link, struct err *e)
{
	struct archive_entry *entry = new_entry(tw, path, S_ISDIR(st->st_mode));
	struct archive_entry *spare = NULL;
	int r = 0;

	*is_link = 0;
	archive_entry_set_mode(entry, st->st_mode);
	archive_entry_set_size(entry, S_ISREG(st->st_mode) ? st->st_size : 0);
	if (S_ISLNK(st->st_mode))
		archive_entry_copy_symlink(entry, target);
	if (S_ISREG(st->st_mode) && st->st_nlink > 1) {
		archive_entry_set_dev(entry, st->st_dev);
		archive_entry_set_ino64(entry, (la_int64_t)st->st_ino);
		archive_entry_set_nlink(entry, (unsigned)st->st_nlink);
		archive_entry_linkify(tw->links, &entry, &spare);
		*is_link = archive_entry_hardlink(entry) != NULL;
	}
	tw->e = e;
	if (archive_write_header(tw->a, entry) != ARCHIVE_OK)
		r = archive_failed(tw, e);
	archive_entry_free(entry);
	archive_entry_free(spare);
	return r;
}

int
tarwriter_data(struct tarwriter *tw, const void *data, size_t len,
    struct err *e)
{
	tw->e = e;
	if (len > 0 && archive_write_data(tw->a, data, len) < 0)
		return archive_failed(tw, e);
	return 0;
}

int
tarwriter_file_entry(struct tarwriter *tw, const char *path, unsigned mode,
    size_t len, struct err *e)
{
	struct stat st;
	int is_link;

	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFREG | mode;
	st.st_size = (off_t)len;
	st.st_nlink = 1;
	return tarwriter_entry(tw, path, &st, NULL, &is_link, e);
}

int
tarwriter_file(struct tarwriter *tw, const char *path, unsigned mode,
    const void *data, size_t len, struct err *e)
{
	if (tarwriter_file_entry(tw, path, mode, len, e) < 0)
		return -1;
	return tarwriter_data(tw, data, len, e);
}

#define BLOCK 512ULL
/* libarchive's default record: the stream is padded to it. */
#define RECORD 10240ULL
/* The longest name a GNU tar header holds; beyond, a long-name record. */
#define NAME_FIELD 100

static unsigned long long
padded(unsigned long long n)
{
	return (n + BLOCK - 1) / BLOCK * BLOCK;
}

/* A GNU long-name record for a name of `len` bytes, if it needs one. */
static unsigned long long
long_name_size(size_t len)
{
	return len >= NAME_FIELD ? BLOCK + padded(len + 1) : 0;
}

unsigned long long
tarwriter_entry_size(const char *path, const struct stat *st)
{
	/* "./" and, for a directory, "/" around the path. */
	size_t name = strlen(path) + 2 + (S_ISDIR(st->st_mode) ? 1 : 0);
	unsigned long long n = BLOCK + long_name_size(name);

	if (S_ISLNK(st->st_mode))
		n += long_name_size((size_t)st->st_size);
	else if (S_ISREG(st->st_mode))
		n += padded((unsigned long long)st->st_size);
	return n;
}

unsigned long long
tarwriter_stream_size(unsigned long long entries)
{
	return (entries + 2 * BLOCK + RECORD - 1) / RECORD * RECORD;
}

int
tarwriter_close(struct tarwriter *tw, struct err *e)
{
	struct err ignored = ERR_INIT;
	int r = 0;

	tw->e = e;
	if (archive_write_close(tw->a) != ARCHIVE_OK)
		r = archive_failed(tw, e);
	archive_write_free(tw->a);
	archive_entry_linkresolver_free(tw->links);
	/* After a failure, the first error is the one to tell. */
	if (compress_close(tw->compressor, r < 0 ? &ignored : e) < 0)
		r = -1;
	err_release(&ignored);
	free(tw->path);
	free(tw);
	return r;
}
