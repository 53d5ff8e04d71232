/* cli_report: errors, usage errors, warnings and progress on stderr. */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>

#include "cli/cli_report.h"

static void print_error(const char *fmt, va_list ap) WPD_PRINTF(1, 0);

static void
print_error(const char *fmt, va_list ap)
{
	fputs(PROGRAM_NAME ": error: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
cli_report_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_error(fmt, ap);
	va_end(ap);
}

int
cli_report_err(struct err *e)
{
	int status = e->status;

	cli_report_error("%s", e->msg ? e->msg : "unknown error");
	err_release(e);
	return status;
}

int
cli_report_usage(const char *command, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_error(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '" PROGRAM_NAME "%s%s --help'.\n",
	    command ? " " : "", command ? command : "");
	return STATUS_USAGE;
}

void
cli_report_help_footer(void)
{
	printf("Exit status: 0 success, 1 the plugin's files are wrong,\n"
	    "2 the command line or configuration is wrong, 3 a rules command "
	    "failed,\n4 the system failed. "
	    "See wazo-plugin-deb(1) and wazo-plugin.yml(5).\n");
}

void
cli_report_warning(const char *message, void *ctx)
{
	(void)ctx;
	fprintf(stderr, PROGRAM_NAME ": warning: %s\n", message);
}

void
cli_report_progress(bool quiet, const char *step)
{
	if (!quiet)
		fprintf(stderr, PROGRAM_NAME ": %s\n", step);
}

void
cli_report_step(const char *step, void *quiet)
{
	cli_report_progress(*(const bool *)quiet, step);
}
