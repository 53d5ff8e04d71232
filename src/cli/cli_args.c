/* cli_args: the options every command understands. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/timestamp.h"
#include "cli/cli_args.h"
#include "cli/cli_numbers.h"
#include "cli/cli_report.h"
#include "deb/compress.h"
#include "plugin/archname.h"
#include "plugin/debversion.h"
#include "stage/sandbox.h"

enum option_id {
	OPT_OUTPUT = 'o',
	OPT_QUIET = 'q',
	OPT_HELP = 'h',
	OPT_COMPRESSION = 'Z',
	OPT_LEVEL = 'z',
	OPT_SUBDIRECTORY = 256,
	OPT_WAZO_VERSION,
	OPT_FORMAT,
	OPT_STRICT,
	OPT_FORCE,
	OPT_CONFIG,
	OPT_PACKAGE_PREFIX,
	OPT_SECTION,
	OPT_METADATA_DIR,
	OPT_BACKUP_RULES_DIR,
	OPT_TEMPLATE_DIR,
	OPT_MAINTAINER,
	OPT_CONFFILES,
	OPT_THREADS,
	OPT_SOURCE_DATE_EPOCH,
	OPT_ARCH,
	OPT_REF,
	OPT_MAX_SIZE,
	OPT_MAX_ENTRIES,
	OPT_MAX_RATIO,
	OPT_SANDBOX,
	OPT_NETWORK,
	OPT_ENV,
	OPT_PKGDIR,
	OPT_VERSION,
	OPT_VERSION_SUFFIX,
	OPT_JUNIT,
	OPT_CODEQUALITY,
	OPT_FROM,
	OPT_KEEP,
	OPT_BARE,
	OPT_VERIFY_NETWORK,
};

#define CMD_PACKAGING (CMD_RENDER | CMD_TREE | CMD_BUILD | CMD_DEBIANIZE)
#define CMD_ALL (CMD_CHECK | CMD_PACKAGING | CMD_RULES)
#define CMD_RUNS_RULES (CMD_TREE | CMD_BUILD | CMD_RULES)

static const struct cli_option {
	const char *name;
	int id;
	const char *arg;	/* the value's name, or NULL for a flag */
	unsigned commands;
	int config_key;		/* the setting it overrides, or -1 */
	const char *help;
} options[] = {
	{ "output", OPT_OUTPUT, "DIR", CMD_RENDER | CMD_TREE, -1,
	  "write the result to DIR (required)" },
	{ "output", OPT_OUTPUT, "DIR", CMD_BUILD, -1,
	  "write the .deb in DIR (default: .)" },
	{ "pkgdir", OPT_PKGDIR, "DIR", CMD_RULES, -1,
	  "'rules package' stages the package in DIR" },
	{ "force", OPT_FORCE, NULL, CMD_RENDER | CMD_TREE, -1,
	  "replace what DIR already holds" },
	{ "force", OPT_FORCE, NULL, CMD_DEBIANIZE, -1,
	  "replace an existing debian/ directory" },
	{ "compression", OPT_COMPRESSION, "TYPE", CMD_BUILD, -1,
	  "xz (default), zstd, gzip or none" },
	{ "compression-level", OPT_LEVEL, "N", CMD_BUILD, -1,
	  "compression level (defaults: xz 6, zstd 3, gzip 9)" },
	{ "threads", OPT_THREADS, "N", CMD_BUILD, -1,
	  "compress with N threads (default: the cores)" },
	{ "source-date-epoch", OPT_SOURCE_DATE_EPOCH, "T", CMD_BUILD, -1,
	  "every timestamp is T (default: $SOURCE_DATE_EPOCH,\nor now)" },
	{ "arch", OPT_ARCH, "A", CMD_BUILD, -1,
	  "auto (default: all, or the compiled objects'),\nall, or an "
	  "architecture dpkg knows" },
	{ "arch", OPT_ARCH, "A", CMD_DEBIANIZE, -1,
	  "the Architecture field: all (default), any\n(compiled plugins) "
	  "or an architecture dpkg knows" },
	{ "version", OPT_VERSION, "V", CMD_PACKAGING, -1,
	  "the package's version is V, not plugin.yml's" },
	{ "version-suffix", OPT_VERSION_SUFFIX, "S", CMD_PACKAGING, -1,
	  "append S to the version (+ci.42, ~git20261202.abc)" },
	{ "subdirectory", OPT_SUBDIRECTORY, "DIR", CMD_ALL, -1,
	  "the plugin lives in DIR inside SOURCE" },
	{ "ref", OPT_REF, "REF", CMD_ALL, -1,
	  "SOURCE is a git repository: use branch, tag or\ncommit REF" },
	{ "max-unpacked-size", OPT_MAX_SIZE, "N", CMD_ALL, -1,
	  "an archive may unpack to N bytes (256M)" },
	{ "max-entries", OPT_MAX_ENTRIES, "N", CMD_ALL, -1,
	  "an archive may hold N entries (20000)" },
	{ "max-ratio", OPT_MAX_RATIO, "N", CMD_ALL, -1,
	  "an archive may unpack to N times its size (200)" },
	{ "wazo-version", OPT_WAZO_VERSION, "V", CMD_ALL, -1,
	  "check min_wazo_version and max_wazo_version against Wazo V" },
	{ "config", OPT_CONFIG, "FILE", CMD_ALL | CMD_VERIFY, -1,
	  "read settings from the YAML file FILE" },
	{ "package-prefix", OPT_PACKAGE_PREFIX, "P", CMD_ALL,
	  SETTING_PACKAGE_PREFIX, "package names start with P (wazo-plugind)" },
	{ "section", OPT_SECTION, "S", CMD_ALL, SETTING_SECTION,
	  "the Section field (wazo-plugind-plugin)" },
	{ "metadata-dir", OPT_METADATA_DIR, "DIR", CMD_ALL | CMD_VERIFY,
	  SETTING_METADATA_DIR, "installed plugins' metadata\n"
	  "(/usr/lib/wazo-plugind/plugins)" },
	{ "backup-rules-dir", OPT_BACKUP_RULES_DIR, "DIR", CMD_ALL | CMD_VERIFY,
	  SETTING_BACKUP_RULES_DIR, "where removal keeps the rules\n"
	  "(/var/lib/wazo-plugind/rules)" },
	{ "template-dir", OPT_TEMPLATE_DIR, "DIR", CMD_ALL,
	  SETTING_TEMPLATE_DIR, "templates to use instead of the built-in ones" },
	{ "maintainer", OPT_MAINTAINER, "M", CMD_ALL, SETTING_MAINTAINER,
	  "the Maintainer field ('Name <address>')" },
	{ "conffiles", OPT_CONFFILES, "WHICH", CMD_ALL, SETTING_CONFFILES,
	  "none (default: files under /etc leave with the\nplugin) or etc "
	  "(they are conffiles)" },
	{ "sandbox", OPT_SANDBOX, "MODE", CMD_RUNS_RULES, SETTING_SANDBOX,
	  "run the rules in bubblewrap: auto (default: when\nit can), on "
	  "or off" },
	{ "network", OPT_NETWORK, "on|off", CMD_RUNS_RULES, SETTING_NETWORK,
	  "whether sandboxed rules reach the network (on)" },
	{ "env", OPT_ENV, "NAME[=VALUE]", CMD_RUNS_RULES, -1,
	  "give sandboxed rules the variable NAME too\n(repeatable)" },
	{ "format", OPT_FORMAT, "FORMAT", CMD_CHECK, -1,
	  "text (diagnostics on stderr) or json (a report on stdout)" },
	{ "from", OPT_FROM, "OLD.deb", CMD_VERIFY, -1,
	  "install OLD.deb first, upgrade from it and\ndowngrade to it" },
	{ "keep", OPT_KEEP, NULL, CMD_VERIFY, -1,
	  "copy the root's changes to a directory it names" },
	{ "bare", OPT_BARE, NULL, CMD_VERIFY, -1,
	  "no stand-in Wazo host (systemctl, asterisk...)" },
	{ "network", OPT_VERIFY_NETWORK, NULL, CMD_VERIFY, -1,
	  "the steps may reach the network (default: not)" },
	{ "format", OPT_FORMAT, "FORMAT", CMD_ALL | CMD_VERIFY, -1,
	  "text (the default) or json: one JSON document\non stdout, also "
	  "on failure" },
	{ "junit", OPT_JUNIT, "FILE", CMD_ALL | CMD_VERIFY, -1,
	  "also write a JUnit XML report of the steps and\nchecks to FILE" },
	{ "codequality", OPT_CODEQUALITY, "FILE", CMD_ALL | CMD_VERIFY, -1,
	  "also write the plugin's problems to FILE as a\nGitLab Code Quality "
	  "report" },
	{ "strict", OPT_STRICT, NULL, CMD_ALL, -1,
	  "fail (exit 1) on warnings too" },
	{ "quiet", OPT_QUIET, NULL, CMD_ALL | CMD_VERIFY, -1,
	  "print only problems" },
	{ "help", OPT_HELP, NULL, CMD_ALL | CMD_VERIFY, -1,
	  "show this help and exit" },
};

