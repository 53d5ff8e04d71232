/* cli_report: how the command line tells the user things: errors, usage
 * errors, warnings and progress, all on stderr. Only the command-line
 * layer prints; modules below return a struct err instead. */
#ifndef WPD_CLI_REPORT_H
#define WPD_CLI_REPORT_H

#include <stdbool.h>

#include "base/compiler.h"
#include "base/err.h"

#define PROGRAM_NAME "wazo-plugin-deb"

/* Prints "wazo-plugin-deb: error: MESSAGE" on stderr. */
void cli_report_error(const char *fmt, ...) WPD_PRINTF(1, 2);
/* Prints `e`'s message, releases `e` and returns its exit status. */
int cli_report_err(struct err *e);
/* Reports a usage problem of `command` (NULL: of the program itself),
 * with a hint to its --help, and returns STATUS_USAGE. */
int cli_report_usage(const char *command, const char *fmt, ...)
    WPD_PRINTF(2, 3);
/* Prints, on stdout, the end of every --help: the exit statuses in the
 * words of the manual's EXIT STATUS table, and where the manuals are. */
void cli_report_help_footer(void);
/* Prints "wazo-plugin-deb: warning: MESSAGE"; `ctx` is unused, so that
 * it serves as a job's warning callback. */
void cli_report_warning(const char *message, void *ctx);
/* Prints "wazo-plugin-deb: STEP" on stderr, unless `quiet`. */
void cli_report_progress(bool quiet, const char *step);
/* cli_report_progress() as a job's progress callback: `quiet` points to
 * the command's bool (struct cli_args' quiet), which it does not own. */
void cli_report_step(const char *step, void *quiet);

#endif
