/* cli_commands: the table of the program's commands. Adding a command is
 * one row here, its cmd_NAME.c (declared in cmd.h), its CMD_ bit
 * (cli_command.h) on the options it takes (cli_args.c), its manual page
 * entry and its tests. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "base/status.h"
#include "cli/cli_args.h"
#include "cli/cli_commands.h"
#include "cli/cli_option_table.h"
#include "cli/cli_report.h"
#include "cli/cli_runner.h"
#include "cli/cmd.h"

#define PACKAGING (CLI_VALIDATES | CLI_RUNS_RULES | CLI_NEEDS_TIME | \
    CLI_LOGS_STEPS)

static const struct cli_command commands[] = {
	{ "build", CMD_BUILD, PACKAGING,
	  "build the plugin into a .deb",
	  "[OPTIONS] [SOURCE] [-o DIR]",
	  "Validate the plugin in SOURCE, run its 'rules build' and 'rules\n"
	  "package', and write DIR/<package>_<version>_<arch>.deb directly:\n"
	  "the same package as 'tree' then 'dpkg-deb --build' makes.\n",
	  cmd_build },
	{ "check", CMD_CHECK, 0,
	  "validate a plugin's plugin.yml and rules file",
	  "[OPTIONS] [SOURCE]",
	  "Validate the plugin in SOURCE (a directory; default: .): its\n"
	  "wazo/plugin.yml against the plugin format, and its wazo/rules.\n"
	  "Diagnostics read PATH:LINE:COLUMN: error|warning: KEY: message.\n",
	  cmd_check },
	{ "debianize", CMD_DEBIANIZE,
	  CLI_VALIDATES | CLI_NEEDS_TIME | CLI_LOGS_STEPS,
	  "write debian/ for dpkg-buildpackage",
	  "[OPTIONS] [SOURCE]",
	  "Validate the plugin in SOURCE, then write SOURCE/debian/ (control,\n"
	  "rules, changelog, copyright, source/format) for dpkg-buildpackage,\n"
	  "which builds the plugin's package through the wazo-plugin dh addon\n"
	  "(dh_wazo_plugin).\n",
	  cmd_debianize },
	{ "install", CMD_INSTALL, PACKAGING | CLI_NAMES_PLUGIN,
	  "install a plugin with apt, built from SOURCE or not",
	  "[OPTIONS] SOURCE|NAMESPACE/NAME [--reinstall]",
	  "As root, build the plugin in SOURCE as 'build' does (the .deb goes\n"
	  "to a private directory, or to DIR with -o) and install it with\n"
	  "'apt-get install', which brings its debian_depends and the plugins\n"
	  "it depends on from the machine's apt sources; or install the\n"
	  "plugin NAMESPACE/NAME (package <prefix>-<name>-<namespace>) from\n"
	  "them. An existing path, --ref or --subdirectory make a SOURCE.\n"
	  "The same version installed already is left alone (--reinstall);\n"
	  "another version is replaced, upgraded or downgraded.\n",
	  cmd_install },
	{ "list", CMD_LIST, CLI_TAKES_NOTHING,
	  "list the plugins installed on this machine",
	  "[OPTIONS]",
	  "List the packages of plugins dpkg knows: NAMESPACE/NAME, version,\n"
	  "dpkg state and package, and whether the plugin's metadata is in\n"
	  "the metadata directory.\n",
	  cmd_list },
	{ "publish", CMD_PUBLISH, CLI_TAKES_DEBS | CLI_LOGS_STEPS,
	  "add packages to an apt repository kept by reprepro",
	  "[OPTIONS] --repo DIR DEB...",
	  "Add the packages DEB to the apt repository DIR, which reprepro\n"
	  "keeps (made on first use, for the host's architecture and those\n"
	  "the packages need). Every DEB is judged first: the same file\n"
	  "again is left as it is; another file of a package, version and\n"
	  "architecture already there, or a version older than the one\n"
	  "there, is refused and nothing changes. Prints the apt source line\n"
	  "of the repository. Publishes into one repository wait for each\n"
	  "other.\n",
	  cmd_publish },
	{ "render", CMD_RENDER, CLI_VALIDATES | CLI_LOGS_STEPS,
	  "write the control file and maintainer scripts",
	  "[OPTIONS] [SOURCE] -o DIR",
	  "Validate the plugin in SOURCE, then write DIR/DEBIAN/control and the\n"
	  "postinst, prerm and postrm scripts from the templates, without\n"
	  "running any rules. The scripts keep their #DEBHELPER# line.\n",
	  cmd_render },
	{ "rules", CMD_RULES, CLI_VALIDATES | CLI_RUNS_RULES | CLI_TAKES_STEP |
	  CLI_LOGS_STEPS,
	  "run the plugin's 'rules build' or 'rules package'",
	  "[OPTIONS] build|package [SOURCE] [--pkgdir DIR]",
	  "Validate the plugin in SOURCE, then run its 'rules build', or its\n"
	  "'rules package' with $pkgdir=DIR, as 'build' runs them: in the\n"
	  "sandbox (--sandbox), with DEB_BUILD_ARCH and DEB_HOST_ARCH set, under\n"
	  "fakeroot when not root. After 'rules package', the plugin's wazo/\n"
	  "is put at its metadata path in DIR, its plugin.yml saying the\n"
	  "version --version gives. The debhelper addon runs the rules this\n"
	  "way.\n",
	  cmd_rules },
	{ "tree", CMD_TREE, PACKAGING,
	  "build the plugin into a package tree for dpkg-deb",
	  "[OPTIONS] [SOURCE] -o DIR",
	  "Validate the plugin in SOURCE, run its 'rules build' and 'rules\n"
	  "package', and write in DIR the tree of the package: the files, the\n"
	  "plugin's metadata, copyright and changelog, and DEBIAN/. Then\n"
	  "'dpkg-deb --root-owner-group --build DIR' makes the .deb.\n",
	  cmd_tree },
	{ "uninstall", CMD_UNINSTALL, CLI_NAMES_PLUGIN | CLI_PASSES_SIGNALS,
	  "remove an installed plugin with apt",
	  "[OPTIONS] NAMESPACE/NAME [--purge] [--yes]",
	  "As root, remove the plugin NAMESPACE/NAME with 'apt-get remove' (or\n"
	  "'apt-get purge'). Installed plugins that depend on it are named\n"
	  "first and nothing is removed, unless --yes removes them too.\n",
	  cmd_uninstall },
	{ "verify", CMD_VERIFY, CLI_TAKES_DEBS | CLI_LOGS_STEPS,
	  "install, upgrade, remove and purge packages in a throwaway root",
	  "[OPTIONS] [--from OLD.deb] DEB...",
	  "As root, in a throwaway root (an overlay of / in a private mount\n"
	  "namespace; the host is never touched), run the real dpkg on the\n"
	  "packages DEB: install, reinstall, remove, purge after remove, install\n"
	  "again, purge from installed; with --from, first install OLD.deb,\n"
	  "upgrade, downgrade and upgrade again. Each step's dpkg status, the\n"
	  "packages' states, the calls of the stand-in Wazo host (systemctl,\n"
	  "asterisk...) and the files changed outside the packages are\n"
	  "reported; a failing step or anything left after a purge fails.\n",
	  cmd_verify },
};

void
cli_commands_print_help(void)
{
	printf("Usage: " PROGRAM_NAME " COMMAND [OPTIONS] [SOURCE]\n"
	    "Turn a Wazo Platform plugin into a Debian package.\n\n"
	    "Commands:\n");
	for (size_t i = 0; i < WPD_ARRAY_SIZE(commands); i++)
		printf("  %-10s %s\n", commands[i].name, commands[i].summary);
	printf("\nOptions:\n"
	    "  -h, --help     show this help and exit\n"
	    "  -V, --version  show the version and exit\n\n"
	    "'" PROGRAM_NAME " help COMMAND' (or 'COMMAND --help') describes "
	    "a command.\n\n");
	cli_report_help_footer();
}

static const struct cli_command *
find_command(const char *name)
{
	for (size_t i = 0; i < WPD_ARRAY_SIZE(commands); i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

int
cli_commands_help(int argc, char **argv)
{
	const struct cli_command *cmd;

	if (argc == 0) {
		cli_commands_print_help();
		return STATUS_OK;
	}
	if (argc > 1)
		return cli_report_usage(NULL, "help takes one COMMAND at most, "
		    "got %d", argc);
	if ((cmd = find_command(argv[0])) == NULL)
		return cli_report_usage(NULL, "unknown command '%s'", argv[0]);
	cli_option_table_print_help(cmd);
	return STATUS_OK;
}

int
cli_commands_run(int argc, char **argv)
{
	const struct cli_command *cmd = find_command(argv[0]);

	if (cmd == NULL)
		return cli_report_usage(NULL, "unknown command '%s'", argv[0]);
	return cli_runner_run(cmd, argc, argv);
}
