/* verify_trace: which rules commands a step ran. The maintainer scripts
 * run the plugin's rules by path (the contract's RULES, under the
 * metadata directory, and its backup copy, under the backup rules
 * directory); a step's dpkg runs traced (ptrace(2): its process and
 * every process it starts, stopped only at their execs, forks and ends),
 * and each process whose command line names such a path, followed by a
 * word that is no path (the rules command), is recorded with its exit
 * status and the output written while it ran. What is still traced
 * once dpkg ended (a daemon a rules command started) gets SIGTERM, then
 * SIGKILL after a short grace. The package and the root are left as
 * they are.
 * Where tracing is refused, the step runs untraced, recording none. */
#ifndef WPD_VERIFY_TRACE_H
#define WPD_VERIFY_TRACE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"
#include "verify/throwroot.h"

/* One rules command. */
struct verify_rules_call {
	char *path;		/* the rules file run, in the root */
	char *command;		/* "install", "uninstall", "postrm"... */
	int status;		/* its exit status, 128 + a signal */
	char *output;		/* what was written while it ran */
};

struct verify_rules_calls {
	struct verify_rules_call *items;
	size_t count;
};

/* Where the rules live in the root: the metadata and backup rules
 * directories (absolute). */
struct verify_trace_paths {
	const char *metadata_dir, *backup_rules_dir;
};

/* As throwroot_run(), recording in `calls` (empty it first) the rules
 * commands it ran. Returns the command's exit status, or -1 with `e`
 * set. */
int verify_trace_run(const struct throwroot *t, char *const argv[],
    char *const env[], const struct verify_trace_paths *paths,
    struct buf *out, struct verify_rules_calls *calls, struct err *e);
void verify_trace_release(struct verify_rules_calls *calls);

#endif
