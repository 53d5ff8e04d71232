/* verify_changes: the steps' changes, from the overlay's upper layer. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "base/compiler.h"
#include "base/file.h"
#include "base/xalloc.h"
#include "verify/verify_changes.h"

/* What dpkg, the system's caches and this program write in the root on
 * every step: no change of the package's. Relative to the root; a
 * prefix names the entry and everything below it. */
static const char *const ignored[] = {
	".wazo-verify",		/* the stand-ins, their log, the debs */
	"etc/ld.so.cache",
	"root/.cache",
	"tmp",
	"var/cache/debconf",
	"var/cache/ldconfig",
	"var/lib/dpkg",
	"var/log",
	"var/tmp",
};

static bool
under(const char *path, const char *prefix)
{
	size_t len = strlen(prefix);

	return strncmp(path, prefix, len) == 0 &&
	    (path[len] == '\0' || path[len] == '/');
}

static bool
is_ignored(const char *rel)
{
	for (size_t i = 0; i < WPD_ARRAY_SIZE(ignored); i++)
		if (under(rel, ignored[i]))
			return true;
	return false;
}

static int
compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Keeps one of each path of the sorted list: a package's files are
 * given again at each step. */
static void
drop_repeats(struct verify_owned *o)
{
	size_t kept = 0;

	for (size_t i = 0; i < o->count; i++) {
		if (kept > 0 && strcmp(o->paths[kept - 1], o->paths[i]) == 0)
			free(o->paths[i]);
		else
			o->paths[kept++] = o->paths[i];
	}
	o->count = kept;
}

void
verify_changes_own(struct verify_owned *o, const char *text)
{
	const char *line = text;

	while (line != NULL && *line != '\0') {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);

		if (len > 1 && line[0] == '/') {
			o->paths = xreallocarray(o->paths, o->count + 1,
			    sizeof(*o->paths));
			o->paths[o->count++] = xstrndup(line, len);
		}
		line = nl ? nl + 1 : NULL;
	}
	qsort(o->paths, o->count, sizeof(*o->paths), compare_paths);
	drop_repeats(o);
}

void
verify_changes_owned_release(struct verify_owned *o)
{
	for (size_t i = 0; i < o->count; i++)
		free(o->paths[i]);
	free(o->paths);
	o->paths = NULL;
	o->count = 0;
}

static bool
is_owned(const struct verify_owned *o, const char *abs)
{
	return o->count > 0 && bsearch(&abs, o->paths, o->count,
	    sizeof(*o->paths), compare_paths) != NULL;
}

/* A whiteout: the overlay's mark of a lower entry removed. */
static bool
is_whiteout(const struct stat *st)
{
	return S_ISCHR(st->st_mode) && st->st_rdev == makedev(0, 0);
}

/* The host's entry at `rel` (the overlay's lower layer is /), if any. */
static bool
on_host(const char *rel, struct stat *st)
{
	char *abs = xasprintf("/%s", rel);
	bool found = lstat(abs, st) == 0;

	free(abs);
	return found;
}

static const char *
what_of(const struct verify_owned *o, const char *abs)
{
	if (o->metadata_dir != NULL && under(abs, o->metadata_dir))
		return "plugin metadata";
	if (o->backup_rules_dir != NULL && under(abs, o->backup_rules_dir))
		return "backup rules";
	return NULL;
}

static void
add(struct verify_change **out, size_t *n, enum verify_change_kind kind,
    const char *rel, const struct verify_owned *o)
{
	struct verify_change *c;

	*out = xreallocarray(*out, *n + 1, sizeof(**out));
	c = &(*out)[(*n)++];
	c->kind = kind;
	c->path = xasprintf("/%s", rel);
	c->what = what_of(o, c->path);
}

/* The contract's two directories and their parents belong to
 * wazo-plugind on a server (the maintainer scripts make the backup
 * directory when it is missing): no change of the plugin's. */
static bool
is_wazo_plugind_dir(const struct verify_owned *o, const char *abs,
    const struct stat *st)
{
	return S_ISDIR(st->st_mode) && ((o->metadata_dir != NULL &&
	    under(o->metadata_dir, abs)) || (o->backup_rules_dir != NULL &&
	    under(o->backup_rules_dir, abs)));
}

/* Whether an entry of the upper layer is worth naming at all. */
static bool
relevant(const struct dirtree_entry *d, const struct verify_owned *o)
{
	char *abs;
	bool owned;

	if (d->path[0] == '\0' || is_ignored(d->path))
		return false;
	abs = xasprintf("/%s", d->path);
	owned = is_owned(o, abs) || is_wazo_plugind_dir(o, abs, &d->st);
	free(abs);
	return !owned;
}

/* An entry that appeared in the upper layer: created, changed, or (a
 * whiteout) removed; a host directory copied up is none of these. */
static void
appeared(const struct dirtree_entry *d, const struct verify_owned *o,
    struct verify_change **out, size_t *n)
{
	struct stat host;
	bool there = on_host(d->path, &host);

