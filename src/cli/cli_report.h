/* cli_report: how the command line tells the user things: errors, usage
 * errors, warnings and the steps of a run, all on stderr, and all also
 * recorded in the run's record (cli_result.h) once the runner attached
 * it. Only the command-line layer prints; modules below return a struct
 * err instead. */
#ifndef WPD_CLI_REPORT_H
#define WPD_CLI_REPORT_H

#include <stdbool.h>

#include "base/compiler.h"
#include "base/diag.h"
#include "base/err.h"
#include "cli/cli_result.h"

#define PROGRAM_NAME "wazo-plugin-deb"

/* From now on (until called with NULL), what is reported is recorded in
 * `r` too; the caller keeps owning it. */
void cli_report_attach(struct cli_result *r);
/* True when the run writes a JSON document on stdout (--format=json):
 * then the diagnostics go there only. */
bool cli_report_json(void);

/* Prints the diagnostics on stderr, one a line, unless the run writes a
 * JSON document, which holds them. */
void cli_report_diags(const struct diag_list *diags);
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
/*
 * Begins the step `step` names (a progress key of cli_result.h) and ends
 * the running one as done. The log (unless --quiet) says
 * "wazo-plugin-deb: STEP: what it does" and, at its end, "STEP ... done
 * in 0.12 s" or "failed after"; under GitLab CI (GITLAB_CI set), a step
 * that runs the rules holds their output in a collapsed section.
 */
void cli_report_begin(const char *step);
/* Ends the run with exit status `status`: its running step ends, and the
 * log says "done in 1.23 s" when it succeeded. */
void cli_report_finish(int status);
/* cli_report_begin() as a job's progress callback; `ctx` is unused. */
void cli_report_step(const char *step, void *ctx);

#endif
