/* cli_runner: the opening and closing every command shares. */
#include <config.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/file.h"
#include "base/process.h"
#include "cli/cli_args.h"
#include "cli/cli_codequality.h"
#include "cli/cli_junit.h"
#include "cli/cli_options.h"
#include "cli/cli_plugin.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "cli/cli_result_json.h"
#include "cli/cli_runner.h"

/* Before stages that run rules: umask 022 (as dpkg-buildpackage sets)
 * and signals trapped, so that the job can clean up. */
static void
start_rules(void)
{
	umask(022);
	process_trap_signals();
}

/* Dies of the signal that interrupted the job, if any, as the caller
 * expects, once everything is cleaned up. */
static void
die_of_signal(void)
{
	int sig = process_interrupted();

	if (sig != 0) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

/* The record of the run, with what the command line says of the
 * reports, read before the command line is checked: its usage errors
 * get them too. */
static void
start_result(struct cli_result *r, const struct cli_command *cmd, int argc,
    char **argv)
{
	const char *format;

	cli_result_init(r, cmd->name);
	cli_args_scan_reports(cmd, argc, argv, &format, &r->junit,
	    &r->codequality);
	r->json = format != NULL && strcmp(format, "json") == 0;
	cli_report_attach(r);
	cli_report_begin("options");
}

/* Whether the run opens a source and validates its plugin: a plugin
 * named NAMESPACE/NAME has no source to open. */
static bool
opens_source(const struct cli_command *cmd, const struct cli_args *args)
{
	return (cmd->flags & CLI_VALIDATES) && args->plugin_name == NULL;
}

/* Parses, resolves and (for CLI_VALIDATES) validates; -1 when the stages
 * can run, with `src` and *plugin held for CLI_VALIDATES, else the exit
 * status with nothing held but `args`. */
static int
open_run(const struct cli_command *cmd, int argc, char **argv,
    struct cli_args *args, struct cli_options *opts, struct cli_result *r,
    struct source *src, struct plugin **plugin)
{
	int status = cli_args_parse(cmd, argc, argv, args);

	*plugin = NULL;
	r->quiet = args->quiet;
	r->strict = args->strict;
	r->log_steps = (cmd->flags & CLI_LOGS_STEPS) && !args->quiet;
	if (status < 0)
		status = cli_options_resolve(cmd, args, opts);
	if (status < 0 && opens_source(cmd, args))
		status = cli_plugin_validate(args, r, src, plugin);
	return status;
}

/* Writes the report `path` (if asked for), made by `format`, atomically;
 * a failure makes the run fail. */
static void
write_report(struct cli_result *r, const char *path,
    void (*format)(const struct cli_result *, struct buf *))
{
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;
	int status;

	if (path == NULL)
		return;
	format(r, &out);
	if (file_write_atomic(path, out.data, out.len, 0644, &e) != 0) {
		status = cli_report_err(&e);
		if (r->exit_code == 0)
			r->exit_code = status;
	}
	buf_release(&out);
}

/* Ends the record: the reports and the JSON document. Returns the exit
 * status, which a report that cannot be written turns into a failure. */
static int
close_run(struct cli_result *r, int status)
{
	struct buf doc = BUF_INIT;
	int sig = process_interrupted();

	cli_report_finish(status);
	/* A run a signal stopped dies of it: what the caller sees. */
	if (sig != 0)
		r->exit_code = 128 + sig;
	write_report(r, r->junit, cli_junit_format);
	write_report(r, r->codequality, cli_codequality_format);
	if (r->json) {
		cli_result_json_format(r, &doc);
		fwrite(doc.data, 1, doc.len, stdout);
		fflush(stdout);
	}
	buf_release(&doc);
	return r->exit_code;
}

int
cli_runner_run(const struct cli_command *cmd, int argc, char **argv)
{
	struct cli_result result;
	struct cli_args args;
	struct cli_options opts;
	struct source src;
	struct plugin *plugin;
	struct cli_run run = { cmd, &args, &opts, NULL, NULL, &result };
	bool validated;
	int status;

	start_result(&result, cmd, argc, argv);
	status = open_run(cmd, argc, argv, &args, &opts, &result, &src,
	    &plugin);
	validated = opens_source(cmd, &args);
	run.src = validated ? &src : NULL;
	/* After --help, the help is the whole output. */
	if (status == STATUS_OK) {
		cli_report_attach(NULL);
		cli_result_release(&result);
		cli_args_release(&args);
		return status;
	}
	if (status < 0) {
		if (cmd->flags & (CLI_RUNS_RULES | CLI_PASSES_SIGNALS))
			start_rules();
		run.plugin = plugin;
		status = cmd->run(&run);
		if (validated) {
			plugin_free(plugin);
			source_close(&src);
		}
	}
	status = close_run(&result, status);
	cli_report_attach(NULL);
	cli_result_release(&result);
	cli_args_release(&args);
	die_of_signal();
	return status;
}
