/* cmd_debianize: `wazo-plugin-deb debianize`, which writes a debian/
 * directory into the plugin's tree for dpkg-buildpackage. */
#include <config.h>

#include <stdlib.h>

#include "cli/cli.h"
#include "emit/debianize.h"
#include "base/file.h"
#include "base/timestamp.h"

static const struct cli_command_info debianize_command = {
	"debianize", CMD_DEBIANIZE, "[OPTIONS] [SOURCE]",
	"Validate the plugin in SOURCE, then write SOURCE/debian/ (control,\n"
	"rules, changelog, copyright, source/format) for dpkg-buildpackage,\n"
	"which builds the plugin's package through the wazo-plugin dh addon\n"
	"(dh_wazo_plugin).\n",
};

/* Writes SOURCE/debian for the validated plugin. */
static int
debianize(const struct cli_args *args, const struct source *src,
    const struct plugin *plugin)
{
	struct err e = ERR_INIT;
	struct debianize_job job;
	int status = STATUS_OK;

	/* An archive or a clone lives in a private directory that goes
	 * away: debian/ must go into a tree that stays. */
	if (src->workdir != NULL)
		return cli_report_usage("debianize", "debianize writes debian/ "
		    "into the plugin's tree: SOURCE must be a directory, not an "
		    "archive or a git URL");
	job.plugin = plugin;
	job.settings = &args->config;
	job.dir = source_path(src, "debian");
	job.architecture = args->arch ? args->arch : "all";
	job.force = args->force;
	cli_report_progress(args->quiet, "debianizing");
	if (timestamp_get(&job.when, &e) < 0 || debianize_emit(&job, &e) < 0)
		status = cli_report_err(&e);
	else
		cli_report_progress(args->quiet, "done");
	free((char *)job.dir);
	return status;
}

int
cmd_debianize(int argc, char **argv)
{
	struct cli_args args;
	struct source src;
	struct plugin *plugin;
	int status = cli_parse_args(&debianize_command, argc, argv, &args);

	if (status < 0)
		status = cli_validate_for_packaging(&args, &src, &plugin);
	if (status >= 0) {
		cli_args_release(&args);
		return status;
	}
	status = debianize(&args, &src, plugin);
	plugin_free(plugin);
	source_close(&src);
	cli_args_release(&args);
	return status;
}
