/* cli_runner: the opening and closing every command shares. */
#include <config.h>

#include <signal.h>
#include <sys/stat.h>

#include "base/process.h"
#include "cli/cli_args.h"
#include "cli/cli_options.h"
#include "cli/cli_plugin.h"
#include "cli/cli_runner.h"

/* Before stages that run rules: umask 022 (as dpkg-buildpackage sets)
 * and signals trapped, so that the job can clean up. */
static void
start_rules(void)
{
	umask(022);
	process_trap_signals();
}

/* Dies of the signal that interrupted the job, if any, as the caller
 * expects, once everything is cleaned up. */
static void
die_of_signal(void)
{
	int sig = process_interrupted();

	if (sig != 0) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

/* Parses, resolves and (for CLI_VALIDATES) validates; -1 when the stages
 * can run, with `src` and *plugin held for CLI_VALIDATES, else the exit
 * status with nothing held but `args`. */
static int
open_run(const struct cli_command *cmd, int argc, char **argv,
    struct cli_args *args, struct cli_options *opts, struct source *src,
    struct plugin **plugin)
{
	int status = cli_args_parse(cmd, argc, argv, args);

	*plugin = NULL;
	if (status < 0)
		status = cli_options_resolve(cmd, args, opts);
	if (status < 0 && (cmd->flags & CLI_VALIDATES))
		status = cli_plugin_validate(args, src, plugin);
	return status;
}

int
cli_runner_run(const struct cli_command *cmd, int argc, char **argv)
{
	struct cli_args args;
	struct cli_options opts;
	struct source src;
	struct plugin *plugin;
	bool validated = cmd->flags & CLI_VALIDATES;
	struct cli_run run = { cmd, &args, &opts, validated ? &src : NULL,
	    NULL };
	int status = open_run(cmd, argc, argv, &args, &opts, &src, &plugin);

	if (status >= 0) {
		cli_args_release(&args);
		return status;
	}
	if (cmd->flags & CLI_RUNS_RULES)
		start_rules();
	run.plugin = plugin;
	status = cmd->run(&run);
	if (validated) {
		plugin_free(plugin);
		source_close(&src);
	}
	cli_args_release(&args);
	die_of_signal();
	return status;
}
