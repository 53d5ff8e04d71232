/* cli_args: the options every command understands, from one table that
 * also writes each command's --help. */
#ifndef WPD_CLI_ARGS_H
#define WPD_CLI_ARGS_H

#include <stdbool.h>

#include "plugin/settings.h"
#include "source/source.h"

/* Commands as bits, to say which command takes an option. */
enum cli_command_bit {
	CMD_CHECK = 1 << 0,
	CMD_RENDER = 1 << 1,
	CMD_TREE = 1 << 2,
	CMD_BUILD = 1 << 3,
	CMD_DEBIANIZE = 1 << 4,
};

struct cli_command_info {
	const char *name;
	unsigned bit;
	const char *usage;	/* after "wazo-plugin-deb NAME " */
	const char *description; /* the --help text under the usage line */
};

/* A command line, parsed. Strings point into argv. */
struct cli_args {
	const char *source;
	const char *subdirectory;
	const char *wazo_version;
	const char *output;
	const char *format;
	const char *config_file;
	const char *compression;	/* -Z, or NULL */
	int level;			/* -z, or -1 */
	unsigned threads;		/* --threads, or 0 */
	const char *source_date_epoch;	/* --source-date-epoch, or NULL */
	const char *arch;		/* --arch, or NULL */
	struct source_request request;	/* SOURCE, --subdirectory, --ref, limits */
	bool strict;
	bool quiet;
	bool force;
	struct settings config;	/* file, then command line */
};

/*
 * Parses argv (argv[0] is the command's name) for `cmd`. Returns -1 when
 * the command should run, else the exit status to stop with: 0 after
 * --help, STATUS_USAGE after a message on stderr. Release `args` with
 * cli_args_release() in both cases.
 */
int cli_parse_args(const struct cli_command_info *cmd, int argc, char **argv,
    struct cli_args *args);
void cli_args_release(struct cli_args *args);

#endif
