/* cmd_build: `wazo-plugin-deb build`, the main job: from a plugin source
 * to a finished .deb, written directly. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "cli/cli_args.h"
#include "cli/cli_options.h"
#include "cli/cli_report.h"
#include "cli/cmd.h"
#include "emit/deb.h"

int
cmd_build(const struct cli_run *run)
{
	const struct cli_options *o = run->options;
	struct deb_job job = {
		.src = run->src,
		.plugin = run->plugin,
		.settings = &run->args->config,
		.output_dir = run->args->output ? run->args->output : ".",
		.compress = o->compress,
		.arch = o->arch,
		.mtime = o->mtime,
		.source_date_epoch = o->rules_source_date_epoch,
		.progress = cli_report_step,
		.warning = cli_report_warning,
		.strict = run->args->strict,
		.ctx = (void *)&run->args->quiet,
	};
	struct err e = ERR_INIT;
	char *path = NULL;
	int status = deb_emit(&job, &path, &e) < 0 ? cli_report_err(&e) :
	    STATUS_OK;

	if (status == STATUS_OK) {
		cli_report_progress(run->args->quiet, "done");
		printf("%s\n", path);
	}
	free(path);
	return status;
}
