/* cli_commands: the program's commands, in one table that the program's
 * --help, each command's --help and the dispatch all read. */
#ifndef WPD_CLI_COMMANDS_H
#define WPD_CLI_COMMANDS_H

/* Prints the program's --help, which lists the commands, on stdout. */
void cli_commands_print_help(void);
/* Runs the command argv[0] names with its arguments (cli_runner.h), and
 * returns its exit status; an unknown name is a usage error. */
int cli_commands_run(int argc, char **argv);

#endif
