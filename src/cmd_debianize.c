/* cmd_debianize: `wazo-plugin-deb debianize`, which writes a debian/
 * directory into the plugin's tree for dpkg-buildpackage. */
#include <config.h>

#include <stdlib.h>

#include "cli.h"
#include "debianize.h"
#include "file.h"
#include "timestamp.h"

static const struct cli_command_info debianize_command = {
	"debianize", CMD_DEBIANIZE, "[OPTIONS] [SOURCE]",
	"Validate the plugin in SOURCE, then write SOURCE/debian/ (control,\n"
	"rules, changelog, copyright, source/format) for dpkg-buildpackage,\n"
	"which builds the plugin's package through the wazo-plugin dh addon\n"
	"(dh_wazo_plugin).\n",
};

int
cmd_debianize(int argc, char **argv)
{
	struct cli_args args;
	struct err e = ERR_INIT;
	struct source src;
	struct plugin *plugin;
	struct debianize_job job;
	int status = cli_parse_args(&debianize_command, argc, argv, &args);

	if (status < 0)
		status = cli_validate_for_packaging(&args, &src, &plugin);
	if (status >= 0) {
		cli_args_release(&args);
		return status;
	}
	job.plugin = plugin;
	job.settings = &args.config;
	job.dir = source_path(&src, "debian");
	job.architecture = args.arch ? args.arch : "all";
	job.force = args.force;
	cli_progress(&args, "debianizing");
	if (timestamp_get(&job.when, &e) < 0 || debianize_emit(&job, &e) < 0)
		status = cli_report(&e);
	else
		status = STATUS_OK;
	if (status == STATUS_OK)
		cli_progress(&args, "done");
	free((char *)job.dir);
	plugin_free(plugin);
	source_close(&src);
	cli_args_release(&args);
	return status;
}
