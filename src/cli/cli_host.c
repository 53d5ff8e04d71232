/* cli_host: what install, list and uninstall share. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "base/xalloc.h"
#include "cli/cli_args.h"
#include "cli/cli_host.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "plugin/debversion.h"
#include "plugin/plugin.h"

int
cli_host_read(const struct cli_run *run, struct host_plugin_list *out,
    struct err *e)
{
	const struct settings *s = &run->args->config;

	return host_plugins_read(settings_get(s, SETTING_PACKAGE_PREFIX),
	    settings_get(s, SETTING_METADATA_DIR), out, e);
}

char *
cli_host_package(const struct cli_run *run, const char *ns, const char *name)
{
	return plugin_package_name(settings_get(&run->args->config,
	    SETTING_PACKAGE_PREFIX), name, ns);
}

void
cli_host_json_object(struct buf *out, const char *const *names,
    const char *const *values, size_t n, const char *tail)
{
	buf_adds(out, out->len > 1 ? ", {" : "{");
	for (size_t i = 0; i < n; i++) {
		buf_adds(out, i ? ", " : "");
		json_add_string(out, names[i]);
		buf_adds(out, ": ");
		json_add_string(out, values[i]);
	}
	buf_adds(out, tail);
	buf_addc(out, '}');
}

/* What happened to the package that was `old` and is `now` (either may be
 * NULL: unknown to dpkg), or NULL when nothing did. */
static const char *
change_of(const struct host_plugin *old, const struct host_plugin *now,
    const char *reinstalled)
{
	bool was = old != NULL && host_plugins_present(old);
	bool is = now != NULL && host_plugins_present(now);
	int cmp;

	if (is && !host_plugins_installed(now))
		return now->state;	/* half-installed, unpacked... */
	if (is && !was)
		return "installed";
	if (!is)
		return now != NULL ? (was ? "removed" : NULL) :
		    (old != NULL ? "purged" : NULL);
	cmp = debversion_compare(now->version, old->version);
	if (cmp != 0)
		return cmp > 0 ? "upgraded" : "downgraded";
	if (reinstalled != NULL && strcmp(now->package, reinstalled) == 0)
		return "reinstalled";
	return NULL;
}

/* One change: its line on stdout (unless --quiet) and its member of
 * "changes". The previous version is the one dpkg knew, of a package
 * installed or of its configuration files left. */
static void
report_one(const struct cli_run *run, struct buf *json, const char *action,
    const struct host_plugin *old, const struct host_plugin *now)
{
	static const char *const names[] = { "action", "plugin", "package",
	    "version", "previous_version", "state" };
	const struct host_plugin *p = now != NULL ? now : old;
	const char *previous = old != NULL ? old->version : NULL;
	const char *version = now != NULL && host_plugins_present(now) ?
	    now->version : NULL;
	const char *shown = version != NULL ? version : previous;
	char *id;

	if (p == NULL)
		return;
	id = xasprintf("%s/%s", p->namespace, p->name);
	if (!run->result->json && !run->args->quiet) {
		printf("%s %s", action, id);
		if (shown != NULL && *shown != '\0')
			printf(" %s", shown);
		if (previous != NULL && version != NULL &&
		    strcmp(previous, version) != 0)
			printf(" (was %s)", previous);
		printf("\n");
	}
	cli_host_json_object(json, names, (const char *[]){ action, id,
	    p->package, version, previous, now != NULL ? now->state :
	    "not-installed" }, 6, "");
	free(id);
}

/* What changed from `before` to `after` (cli_host_apply()). */
static void
report_changes(const struct cli_run *run,
    const struct host_plugin_list *before,
    const struct host_plugin_list *after, const char *reinstalled)
{
	struct buf json = BUF_INIT;
	size_t count = 0;

	buf_addc(&json, '[');
	for (size_t i = 0; i < after->n; i++) {
		const struct host_plugin *now = &after->items[i];
		const struct host_plugin *old = host_plugins_find(before,
		    now->package);
		const char *action = change_of(old, now, reinstalled);

		if (action != NULL && ++count)
			report_one(run, &json, action, old, now);
	}
	for (size_t i = 0; i < before->n; i++) {
		const struct host_plugin *old = &before->items[i];

		if (host_plugins_find(after, old->package) == NULL && ++count)
			report_one(run, &json, "purged", old, NULL);
	}
	buf_addc(&json, ']');
	if (count == 0 && !run->result->json && !run->args->quiet)
		printf("nothing changed\n");
	cli_result_add_member(run->result, "changes", json.data);
	buf_release(&json);
}

int
cli_host_apply(const struct cli_run *run, const struct host_apt_job *job,
    const char *reinstalled, const struct host_plugin_list *before,
    struct host_plugin_list *after, struct err *e)
{
	struct err read_e = ERR_INIT;
	int r;

	cli_report_begin("apt-get");
	r = host_apt_run(job, e);
	if (cli_host_read(run, after, &read_e) < 0) {
		if (r == 0)
			*e = read_e;
		else
			err_release(&read_e);
		return -1;
	}
	report_changes(run, before, after, reinstalled);
	return r;
}
