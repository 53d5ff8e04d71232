/* publish_judge: the packages of a publish, judged before anything
 * changes: each DEB read and checked as reprepro will take it, then
 * against what the repository holds. */
#ifndef WPD_PUBLISH_JUDGE_H
#define WPD_PUBLISH_JUDGE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "deb/debinfo.h"
#include "publish/publish_repo.h"

enum publish_action {
	PUBLISH_ADDED,		/* reprepro added it */
	PUBLISH_UNCHANGED,	/* the same file was there already */
	PUBLISH_REFUSED,	/* it conflicts with the repository */
};

/* One package of the job. */
struct publish_item {
	const char *deb;	/* its argument */
	struct debinfo info;
	char sha256[65];
	enum publish_action action;
	char *why;		/* PUBLISH_REFUSED: why; else NULL */
	char *pool;		/* its file in the repository (relative), once
				 * published; else NULL */
};

/* "added", "unchanged" or "refused". */
const char *publish_judge_action_name(enum publish_action action);
/* Whether `s` is a name conf/distributions takes for a codename or a
 * component: letters, digits, '.', '_', '+', '-'. */
bool publish_judge_name(const char *s);

/*
 * Reads the packages `debs` into a new array *items (n of them; release
 * with publish_judge_free(), also after an error): each a .deb with a
 * Package name Debian policy allows, a valid Version, an Architecture reprepro takes, and the Section and
 * Priority reprepro needs, and its SHA-256. The same file given twice
 * is published once (the second is PUBLISH_UNCHANGED); two files of the
 * same package, version and architecture, or two versions of a package
 * that a distribution would list under one architecture (the same, or
 * all), are refused. -1 with `e` set
 * (STATUS_USAGE) on the first DEB at fault.
 */
int publish_judge_debs(char *const *debs, size_t n,
    struct publish_item **items, struct err *e);
void publish_judge_free(struct publish_item *items, size_t n);

/*
 * Judges the items not yet refused against the repository: its pool
 * `files` and the `entries` its distribution lists for them, under the
 * distribution's architectures `archs`. Another file of the same name,
 * version and architecture in the pool, or a newer version listed, is
 * PUBLISH_REFUSED (with why); the same file listed under every
 * architecture it goes to is PUBLISH_UNCHANGED (with its pool file); the
 * rest PUBLISH_ADDED.
 */
void publish_judge_repo(struct publish_item *items, size_t n,
    const char *archs, const struct publish_repo_file *files,
    size_t nfiles, const struct publish_repo_entry *entries,
    size_t nentries);

/* The architectures the items need that the words `have` lack, each
 * after a space (" arm64 armhf"), or "". The caller frees it. */
char *publish_judge_missing_archs(const struct publish_item *items,
    size_t n, const char *have);

/* The message of the refused items, or NULL when none is; the caller
 * frees it. */
char *publish_judge_refusals(const struct publish_item *items, size_t n);

#endif
