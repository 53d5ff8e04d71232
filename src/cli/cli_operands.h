/* cli_operands: what follows a command's options on its command line: a
 * rules step (CLI_TAKES_STEP), then SOURCE; or the packages DEB...
 * (CLI_TAKES_DEBS). */
#ifndef WPD_CLI_OPERANDS_H
#define WPD_CLI_OPERANDS_H

#include "cli/cli_args.h"

/* Takes the operands of argv (from args->first_operand) into `args`,
 * whose options cli_args_parse() parsed. -1 when they are fine, else
 * STATUS_USAGE after a message. */
int cli_operands_take(const struct cli_command *cmd, int argc, char **argv,
    struct cli_args *args);

#endif
