/* cli_junit: the run as a JUnit XML report, which Jenkins' junit step
 * and GitLab's artifacts:reports:junit read: one test suite for the
 * plugin, one test case per step of the run and, once the plugin was
 * validated, one per plugin.yml key checked and per other file with
 * problems. */
#ifndef WPD_CLI_JUNIT_H
#define WPD_CLI_JUNIT_H

#include "base/buf.h"
#include "cli/cli_result.h"

/* Appends the report of the run `r`. */
void cli_junit_format(const struct cli_result *r, struct buf *out);

#endif
