/* template_pos: the errors of the template engine, each naming the
 * template and the place in it. */
#include <config.h>

#include <stdarg.h>

#include "base/buf.h"
#include "template/template_pos.h"

/* Sets `e` to "NAME:LINE:COLUMN: message" (STATUS_USAGE); returns -1.
 * `name` is the template's name, as the user gave it. */
int
template_pos_verror(struct err *e, const char *name, struct tpos pos,
    const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;

	buf_vaddf(&msg, fmt, ap);
	err_set(e, STATUS_USAGE, "%s:%u:%u: %s", name, pos.line, pos.column,
	    msg.data);
	buf_release(&msg);
	return -1;
}

/* As template_pos_verror(), with the arguments inline. */
int
template_pos_error(struct err *e, const char *name, struct tpos pos,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	template_pos_verror(e, name, pos, fmt, ap);
	va_end(ap);
	return -1;
}
