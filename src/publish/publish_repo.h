/* publish_repo: what publish asks reprepro, run as a process on the
 * repository's base directory: which files its pool holds, which
 * versions a distribution lists, and the changes (includedeb, flood).
 * reprepro owns the database, its lock (waited for, not failed on),
 * the index and Release files and their signatures. */
#ifndef WPD_PUBLISH_REPO_H
#define WPD_PUBLISH_REPO_H

#include <stddef.h>

#include "base/err.h"

/* How many times reprepro retries, 10 s apart, when another reprepro
 * holds the database's lock (--waitforlock): a minute at most. */
#define PUBLISH_REPO_LOCK_TRIES 6
/* That wait in seconds. */
#define PUBLISH_REPO_LOCK_SECONDS (PUBLISH_REPO_LOCK_TRIES * 10)
/* reprepro's lock, below the repository's base directory. */
#define PUBLISH_REPO_LOCK "db/lockfile"

/* A file of the pool and its SHA-256 (lowercase hex). */
struct publish_repo_file {
	char *path;		/* "pool/main/w/NAME/NAME_1.0_all.deb" */
	char *sha256;
};

/* A package a distribution lists, in one architecture. */
struct publish_repo_entry {
	char *package, *architecture, *version;
	char *filename;		/* its pool file */
};

/* The files of the pool of the repository `dir` (reprepro
 * _listchecksums). Free them with publish_repo_files_free(). */
int publish_repo_files(const char *dir, struct publish_repo_file **files,
    size_t *count, struct err *e);
void publish_repo_files_free(struct publish_repo_file *files, size_t count);
/* The file of the pool named `basename` ("NAME_1.0_all.deb"), in any
 * component, or NULL. */
const struct publish_repo_file *publish_repo_files_find(
    const struct publish_repo_file *files, size_t count,
    const char *basename);

/* The entries of the packages `names` in the distribution `codename`,
 * component `component` (reprepro listfilter). Free them with
 * publish_repo_entries_free(). */
int publish_repo_list(const char *dir, const char *codename,
    const char *component, const char *const *names, size_t nnames,
    struct publish_repo_entry **entries, size_t *count, struct err *e);
void publish_repo_entries_free(struct publish_repo_entry *entries,
    size_t count);

/* Adds the packages `debs` to `codename`'s `component` (reprepro
 * includedeb), which exports and signs the indices. */
int publish_repo_include(const char *dir, const char *codename,
    const char *component, const char *const *debs, size_t ndebs,
    struct err *e);
/* Lists the Architecture: all packages of `codename` under every one of
 * its architectures, those added to conf/distributions too (reprepro
 * flood). */
int publish_repo_flood(const char *dir, const char *codename,
    struct err *e);

#endif
