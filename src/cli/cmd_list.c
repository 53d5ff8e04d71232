/* cmd_list: `wazo-plugin-deb list`, the plugins this machine has, from
 * dpkg's database and the plugins' metadata directory. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/xalloc.h"
#include "cli/cli_host.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "cli/cmd.h"

/* The plugin as a member of the document's "plugins" array. */
static void
json_plugin(struct buf *out, const struct host_plugin *p)
{
	static const char *const names[] = { "namespace", "name", "version",
	    "package", "state", "status" };
	const char *values[] = { p->namespace, p->name, p->version,
	    p->package, p->state, p->abbrev };

	cli_host_json_object(out, names, values, 6, p->metadata ?
	    ", \"metadata\": true" : ", \"metadata\": false");
}

/* One line: NAMESPACE/NAME VERSION STATE PACKAGE, and what is wrong. */
static void
print_plugin(const struct host_plugin *p)
{
	char *id = xasprintf("%s/%s", p->namespace, p->name);

	printf("%-32s %-16s %-16s %s%s\n", id, p->version, p->state,
	    p->package, host_plugins_present(p) && !p->metadata ?
	    " (metadata missing)" : "");
	free(id);
}

int
cmd_list(const struct cli_run *run)
{
	struct host_plugin_list l = HOST_PLUGIN_LIST_INIT;
	struct buf json = BUF_INIT;
	struct err e = ERR_INIT;

	cli_report_begin("dpkg-query");
	if (cli_host_read(run, &l, &e) < 0)
		return cli_report_err(&e);
	buf_addc(&json, '[');
	for (size_t i = 0; i < l.n; i++) {
		if (!run->result->json)
			print_plugin(&l.items[i]);
		json_plugin(&json, &l.items[i]);
	}
	buf_addc(&json, ']');
	cli_result_add_member(run->result, "plugins", json.data);
	buf_release(&json);
	host_plugins_release(&l);
	return STATUS_OK;
}
