/* main: the wazo-plugin-deb program: the program's own options, then the
 * command (cli_commands.c). */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/status.h"
#include "cli/cli_commands.h"
#include "cli/cli_report.h"

int
main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : NULL;

	if (name == NULL)
		return cli_report_usage(NULL, "no command given");
	if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
		cli_commands_print_help();
		return STATUS_OK;
	}
	if (strcmp(name, "help") == 0)
		return cli_commands_help(argc - 2, argv + 2);
	if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
		printf(PROGRAM_NAME " (" PACKAGE_NAME ") " PACKAGE_VERSION "\n");
		return STATUS_OK;
	}
	return cli_commands_run(argc - 1, argv + 1);
}
