/* cli_options: the options a command's stages receive, typed and
 * resolved once: defaults applied, ranges checked, the build time read. */
#ifndef WPD_CLI_OPTIONS_H
#define WPD_CLI_OPTIONS_H

#include <time.h>

#include "cli/cli_args.h"
#include "cli/cli_command.h"
#include "deb/compress.h"
#include "stage/sandbox.h"

/* Strings point into argv or the environment; nothing to release. */
struct cli_options {
	/* -Z (default xz); -z (default: the compressor's), checked against
	 * the compressor's range; --threads (default: the online cores). */
	struct compress_options compress;
	/* --arch; default "auto" for build, "all" for debianize. */
	const char *arch;
	/* Commands with CLI_NEEDS_TIME: --source-date-epoch, else
	 * $SOURCE_DATE_EPOCH, else now. 0 for the others. */
	time_t mtime;
	/* --source-date-epoch as given, or NULL: what the rules see as
	 * $SOURCE_DATE_EPOCH (without it they inherit the variable). */
	const char *rules_source_date_epoch;
	/* Commands with CLI_RUNS_RULES: --sandbox resolved (bubblewrap
	 * found usable or not), --network, --env. */
	struct sandbox sandbox;
};

/*
 * Resolves the options of `cmd` from the parsed `args`. Returns -1 when
 * the command can go on, else the exit status (STATUS_USAGE) after a
 * message on stderr. A sandbox that "auto" cannot have is a warning.
 */
int cli_options_resolve(const struct cli_command *cmd,
    const struct cli_args *args, struct cli_options *opts);

#endif
