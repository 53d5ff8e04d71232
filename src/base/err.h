/* err: an error a module returns to its caller instead of printing it. */
#ifndef WPD_ERR_H
#define WPD_ERR_H

#include "base/compiler.h"
#include "base/status.h"

/*
 * A function that can fail takes a `struct err *` and returns -1 after
 * filling it with err_set(); the caller decides how to report it (only the
 * command-line layer prints and exits). `msg` is owned by the err.
 */
struct err {
	enum status status;
	char *msg;
};

#define ERR_INIT { STATUS_OK, NULL }

/* Records an error (replacing any earlier one) and returns -1. */
int err_set(struct err *e, enum status status, const char *fmt, ...) WPD_PRINTF(3, 4);
/* As err_set(), with ": strerror(errno)" appended and STATUS_SYSTEM. */
int err_errno(struct err *e, const char *fmt, ...) WPD_PRINTF(2, 3);
void err_release(struct err *e);

#endif
