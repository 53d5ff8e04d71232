/* workdir: a working directory a run holds for its life: it holds a
 * locked file, so that a later run tells a live run's directory from one
 * a killed run left, and removes the latter. */
#ifndef WPD_WORKDIR_H
#define WPD_WORKDIR_H

#include "base/err.h"

/* A directory PARENT/PREFIXXXXXXX holding ".lock", which `lock` holds
 * with flock(2) until workdir_remove(). Owns `path`. */
struct workdir {
	char *path;
	int lock;
};

#define WORKDIR_INIT { NULL, -1 }

/*
 * Creates the directory in `parent` and locks it; its ".lock" appears
 * only once locked, so that workdir_sweep() never takes a directory being
 * made for one left behind. Returns 0, or -1 with `e` set.
 */
int workdir_create(struct workdir *w, const char *parent, const char *prefix,
    struct err *e);

/* A work directory in dirtree_tmp(), "wazo-plugin-deb.XXXXXX", made
 * after removing the ones dead runs left there. */
int workdir_private(struct workdir *w, struct err *e);

/* Removes the directory with everything in it, then lets the lock go;
 * nothing happens for a workdir never created. Errors are ignored: the
 * next run's workdir_sweep() removes what is left. */
void workdir_remove(struct workdir *w);

/* Removes the directories PARENT/PREFIX* this user owns whose ".lock" no
 * live run holds; the others (without ".lock" too) are left alone. */
void workdir_sweep(const char *parent, const char *prefix);

#endif
