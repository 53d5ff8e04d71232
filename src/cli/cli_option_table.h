/* cli_option_table: the one table of the options the commands take,
 * which gives getopt its tables and each command its --help.
 * cli_args.c reads the values. */
#ifndef WPD_CLI_OPTION_TABLE_H
#define WPD_CLI_OPTION_TABLE_H

#include <getopt.h>

#include "base/buf.h"
#include "cli/cli_command.h"

enum option_id {
	OPT_OUTPUT = 'o',
	OPT_QUIET = 'q',
	OPT_HELP = 'h',
	OPT_COMPRESSION = 'Z',
	OPT_LEVEL = 'z',
	OPT_SUBDIRECTORY = 256,
	OPT_WAZO_VERSION,
	OPT_FORMAT,
	OPT_STRICT,
	OPT_FORCE,
	OPT_CONFIG,
	OPT_PACKAGE_PREFIX,
	OPT_SECTION,
	OPT_METADATA_DIR,
	OPT_BACKUP_RULES_DIR,
	OPT_TEMPLATE_DIR,
	OPT_MAINTAINER,
	OPT_CONFFILES,
	OPT_THREADS,
	OPT_SOURCE_DATE_EPOCH,
	OPT_ARCH,
	OPT_REF,
	OPT_MAX_SIZE,
	OPT_MAX_ENTRIES,
	OPT_MAX_RATIO,
	OPT_SANDBOX,
	OPT_NETWORK,
	OPT_ENV,
	OPT_PKGDIR,
	OPT_VERSION,
	OPT_VERSION_SUFFIX,
	OPT_JUNIT,
	OPT_CODEQUALITY,
	OPT_FROM,
	OPT_KEEP,
	OPT_BARE,
	OPT_VERIFY_NETWORK,
	OPT_REINSTALL,
	OPT_PURGE,
	OPT_YES,
	OPT_REPO,
	OPT_CODENAME,
	OPT_COMPONENT,
	OPT_SIGN_WITH,
	OPT_IGNORE_DEPENDS,
};

#define CMD_PACKAGING (CMD_RENDER | CMD_TREE | CMD_BUILD | CMD_DEBIANIZE)
#define CMD_ALL (CMD_CHECK | CMD_PACKAGING | CMD_RULES | CMD_INSTALL)
#define CMD_RUNS_RULES (CMD_TREE | CMD_BUILD | CMD_RULES | CMD_INSTALL)
/* The commands that make a .deb, and those that only ask dpkg or apt. */
#define CMD_DEB (CMD_BUILD | CMD_INSTALL)
#define CMD_HOST (CMD_LIST | CMD_UNINSTALL)
#define CMD_ANY (CMD_ALL | CMD_VERIFY | CMD_HOST | CMD_PUBLISH)

/* One option: its name, id (a letter for those with a short form), the
 * name of its value (NULL for a flag), the commands that take it (enum
 * cli_command_bit), the setting it overrides (-1: none), its help. */
struct cli_option {
	const char *name;
	int id;
	const char *arg;
	unsigned commands;
	int config_key;
	const char *help;
};

/* How many options the table has: getopt's table needs one more. */
#define CLI_OPTION_TABLE_MAX 64

/* The option with `id` (any row of it, for its setting), or NULL. */
const struct cli_option *cli_option_table_find(int id);
/* getopt_long's tables for the options `cmd` takes: `longs` (room for
 * CLI_OPTION_TABLE_MAX + 1) and `shorts` (initialized by the caller). */
void cli_option_table_getopt(const struct cli_command *cmd,
    struct option *longs, struct buf *shorts);
/* Prints the --help of `cmd` on stdout: its usage, description and the
 * options it takes. */
void cli_option_table_print_help(const struct cli_command *cmd);

#endif
