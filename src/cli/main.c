/* main: the wazo-plugin-deb program; finds the command and runs it. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct cli_command commands[] = {
	{ "build", "build the plugin into a .deb", cmd_build },
	{ "check", "validate a plugin's plugin.yml and rules file", cmd_check },
	{ "debianize", "write debian/ for dpkg-buildpackage", cmd_debianize },
	{ "render", "write the control file and maintainer scripts", cmd_render },
	{ "tree", "build the plugin into a package tree for dpkg-deb", cmd_tree },
};

static void
print_help(void)
{
	printf("Usage: " PROGRAM_NAME " COMMAND [OPTIONS] [SOURCE]\n"
	    "Turn a Wazo Platform plugin into a Debian package.\n\n"
	    "Commands:\n");
	for (size_t i = 0; i < WPD_ARRAY_SIZE(commands); i++)
		printf("  %-10s %s\n", commands[i].name, commands[i].summary);
	printf("\nOptions:\n"
	    "  -h, --help     show this help and exit\n"
	    "  -V, --version  show the version and exit\n\n"
	    "'" PROGRAM_NAME " COMMAND --help' describes a command.\n"
	    "Exit status: 0 success, 1 invalid plugin, 2 usage error,\n"
	    "3 a rules command failed, 4 system or I/O error.\n"
	    "See wazo-plugin-deb(1) and wazo-plugin.yml(5).\n");
}

int
main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : NULL;

	if (name == NULL)
		return cli_report_usage(NULL, "no command given");
	if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 ||
	    strcmp(name, "help") == 0) {
		print_help();
		return STATUS_OK;
	}
	if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
		printf(PROGRAM_NAME " (" PACKAGE_NAME ") " PACKAGE_VERSION "\n");
		return STATUS_OK;
	}
	for (size_t i = 0; i < WPD_ARRAY_SIZE(commands); i++)
		if (strcmp(name, commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	return cli_report_usage(NULL, "unknown command '%s'", name);
}
