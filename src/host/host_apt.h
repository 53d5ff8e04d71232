/* host_apt: changes to this machine's packages, through apt-get only, so
 * that everything stays in dpkg's database; and the checks made before
 * any change: root, and no other package manager running. */
#ifndef WPD_HOST_APT_H
#define WPD_HOST_APT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"

/* dpkg's locks, which apt-get and dpkg take with fcntl(2). */
#define HOST_APT_LOCK_FRONTEND "/var/lib/dpkg/lock-frontend"
#define HOST_APT_LOCK "/var/lib/dpkg/lock"

/*
 * 0 when packages can be changed now: this process is root and no
 * process holds dpkg's locks; else -1 with `e` set (STATUS_SYSTEM),
 * saying which and what to do. Changes nothing.
 */
int host_apt_ready(struct err *e);

/* What host_apt_run() asks apt-get to do. */
struct host_apt_job {
	const char *action;		/* "install", "remove" or "purge" */
	char *const *targets;		/* package names, or ./file.deb paths */
	size_t ntargets;
	bool reinstall;			/* install --reinstall */
	bool allow_downgrades;		/* install --allow-downgrades */
};

/*
 * Runs `apt-get -y ACTION TARGET...` without questions
 * (DEBIAN_FRONTEND=noninteractive, no waiting for dpkg's lock): its
 * progress goes to standard error as it comes; its errors (apt's "E:"
 * lines) end up in `e`'s message when it fails (STATUS_INVALID).
 * Returns 0, or -1 with `e` set.
 */
int host_apt_run(const struct host_apt_job *job, struct err *e);

#endif