void
cli_args_print_help(const struct cli_command *cmd)
{
	printf("Usage: " PROGRAM_NAME " %s %s\n%s\nOptions:\n", cmd->name,
	    cmd->usage, cmd->description);
	for (size_t i = 0; i < WPD_ARRAY_SIZE(options); i++) {
		const struct cli_option *o = &options[i];
		struct buf left = BUF_INIT;
		const char *line = o->help;

		if (!(o->commands & cmd->bit))
			continue;
		buf_adds(&left, o->id < 256 ? "  -" : "    ");
		if (o->id < 256)
			buf_addf(&left, "%c,", o->id);
		buf_addf(&left, " --%s", o->name);
		if (o->arg != NULL)
			buf_addf(&left, " %s", o->arg);
		/* Help lines after the first align under the first. */
		while (line != NULL) {
			const char *nl = strchr(line, '\n');
			int len = nl ? (int)(nl - line) : (int)strlen(line);

			printf("%-26s %.*s\n", left.data, len, line);
			buf_reset(&left);
			line = nl ? nl + 1 : NULL;
		}
		buf_release(&left);
	}
	putchar('\n');
	cli_report_help_footer();
}

/* The getopt tables for the options `cmd` takes. */
static void
build_tables(const struct cli_command *cmd, struct option *longs,
    struct buf *shorts)
{
	size_t n = 0;

