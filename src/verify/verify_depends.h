/* verify_depends: the packages' Depends, installed in the throwaway root
 * before their first installation, as a server's apt would: each
 * relation that the packages verified together do not satisfy
 * themselves is tried with `apt-get satisfy --simulate` against the
 * root's package lists (the host's, as they are); when one cannot be
 * satisfied, `apt-get update` runs once in the root (never on the host;
 * without the network only local sources answer) and it is tried again.
 * The relations that cannot be are named with apt's reason, and are
 * either the step's failure (nothing is installed) or, asked to go on,
 * skipped (their packages are what dpkg's --ignore-depends is given);
 * the others are installed together with `apt-get satisfy`. */
#ifndef WPD_VERIFY_DEPENDS_H
#define WPD_VERIFY_DEPENDS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"
#include "verify/throwroot.h"

/* The relations to satisfy, in the order the packages give them. */
struct verify_depends {
	char **relations;
	size_t count;
};

/* Adds the relations of the Depends field `field` to `d`, but those
 * with an alternative that names one of `names` (the packages verified
 * together, which satisfy each other) and those already in `d`. */
void verify_depends_add(struct verify_depends *d, const char *field,
    char *const names[], size_t nnames);
void verify_depends_release(struct verify_depends *d);

/* What satisfying them did. */
struct verify_depends_result {
	char *command;		/* the apt-get commands, as shown */
	int status;		/* apt-get satisfy's exit status, or 0 */
	char *installed;	/* "PACKAGE VERSION; ..." apt set up, or "" */
	struct buf output;	/* apt-get's */
	size_t satisfy_from;	/* where apt-get satisfy's starts in it */
	struct buf unmet;	/* "RELATION (apt: REASON)", one a line */
	char *ignore;		/* "NAME,..." of the unmet relations, or NULL */
};

/* Satisfies `d` in the root `t`, the commands run with `env`; when a
 * relation cannot be, the others are installed only if `go_on`. 0 (what
 * happened in `r`; release it with verify_depends_result_release()), or
 * -1 with `e` set when apt-get could not be run. */
int verify_depends_satisfy(const struct throwroot *t, char *const env[],
    const struct verify_depends *d, bool go_on,
    struct verify_depends_result *r, struct err *e);
void verify_depends_result_release(struct verify_depends_result *r);
/* Why `apt-get satisfy` failed, from its exit status and `output`:
 * "apt-get exited N: " and apt's reason, and, when it could not reach
 * a server and the root has no `network`, that --network allows it. */
char *verify_depends_failure(int status, const char *output, bool network);

#endif
