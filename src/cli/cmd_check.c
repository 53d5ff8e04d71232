/* cmd_check: `wazo-plugin-deb check`, which loads and validates a plugin. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "render/plugin_json.h"

static const struct cli_command_info check_command = {
	"check", CMD_CHECK, "[OPTIONS] [SOURCE]",
	"Validate the plugin in SOURCE (a directory; default: .): its\n"
	"wazo/plugin.yml against the plugin format, and its wazo/rules.\n"
	"Diagnostics read PATH:LINE:COLUMN: error|warning: KEY: message.\n",
};

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
cmd_check(int argc, char **argv)
{
	struct cli_args args;
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	struct source src;
	struct plugin *plugin;
	const char *prefix;
	bool json, valid;
	int status = cli_parse_args(&check_command, argc, argv, &args);

	if (status >= 0)
		goto out;
	json = args.format != NULL && strcmp(args.format, "json") == 0;
	prefix = settings_get(&args.config, SETTING_PACKAGE_PREFIX);
	if (cli_open_source(&args, &src, &e) < 0) {
		status = cli_report(&e);
		goto out;
	}
	if (cli_check_plugin(&args, &src, &plugin, &diags, &e) < 0) {
		status = cli_report(&e);
	} else {
		valid = cli_plugin_valid(&args, plugin, &diags);
		if (json) {
			print_json(plugin, &args.config, &diags, valid);
		} else {
			cli_print_diagnostics(&diags, valid);
			if (valid && !args.quiet)
				print_summary(plugin, prefix, &diags);
		}
		status = valid ? STATUS_OK : STATUS_INVALID;
	}
	plugin_free(plugin);
	diag_list_release(&diags);
	source_close(&src);
out:
	cli_args_release(&args);
	return status;
}