	buf_addc(shorts, ':');
	for (size_t i = 0; i < WPD_ARRAY_SIZE(options); i++) {
		if (!(options[i].commands & cmd->bit))
			continue;
		longs[n].name = options[i].name;
		longs[n].has_arg = options[i].arg ? required_argument :
		    no_argument;
		longs[n].flag = NULL;
		longs[n].val = options[i].id;
		n++;
		if (options[i].id < 256) {
			buf_addc(shorts, (char)options[i].id);
			if (options[i].arg)
				buf_addc(shorts, ':');
		}
	}
	memset(&longs[n], 0, sizeof(longs[n]));
}

static const struct cli_option *
find_option(int id)
{
	for (size_t i = 0; i < WPD_ARRAY_SIZE(options); i++)
		if (options[i].id == id)
			return &options[i];
	return NULL;
}

/* Reports `e`, about the value of `option`: "OPTION MESSAGE" as a usage
 * error, or as it is when the system failed; returns the exit status. */
static int
report_value_err(const struct cli_command *cmd, const char *option,
    struct err *e)
{
	int status = e->status;

	if (status != STATUS_USAGE)
		return cli_report_err(e);
	cli_report_usage(cmd->name, "%s %s", option, e->msg);
	err_release(e);
	return status;
}

/* Settings given on the command line, applied after the file's. */
struct override {
	const struct cli_option *option;
	const char *value;
};

static int
take_option(const struct cli_command *cmd, int id, char *value,
    struct cli_args *args, struct override *overrides, size_t *noverrides)
{
	const struct cli_option *o = find_option(id);
	struct err e = ERR_INIT;
	const char *why;
	time_t when;

