/* cmd_render: `wazo-plugin-deb render`, which writes DIR/DEBIAN/ (the
 * control file and maintainer scripts) without running any rules. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/cli_args.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "cli/cmd.h"
#include "render/context.h"
#include "base/dirtree.h"
#include "base/file.h"
#include "render/render.h"

/* Writes the rendered files as DIR/DEBIAN, all at once. */
static int
write_debian_dir(const struct cli_args *args, const struct rendered *r,
    struct err *e)
{
	char *debian = file_join(args->output, "DEBIAN"), *staged;
	int rc = -1;

	if (mkdir(args->output, 0755) < 0 && errno != EEXIST) {
		err_errno(e, "cannot create %s", args->output);
		free(debian);
		return -1;
	}
	staged = dirtree_make_sibling(debian, e);
	if (staged != NULL && chmod(staged, 0755) == 0 &&
	    render_write(r, staged, e) == 0)
		rc = dirtree_install(staged, debian, args->force, e);
	else if (staged != NULL)
		dirtree_remove(staged, e);
	free(staged);
	free(debian);
	return rc;
}

int
cmd_render(const struct cli_run *run)
{
	struct context_extras extras = { "all", -1, run->src->commit };
	const struct settings *config = &run->args->config;
	struct arena arena = { NULL };
	struct rendered rendered;
	struct err e = ERR_INIT;
	char *debian;
	int status;

	cli_report_begin("rendering");
	if (render_package(config, context_build(&arena, run->plugin, config,
	    &extras), false, &rendered, &e) < 0) {
		status = cli_report_err(&e);
	} else {
		cli_report_begin("writing");
		debian = file_join(run->args->output, "DEBIAN");
		if (write_debian_dir(run->args, &rendered, &e) < 0 ||
		    cli_result_add_tree(run->result, debian, &e) < 0) {
			status = cli_report_err(&e);
		} else {
			cli_result_set_package_control(run->result,
			    rendered.files[RENDER_CONTROL].data);
			status = STATUS_OK;
		}
		free(debian);
		render_release(&rendered);
	}
	arena_release(&arena);
	return status;
}
