/* cmd_debianize: `wazo-plugin-deb debianize`, which writes a debian/
 * directory into the plugin's tree for dpkg-buildpackage. */
#include <config.h>

#include <stdlib.h>

#include "cli/cli_args.h"
#include "cli/cli_options.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "cli/cmd.h"
#include "emit/debianize.h"

/* Writes SOURCE/debian for the validated plugin. */
int
cmd_debianize(const struct cli_run *run)
{
	const struct cli_args *args = run->args;
	const struct source *src = run->src;
	struct err e = ERR_INIT;
	struct debianize_job job;
	int status = STATUS_OK;

	/* An archive or a clone lives in a private directory that goes
	 * away: debian/ must go into a tree that stays. */
	if (src->work.path != NULL)
		return cli_report_usage(run->command->name, "debianize writes "
		    "debian/ into the plugin's tree: SOURCE must be a directory, "
		    "not an archive or a git URL");
	job.plugin = run->plugin;
	job.settings = &args->config;
	job.dir = source_path(src, "debian");
	job.architecture = run->options->arch;
	job.when = run->options->mtime;
	job.force = args->force;
	cli_report_begin("debianizing");
	if (debianize_emit(&job, &e) < 0 ||
	    cli_result_add_tree(run->result, job.dir, &e) < 0)
		status = cli_report_err(&e);
	else
		cli_result_set_package(run->result, run->result->package,
		    run->result->version, job.architecture);
	free((char *)job.dir);
	return status;
}
