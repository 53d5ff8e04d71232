/* verify: a built package's life, with the real dpkg, in a throwaway root
 * (throwroot): its Depends installed by apt first (verify_depends), then
 * installed, upgraded from and downgraded to an older version,
 * reinstalled, removed, purged after removal and purged from installed,
 * as piuparts does for Debian. After each step: dpkg's exit status, the
 * packages' states, the rules commands run (verify_trace), the
 * stand-ins' calls (verify_standin), the files changed outside the
 * packages (verify_changes), and whether the step did what it must
 * (verify_step). The host is never touched. */
#ifndef WPD_VERIFY_H
#define WPD_VERIFY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"
#include "verify/verify_step.h"

struct verify_job {
	char *const *debs;	/* the packages, installed together */
	size_t ndebs;
	const char *from;	/* an older version of one of them, or NULL */
	bool bare;		/* no stand-ins */
	bool network;		/* keep the host's network */
	bool ignore_depends;	/* go on past an unsatisfiable Depends */
	const char *metadata_dir, *backup_rules_dir;	/* to name */
};


struct verify;

/* Reads the packages (names, versions), makes the throwaway root, puts
 * the stand-ins and the packages in it. 0, or -1 with `e` set
 * (STATUS_USAGE for a file that is no readable package or a --from that
 * matches none; STATUS_SYSTEM when the root cannot be made). */
int verify_open(const struct verify_job *job, struct verify **out,
    struct err *e);
/* The package the first DEB holds, and its version (owned by `v`). */
const char *verify_package(const struct verify *v);
const char *verify_version(const struct verify *v);
/* The name of the step verify_step() runs next, or NULL after the last. */
const char *verify_next(const struct verify *v);
/* Runs the next step into `r` (release it with
 * verify_step_result_release()); r->failure says whether it failed.
 * -1 with `e` set when the system failed. */
int verify_step(struct verify *v, struct verify_step_result *r,
    struct err *e);
/* Copies the root's upper layer (every change of the steps) into a new
 * directory, whose path it returns (the caller frees), or NULL with `e`
 * set. */
char *verify_keep(const struct verify *v, struct err *e);
void verify_close(struct verify *v);

#endif
