/* cmd: the stages of each command, one cmd_NAME.c per command, which the
 * table of cli_commands.c names. Each gets what the runner opened (struct
 * cli_run) and returns the exit status. */
#ifndef WPD_CMD_H
#define WPD_CMD_H

#include "cli/cli_command.h"

int cmd_build(const struct cli_run *run);
int cmd_check(const struct cli_run *run);
int cmd_debianize(const struct cli_run *run);
int cmd_install(const struct cli_run *run);
int cmd_list(const struct cli_run *run);
int cmd_render(const struct cli_run *run);
int cmd_rules(const struct cli_run *run);
int cmd_tree(const struct cli_run *run);
int cmd_uninstall(const struct cli_run *run);
int cmd_publish(const struct cli_run *run);
int cmd_verify(const struct cli_run *run);

#endif
