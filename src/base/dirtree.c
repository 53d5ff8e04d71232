/* dirtree: listing, copying, removing and atomically installing
 * directory trees. */
#include <config.h>

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/dirtree.h"

int
dirtree_walk(const char *root, dirtree_visit visit, void *ctx, struct err *e)
{
	char *paths[] = { (char *)root, NULL };
	size_t root_len = strlen(root);
	FTS *fts = fts_open(paths, FTS_PHYSICAL | FTS_NOCHDIR, NULL);
	FTSENT *ent;
	int r = 0;

	if (fts == NULL)
		return err_errno(e, "cannot scan %s", root);
	while (r == 0 && (ent = fts_read(fts)) != NULL) {
		const char *rel = ent->fts_path + root_len;

		if (ent->fts_info == FTS_DP)
			continue;
		if (ent->fts_info == FTS_ERR || ent->fts_info == FTS_DNR ||
		    ent->fts_info == FTS_NS) {
			errno = ent->fts_errno;
			r = err_errno(e, "cannot scan %s", ent->fts_path);
			break;
		}
		while (*rel == '/')
			rel++;
		r = visit(rel, ent->fts_statp, ctx, e);
	}
	fts_close(fts);
	return r;
}

struct list_walk {
	struct dirtree_list *l;
	size_t cap;
};

