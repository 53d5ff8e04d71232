/* cli: what the command-line layer shares: the commands and the way they
 * report problems. Only this layer prints errors and chooses exit codes. */
#ifndef WPD_CLI_H
#define WPD_CLI_H

#include <stdbool.h>

#include "cli/cli_args.h"
#include "base/compiler.h"
#include "base/diag.h"
#include "base/err.h"
#include "plugin/plugin.h"
#include "plugin/rules_file.h"
#include "source/source.h"
#include "base/status.h"
#include "plugin/validate.h"

#define PROGRAM_NAME "wazo-plugin-deb"

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
/* Prints "wazo-plugin-deb: STEP" on stderr, unless --quiet. */
void cli_progress(const struct cli_args *args, const char *step);
/* cli_progress() as the progress callback of a job; `args` is the
 * command's struct cli_args. */
void cli_progress_step(const char *step, void *args);
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

/* Prints "wazo-plugin-deb: error: MESSAGE" on stderr. */
void cli_error(const char *fmt, ...) WPD_PRINTF(1, 2);
/* Prints `e`'s message and returns its exit status. */
int cli_report(struct err *e);
/* Reports a usage problem of `command` and returns STATUS_USAGE. */
int cli_usage_error(const char *command, const char *fmt, ...) WPD_PRINTF(2, 3);

#endif