	if (o != NULL && o->config_key >= 0) {
		overrides[(*noverrides)++] = (struct override){ o, value };
		return -1;
	}
	/* Settings say what they take; any other empty value is a mistake
	 * ('-o ""' would write in no directory, '--config ""' read no
	 * file), never a default. */
	if (o != NULL && o->arg != NULL && value[0] == '\0')
		return cli_report_usage(cmd->name, "--%s needs a non-empty %s",
		    o->name, o->arg);
	switch (id) {
	case OPT_OUTPUT: args->output = value; break;
	case OPT_PKGDIR: args->pkgdir = value; break;
	case OPT_FORCE: args->force = true; break;
	case OPT_SUBDIRECTORY: args->subdirectory = value; break;
	case OPT_REF: args->request.ref = value; break;
	case OPT_MAX_SIZE:
		if (cli_numbers_size(value, &args->request.limits.max_bytes) < 0)
			return cli_report_usage(cmd->name, "--max-unpacked-size "
			    "must be a size such as 4096, 64K, 256M or 1G, not "
			    "'%s'", value);
		break;
	case OPT_MAX_ENTRIES:
		if (cli_numbers_count(value, 1, INT_MAX) < 0)
			return cli_report_usage(cmd->name, "--max-entries must be "
			    "a positive number, not '%s'", value);
		args->request.limits.max_entries = (unsigned long)
		    cli_numbers_count(value, 1, INT_MAX);
		break;
	case OPT_MAX_RATIO:
		if (cli_numbers_count(value, 1, 1000000) < 0)
			return cli_report_usage(cmd->name, "--max-ratio must be a "
			    "positive number, not '%s'", value);
		args->request.limits.max_ratio = (unsigned)
		    cli_numbers_count(value, 1, 1000000);
		break;
	case OPT_ENV:
		if ((why = sandbox_env_check(value)) != NULL)
			return cli_report_usage(cmd->name, "--env '%s': %s", value,
			    why);
		if (args->nenv == WPD_ARRAY_SIZE(args->env))
			return cli_report_usage(cmd->name, "--env: %zu at most",
			    WPD_ARRAY_SIZE(args->env));
		args->env[args->nenv++] = value;
		break;
	case OPT_STRICT: args->strict = true; break;
	case OPT_QUIET: args->quiet = true; break;
	case OPT_CONFIG: args->config_file = value; break;
	case OPT_COMPRESSION:
		args->compression = compress_parse(value);
		if (args->compression < 0)
			return cli_report_usage(cmd->name, "-Z must be xz, zstd, "
			    "gzip or none, not '%s'", value);
		break;
	case OPT_LEVEL:
		/* A number here; its range is the compressor's, checked
		 * once -Z is known (cli_options.c). */
		args->level = cli_numbers_count(value, 0, INT_MAX);
		if (args->level < 0)
			return cli_report_usage(cmd->name, "-z must be a level "
			    "(a number), not '%s'", value);
		break;
	case OPT_THREADS:
		if (cli_numbers_count(value, 1, 1024) < 0)
			return cli_report_usage(cmd->name, "--threads must be a "
			    "number from 1 to 1024, not '%s'", value);
		args->threads = (unsigned)cli_numbers_count(value, 1, 1024);
		break;
	case OPT_SOURCE_DATE_EPOCH:
		if (timestamp_parse(value, &when, &e) < 0) {
			err_release(&e);
			return cli_report_usage(cmd->name, "--source-date-epoch "
			    "must be a number of seconds, not '%s'", value);
		}
		args->source_date_epoch = value;
		break;
	case OPT_ARCH:
		if (archname_check(value, cmd->bit == CMD_BUILD ?
		    ARCHNAME_BINARY : ARCHNAME_CONTROL, &e) < 0)
			return report_value_err(cmd, "--arch", &e);
		args->arch = value;
		break;
	case OPT_WAZO_VERSION:
	case OPT_VERSION:
		if ((why = debversion_check(value)) != NULL)
			return cli_report_usage(cmd->name, "--%s '%s': %s", o->name,
			    value, why);
		*(id == OPT_VERSION ? &args->version : &args->wazo_version) =
		    value;
		break;
	/* Checked once the version it extends is known (cli_plugin.c). */
	case OPT_VERSION_SUFFIX: args->version_suffix = value; break;
	case OPT_FORMAT:
		if (strcmp(value, "text") != 0 && strcmp(value, "json") != 0)
			return cli_report_usage(cmd->name, "--format must be "
			    "text or json, not '%s'", value);
		args->format = value;
		break;
	case OPT_JUNIT: args->junit = value; break;
	case OPT_CODEQUALITY: args->codequality = value; break;
	case OPT_FROM: args->from = value; break;
	case OPT_KEEP: args->keep = true; break;
	case OPT_BARE: args->bare = true; break;
	case OPT_VERIFY_NETWORK: args->verify_network = true; break;
	}
	return -1;
}

