/* cmd_rules: `wazo-plugin-deb rules`, which runs one of the plugin's
 * rules steps as `build` runs it, and after 'rules package' puts the
 * plugin's metadata in --pkgdir: what the debhelper addon calls. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli/cli_args.h"
#include "cli/cli_options.h"
#include "cli/cli_report.h"
#include "cli/cmd.h"
#include "emit/tree.h"
#include "stage/stage.h"

/* The plugin's wazo/ at its metadata path in `pkgdir`, as build's
 * package holds it (stamped with --version). */
static int
add_metadata(const struct cli_run *run, const char *pkgdir, struct err *e)
{
	struct tree_job job = {
		.src = run->src,
		.plugin = run->plugin,
		.settings = &run->args->config,
		.warning = cli_report_warning,
		.strict = run->args->strict,
	};

	return tree_add_metadata(&job, pkgdir, e);
}

int
cmd_rules(const struct cli_run *run)
{
	const struct cli_args *args = run->args;
	struct stage_job job = {
		.src = run->src,
		.plugin = run->plugin,
		.settings = &args->config,
		.source_date_epoch = run->options->rules_source_date_epoch,
		.sandbox = &run->options->sandbox,
	};
	struct err e = ERR_INIT;
	char *pkgdir;
	int r;

	if (strcmp(args->step, "build") == 0) {
		cli_report_begin("building");
		r = stage_build(&job, &e);
	} else if ((pkgdir = realpath(args->pkgdir, NULL)) == NULL) {
		r = err_errno(&e, "--pkgdir %s", args->pkgdir);
	} else {
		cli_report_begin("packaging");
		r = stage_package(&job, pkgdir, &e);
		if (r == 0)
			r = add_metadata(run, pkgdir, &e);
		free(pkgdir);
	}
	if (r < 0)
		return cli_report_err(&e);
	return STATUS_OK;
}
