/* source_git: a plugin source that is a git repository (a path or a
 * URL), fetched with the git client at a ref. */
#ifndef WPD_SOURCE_GIT_H
#define WPD_SOURCE_GIT_H

#include <stdbool.h>

#include "base/err.h"

/* True when `spec` names a git URL (scheme://..., user@host:path) or a
 * local repository. */
bool source_git_looks_like(const char *spec);

/*
 * Fetches `spec` at `ref` (a branch, tag or commit; NULL for the
 * repository's default branch) into the new directory `dest`, shallowly
 * where the ref allows it, and stores the commit in *commit (the caller
 * frees it). A tree holding symbolic links that point outside it is
 * refused (STATUS_INVALID). git's own messages go to stderr.
 */
int source_git_fetch(const char *spec, const char *ref, const char *dest,
    char **commit, struct err *e);

#endif
