/* cmd_tree: `wazo-plugin-deb tree`, which builds the plugin and writes a
 * package tree that `dpkg-deb --build` turns into the .deb. */
#include <config.h>

#include <stdio.h>

#include "cli/cli.h"
#include "emit/tree.h"
#include "base/timestamp.h"

static const struct cli_command_info tree_command = {
	"tree", CMD_TREE, "[OPTIONS] [SOURCE] -o DIR",
	"Validate the plugin in SOURCE, run its 'rules build' and 'rules\n"
	"package', and write in DIR the tree of the package: the files, the\n"
	"plugin's metadata, copyright and changelog, and DEBIAN/. Then\n"
	"'dpkg-deb --root-owner-group --build DIR' makes the .deb.\n",
};

int
cmd_tree(int argc, char **argv)
{
	struct cli_args args;
	struct err e = ERR_INIT;
	struct source src;
	struct plugin *plugin;
	struct tree_job job;
	int status = cli_parse_args(&tree_command, argc, argv, &args);

	if (status < 0)
		status = cli_validate_for_packaging(&args, &src, &plugin);
	if (status >= 0) {
		cli_args_release(&args);
		return status;
	}
	cli_start_packaging();
	job = (struct tree_job){ &src, plugin, &args.config, args.output,
	    args.force, 0, cli_progress_step, &args };
	status = timestamp_get(&job.mtime, &e) < 0 || tree_emit(&job, &e) < 0 ?
	    cli_report(&e) : STATUS_OK;
	if (status == STATUS_OK)
		cli_progress(&args, "done");
	return cli_end_packaging(&args, &src, plugin, status);
}