	if (is_whiteout(&d->st))
		add(out, n, VERIFY_REMOVED, d->path, o);
	else if (!there)
		add(out, n, VERIFY_CREATED, d->path, o);
	else if (!S_ISDIR(d->st.st_mode) || !S_ISDIR(host.st_mode))
		add(out, n, VERIFY_CHANGED, d->path, o);
}

static bool
same(const struct stat *a, const struct stat *b)
{
	return a->st_mode == b->st_mode && a->st_ino == b->st_ino &&
	    a->st_size == b->st_size && a->st_rdev == b->st_rdev &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	    a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

void
verify_changes_diff(const struct dirtree_list *before,
    const struct dirtree_list *after, const struct verify_owned *o,
    struct verify_change **out, size_t *n)
{
	size_t i = 0, j = 0;

	while (i < before->count || j < after->count) {
		const struct dirtree_entry *b = i < before->count ?
		    &before->entries[i] : NULL;
		const struct dirtree_entry *a = j < after->count ?
		    &after->entries[j] : NULL;
		int cmp = b == NULL ? 1 : a == NULL ? -1 :
		    strcmp(b->path, a->path);

		if (cmp < 0 && relevant(b, o) && !is_whiteout(&b->st))
			add(out, n, VERIFY_REMOVED, b->path, o);
		else if (cmp > 0 && relevant(a, o))
			appeared(a, o, out, n);
		else if (cmp == 0 && relevant(a, o) && !same(&a->st, &b->st) &&
		    !S_ISDIR(a->st.st_mode))
			add(out, n, is_whiteout(&a->st) ? VERIFY_REMOVED :
			    VERIFY_CHANGED, a->path, o);
		i += cmp <= 0;
		j += cmp >= 0;
	}
}

/* As relevant(), for what a purge leaves: the packages' own files
 * count too. */
static bool
relevant_left(const struct dirtree_entry *d, const struct verify_owned *o)
{
	char *abs;
	bool skip;

	if (d->path[0] == '\0' || is_ignored(d->path))
		return false;
	abs = xasprintf("/%s", d->path);
	skip = is_wazo_plugind_dir(o, abs, &d->st);
	free(abs);
	return !skip;
}

void
verify_changes_left(const struct dirtree_list *after,
    const struct dirtree_list *base, const struct verify_owned *o,
    struct verify_change **out, size_t *n)
{
	size_t i = 0;

	for (size_t j = 0; j < after->count; j++) {
		const struct dirtree_entry *d = &after->entries[j];
		struct stat host;

		/* Both listings are in path order. */
		while (i < base->count &&
		    strcmp(base->entries[i].path, d->path) < 0)
			i++;
		if (i < base->count && strcmp(base->entries[i].path,
		    d->path) == 0 && (same(&base->entries[i].st, &d->st) ||
		    (S_ISDIR(d->st.st_mode) &&
		    S_ISDIR(base->entries[i].st.st_mode))))
			continue;
		if (!relevant_left(d, o))
			continue;
		/* A host directory the overlay copied up for an entry
		 * below it, which that entry's line names. */
		if (S_ISDIR(d->st.st_mode) && on_host(d->path, &host) &&
		    S_ISDIR(host.st_mode))
			continue;
		add(out, n, is_whiteout(&d->st) ? VERIFY_REMOVED : VERIFY_LEFT,
		    d->path, o);
	}
}

/* Whether the files `a` and `b` hold the same bytes. */
static bool
same_bytes(const char *a, const char *b)
{
	struct buf x = BUF_INIT, y = BUF_INIT;
	struct err e = ERR_INIT;
	bool same = file_read(a, 1 << 24, &x, NULL, &e) == 0 &&
	    file_read(b, 1 << 24, &y, NULL, &e) == 0 && x.len == y.len &&
	    memcmp(x.data, y.data, x.len) == 0;

	err_release(&e);
	buf_release(&x);
	buf_release(&y);
	return same;
}

void
verify_changes_drop_restored(const char *upper, struct verify_change *c,
    size_t *n)
{
	size_t kept = 0;

	for (size_t i = 0; i < *n; i++) {
		char *copy = xasprintf("%s%s", upper, c[i].path);
		struct stat mine, host;
		bool restored = c[i].kind == VERIFY_LEFT &&
		    lstat(copy, &mine) == 0 && S_ISREG(mine.st_mode) &&
		    lstat(c[i].path, &host) == 0 && S_ISREG(host.st_mode) &&
		    mine.st_mode == host.st_mode &&
		    mine.st_size == host.st_size && same_bytes(copy, c[i].path);

		free(copy);
		if (restored)
			free(c[i].path);
		else
			c[kept++] = c[i];
	}
	*n = kept;
}

bool
verify_changes_of_host(const struct verify_change *c)
{
	struct stat st;

	return (c->kind == VERIFY_CHANGED || c->kind == VERIFY_REMOVED) &&
	    lstat(c->path, &st) == 0;
}

void
verify_changes_free(struct verify_change *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(c[i].path);
	free(c);
}

const char *
verify_changes_kind_name(enum verify_change_kind kind)
{
	static const char *const names[] = { "created", "changed", "removed",
	    "left after purge" };

	return names[kind];
}
