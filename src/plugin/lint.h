/* lint: what lintian would flag in the package a plugin.yml makes, found
 * before the package exists, so that check --strict can refuse it. */
#ifndef WPD_LINT_H
#define WPD_LINT_H

#include "base/diag.h"
#include "plugin/plugin_model.h"

/* Lintian's width for the synopsis and each extended description line. */
#define LINT_MAX_WIDTH 80

/*
 * The synopsis of the package's Description field (deb-control(5)) made
 * from plugin.yml's `description` (may be NULL): its first line that is
 * not blank, trimmed; without one, "Wazo Platform plugin NAMESPACE/NAME".
 * *rest (may be NULL) receives where the lines after it start ("" when
 * there are none), inside `description`. The caller frees the string.
 */
char *lint_synopsis(const char *description, const char *name,
    const char *ns, const char **rest);

/*
 * Adds to `diags` a warning, naming the lintian tag, for each thing
 * lintian would flag in the Description and Version fields of `package`
 * (the package's name), made from `p`'s description and version. Needs
 * p's name and namespace as text.
 */
void lint_metadata(const struct plugin *p, const char *package,
    struct diag_list *diags);

#endif
