/* rules_file: checks that wazo/rules can run the way wazo-plugind and the
 * generated maintainer scripts run it. */
#ifndef WPD_RULES_FILE_H
#define WPD_RULES_FILE_H

#include "base/diag.h"
#include "base/err.h"

/*
 * Checks the rules file at `file` (named `path` in diagnostics): an error
 * when it is missing, not a regular file or not executable; a warning when
 * it has no "#!" line, or when `format_version` >= 1 and it never mentions
 * the postrm command that package removal will run. Returns 0, or -1 with
 * `e` set when the file exists but cannot be read.
 */
int rules_file_check(const char *file, const char *path,
    long long format_version, struct diag_list *diags, struct err *e);

#endif
