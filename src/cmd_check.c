/* cmd_check: `wazo-plugin-deb check`, which loads and validates a plugin. */
#include <config.h>

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "debversion.h"
#include "diag.h"
#include "json.h"
#include "plugin.h"
#include "rules_file.h"
#include "source.h"
#include "validate.h"

enum check_format { FORMAT_TEXT, FORMAT_JSON };

/* The command line of one run. */
struct check_options {
	const char *source;
	const char *subdirectory;
	const char *wazo_version;
	enum check_format format;
	bool quiet;
	bool strict;
};

enum { OPT_SUBDIRECTORY = 256, OPT_WAZO_VERSION, OPT_FORMAT, OPT_STRICT };

static const struct option long_options[] = {
	{ "subdirectory", required_argument, NULL, OPT_SUBDIRECTORY },
	{ "wazo-version", required_argument, NULL, OPT_WAZO_VERSION },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void
print_help(void)
{
	printf("Usage: " PROGRAM_NAME " check [OPTIONS] [SOURCE]\n"
	    "Validate the plugin in SOURCE (a directory; default: .):\n"
	    "wazo/plugin.yml against the plugin format, and wazo/rules.\n\n"
	    "Options:\n"
	    "      --subdirectory DIR  the plugin lives in DIR inside SOURCE\n"
	    "      --wazo-version V    also check min_wazo_version and\n"
	    "                          max_wazo_version against Wazo V\n"
	    "      --format FORMAT     text (default; diagnostics on stderr)\n"
	    "                          or json (a report on stdout)\n"
	    "      --strict            fail (exit 1) on warnings too\n"
	    "  -q, --quiet             print nothing when the plugin is valid\n"
	    "  -h, --help              show this help and exit\n\n"
	    "Diagnostics read PATH:LINE:COLUMN: error|warning: KEY: message.\n"
	    "Exit status: 0 valid, 1 invalid, 2 usage error, 4 I/O error.\n");
}

/* Returns -1 to go on, or the exit status to stop with. */
static int
parse_options(int argc, char **argv, struct check_options *o)
{
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":qh", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_SUBDIRECTORY:
			o->subdirectory = optarg;
			break;
		case OPT_WAZO_VERSION:
			if (debversion_check(optarg) != NULL)
				return cli_usage_error("check", "--wazo-version "
				    "'%s': %s", optarg, debversion_check(optarg));
			o->wazo_version = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") == 0)
				o->format = FORMAT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o->format = FORMAT_JSON;
			else
				return cli_usage_error("check", "--format must "
				    "be text or json, not '%s'", optarg);
			break;
		case OPT_STRICT:
			o->strict = true;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'h':
			print_help();
			return STATUS_OK;
		case ':':
			return cli_usage_error("check", "option '%s' needs a "
			    "value", argv[optind - 1]);
		default:
			return cli_usage_error("check", "unknown option '%s'",
			    argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error("check", "one SOURCE at most, got %d",
		    argc - optind);
	o->source = optind < argc ? argv[optind] : NULL;
	return -1;
}

/* Loads and checks everything; NULL plugin when plugin.yml is unusable.
 * Returns -1 with `e` set on a system error. */
static int
check_plugin(const struct source *src, const struct check_options *o,
    struct plugin **plugin, struct diag_list *diags, struct err *e)
{
	struct validate_options vo = { VALIDATE_DEFAULT_PREFIX, o->wazo_version };
	char *file = source_path(src, "wazo/plugin.yml");
	char *shown = source_shown_path(src, "wazo/plugin.yml");
	long long format = 0;
	int r = 0;

	*plugin = plugin_load_file(file, shown, diags, e);
	if (*plugin == NULL && e->msg != NULL)
		r = -1;
	if (*plugin != NULL) {
		validate_metadata(*plugin, &vo, diags);
		if ((*plugin)->format_known)
			format = (*plugin)->format_version;
	}
	free(file);
	free(shown);
	if (r == 0) {
		file = source_path(src, "wazo/rules");
		shown = source_shown_path(src, "wazo/rules");
		r = rules_file_check(file, shown, format, diags, e);
		free(file);
		free(shown);
	}
	diag_sort(diags);
	return r;
}

static void
add_json_field(struct buf *out, const char *name, const char *value)
{
	buf_addf(out, "\"%s\": ", name);
	json_add_string(out, value);
}

static void
print_json(const struct plugin *p, const struct diag_list *diags, bool valid)
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
		package = plugin_package_name(VALIDATE_DEFAULT_PREFIX,
		    p->name.text, p->namespace.text);
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
print_text(const struct plugin *p, const struct diag_list *diags, bool valid,
    bool quiet)
{
	struct buf out = BUF_INIT;
	size_t errors = diag_count(diags, DIAG_ERROR);
	size_t warnings = diag_count(diags, DIAG_WARNING);
	char *package;

	diag_format_text(diags, &out);
	fwrite(out.data, 1, out.len, stderr);
	buf_release(&out);
	if (!valid) {
		cli_error("the plugin is invalid: %zu error%s, %zu warning%s",
		    errors, errors == 1 ? "" : "s", warnings,
		    warnings == 1 ? "" : "s");
		return;
	}
	if (quiet)
		return;
	package = plugin_package_name(VALIDATE_DEFAULT_PREFIX, p->name.text,
	    p->namespace.text);
	printf("%s %s: valid (plugin format %lld, %zu warning%s)\n", package,
	    p->version.text, p->format_version, warnings,
	    warnings == 1 ? "" : "s");
	free(package);
}

int
cmd_check(int argc, char **argv)
{
	struct check_options o = { 0 };
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	struct source src;
	struct plugin *plugin;
	bool valid;
	int status = parse_options(argc, argv, &o);

	if (status >= 0)
		return status;
	if (source_open(&src, o.source, o.subdirectory, &e) < 0)
		return cli_report(&e);
	if (check_plugin(&src, &o, &plugin, &diags, &e) < 0) {
		status = cli_report(&e);
	} else {
		valid = plugin != NULL && diag_count(&diags, DIAG_ERROR) == 0 &&
		    !(o.strict && diag_count(&diags, DIAG_WARNING) > 0);
		if (o.format == FORMAT_JSON)
			print_json(plugin, &diags, valid);
		else
			print_text(plugin, &diags, valid, o.quiet);
		status = valid ? STATUS_OK : STATUS_INVALID;
	}
	plugin_free(plugin);
	diag_list_release(&diags);
	source_close(&src);
	return status;
}
