/* cli_commands: the program's commands, in one table that the program's
 * --help, each command's --help and the dispatch all read. */
#ifndef WPD_CLI_COMMANDS_H
#define WPD_CLI_COMMANDS_H

/* Prints the program's --help, which lists the commands, on stdout. */
void cli_commands_print_help(void);
/* `help [COMMAND]`, with argv the words after "help": the program's
 * --help, or the command's; returns 0, or STATUS_USAGE after a message
 * for an unknown command or more than one word. */
int cli_commands_help(int argc, char **argv);
/* Runs the command argv[0] names with its arguments (cli_runner.h), and
 * returns its exit status; an unknown name is a usage error. */
int cli_commands_run(int argc, char **argv);

#endif
