/* template_pos: positions in a template's text, and the errors that name
 * them ("NAME:LINE:COLUMN: message"). The first stage of the engine: every
 * other template module reports its errors through it. */
#ifndef WPD_TEMPLATE_POS_H
#define WPD_TEMPLATE_POS_H

#include <stdarg.h>

#include "base/compiler.h"
#include "base/err.h"

/* A place in the template text; both count from 1, columns in characters. */
struct tpos {
	unsigned line;
	unsigned column;
};

int template_pos_error(struct err *e, const char *name, struct tpos pos,
    const char *fmt, ...) WPD_PRINTF(4, 5);
int template_pos_verror(struct err *e, const char *name, struct tpos pos,
    const char *fmt, va_list ap) WPD_PRINTF(4, 0);

#endif
