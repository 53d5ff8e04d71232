/* cli_options: the typed options of a command, resolved once. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/timestamp.h"
#include "cli/cli_option_table.h"
#include "cli/cli_options.h"
#include "cli/cli_report.h"

/* -Z, -z and --threads with their defaults; -1 with `e` set when the
 * level is out of the compressor's range. */
static int
resolve_compression(const struct cli_args *args, struct compress_options *c,
    struct err *e)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int min;

	c->kind = args->compression >= 0 ? (enum compression)args->compression :
	    COMPRESS_XZ;
	c->level = args->level >= 0 ? args->level :
	    compress_default_level(c->kind);
	c->threads = args->threads ? args->threads :
	    cores > 0 ? (unsigned)cores : 1;
	min = compress_min_level(c->kind);
	if (c->level < min || c->level > compress_max_level(c->kind))
		return err_set(e, STATUS_USAGE, "-z %d is out of range for %s "
		    "(%d to %d)", c->level, compress_name(c->kind), min,
		    compress_max_level(c->kind));
	return 0;
}

/* --sandbox, --network and --env, for the commands that run rules. */
static int
resolve_sandbox(const struct cli_args *args, struct sandbox *sb,
    struct err *e)
{
	sb->network = strcmp(settings_get(&args->config, SETTING_NETWORK),
	    "on") == 0;
	sb->env = args->env;
	sb->nenv = args->nenv;
	sb->warn = cli_report_warning;
	sb->warn_ctx = NULL;
	return sandbox_resolve(sb, settings_get(&args->config,
	    SETTING_SANDBOX), e);
}

/* Reports `e`; an option's usage error with the hint to the command's
 * --help. */
static int
report(const struct cli_command *cmd, struct err *e)
{
	int status;

	if (e->status != STATUS_USAGE)
		return cli_report_err(e);
	status = cli_report_usage(cmd->name, "%s", e->msg);
	err_release(e);
	return status;
}

int
cli_options_resolve(const struct cli_command *cmd,
    const struct cli_args *args, struct cli_options *opts)
{
	struct err e = ERR_INIT;

	*opts = (struct cli_options){ .arch = args->arch,
	    .rules_source_date_epoch = args->source_date_epoch };
	if (opts->arch == NULL)
		opts->arch = (cmd->bit & CMD_DEB) ? "auto" : "all";
	if (resolve_compression(args, &opts->compress, &e) < 0)
		return report(cmd, &e);
	if ((cmd->flags & CLI_RUNS_RULES) &&
	    resolve_sandbox(args, &opts->sandbox, &e) < 0)
		return report(cmd, &e);
	/* The one place the build time is read: the stages get it. */
	if ((cmd->flags & CLI_NEEDS_TIME) && timestamp_parse(
	    args->source_date_epoch ? args->source_date_epoch :
	    getenv("SOURCE_DATE_EPOCH"), &opts->mtime, &e) < 0)
		return cli_report_err(&e);	/* an option or the environment */
	return -1;
}
