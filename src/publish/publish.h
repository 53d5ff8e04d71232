/* publish: built packages added to an apt repository that reprepro
 * keeps (reprepro(1), run as a process: it owns the database, its lock,
 * the Release files and their signatures through gpg). Every package is
 * judged first (a readable .deb; against what the repository holds:
 * the same file again is left as it is, another file of the same name,
 * version and architecture or an older version is refused), then all
 * are added at once. On first use the repository's conf/distributions is
 * written; an architecture a package needs is added to it. Publishes
 * into one repository take its lock (flock(2) on conf/wazo-plugin-deb.lock)
 * one after the other, and reprepro's own lock is waited for. */
#ifndef WPD_PUBLISH_H
#define WPD_PUBLISH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"
#include "publish/publish_judge.h"

struct publish_job {
	const char *repo;	/* the repository's base directory */
	const char *codename;	/* NULL: the host's (/etc/os-release) */
	const char *component;	/* NULL: main */
	const char *sign_with;	/* a gpg key, or NULL: as the repository is */
	char *const *debs;	/* the packages */
	size_t ndebs;
	/* Told each step as it begins ("reading", "locking", ...). */
	void (*step)(const char *step, void *ctx);
	/* Told what the user should know meanwhile (reprepro's lock held,
	 * waited for), or NULL. */
	void (*warning)(const char *message, void *ctx);
	void *ctx;
};

/* What a publish did; owns everything. */
struct publish_result {
	char *repo;		/* absolute */
	char *codename, *component;
	char *architectures;	/* the distribution's, after the publish */
	char *added_archs;	/* " arm64 ...": added by this run, or "" */
	char *sign_with;	/* its SignWith, or NULL: unsigned */
	char *key;		/* the public key's path, or NULL */
	bool created;		/* this run made the repository */
	struct publish_item *items;
	size_t nitems;
};

/*
 * Publishes job->debs into job->repo. Returns 0 with `r` filled, or -1
 * with `e` set: STATUS_USAGE when the command line is wrong (a DEB
 * missing or not a .deb, a codename or component the repository lacks,
 * a key gpg does not hold or that is not the repository's, a directory
 * that is not a repository); STATUS_INVALID when a package conflicts
 * with the repository (r->items say which, and nothing changed);
 * STATUS_SYSTEM when reprepro, gpg or the file system fail. Release `r`
 * with publish_result_release() in every case.
 */
int publish_run(const struct publish_job *job, struct publish_result *r,
    struct err *e);
/* The apt source line of the repository (one-line form, sources.list(5)):
 * "deb [signed-by=REPO/key.gpg] file:REPO CODENAME COMPONENT", or
 * [trusted=yes] when it is unsigned. The caller frees it. */
char *publish_source_line(const struct publish_result *r);
void publish_result_release(struct publish_result *r);

#endif
