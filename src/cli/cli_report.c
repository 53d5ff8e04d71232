/* cli_report: errors, usage errors, warnings and progress on stderr. */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "base/buf.h"
#include "cli/cli_report.h"

/* The record of the run being reported, which the runner owns: what is
 * reported also lands there. The one piece of state of this module, as
 * errors are reported from everywhere in the command line. */
static struct cli_result *current;
/* The name of the step whose GitLab section is open (a static string),
 * or NULL. */
static const char *open_section;

void
cli_report_attach(struct cli_result *r)
{
	current = r;
}

bool
cli_report_json(void)
{
	return current != NULL && current->json;
}

void
cli_report_diags(const struct diag_list *diags)
{
	struct buf out = BUF_INIT;

	if (current != NULL)
		cli_result_add_diags(current, diags);
	if (cli_report_json())
		return;
	diag_format_text(diags, &out);
	fwrite(out.data, 1, out.len, stderr);
	buf_release(&out);
}

static void close_section(void);
static void print_end(const struct cli_step *s);
static void print_error(const char *fmt, va_list ap) WPD_PRINTF(1, 0);

static void
print_error(const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;

	buf_vaddf(&msg, fmt, ap);
	/* The step it stopped ends first: the error is the log's last
	 * word, outside any section. */
	if (current != NULL) {
		cli_result_set_error(current, msg.data);
		print_end(cli_result_step_end(current, false));
	}
	fprintf(stderr, PROGRAM_NAME ": error: %s\n", msg.data);
	buf_release(&msg);
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
	if (current != NULL)
		cli_result_add_warning(current, message);
}

/* GitLab CI folds what lies between these markers of the log into a
 * section, here closed until opened; only the markers hold escape
 * sequences and carriage returns. */
static bool
gitlab_sections(const struct cli_step *s)
{
	const char *ci = getenv("GITLAB_CI");

	return s->rules && ci != NULL && ci[0] != '\0';
}

/* The section's name: the step's, in the characters GitLab takes. */
static void
print_section_marker(const char *name, const char *what, const char *options)
{
	fprintf(stderr, "\033[0K%s:%lld:wazo_plugin_deb_", what,
	    (long long)time(NULL));
	for (const char *p = name; *p; p++)
		fputc(isalnum((unsigned char)*p) ? *p : '_', stderr);
	fprintf(stderr, "%s\r\033[0K", options);
}

static void
print_end(const struct cli_step *s)
{
	if (s == NULL || !current->log_steps || !s->shown)
		return;
	close_section();
	fprintf(stderr, PROGRAM_NAME ": %s ... %s %.2f s\n", s->name,
	    s->ok ? "done in" : "failed after", s->seconds);
}

/* Ends the open section, if any: an error shows outside it. */
static void
close_section(void)
{
	if (open_section == NULL)
		return;
	print_section_marker(open_section, "section_end", "");
	fputc('\n', stderr);
	open_section = NULL;
}

void
cli_report_begin(const char *step)
{
	const struct cli_step *s;

	if (current == NULL)
		return;
	print_end(cli_result_step_end(current, true));
	s = cli_result_step_begin(current, step);
	if (!current->log_steps || !s->shown)
		return;
	if (gitlab_sections(s)) {
		print_section_marker(s->name, "section_start",
		    "[collapsed=true]");
		open_section = s->name;
	}
	fprintf(stderr, PROGRAM_NAME ": %s: %s\n", s->name,
	    s->what != NULL ? s->what : s->name);
	fflush(stderr);
}

void
cli_report_finish(int status)
{
	if (current == NULL)
		return;
	print_end(cli_result_step_end(current, status == 0));
	cli_result_finish(current, status);
	if (status == 0 && current->log_steps)
		fprintf(stderr, PROGRAM_NAME ": done in %.2f s\n",
		    cli_result_elapsed(current));
}

void
cli_report_step(const char *step, void *ctx)
{
	(void)ctx;
	cli_report_begin(step);
}
