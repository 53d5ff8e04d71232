/* verify_step: one step's record, and its verdict. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "verify/verify_step.h"

void
verify_step_result_init(struct verify_step_result *r)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->output);
	buf_init(&r->calls);
	buf_init(&r->skipped);
	buf_init(&r->warnings);
	buf_init(&r->scan.missing);
}

void
verify_step_result_release(struct verify_step_result *r)
{
	free(r->command);
	free(r->state);
	buf_release(&r->output);
	buf_release(&r->calls);
	buf_release(&r->skipped);
	buf_release(&r->warnings);
	verify_trace_release(&r->rules);
	verify_standin_scan_release(&r->scan);
	verify_changes_free(r->changes, r->nchanges);
	free(r->failure);
	memset(r, 0, sizeof(*r));
}

/* Why the step failed, from what it recorded, or NULL. */
char *
verify_step_judge(const struct verify_step_result *r, bool purge,
    const char *wrong)
{
	struct buf why = BUF_INIT;

	if (r->status != 0) {
		buf_addf(&why, "dpkg exited %d", r->status);
		if (r->scan.failed != NULL)
			buf_addf(&why, ": %s", r->scan.failed);
	} else if (wrong[0] != '\0') {
		buf_adds(&why, wrong);
	}
	if (purge && r->nchanges > 0) {
		buf_addf(&why, "%s%zu %s after purge:", why.len ? "; " : "",
		    r->nchanges, r->nchanges == 1 ? "entry is left" :
		    "entries are left");
		for (size_t i = 0; i < r->nchanges; i++)
			buf_addf(&why, " %s%s%s%s", r->changes[i].path,
			    r->changes[i].kind == VERIFY_REMOVED ?
			    " (removed)" : "",
			    r->changes[i].what ? " the " : "",
			    r->changes[i].what ? r->changes[i].what : "");
	}
	if (why.len > 0 && r->scan.missing.len > 0) {
		buf_adds(&why, "; not found: ");
		for (const char *c = r->scan.missing.data; *c; c++)
			if (*c != '\n' || c[1] != '\0')
				buf_addc(&why, *c == '\n' ? ' ' : *c);
	}
	if (why.len > 0 && r->scan.network)
		buf_adds(&why, "; a command reached for the network "
		    "(--network allows it)");
	return why.len > 0 ? buf_detach(&why) : (buf_release(&why), NULL);
}

