/* cli_result_json: the record of a run as the JSON document of
 * --format=json (wazo-plugin-deb-json(5)). */
#ifndef WPD_CLI_RESULT_JSON_H
#define WPD_CLI_RESULT_JSON_H

#include "base/buf.h"
#include "cli/cli_result.h"

/* Appends the JSON document of the run `r`, one line with its newline. */
void cli_result_json_format(const struct cli_result *r, struct buf *out);

#endif
