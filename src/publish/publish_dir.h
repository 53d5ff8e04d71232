/* publish_dir: a repository's base directory as publish sees it: a
 * repository (conf/distributions), or what may become one (missing or
 * empty); its lock, which publishes take one after the other; and, when
 * the run that made it fails, its removal. */
#ifndef WPD_PUBLISH_DIR_H
#define WPD_PUBLISH_DIR_H

#include <stdbool.h>

#include "base/err.h"

/* The lock file, below the repository's conf/. */
#define PUBLISH_LOCK "wazo-plugin-deb.lock"
/* The exported public key, at the repository's top. */
#define PUBLISH_KEY "key.gpg"

/* 0 when `repo` is a repository, missing, or empty but for conf/ (where
 * a run making it may be writing: publish_dir_is_new() judges conf/ under
 * the lock); else -1 with `e` set (STATUS_USAGE). */
int publish_dir_check(const char *repo, struct err *e);
/* Whether `repo` holds nothing but conf/ with the lock in it: a
 * repository to make. Asked with the lock held. */
bool publish_dir_is_new(const char *repo);
/*
 * Takes the lock of `repo` (REPO/conf/PUBLISH_LOCK, flock(2)), making
 * the directory (and its parents, as mkdir -p) and conf/ when missing, and
 * waiting for the run that holds it; *made (NULL on entry) gets the
 * topmost directory this run made (`repo` or one of its parents; the
 * caller frees it), else stays NULL. *fd holds the lock until closed. -1
 * with `e` set when it cannot, or a signal came while waiting.
 */
int publish_dir_lock(const char *repo, int *fd, char **made, struct err *e);
/* Removes what a first publish into `repo` made: conf/, db/, dists/,
 * pool/ and the key, then the directories this run made (`made`, the
 * topmost, from publish_dir_lock(); NULL: none) as they are left empty
 * (publish_dir_unmake()). Those waiting for the lock then find their lock
 * file gone and start over. */
void publish_dir_remove_new(const char *repo, const char *made);
/* Removes `repo` and its parents up to `made` (NULL: none) while they
 * are empty: never what another run or anyone put there. */
void publish_dir_unmake(const char *repo, const char *made);

#endif
