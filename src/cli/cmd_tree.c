/* cmd_tree: `wazo-plugin-deb tree`, which builds the plugin and writes a
 * package tree that `dpkg-deb --build` turns into the .deb. */
#include <config.h>

#include <stdlib.h>

#include "base/file.h"
#include "cli/cli_args.h"
#include "cli/cli_options.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "cli/cmd.h"
#include "emit/tree.h"

/* The package and the files of the tree written, in the record. */
static int
record_tree(struct cli_result *r, const char *dir, struct err *e)
{
	char *control = file_join(dir, "DEBIAN/control");
	struct buf text = BUF_INIT;
	int rc = file_read(control, 1 << 20, &text, NULL, e);

	if (rc == 0) {
		cli_result_set_package_control(r, text.data);
		rc = cli_result_add_tree(r, dir, e);
	}
	buf_release(&text);
	free(control);
	return rc;
}

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
		.sandbox = &run->options->sandbox,
		.progress_ctx = NULL,
	};
	struct err e = ERR_INIT;

	if (tree_emit(&job, &e) < 0 ||
	    record_tree(run->result, run->args->output, &e) < 0)
		return cli_report_err(&e);
	return STATUS_OK;
}
