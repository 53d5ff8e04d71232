/* cli_runner: runs a command of the table: the opening every command
 * shares (parse the command line, resolve the options, validate the
 * plugin, get ready for the rules), the command's stages, then the
 * closing (release everything, die of an interrupting signal). */
#ifndef WPD_CLI_RUNNER_H
#define WPD_CLI_RUNNER_H

#include "cli/cli_command.h"

/* Runs `cmd` with argv (argv[0] is its name); returns the exit status,
 * or dies of the signal that interrupted a CLI_RUNS_RULES command. */
int cli_runner_run(const struct cli_command *cmd, int argc, char **argv);

#endif
