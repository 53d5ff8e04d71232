/* cli_args: the options every command understands, from one table that
 * also writes each command's --help; parsed, checked one by one, with the
 * settings file read. cli_options.c then resolves their defaults. */
#ifndef WPD_CLI_ARGS_H
#define WPD_CLI_ARGS_H

#include <stdbool.h>

#include "cli/cli_command.h"
#include "plugin/settings.h"
#include "source/source.h"

/* A command line, parsed. Strings point into argv. */
struct cli_args {
	const char *source;
	const char *subdirectory;
	const char *wazo_version;
	const char *output;
	const char *step;		/* CLI_TAKES_STEP: build or package */
	const char *pkgdir;		/* --pkgdir */
	const char *format;
	const char *junit;		/* --junit FILE, or NULL */
	const char *codequality;	/* --codequality FILE, or NULL */
	const char *config_file;
	int compression;		/* -Z: an enum compression, or -1 */
	int level;			/* -z (0 to 22), or -1 */
	unsigned threads;		/* --threads, or 0 */
	const char *source_date_epoch;	/* --source-date-epoch, or NULL */
	const char *arch;		/* --arch, or NULL */
	const char *version;		/* --version (checked), or NULL */
	const char *version_suffix;	/* --version-suffix, or NULL */
	char *const *debs;		/* CLI_TAKES_DEBS: DEB... */
	size_t ndebs;
	const char *from;		/* verify --from, or NULL */
	bool keep, bare, verify_network;	/* verify --keep, --bare, --network */
	/* CLI_NAMES_PLUGIN: the plugin NAMESPACE/NAME (owned), or NULL when
	 * a SOURCE was given instead. */
	char *plugin_namespace, *plugin_name;
	bool reinstall, purge, yes;	/* --reinstall, --purge, --yes */
	/* publish --repo, --codename, --component, --sign-with, or NULL */
	const char *repo, *codename, *component, *sign_with;
	bool ignore_depends;		/* verify --ignore-depends */
	struct source_request request;	/* SOURCE, --subdirectory, --ref, limits */
	const char *env[64];		/* --env, in order */
	size_t nenv;
	bool strict;
	bool quiet;
	bool force;
	struct settings config;	/* file, then command line */
};

/*
 * Parses argv (argv[0] is the command's name) for `cmd`. Returns -1 when
 * the command should run, else the exit status to stop with: 0 after
 * --help, STATUS_USAGE (or the settings file's status) after a message
 * on stderr. Release `args` with cli_args_release() in both cases.
 */
int cli_args_parse(const struct cli_command *cmd, int argc, char **argv,
    struct cli_args *args);
/*
 * What the reports of the run need before the command line is checked,
 * so that they tell of its usage errors too: the values of --format,
 * --junit and --codequality (NULL when absent), found in argv as
 * cli_args_parse() finds them. Their checks are cli_args_parse()'s.
 */
void cli_args_scan_reports(const struct cli_command *cmd, int argc,
    char **argv, const char **format, const char **junit,
    const char **codequality);
/* Frees what `args` owns (its settings); its strings belong to argv. */
void cli_args_release(struct cli_args *args);

#endif
