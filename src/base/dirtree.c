/* dirtree: listing, copying, removing and atomically installing
 * directory trees. */
#include <config.h>

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fts.h>
#include <ftw.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/dirtree.h"

static void
add_entry(struct dirtree_list *l, size_t *cap, const char *rel,
    const struct stat *st)
{
	if (l->count == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		l->entries = xreallocarray(l->entries, *cap, sizeof(*l->entries));
	}
	l->entries[l->count].path = xstrdup(rel);
	l->entries[l->count].st = *st;
	l->count++;
}

static int
compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct dirtree_entry *)a)->path,
	    ((const struct dirtree_entry *)b)->path);
}

int
dirtree_list(const char *root, struct dirtree_list *out, struct err *e)
{
	char *paths[] = { (char *)root, NULL };
	size_t cap = 0, root_len = strlen(root);
	FTS *fts = fts_open(paths, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
	FTSENT *ent;

	out->entries = NULL;
	out->count = 0;
	if (fts == NULL)
		return err_errno(e, "cannot scan %s", root);
	while ((ent = fts_read(fts)) != NULL) {
		const char *rel = ent->fts_path + root_len;

		if (ent->fts_info == FTS_DP)
			continue;
		if (ent->fts_info == FTS_ERR || ent->fts_info == FTS_DNR ||
		    ent->fts_info == FTS_NS) {
			errno = ent->fts_errno;
			err_errno(e, "cannot scan %s", ent->fts_path);
			fts_close(fts);
			dirtree_list_release(out);
			return -1;
		}
		while (*rel == '/')
			rel++;
		add_entry(out, &cap, rel, ent->fts_statp);
	}
	fts_close(fts);
	qsort(out->entries, out->count, sizeof(*out->entries), compare_entries);
	return 0;
}

void
dirtree_list_release(struct dirtree_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->entries[i].path);
	free(l->entries);
	l->entries = NULL;
	l->count = 0;
}

/* Rewrites the entry's path from below `from` to below `to`. */
static void
move_entry(struct archive_entry *entry, const char *from, const char *to)
{
	const char *path = archive_entry_pathname(entry);
	size_t len = strlen(from);
	char *moved;

	if (strncmp(path, from, len) == 0)
		path += len;
	moved = xasprintf("%s%s", to, path);
	archive_entry_set_pathname(entry, moved);
	free(moved);
	/* A hard link names another entry of the same tree. */
	path = archive_entry_hardlink(entry);
	if (path != NULL) {
		if (strncmp(path, from, len) == 0)
			path += len;
		moved = xasprintf("%s%s", to, path);
		archive_entry_set_hardlink(entry, moved);
		free(moved);
	}
}

static int
copy_data(struct archive *disk, struct archive *out, struct err *e)
{
	char chunk[65536];
	la_ssize_t n;

	while ((n = archive_read_data(disk, chunk, sizeof(chunk))) > 0)
		if (archive_write_data(out, chunk, (size_t)n) < 0)
			return err_set(e, STATUS_SYSTEM, "%s",
			    archive_error_string(out));
	if (n < 0)
		return err_set(e, STATUS_SYSTEM, "%s", archive_error_string(disk));
	return 0;
}

static int
copy_entries(struct archive *disk, struct archive *out, const char *from,
    const char *to, struct err *e)
{
	struct archive_entry *entry;
	struct archive_entry_linkresolver *links = archive_entry_linkresolver_new();
	int r;

	archive_entry_linkresolver_set_strategy(links, ARCHIVE_FORMAT_TAR_GNUTAR);
	while ((r = archive_read_next_header(disk, &entry)) == ARCHIVE_OK) {
		struct archive_entry *sparse = NULL;

		archive_read_disk_descend(disk);
		archive_entry_linkify(links, &entry, &sparse);
		if (entry == NULL)
			continue;
		move_entry(entry, from, to);
		archive_entry_set_uid(entry, getuid());
		archive_entry_set_gid(entry, getgid());
		if (archive_write_header(out, entry) != ARCHIVE_OK) {
			r = err_set(e, STATUS_SYSTEM, "%s",
			    archive_error_string(out));
			break;
		}
		if (archive_entry_size(entry) > 0 &&
		    archive_entry_hardlink(entry) == NULL &&
		    copy_data(disk, out, e) < 0) {
			r = -1;
			break;
		}
	}
	archive_entry_linkresolver_free(links);
	if (r == ARCHIVE_EOF)
		return 0;
	if (r != -1 && e->msg == NULL)
		err_set(e, STATUS_SYSTEM, "cannot read %s: %s", from,
		    archive_error_string(disk));
	return -1;
}

