/* cmd_install: `wazo-plugin-deb install`, wazo-plugind-cli's install over
 * apt: a SOURCE built as `build` builds it, then installed with apt-get,
 * which brings its dependencies from the machine's apt sources; or a
 * NAMESPACE/NAME installed from those sources. dpkg's database holds the
 * result, as for any package. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/workdir.h"
#include "cli/cli_args.h"
#include "cli/cli_host.h"
#include "cli/cli_options.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "cli/cmd.h"
#include "emit/deb.h"
#include "host/host_apt.h"
#include "plugin/debversion.h"

/* What to install, and what the machine had before. */
struct install {
	const struct cli_run *run;
	char *package;
	struct host_plugin_list before;
	const struct host_plugin *old;	/* in `before`, or NULL */
};

/* Builds the plugin into `dir`, as `build` does; -1 with `e` set. */
static int
build_deb(const struct cli_run *run, const char *dir, char **path,
    struct err *e)
{
	struct cli_options *o = run->options;
	struct deb_job job = {
		.src = run->src, .plugin = run->plugin,
		.settings = &run->args->config, .output_dir = dir,
		.compress = o->compress, .arch = o->arch, .mtime = o->mtime,
		.source_date_epoch = o->rules_source_date_epoch,
		.progress = cli_report_step, .warning = cli_report_warning,
		.strict = run->args->strict, .sandbox = &o->sandbox,
	};

	return deb_emit(&job, path, e);
}

/* apt-get install of `target`, then what it changed; -1 with `e` set. */
static int
apt_install(struct install *in, const char *target, bool downgrade,
    struct err *e)
{
	char *targets[] = { (char *)target };
	struct host_apt_job job = { "install", targets, 1,
	    in->run->args->reinstall, downgrade };
	struct host_plugin_list after = HOST_PLUGIN_LIST_INIT;
	const struct host_plugin *now;

	if (cli_host_apply(in->run, &job, job.reinstall ? in->package : NULL,
	    &in->before, &after, e) < 0) {
		host_plugins_release(&after);
		return -1;
	}
	now = host_plugins_find(&after, in->package);
	if (now != NULL)
		cli_result_set_package(in->run->result, now->package,
		    now->version, NULL);
	if (now == NULL || !host_plugins_installed(now))
		err_set(e, STATUS_INVALID, "apt-get left %s %s", in->package,
		    now != NULL ? now->state : "not installed");
	host_plugins_release(&after);
	return e->msg != NULL ? -1 : 0;
}

/* The same version installed already: nothing to do but say so. */
static bool
already_there(const struct install *in, const char *version)
{
	const struct host_plugin *old = in->old;

	return !in->run->args->reinstall && old != NULL &&
	    host_plugins_installed(old) && strcmp(old->version, version) == 0;
}

/* SOURCE: built into a private directory (or -o DIR), then installed. */
static int
install_source(struct install *in, struct err *e)
{
	const struct cli_run *run = in->run;
	const char *version = run->plugin->version.text;
	struct workdir w = WORKDIR_INIT;
	char *path = NULL, *full = NULL;
	int r;

	if (already_there(in, version)) {
		cli_result_add_member(run->result, "changes", "[]");
		if (!run->result->json && !run->args->quiet)
			printf("%s/%s %s is already installed: nothing done "
			    "(--reinstall installs it again)\n",
			    run->plugin->namespace.text, run->plugin->name.text,
			    version);
		return 0;
	}
	if (run->args->output == NULL && workdir_private(&w, e) < 0)
		return -1;
	/* apt-get reads the .deb as its own user (_apt) too. */
	if (w.path != NULL)
		chmod(w.path, 0755);
	r = build_deb(run, w.path ? w.path : run->args->output, &path, e);
	if (r == 0 && (full = realpath(path, NULL)) == NULL)
		r = err_errno(e, "cannot find %s", path);
	/* -o DIR: the .deb kept is an output of the run, as for build. */
	if (r == 0 && w.path == NULL)
		r = cli_result_add_output(run->result, full, "deb", e);
	if (r == 0)
		r = apt_install(in, full, in->old != NULL &&
		    host_plugins_present(in->old) &&
		    debversion_compare(version, in->old->version) < 0, e);
	free(path);
	free(full);
	workdir_remove(&w);
	return r;
}

int
cmd_install(const struct cli_run *run)
{
	const struct cli_args *a = run->args;
	struct install in = { run, NULL, HOST_PLUGIN_LIST_INIT, NULL };
	struct err e = ERR_INIT;
	int r;

	cli_report_begin("host");
	if (host_apt_ready(&e) < 0 || cli_host_read(run, &in.before, &e) < 0)
		return cli_report_err(&e);
	in.package = run->plugin != NULL ? cli_host_package(run,
	    run->plugin->namespace.text, run->plugin->name.text) :
	    cli_host_package(run, a->plugin_namespace, a->plugin_name);
	in.old = host_plugins_find(&in.before, in.package);
	if (run->plugin != NULL)
		r = install_source(&in, &e);
	else
		r = apt_install(&in, in.package, false, &e);
	free(in.package);
	host_plugins_release(&in.before);
	return r < 0 ? cli_report_err(&e) : STATUS_OK;
}
