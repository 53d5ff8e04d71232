/* cli_command: what a command of the program is, as one row of the table
 * in cli_commands.c: its name, its help, the options it takes, what the
 * runner does around it, and its stages; and what the stages receive.
 * Types only. */
#ifndef WPD_CLI_COMMAND_H
#define WPD_CLI_COMMAND_H

struct cli_args;
struct cli_options;
struct cli_result;
struct plugin;
struct source;

/* Commands as bits, to say which command takes an option (cli_args.c). */
enum cli_command_bit {
	CMD_CHECK = 1 << 0,
	CMD_RENDER = 1 << 1,
	CMD_TREE = 1 << 2,
	CMD_BUILD = 1 << 3,
	CMD_DEBIANIZE = 1 << 4,
	CMD_RULES = 1 << 5,
	CMD_VERIFY = 1 << 6,
	CMD_INSTALL = 1 << 7,
	CMD_LIST = 1 << 8,
	CMD_UNINSTALL = 1 << 9,
	CMD_PUBLISH = 1 << 10,
};

/* What the runner (cli_runner.c) does around a command's stages. */
enum cli_command_flag {
	/** Open the source and validate the plugin first; stop if invalid. */
	CLI_VALIDATES = 1 << 0,
	/** Runs the plugin's rules: umask 022, signals trapped, and the
	 * command dies of the signal that interrupted it, once cleaned up. */
	CLI_RUNS_RULES = 1 << 1,
	/** Needs the build time (struct cli_options' mtime). */
	CLI_NEEDS_TIME = 1 << 2,
	/** Takes a rules step (build or package) before SOURCE. */
	CLI_TAKES_STEP = 1 << 3,
	/** The log names each step and how long it took (unless --quiet). */
	CLI_LOGS_STEPS = 1 << 4,
	/** Takes built packages (DEB...), not a SOURCE. */
	CLI_TAKES_DEBS = 1 << 5,
	/** Takes a plugin as NAMESPACE/NAME; with CLI_VALIDATES, a SOURCE
	 * instead when the argument is a path, or --ref or --subdirectory
	 * are given (then nothing is opened for a NAMESPACE/NAME). */
	CLI_NAMES_PLUGIN = 1 << 6,
	/** Takes no argument besides its options. */
	CLI_TAKES_NOTHING = 1 << 7,
	/** Runs programs that must hear of an interruption (apt-get): as
	 * CLI_RUNS_RULES, signals are passed on to them, and the command
	 * dies of the signal once they ended. */
	CLI_PASSES_SIGNALS = 1 << 8,
};

struct cli_command;

/* What a command's stages receive from the runner, which owns all of it. */
struct cli_run {
	const struct cli_command *command;
	const struct cli_args *args;		/* the command line, parsed */
	/* Typed, resolved; its sandbox settles as the first rules run. */
	struct cli_options *options;
	/* CLI_VALIDATES commands: the open source and its valid plugin;
	 * NULL for the others. */
	const struct source *src;
	const struct plugin *plugin;
	/* The record of the run: the steps, the outputs, the document. */
	struct cli_result *result;
};

struct cli_command {
	const char *name;
	unsigned bit;		/* enum cli_command_bit: its options */
	unsigned flags;		/* enum cli_command_flag */
	const char *summary;	/* its line in the program's --help */
	const char *usage;	/* after "wazo-plugin-deb NAME " */
	const char *description; /* its --help text under the usage line */
	/* The command's stages, once the runner has done the opening;
	 * returns the exit status. */
	int (*run)(const struct cli_run *run);
};

#endif
