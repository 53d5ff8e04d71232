/* control: the package's control file: the Description field folded
 * from plugin.yml, and a check that a rendered control file is valid. */
#ifndef WPD_CONTROL_H
#define WPD_CONTROL_H

#include <stdbool.h>

#include "base/buf.h"
#include "base/err.h"

/*
 * The value of the Description field (deb-control(5)): the first line of
 * `description` as synopsis, its other lines as the extended description
 * (" ." for empty lines), and a last paragraph naming the plugin
 * NAMESPACE/NAME. Without a description, a synopsis naming the plugin.
 * The caller frees the string.
 */
char *control_description(const char *description, const char *name,
    const char *ns);

/*
 * Checks a rendered control file (named `path` in messages): one
 * paragraph of "Field: value" lines and continuation lines, each field
 * once, with Package, Version, Architecture, Maintainer and Description.
 * Returns 0, or -1 with `e` set (STATUS_USAGE: the template is at fault).
 */
int control_check(const char *text, size_t len, const char *path,
    struct err *e);


/*
 * Sets field `name` of the checked control file in `text` to `value` (one
 * line), as dpkg-gencontrol sets the fields it computes: the field keeps
 * its place and its name as written; its old value and continuation
 * lines go. A field the file does not have is not added (a template that
 * leaves it out keeps it out): returns false then, true when it was set.
 */
bool control_set_field(struct buf *text, const char *name, const char *value);

#endif
