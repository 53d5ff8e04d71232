/* cli_args: the options every command understands. */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/timestamp.h"
#include "cli/cli_args.h"
#include "cli/cli_option_table.h"
#include "cli/cli_report.h"
#include "deb/compress.h"
#include "plugin/archname.h"
#include "plugin/debversion.h"
#include "plugin/plugin.h"
#include "stage/sandbox.h"

/* A whole number from min to max, or -1. */
/* -Z's usage error, naming the compressors of deb/compress's table. */
static int
bad_compressor(const struct cli_command *cmd, const char *value)
{
	struct buf names = BUF_INIT;
	int status;

	compress_describe(&names, false);
	status = cli_report_usage(cmd->name, "-Z must be %s, not '%s'",
	    names.data, value);
	buf_release(&names);
	return status;
}

static int
parse_count(const char *s, int min, int max)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || v < min || v > max)
		return -1;
	return (int)v;
}

/* A byte count with an optional K, M or G (powers of 1024). */
static int
parse_size(const char *s, unsigned long long *out)
{
	char *end;
	unsigned long long v;
	int shift = 0;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (*end != '\0' || errno != 0 || v == 0 || v > (~0ULL >> shift))
		return -1;
	*out = v << shift;
	return 0;
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
	const struct cli_option *o = cli_option_table_find(id);
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
		if (parse_size(value, &args->request.limits.max_bytes) < 0)
			return cli_report_usage(cmd->name, "--max-unpacked-size "
			    "must be a size such as 4096, 64K, 256M or 1G, not "
			    "'%s'", value);
		break;
	case OPT_MAX_ENTRIES:
		if (parse_count(value, 1, INT_MAX) < 0)
			return cli_report_usage(cmd->name, "--max-entries must be "
			    "a positive number, not '%s'", value);
		args->request.limits.max_entries = (unsigned long)
		    parse_count(value, 1, INT_MAX);
		break;
	case OPT_MAX_RATIO:
		if (parse_count(value, 1, 1000000) < 0)
			return cli_report_usage(cmd->name, "--max-ratio must be a "
			    "positive number, not '%s'", value);
		args->request.limits.max_ratio = (unsigned)
		    parse_count(value, 1, 1000000);
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
			return bad_compressor(cmd, value);
		break;
	case OPT_LEVEL:
		/* A number here; its range is the compressor's, checked
		 * once -Z is known (cli_options.c). */
		args->level = parse_count(value, 0, INT_MAX);
		if (args->level < 0)
			return cli_report_usage(cmd->name, "-z must be a level "
			    "(a number), not '%s'", value);
		break;
	case OPT_THREADS:
		if (parse_count(value, 1, 1024) < 0)
			return cli_report_usage(cmd->name, "--threads must be a "
			    "number from 1 to 1024, not '%s'", value);
		args->threads = (unsigned)parse_count(value, 1, 1024);
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
		if (archname_check(value, (cmd->bit & CMD_DEB) ?
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
	case OPT_REINSTALL: args->reinstall = true; break;
	case OPT_PURGE: args->purge = true; break;
	case OPT_YES: args->yes = true; break;
	case OPT_REPO: args->repo = value; break;
	case OPT_CODENAME: args->codename = value; break;
	case OPT_COMPONENT: args->component = value; break;
	case OPT_SIGN_WITH: args->sign_with = value; break;
	case OPT_IGNORE_DEPENDS: args->ignore_depends = true; break;
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

/* The rules step a CLI_TAKES_STEP command takes first: "build", or
 * "package" with --pkgdir. -1 when fine, else the exit status. */
static int
take_step(const struct cli_command *cmd, int argc, char **argv,
    struct cli_args *args)
{
	if (optind == argc)
		return cli_report_usage(cmd->name, "which step: build or "
		    "package?");
	args->step = argv[optind++];
	if (strcmp(args->step, "build") != 0 &&
	    strcmp(args->step, "package") != 0)
		return cli_report_usage(cmd->name, "the step must be build or "
		    "package, not '%s'", args->step);
	if (strcmp(args->step, "package") == 0 && args->pkgdir == NULL)
		return cli_report_usage(cmd->name, "package needs --pkgdir DIR");
	if (strcmp(args->step, "build") == 0 && args->pkgdir != NULL)
		return cli_report_usage(cmd->name, "--pkgdir is for the package "
		    "step");
	return -1;
}

/* Whether `arg` reads as a plugin's NAMESPACE/NAME rather than a SOURCE:
 * no file of that name, no --ref or --subdirectory, and one slash. */
static bool
names_plugin(const struct cli_command *cmd, const struct cli_args *args,
    const char *arg)
{
	struct stat st;

	if (!(cmd->flags & CLI_VALIDATES))
		return true;
	return args->request.ref == NULL && args->subdirectory == NULL &&
	    lstat(arg, &st) < 0 && strchr(arg, '/') != NULL &&
	    strchr(arg, '/') == strrchr(arg, '/') && strchr(arg, ':') == NULL;
}

/* The plugin NAMESPACE/NAME a CLI_NAMES_PLUGIN command takes, or (with
 * CLI_VALIDATES) its SOURCE: -1 when fine, else the exit status. */
static int
take_plugin(const struct cli_command *cmd, int argc, char **argv,
    struct cli_args *args)
{
	const char *arg = argv[optind], *slash;

	if (argc - optind != 1)
		return cli_report_usage(cmd->name, "which plugin? Give one %s, "
		    "not %d", (cmd->flags & CLI_VALIDATES) ?
		    "SOURCE or NAMESPACE/NAME" : "NAMESPACE/NAME", argc - optind);
	if (!names_plugin(cmd, args, arg))
		return -1;
	slash = strchr(arg, '/');
	if (slash != NULL) {
		args->plugin_namespace = xstrndup(arg, (size_t)(slash - arg));
		args->plugin_name = xstrdup(slash + 1);
	}
	if (slash == NULL || !plugin_namespace_valid(args->plugin_namespace) ||
	    !plugin_name_valid(args->plugin_name))
		return cli_report_usage(cmd->name, "'%s' is not a plugin's "
		    "NAMESPACE/NAME (^[a-z0-9]+/[a-z0-9-]+$)%s", arg,
		    (cmd->flags & CLI_VALIDATES) ? " nor an existing SOURCE" :
		    "");
	optind++;
	return -1;
}

void
cli_args_scan_reports(const struct cli_command *cmd, int argc, char **argv,
    const char **format, const char **junit, const char **codequality)
{
	struct option longs[CLI_OPTION_TABLE_MAX + 1];
	struct buf shorts = BUF_INIT;
	int c;

	*format = *junit = *codequality = NULL;
	cli_option_table_getopt(cmd, longs, &shorts);
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
	struct option longs[CLI_OPTION_TABLE_MAX + 1];
	struct override overrides[64];
	size_t noverrides = 0;
	struct buf shorts = BUF_INIT;
	int c, status = -1;

	memset(args, 0, sizeof(*args));
	args->compression = -1;
	args->level = -1;
	args->request.limits = (struct source_limits)SOURCE_LIMITS_DEFAULT;
	settings_init(&args->config);
	cli_option_table_getopt(cmd, longs, &shorts);
	opterr = 0;
	optind = 0;
	while (status < 0 &&
	    (c = getopt_long(argc, argv, shorts.data, longs, NULL)) != -1) {
		if (c == OPT_HELP) {
			cli_option_table_print_help(cmd);
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
	if ((cmd->flags & CLI_TAKES_STEP) &&
	    (status = take_step(cmd, argc, argv, args)) >= 0)
		return status;
	if (cmd->flags & CLI_TAKES_DEBS) {
		if (cmd->bit == CMD_PUBLISH && args->repo == NULL)
			return cli_report_usage(cmd->name, "--repo DIR is "
			    "required: the repository to publish into");
		args->debs = &argv[optind];
		args->ndebs = (size_t)(argc - optind);
		if (args->ndebs == 0)
			return cli_report_usage(cmd->name, "which packages? Give "
			    "one DEB or more");
		return load_config(cmd, args, overrides, noverrides);
	}
	if ((cmd->flags & CLI_TAKES_NOTHING) && optind < argc)
		return cli_report_usage(cmd->name, "takes no argument, got '%s'",
		    argv[optind]);
	if ((cmd->flags & CLI_NAMES_PLUGIN) &&
	    (status = take_plugin(cmd, argc, argv, args)) >= 0)
		return status;
	if (args->plugin_name != NULL || (cmd->flags & CLI_TAKES_NOTHING))
		return load_config(cmd, args, overrides, noverrides);
	if (argc - optind > 1)
		return cli_report_usage(cmd->name, "one SOURCE at most, got %d",
		    argc - optind);
	args->source = optind < argc ? argv[optind] : NULL;
	if (args->source != NULL && args->source[0] == '\0')
		return cli_report_usage(cmd->name, "SOURCE is empty: give a "
		    "directory, an archive or a git repository (default: .)");
	args->request.spec = args->source;
	args->request.subdirectory = args->subdirectory;
	if ((cmd->bit & (CMD_RENDER | CMD_TREE)) && args->output == NULL)
		return cli_report_usage(cmd->name, "-o DIR is required");
	return load_config(cmd, args, overrides, noverrides);
}

void
cli_args_release(struct cli_args *args)
{
	settings_release(&args->config);
	free(args->plugin_namespace);
	free(args->plugin_name);
}