static int
add_entry(const char *rel, const struct stat *st, void *ctx, struct err *e)
{
	struct list_walk *w = ctx;
	struct dirtree_list *l = w->l;

	(void)e;
	if (l->count == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 64;
		l->entries = xreallocarray(l->entries, w->cap,
		    sizeof(*l->entries));
	}
	l->entries[l->count].path = xstrdup(rel);
	l->entries[l->count].st = *st;
	l->count++;
	return 0;
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
	struct list_walk w = { out, 0 };

	out->entries = NULL;
	out->count = 0;
	if (dirtree_walk(root, add_entry, &w, e) < 0) {
		dirtree_list_release(out);
		return -1;
	}
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

/* "cannot write PATH: REASON", the reason from the system when it
 * gave one. */
static int
write_failed(struct archive *out, const char *path, struct err *e)
{
	int code = archive_errno(out);

	return err_set(e, STATUS_SYSTEM, "cannot write %s: %s", path,
	    code > 0 ? strerror(code) : archive_error_string(out));
}

static int
copy_data(struct archive *disk, struct archive *out, const char *path,
    struct err *e)
{
	char chunk[65536];
	la_ssize_t n;

	while ((n = archive_read_data(disk, chunk, sizeof(chunk))) > 0)
		if (archive_write_data(out, chunk, (size_t)n) < 0)
			return write_failed(out, path, e);
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
			r = write_failed(out, archive_entry_pathname(entry), e);
			break;
		}
		if (archive_entry_size(entry) > 0 &&
		    archive_entry_hardlink(entry) == NULL &&
		    copy_data(disk, out, archive_entry_pathname(entry), e) < 0) {
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

/* Opens the directory `name` of `dir`; one a non-root user left
 * unreadable is made readable first. */
static int
open_below(int dir, const char *name)
{
	int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	int fd = openat(dir, name, flags);

	if (fd < 0 && errno == EACCES && fchmodat(dir, name, 0700, 0) == 0)
		fd = openat(dir, name, flags);
	return fd;
}

/* Removes the files of the directory `fd` and stores the name of one of
 * its subdirectories in *sub (malloc(3)ed), or NULL when it has none
 * left. -1 with errno set. */
static int
clear_files(int fd, char **sub)
{
	DIR *d;
	struct dirent *ent;
	int copy = dup(fd), r = 0;

	*sub = NULL;
	if (copy < 0 || (d = fdopendir(copy)) == NULL) {
		if (copy >= 0)
			close(copy);
		return -1;
	}
	while (r == 0 && *sub == NULL && (ent = readdir(d)) != NULL) {
		struct stat st;

		if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
			continue;
		if (fstatat(fd, ent->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			r = errno == ENOENT ? 0 : -1;
		else if (S_ISDIR(st.st_mode))
			*sub = xstrdup(ent->d_name);
		else if (unlinkat(fd, ent->d_name, 0) < 0 && errno != ENOENT &&
		    (errno != EACCES || fchmod(fd, 0700) < 0 ||
		    unlinkat(fd, ent->d_name, 0) < 0))
			r = -1;
	}
	closedir(d);
	return r;
}

/*
 * Removes everything below the directory `fd` (which it closes), going
 * down and up with one descriptor and a stack of names, so that a tree
 * of any depth goes, even one whose paths are longer than PATH_MAX.
 */
static int
clear_tree(int fd)
{
	char **names = NULL, *sub;
	size_t depth = 0;
	int r;

	while ((r = clear_files(fd, &sub)) == 0) {
		int next;

		if (sub != NULL) {
			next = open_below(fd, sub);
			names = xreallocarray(names, depth + 1, sizeof(*names));
			names[depth++] = sub;
		} else if (depth == 0) {
			break;
		} else {
			next = openat(fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			if (next >= 0 && unlinkat(next, names[depth - 1],
			    AT_REMOVEDIR) < 0 && errno != ENOENT) {
				close(next);
				next = -1;
			}
			free(names[--depth]);
		}
		close(fd);
		if ((fd = next) < 0) {
			r = -1;
			break;
		}
	}
	if (fd >= 0)
		close(fd);
	while (depth > 0)
		free(names[--depth]);
	free(names);
	return r;
}

int
dirtree_remove(const char *path, struct err *e)
{
	struct stat st;
	int fd;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : err_errno(e, "cannot remove %s", path);
	if (!S_ISDIR(st.st_mode)) {
		if (unlink(path) < 0 && errno != ENOENT)
			return err_errno(e, "cannot remove %s", path);
		return 0;
	}
	fd = open_below(AT_FDCWD, path);
	if (fd < 0 || clear_tree(fd) < 0 || (rmdir(path) < 0 && errno != ENOENT))
		return err_errno(e, "cannot remove %s", path);
	return 0;
}

int
dirtree_make_dirs(const char *path, mode_t mode, char **made, struct err *e)
{
	struct stat st;
	char *parent;
	int r = 0;

	if (stat(path, &st) == 0)
		return S_ISDIR(st.st_mode) ? 0 : err_set(e, STATUS_USAGE,
		    "%s is a file, not a directory", path);
	if (errno != ENOENT && errno != ENOTDIR)
		return err_errno(e, "cannot create %s", path);
	parent = xstrdup(path);
	dirname(parent);
	if (strcmp(parent, path) != 0)
		r = dirtree_make_dirs(parent, mode, made, e);
	free(parent);
	if (r < 0)
		return -1;
	if (mkdir(path, mode) == 0) {
		if (made != NULL && *made == NULL)
			*made = xstrdup(path);
	} else if (errno != EEXIST) {
		r = err_errno(e, "cannot create %s", path);
	}
	return r;
}

int
dirtree_prepare_output(const char *dir, struct err *e)
{
	if (dirtree_make_dirs(dir, 0777, NULL, e) < 0)
		return -1;
	if (access(dir, W_OK | X_OK) < 0)
		return err_errno(e, "cannot write to %s", dir);
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

const char *
dirtree_tmp(void)
{
	const char *tmpdir = getenv("TMPDIR");

	if (tmpdir == NULL || *tmpdir == '\0' || strpbrk(tmpdir, " \t\n"))
		return "/tmp";
	return tmpdir;
}

char *
dirtree_private_dir(struct err *e)
{
	const char *tmpdir = dirtree_tmp();
	char *dir;

	dir = xasprintf("%s/wazo-plugin-deb.XXXXXX", tmpdir);
	if (mkdtemp(dir) == NULL) {
		err_errno(e, "cannot create a directory in %s", tmpdir);
		free(dir);
		return NULL;
	}
	return dir;
}
