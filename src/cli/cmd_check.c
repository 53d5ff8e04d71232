/* cmd_check: `wazo-plugin-deb check`, which loads and validates a plugin. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "render/context.h"
#include "base/json.h"

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

/* The package's dependencies and paths, for tools such as dh_wazo_plugin:
 * null unless the plugin is valid. */
static void
add_package_fields(struct buf *out, const struct plugin *p,
    const struct settings *c, bool valid)
{
	char *rules = NULL, *backup = NULL, *meta = NULL;

	if (valid) {
		rules = context_rules_path(p, c);
		backup = context_backup_rules_path(p, c);
		meta = context_metadata_path(p, c);
	}
	buf_adds(out, ", \"depends\": ");
	if (!valid) {
		buf_adds(out, "null");
	} else {
		struct arena a = { NULL };
		struct context_extras extras = { "all", -1, NULL };
		struct tvalue *ctx = context_build(&a, p, c, &extras);
		struct tvalue *deps = tvalue_get(ctx, "debian_depends");

		buf_addc(out, '[');
		for (size_t i = 0; i < deps->count; i++) {
			if (i > 0)
				buf_adds(out, ", ");
			json_add_string(out, deps->items[i]->s);
		}
		buf_addc(out, ']');
		arena_release(&a);
	}
	buf_adds(out, ", ");
	add_json_field(out, "metadata_path", meta);
	buf_adds(out, ", ");
	add_json_field(out, "rules_path", rules);
	buf_adds(out, ", ");
	add_json_field(out, "backup_rules_path", backup);
	free(rules);
	free(backup);
	free(meta);
}

static void
print_json(const struct plugin *p, const struct settings *c,
    const struct diag_list *diags, bool valid)
{
	const char *prefix = settings_get(c, SETTING_PACKAGE_PREFIX);
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
		add_package_fields(&out, p, c, valid);
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
