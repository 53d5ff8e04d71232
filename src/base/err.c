/* err: an error a module returns to its caller instead of printing it. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"

static int
err_vset(struct err *e, enum status status, const char *suffix,
    const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;

	buf_vaddf(&b, fmt, ap);
	if (suffix != NULL)
		buf_addf(&b, ": %s", suffix);
	free(e->msg);
	e->msg = buf_detach(&b);
	e->status = status;
	return -1;
}

int
err_set(struct err *e, enum status status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, status, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int
err_errno(struct err *e, const char *fmt, ...)
{
	const char *reason = strerror(errno);
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, STATUS_SYSTEM, reason, fmt, ap);
	va_end(ap);
	return -1;
}

void
err_release(struct err *e)
{
	free(e->msg);
	e->msg = NULL;
	e->status = STATUS_OK;
}
