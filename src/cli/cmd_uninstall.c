/* cmd_uninstall: `wazo-plugin-deb uninstall`, wazo-plugind-cli's
 * uninstall over apt: the plugin's package removed (or purged) with
 * apt-get, the installed plugins that depend on it named first, and
 * removed too only when asked. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "cli/cli_args.h"
#include "cli/cli_host.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "cli/cmd.h"
#include "host/host_apt.h"

/* "ns/name (package), ..." for the plugins `idx` points to. */
static char *
name_plugins(const struct host_plugin_list *l, const size_t *idx, size_t n)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		const struct host_plugin *p = &l->items[idx[i]];

		buf_addf(&b, "%s%s/%s (%s)", i ? ", " : "", p->namespace,
		    p->name, p->package);
	}
	return buf_detach(&b);
}

/* Whether the plugin can be removed as asked: installed, and no other
 * plugin depending on it unless --yes. Sets *ndeps and `deps`. */
static int
judge(const struct cli_run *run, const struct host_plugin_list *l,
    const char *package, size_t *deps, size_t *ndeps, struct err *e)
{
	const struct cli_args *a = run->args;
	const struct host_plugin *p = host_plugins_find(l, package);
	char *names;

	if (p == NULL || (!host_plugins_present(p) && !a->purge))
		return err_set(e, STATUS_INVALID, "%s/%s is not installed "
		    "(no package %s%s)", a->plugin_namespace, a->plugin_name,
		    package, p != NULL ? " but its configuration files, which "
		    "--purge removes" : "");
	*ndeps = host_plugins_dependents(l, package, deps);
	if (*ndeps == 0)
		return 0;
	names = name_plugins(l, deps, *ndeps);
	if (!a->yes) {
		err_set(e, STATUS_INVALID, "%s/%s is needed by %s: nothing "
		    "was removed; --yes removes them too", a->plugin_namespace,
		    a->plugin_name, names);
	} else if (!run->result->quiet) {
		fprintf(stderr, PROGRAM_NAME ": %s/%s is needed by %s, which "
		    "go too (--yes)\n", a->plugin_namespace, a->plugin_name,
		    names);
	}
	free(names);
	return e->msg != NULL ? -1 : 0;
}

/* apt-get remove or purge of the package and its dependents. */
static int
remove_all(const struct cli_run *run, const struct host_plugin_list *l,
    char *package, const size_t *deps, size_t ndeps, struct err *e)
{
	char **targets = xreallocarray(NULL, ndeps + 1, sizeof(*targets));
	struct host_apt_job job = { run->args->purge ? "purge" : "remove",
	    targets, ndeps + 1, false, false };
	struct host_plugin_list after = HOST_PLUGIN_LIST_INIT;
	int r;

	targets[0] = package;
	for (size_t i = 0; i < ndeps; i++)
		targets[i + 1] = l->items[deps[i]].package;
	r = cli_host_apply(run, &job, NULL, l, &after, e);
	free(targets);
	host_plugins_release(&after);
	return r;
}

int
cmd_uninstall(const struct cli_run *run)
{
	const struct cli_args *a = run->args;
	struct host_plugin_list l = HOST_PLUGIN_LIST_INIT;
	struct err e = ERR_INIT;
	char *package = cli_host_package(run, a->plugin_namespace,
	    a->plugin_name);
	size_t *deps = NULL, ndeps = 0;
	int r;

	cli_report_begin("host");
	r = host_apt_ready(&e);
	if (r == 0)
		r = cli_host_read(run, &l, &e);
	if (r == 0) {
		deps = xreallocarray(NULL, l.n + 1, sizeof(*deps));
		r = judge(run, &l, package, deps, &ndeps, &e);
	}
	if (r == 0)
		r = remove_all(run, &l, package, deps, ndeps, &e);
	cli_result_set_package(run->result, package, NULL, NULL);
	free(deps);
	free(package);
	host_plugins_release(&l);
	return r < 0 ? cli_report_err(&e) : STATUS_OK;
}
