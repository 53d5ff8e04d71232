/* cli: what the command-line layer shares: the commands and the way they
 * report problems. Only this layer prints errors and chooses exit codes. */
#ifndef WPD_CLI_H
#define WPD_CLI_H

#include <stdbool.h>

#include "cli/cli_args.h"
#include "cli/cli_report.h"
#include "base/compiler.h"
#include "base/diag.h"
#include "base/err.h"
#include "plugin/plugin.h"
#include "plugin/rules_file.h"
#include "source/source.h"
#include "base/status.h"
#include "plugin/validate.h"

/* A command: `run` gets argv with argv[0] the command's name, and returns
 * the process's exit status. */
struct cli_command {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
};

int cmd_build(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_debianize(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_tree(int argc, char **argv);

/* Loads wazo/plugin.yml of `src`, validates it and checks wazo/rules;
 * problems go to `diags`, sorted. *plugin is NULL when plugin.yml could
 * not be read. Returns -1 with `e` set on a system error. */
int cli_check_plugin(const struct cli_args *args, const struct source *src,
    struct plugin **plugin, struct diag_list *diags, struct err *e);
/* True when nothing in `diags` stops the command (--strict counted). */
bool cli_plugin_valid(const struct cli_args *args, const struct plugin *plugin,
    const struct diag_list *diags);
/* Prints the diagnostics on stderr, then a count when not `valid`. */
void cli_print_diagnostics(const struct diag_list *diags, bool valid);
/* Opens the source the command line names; for git, prints the commit
 * (unless --quiet). -1 with `e` set on failure. */
int cli_open_source(const struct cli_args *args, struct source *src,
    struct err *e);
/*
 * The first step of the commands that make a package: opens the source,
 * loads and validates the plugin, prints the problems. Returns -1 with
 * `src` open and *plugin loaded when the command can go on, else the exit
 * status (nothing left open).
 */
int cli_validate_for_packaging(const struct cli_args *args,
    struct source *src, struct plugin **plugin);
/* Before a job that runs rules: umask 022 (as dpkg-buildpackage sets)
 * and signals trapped, so that the job can clean up. */
void cli_start_packaging(void);
/* Releases what a packaging command held and returns `status`, or dies
 * of the signal that interrupted the job. */
int cli_end_packaging(struct cli_args *args, struct source *src,
    struct plugin *plugin, int status);

#endif
