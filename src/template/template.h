/* template: the Jinja2 subset that package templates need, rendering the
 * same bytes Jinja2 renders (see wazo-plugin-deb(1), TEMPLATES). */
#ifndef WPD_TEMPLATE_H
#define WPD_TEMPLATE_H

#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"
#include "template/tvalue.h"

struct template;

/*
 * Parses the template text `src` (`len` bytes) named `name` in messages.
 * Returns the template (free it with template_free()), or NULL with `e`
 * set (STATUS_USAGE) to "NAME:LINE:COLUMN: what was expected", also for
 * expressions or blocks nested deeper than template_limits.h allows.
 */
struct template *template_parse(const char *name, const char *src,
    size_t len, struct err *e);

/* Renders `t` with the variables of the mapping `context`, appending to
 * `out`. Returns 0, or -1 with `e` set as template_parse() does, also
 * past a limit of template_limits.h (output, loop iterations, string
 * length, values computed); `out` then holds part of the output. */
int template_render(const struct template *t, const struct tvalue *context,
    struct buf *out, struct err *e);

void template_free(struct template *t);

#endif