int
dirtree_copy(const char *from, const char *to, struct err *e)
{
	struct archive *disk = archive_read_disk_new();
	struct archive *out = archive_write_disk_new();
	int r;

	archive_read_disk_set_symlink_physical(disk);
	archive_read_disk_set_behavior(disk,
	    ARCHIVE_READDISK_NO_XATTR | ARCHIVE_READDISK_NO_ACL |
	    ARCHIVE_READDISK_NO_FFLAGS);
	archive_write_disk_set_options(out, ARCHIVE_EXTRACT_PERM |
	    ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_UNLINK |
	    ARCHIVE_EXTRACT_SECURE_NODOTDOT);
	archive_write_disk_set_standard_lookup(out);
	if (archive_read_disk_open(disk, from) != ARCHIVE_OK)
		r = err_set(e, STATUS_SYSTEM, "cannot read %s: %s", from,
		    archive_error_string(disk));
	else
		r = copy_entries(disk, out, from, to, e);
	if (archive_write_close(out) != ARCHIVE_OK && r == 0)
		r = err_set(e, STATUS_SYSTEM, "cannot write %s: %s", to,
		    archive_error_string(out));
	archive_read_free(disk);
	archive_write_free(out);
	return r;
}

static int
remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return (type == FTW_DP ? rmdir(path) : unlink(path)) < 0 &&
	    errno != ENOENT ? -1 : 0;
}

int
dirtree_remove(const char *path, struct err *e)
{
	struct stat st;

	if (lstat(path, &st) < 0 && errno == ENOENT)
		return 0;
	if (nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
		return err_errno(e, "cannot remove %s", path);
	return 0;
}

char *
dirtree_make_sibling(const char *final, struct err *e)
{
	char *copy = xstrdup(final), *dir = dirname(copy);
	char *base_copy = xstrdup(final), *base = basename(base_copy);
	char *tmp = xasprintf("%s/.%s.tmp-XXXXXX", dir, base);

	free(copy);
	free(base_copy);
	if (mkdtemp(tmp) == NULL) {
		err_errno(e, "cannot create a directory beside %s", final);
		free(tmp);
		return NULL;
	}
	return tmp;
}

int
dirtree_install(const char *staged, const char *final, bool replace,
    struct err *e)
{
	struct stat st;
	char *old;
	int r = 0;

	if (lstat(final, &st) < 0) {
		if (rename(staged, final) == 0)
			return 0;
		err_errno(e, "cannot rename %s to %s", staged, final);
		dirtree_remove(staged, e);
		return -1;
	}
	if (!replace) {
		dirtree_remove(staged, e);
		return err_set(e, STATUS_USAGE, "%s already exists; --force "
		    "replaces it", final);
	}
	old = xasprintf("%s.old", staged);
	if (rename(final, old) < 0 || rename(staged, final) < 0) {
		r = err_errno(e, "cannot replace %s", final);
		dirtree_remove(staged, e);
	}
	dirtree_remove(old, e);
	free(old);
	return r;
}

char *
dirtree_private_dir(struct err *e)
{
	const char *tmpdir = getenv("TMPDIR");
	char *dir;

	if (tmpdir == NULL || *tmpdir == '\0' || strpbrk(tmpdir, " \t\n"))
		tmpdir = "/tmp";
	dir = xasprintf("%s/wazo-plugin-deb.XXXXXX", tmpdir);
	if (mkdtemp(dir) == NULL) {
		err_errno(e, "cannot create a directory in %s", tmpdir);
		free(dir);
		return NULL;
	}
	return dir;
}
