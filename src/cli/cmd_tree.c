/* cmd_tree: `wazo-plugin-deb tree`, which builds the plugin and writes a
 * package tree that `dpkg-deb --build` turns into the .deb. */
#include <config.h>

#include "cli/cli_args.h"
#include "cli/cli_options.h"
#include "cli/cli_report.h"
#include "cli/cmd.h"
#include "emit/tree.h"
#include "base/timestamp.h"

int
cmd_tree(const struct cli_run *run)
{
	struct tree_job job = {
		.src = run->src,
		.plugin = run->plugin,
		.settings = &run->args->config,
		.output = run->args->output,
		.force = run->args->force,
		.mtime = run->options->mtime,
		.progress = cli_report_step,
		.warning = cli_report_warning,
		.strict = run->args->strict,
		.progress_ctx = (void *)&run->args->quiet,
	};
	struct err e = ERR_INIT;

	if (tree_emit(&job, &e) < 0)
		return cli_report_err(&e);
	cli_report_progress(run->args->quiet, "done");
	return STATUS_OK;
}
