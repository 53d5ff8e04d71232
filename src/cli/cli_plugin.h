/* cli_plugin: the plugin a command names: its source opened, its
 * plugin.yml and wazo/rules checked, and the problems printed. */
#ifndef WPD_CLI_PLUGIN_H
#define WPD_CLI_PLUGIN_H

#include <stdbool.h>

#include "base/diag.h"
#include "base/err.h"
#include "cli/cli_args.h"
#include "cli/cli_result.h"
#include "plugin/plugin.h"
#include "source/source.h"

/* Opens the source the command line names, as the step "open source" of
 * `result`, which records it; for git, prints the commit (unless
 * --quiet). -1 with `e` set on failure. */
int cli_plugin_open_source(const struct cli_args *args,
    struct cli_result *result, struct source *src, struct err *e);
/* Loads wazo/plugin.yml of `src`, validates it and checks wazo/rules;
 * problems go to `diags`, sorted. *plugin (the caller frees it) is NULL
 * when plugin.yml could not be read. Returns -1 with `e` set on a system
 * error. */
int cli_plugin_check(const struct cli_args *args, const struct source *src,
    struct plugin **plugin, struct diag_list *diags, struct err *e);
/* True when nothing in `diags` stops the command (--strict counted). */
bool cli_plugin_valid(const struct cli_args *args, const struct plugin *plugin,
    const struct diag_list *diags);
/* Records the diagnostics and whether the plugin is `valid` in `result`;
 * prints them on stderr (unless the run writes JSON), then an error with
 * their count when not `valid`. */
void cli_plugin_report(struct cli_result *result,
    const struct diag_list *diags, bool valid);
/* Records in `result` the package a valid plugin makes: its name and
 * version (its architecture is the command's to tell). */
void cli_plugin_set_package(struct cli_result *result,
    const struct cli_args *args, const struct plugin *plugin);
/*
 * The first steps of the commands that make a package: opens the source,
 * loads and validates the plugin, reports the problems. Returns -1 with
 * `src` open and *plugin loaded (the caller closes and frees them) when
 * the command can go on, else the exit status (nothing left open).
 */
int cli_plugin_validate(const struct cli_args *args, struct cli_result *result,
    struct source *src, struct plugin **plugin);

#endif
