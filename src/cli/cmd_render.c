/* cmd_render: `wazo-plugin-deb render`, which writes DIR/DEBIAN/ (the
 * control file and maintainer scripts) without running any rules. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "render/context.h"
#include "base/dirtree.h"
#include "base/file.h"
#include "render/render.h"

static const struct cli_command_info render_command = {
	"render", CMD_RENDER, "[OPTIONS] [SOURCE] -o DIR",
	"Validate the plugin in SOURCE, then write DIR/DEBIAN/control and the\n"
	"postinst, prerm and postrm scripts from the templates, without\n"
	"running any rules. The scripts keep their #DEBHELPER# line.\n",
};

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
cmd_render(int argc, char **argv)
{
	struct context_extras extras = { "all", -1, NULL };
	struct cli_args args;
	struct arena arena = { NULL };
	struct rendered rendered;
	struct err e = ERR_INIT;
	struct source src;
	struct plugin *plugin;
	int status = cli_parse_args(&render_command, argc, argv, &args);

	if (status < 0)
		status = cli_validate_for_packaging(&args, &src, &plugin);
	if (status >= 0) {
		cli_args_release(&args);
		return status;
	}
	cli_report_progress(args.quiet, "rendering");
	extras.source_commit = src.commit;
	if (render_package(&args.config, context_build(&arena, plugin,
	    &args.config, &extras), false, &rendered, &e) < 0) {
		status = cli_report_err(&e);
	} else {
		status = write_debian_dir(&args, &rendered, &e) < 0 ?
		    cli_report_err(&e) : STATUS_OK;
		render_release(&rendered);
	}
	arena_release(&arena);
	plugin_free(plugin);
	source_close(&src);
	cli_args_release(&args);
	return status;
}
