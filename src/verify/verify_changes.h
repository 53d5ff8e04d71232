/* verify_changes: what a step did to the throwaway root, read from the
 * overlay's upper layer (which holds every entry the steps created or
 * changed, and a whiteout for each entry of the host they removed):
 * the entries created, changed or removed between two listings of it,
 * and the entries still there after a purge, outside dpkg's own records
 * and the packages' file lists. */
#ifndef WPD_VERIFY_CHANGES_H
#define WPD_VERIFY_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/dirtree.h"

enum verify_change_kind {
	VERIFY_CREATED,		/* not on the host, made by the step */
	VERIFY_CHANGED,		/* a host file the step changed */
	VERIFY_REMOVED,		/* removed by the step */
	VERIFY_LEFT,		/* still there after a purge */
};

struct verify_change {
	enum verify_change_kind kind;
	char *path;		/* absolute, in the root */
	const char *what;	/* "plugin metadata", "backup rules", NULL */
};

/* Paths that are the packages' (their file lists), which are no change
 * to report; and the two directories of the contract, to name. */
struct verify_owned {
	char **paths;		/* absolute, sorted once added */
	size_t count;
	const char *metadata_dir, *backup_rules_dir;
};

/* Adds the lines of `dpkg-query -L` output (`text`) to `o`. */
void verify_changes_own(struct verify_owned *o, const char *text);
void verify_changes_owned_release(struct verify_owned *o);

/* Appends to *out (count *n; the caller frees with
 * verify_changes_free()) what changed from the upper layer `before` to
 * `after`, leaving out dpkg's records, this program's own files and
 * what `o` owns. */
void verify_changes_diff(const struct dirtree_list *before,
    const struct dirtree_list *after, const struct verify_owned *o,
    struct verify_change **out, size_t *n);
/* Appends what the upper layer `after` still holds, besides dpkg's
 * records, the directories of the host that other entries made the
 * overlay copy, and what `base` (the layer before the packages' first
 * installation) held already, unchanged: after a purge, what the
 * packages left behind (a host entry removed counts too). */
void verify_changes_left(const struct dirtree_list *after,
    const struct dirtree_list *base, const struct verify_owned *o,
    struct verify_change **out, size_t *n);
/* Drops from `c` (count *n) the entries left after a purge that are a
 * host's regular file restored: the same mode and bytes as on the host
 * (the upper layer, `upper`, keeps a copy of a file once changed). */
void verify_changes_drop_restored(const char *upper, struct verify_change *c,
    size_t *n);
/* Whether `c` is a change of a file of the host (changed or removed),
 * not of one the steps made. */
bool verify_changes_of_host(const struct verify_change *c);
void verify_changes_free(struct verify_change *c, size_t n);
/* "created", "changed", "removed", "left after purge". */
const char *verify_changes_kind_name(enum verify_change_kind kind);

#endif
