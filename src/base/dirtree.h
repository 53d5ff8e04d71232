/* dirtree: whole directory trees: listed in sorted order, copied (with
 * libarchive, modes and symbolic links kept), removed, and put in place
 * atomically. */
#ifndef WPD_DIRTREE_H
#define WPD_DIRTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "base/err.h"

struct dirtree_entry {
	char *path;		/* relative to the root; "" is the root */
	struct stat st;		/* from lstat(2) */
};

/* Every entry of a tree, sorted by path (byte order); owns the paths. */
struct dirtree_list {
	struct dirtree_entry *entries;
	size_t count;
};

/* Calls `visit` with every entry of the tree at `root` (the path relative
 * to it, "" for the root; symbolic links are not followed) in the order
 * they are found, without keeping any; stops at the first -1 it returns,
 * or at an error of the scan. */
typedef int (*dirtree_visit)(const char *rel, const struct stat *st,
    void *ctx, struct err *e);
int dirtree_walk(const char *root, dirtree_visit visit, void *ctx,
    struct err *e);

/* Lists the tree at `root` (symbolic links are not followed). Release
 * `out` with dirtree_list_release(), also after an error. */
int dirtree_list(const char *root, struct dirtree_list *out, struct err *e);
void dirtree_list_release(struct dirtree_list *l);

/*
 * Copies the tree at `from` into the directory `to` (created when
 * missing; existing directories are merged into, existing files
 * replaced). Modes are kept, symbolic links stay links, hard links stay
 * linked; owners are not copied. Returns 0, or -1 with `e` set.
 */
int dirtree_copy(const char *from, const char *to, struct err *e);

/* Removes `path` and everything below it, without following symbolic
 * links, at any depth (paths longer than PATH_MAX too); a missing path is
 * no error. */
int dirtree_remove(const char *path, struct err *e);

/*
 * Makes the directory `path` and its missing parents, as `mkdir -p` does,
 * with `mode` (less the umask); an existing `path` must be a directory.
 * When `made` is not NULL and *made still NULL, *made gets the topmost
 * directory made (the caller frees it). Returns 0, or -1 with `e` set
 * (STATUS_USAGE when `path` or a parent is a file).
 */
int dirtree_make_dirs(const char *path, mode_t mode, char **made,
    struct err *e);

/*
 * Makes the directory `dir` as `mkdir -p` does, then checks that files
 * can be made in it: before any work, so that an output at fault stops a
 * command before it starts. Returns 0, or -1 with `e` set: STATUS_USAGE
 * when `dir` or a parent is a file ("... is a file, not a directory"),
 * STATUS_SYSTEM when it cannot be made or written to (read-only file
 * system, no permission: the message names the cause and the path).
 */
int dirtree_prepare_output(const char *dir, struct err *e);

/*
 * Creates an empty directory beside `final` (same parent, so that a
 * rename can put it in place) and returns its malloc(3)ed path, or NULL
 * with `e` set. `final`'s parent must exist.
 */
char *dirtree_make_sibling(const char *final, struct err *e);

/* $TMPDIR, or /tmp when that is unset or holds white space (plugin rules
 * use paths unquoted). */
const char *dirtree_tmp(void);

/* A new private directory in dirtree_tmp(); NULL with `e` set. The
 * caller frees the path. */
char *dirtree_private_dir(struct err *e);

/*
 * Puts the directory `staged` in place of `final`: a plain rename when
 * `final` does not exist; with `replace`, the old `final` is swapped out
 * and removed; without, an existing `final` is an error (STATUS_USAGE)
 * and `staged` is removed.
 */
int dirtree_install(const char *staged, const char *final, bool replace,
    struct err *e);

#endif
