/* cmd_check: `wazo-plugin-deb check`, which loads and validates a plugin. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"

static const struct cli_command_info check_command = {
	"check", CMD_CHECK, "[OPTIONS] [SOURCE]",
	"Validate the plugin in SOURCE (a directory; default: .): its\n"
	"wazo/plugin.yml against the plugin format, and its wazo/rules.\n"
	"Diagnostics read PATH:LINE:COLUMN: error|warning: KEY: message.\n",
};

static void
add_json_field(struct buf *out, const char *name, const char *value)
{
	buf_addf(out, "\"%s\": ", name);
	json_add_string(out, value);
}

static void
print_json(const struct plugin *p, const char *prefix,
    const struct diag_list *diags, bool valid)
{
	struct buf out = BUF_INIT;
	char *package = NULL;

	buf_addf(&out, "{\"valid\": %s, \"diagnostics\": ",
	    valid ? "true" : "false");
	diag_format_json(diags, &out);
	buf_adds(&out, ", \"plugin\": ");
	if (p == NULL) {
		buf_adds(&out, "null");
	} else {
		package = plugin_package_name(prefix, p->name.text,
		    p->namespace.text);
		buf_addc(&out, '{');
		add_json_field(&out, "name", p->name.text);
		buf_adds(&out, ", ");
		add_json_field(&out, "namespace", p->namespace.text);
		buf_adds(&out, ", ");
		add_json_field(&out, "version", p->version.text);
		if (p->format_known)
			buf_addf(&out, ", \"plugin_format_version\": %lld, ",
			    p->format_version);
		else
			buf_adds(&out, ", \"plugin_format_version\": null, ");
		add_json_field(&out, "package", package);
		buf_addc(&out, '}');
	}
	buf_adds(&out, "}\n");
	fwrite(out.data, 1, out.len, stdout);
	buf_release(&out);
	free(package);
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
	if (source_open(&src, args.source, args.subdirectory, &e) < 0) {
		status = cli_report(&e);
		goto out;
	}
	if (cli_check_plugin(&args, &src, &plugin, &diags, &e) < 0) {
		status = cli_report(&e);
	} else {
		valid = cli_plugin_valid(&args, plugin, &diags);
		if (json) {
			print_json(plugin, prefix, &diags, valid);
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
