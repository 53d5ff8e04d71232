/* cli_operands: the command line after the options. */
#include <config.h>

#include <string.h>

#include "cli/cli_args.h"
#include "cli/cli_operands.h"
#include "cli/cli_report.h"

/* The rules step a CLI_TAKES_STEP command takes first: "build", or
 * "package" with --pkgdir. -1 when fine, else the exit status. */
static int
take_step(const struct cli_command *cmd, int argc, char **argv,
    int *next, struct cli_args *args)
{
	if (*next == argc)
		return cli_report_usage(cmd->name, "which step: build or "
		    "package?");
	args->step = argv[(*next)++];
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

int
cli_operands_take(const struct cli_command *cmd, int argc, char **argv,
    struct cli_args *args)
{
	int first = args->first_operand, status;

	if ((cmd->flags & CLI_TAKES_STEP) &&
	    (status = take_step(cmd, argc, argv, &first, args)) >= 0)
		return status;
	if (cmd->flags & CLI_TAKES_DEBS) {
		args->debs = &argv[first];
		args->ndebs = (size_t)(argc - first);
		if (args->ndebs == 0)
			return cli_report_usage(cmd->name, "which packages? Give "
			    "one DEB or more");
		return -1;
	}
	if (argc - first > 1)
		return cli_report_usage(cmd->name, "one SOURCE at most, got %d",
		    argc - first);
	args->source = first < argc ? argv[first] : NULL;
	if (args->source != NULL && args->source[0] == '\0')
		return cli_report_usage(cmd->name, "SOURCE is empty: give a "
		    "directory, an archive or a git repository (default: .)");
	args->request.spec = args->source;
	args->request.subdirectory = args->subdirectory;
	if ((cmd->bit & (CMD_RENDER | CMD_TREE)) && args->output == NULL)
		return cli_report_usage(cmd->name, "-o DIR is required");
	return -1;
}