/* Reads --config, then applies the command line's settings over it. */
static int
load_config(const struct cli_command *cmd, struct cli_args *args,
    const struct override *overrides, size_t noverrides)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	size_t errors;

	if (args->config_file != NULL &&
	    settings_load_file(&args->config, args->config_file, &diags, &e) < 0)
		return cli_report_err(&e);
	cli_report_diags(&diags);
	errors = diag_count(&diags, DIAG_ERROR);
	diag_list_release(&diags);
	if (errors > 0) {
		cli_report_error("%s: invalid configuration", args->config_file);
		return STATUS_USAGE;
	}
	for (size_t i = 0; i < noverrides; i++) {
		char *origin = xasprintf("--%s", overrides[i].option->name);
		int r = settings_set(&args->config, overrides[i].option->config_key,
		    overrides[i].value, origin, &e);

		free(origin);
		if (r < 0) {
			r = cli_report_usage(cmd->name, "%s", e.msg);
			err_release(&e);
			return r;
		}
	}
	return -1;
}

void
cli_args_scan_reports(const struct cli_command *cmd, int argc, char **argv,
    const char **format, const char **junit, const char **codequality)
{
	struct option longs[WPD_ARRAY_SIZE(options) + 1];
	struct buf shorts = BUF_INIT;
	int c;

	*format = *junit = *codequality = NULL;
	build_tables(cmd, longs, &shorts);
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, shorts.data, longs, NULL)) != -1) {
		if (c == OPT_FORMAT)
			*format = optarg;
		else if (c == OPT_JUNIT && optarg[0] != '\0')
			*junit = optarg;
		else if (c == OPT_CODEQUALITY && optarg[0] != '\0')
			*codequality = optarg;
	}
	buf_release(&shorts);
}

int
cli_args_parse(const struct cli_command *cmd, int argc, char **argv,
    struct cli_args *args)
{
	struct option longs[WPD_ARRAY_SIZE(options) + 1];
	struct override overrides[64];
	size_t noverrides = 0;
	struct buf shorts = BUF_INIT;
	int c, status = -1;

	memset(args, 0, sizeof(*args));
	args->compression = -1;
	args->level = -1;
	args->request.limits = (struct source_limits)SOURCE_LIMITS_DEFAULT;
	settings_init(&args->config);
	build_tables(cmd, longs, &shorts);
	opterr = 0;
	optind = 0;
	while (status < 0 &&
	    (c = getopt_long(argc, argv, shorts.data, longs, NULL)) != -1) {
		if (c == OPT_HELP) {
			cli_args_print_help(cmd);
			status = STATUS_OK;
		} else if (c == ':') {
			status = cli_report_usage(cmd->name, "option '%s' needs a "
			    "value", argv[optind - 1]);
		} else if (c == '?') {
			status = cli_report_usage(cmd->name, "unknown option '%s'",
			    argv[optind - 1]);
		} else if (noverrides == WPD_ARRAY_SIZE(overrides)) {
			status = cli_report_usage(cmd->name, "too many options");
		} else {
			status = take_option(cmd, c, optarg, args, overrides,
			    &noverrides);
		}
	}
	buf_release(&shorts);
	if (status >= 0)
		return status;
	args->first_operand = optind;
	return load_config(cmd, args, overrides, noverrides);
}

void
cli_args_release(struct cli_args *args)
{
	settings_release(&args->config);
}
