/* verify_step: the record of one step of verify (what dpkg, or apt for
 * the packages' Depends, did, and what came of it), and the verdict on
 * it. */
#ifndef WPD_VERIFY_STEP_H
#define WPD_VERIFY_STEP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "verify/verify_changes.h"
#include "verify/verify_standin.h"
#include "verify/verify_trace.h"

/* What one step did. */
struct verify_step_result {
	const char *step;	/* "install"...; static */
	char *command;		/* the dpkg (or apt-get) command line */
	int status;		/* dpkg's (apt-get's) exit status */
	char *state;		/* "PACKAGE STATE VERSION; ..." */
	struct buf output;	/* dpkg's output */
	struct buf calls;	/* the stand-ins' calls, one a line */
	struct buf skipped;	/* Depends skipped, "REL (apt: WHY)" lines */
	struct verify_rules_calls rules;	/* the rules commands run */
	struct buf warnings;	/* host files changed, one a line */
	struct verify_scan scan;
	struct verify_change *changes;
	size_t nchanges;
	char *failure;		/* why the step failed, or NULL */
};

/* An empty record, to fill. */
void verify_step_result_init(struct verify_step_result *r);
void verify_step_result_release(struct verify_step_result *r);
/* Why the dpkg step `r` failed, from what it recorded (`purge`: whether
 * it purged; `wrong`: what is wrong with the packages' states, or ""),
 * or NULL. */
char *verify_step_judge(const struct verify_step_result *r, bool purge,
    const char *wrong);

#endif
