/* cmd_check: `wazo-plugin-deb check`, which loads and validates a plugin. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "cli/cli_args.h"
#include "cli/cli_plugin.h"
#include "cli/cli_report.h"
#include "cli/cmd.h"
#include "render/plugin_json.h"

static void
print_json(const struct plugin *p, const struct settings *c,
    const struct diag_list *diags, bool valid)
{
	struct buf out = BUF_INIT;

	buf_addf(&out, "{\"valid\": %s, \"diagnostics\": ",
	    valid ? "true" : "false");
	diag_format_json(diags, &out);
	buf_adds(&out, ", \"plugin\": ");
	plugin_json_add(&out, p, c, valid);
	buf_adds(&out, "}\n");
	fwrite(out.data, 1, out.len, stdout);
	buf_release(&out);
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
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	struct source src;
	struct plugin *plugin;
	const char *prefix;
	bool json, valid;
	int status;

	json = args->format != NULL && strcmp(args->format, "json") == 0;
	prefix = settings_get(&args->config, SETTING_PACKAGE_PREFIX);
	if (cli_plugin_open_source(args, &src, &e) < 0)
		return cli_report_err(&e);
	if (cli_plugin_check(args, &src, &plugin, &diags, &e) < 0) {
		status = cli_report_err(&e);
	} else {
		valid = cli_plugin_valid(args, plugin, &diags);
		if (json) {
			print_json(plugin, &args->config, &diags, valid);
		} else {
			cli_plugin_print_diagnostics(&diags, valid);
			if (valid && !args->quiet)
				print_summary(plugin, prefix, &diags);
		}
		status = valid ? STATUS_OK : STATUS_INVALID;
	}
	plugin_free(plugin);
	diag_list_release(&diags);
	source_close(&src);
	return status;
}
