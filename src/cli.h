/* cli: what the command-line layer shares: the commands and the way they
 * report problems. Only this layer prints errors and chooses exit codes. */
#ifndef WPD_CLI_H
#define WPD_CLI_H

#include "compiler.h"
#include "err.h"
#include "status.h"

#define PROGRAM_NAME "wazo-plugin-deb"

/* A command: `run` gets argv with argv[0] the command's name, and returns
 * the process's exit status. */
struct cli_command {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
};

int cmd_check(int argc, char **argv);

/* Prints "wazo-plugin-deb: error: MESSAGE" on stderr. */
void cli_error(const char *fmt, ...) WPD_PRINTF(1, 2);
/* Prints `e`'s message and returns its exit status. */
int cli_report(struct err *e);
/* Reports a usage problem of `command` and returns STATUS_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...) WPD_PRINTF(2, 3);

#endif
