/* cli_codequality: the plugin's problems as a Code Quality report, the
 * JSON that GitLab shows in merge requests (artifacts:reports:
 * codequality): one finding per diagnostic that names a file. */
#ifndef WPD_CLI_CODEQUALITY_H
#define WPD_CLI_CODEQUALITY_H

#include "base/buf.h"
#include "cli/cli_result.h"

/* Appends the report of the run `r`: a JSON array, one line. */
void cli_codequality_format(const struct cli_result *r, struct buf *out);

#endif
