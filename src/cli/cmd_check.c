/* cmd_check: `wazo-plugin-deb check`, which loads and validates a plugin. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "cli/cli_args.h"
#include "cli/cli_plugin.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "cli/cmd.h"
#include "render/plugin_json.h"

/* The document's "plugin": the plugin as dh_wazo_plugin reads it (null
 * when plugin.yml could not be read). */
static void
add_plugin_member(struct cli_result *r, const struct plugin *p,
    const struct settings *c)
{
	struct buf json = BUF_INIT;

	plugin_json_add(&json, p, c, r->valid > 0);
	cli_result_add_member(r, "plugin", json.data);
	buf_release(&json);
}

static void
print_summary(const struct plugin *p, const char *prefix,
    const struct diag_list *diags)
{
	size_t warnings = diag_count(diags, DIAG_WARNING);
	char *package = plugin_package_name(prefix, p->name.text,
	    p->namespace.text);

	printf("%s %s: valid (plugin format %lld, %zu warning%s)\n", package,
	    p->version.text, p->format_version, warnings,
	    warnings == 1 ? "" : "s");
	free(package);
}

int
cmd_check(const struct cli_run *run)
{
	const struct cli_args *args = run->args;
	struct cli_result *r = run->result;
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	struct source src;
	struct plugin *plugin = NULL;
	const char *prefix;
	bool valid;
	int status;

	prefix = settings_get(&args->config, SETTING_PACKAGE_PREFIX);
	if (cli_plugin_open_source(args, r, &src, &e) < 0) {
		add_plugin_member(r, NULL, &args->config);
		return cli_report_err(&e);
	}
	cli_report_begin("validating");
	if (cli_plugin_check(args, &src, &plugin, &diags, &e) < 0) {
		status = cli_report_err(&e);
	} else {
		valid = cli_plugin_valid(args, plugin, &diags);
		cli_plugin_report(r, &diags, valid);
		if (valid)
			cli_plugin_set_package(r, args, plugin);
		if (valid && !args->quiet && !r->json)
			print_summary(plugin, prefix, &diags);
		status = valid ? STATUS_OK : STATUS_INVALID;
	}
	add_plugin_member(r, plugin, &args->config);
	plugin_free(plugin);
	diag_list_release(&diags);
	source_close(&src);
	return status;
}
