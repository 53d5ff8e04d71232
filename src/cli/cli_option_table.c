/* cli_option_table: the table of options and what is made of it. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "cli/cli_option_table.h"
#include "cli/cli_report.h"
#include "deb/compress.h"
#include "plugin/settings.h"

static void
compressor_names(struct buf *out)
{
	compress_describe(out, false);
}

static void
compressor_levels(struct buf *out)
{
	compress_describe(out, true);
	buf_adds(out, ")");
}

/* Help that ends with a list from another table. */
static const struct {
	int id;
	void (*add)(struct buf *out);
} help_ends[] = {
	{ OPT_COMPRESSION, compressor_names },
	{ OPT_LEVEL, compressor_levels },
};

static const struct cli_option options[] = {
	{ "output", OPT_OUTPUT, "DIR", CMD_RENDER | CMD_TREE, -1,
	  "write the result to DIR (required)" },
	{ "output", OPT_OUTPUT, "DIR", CMD_BUILD, -1,
	  "write the .deb in DIR (default: .)" },
	{ "output", OPT_OUTPUT, "DIR", CMD_INSTALL, -1,
	  "keep the .deb in DIR (default: none kept)" },
	{ "pkgdir", OPT_PKGDIR, "DIR", CMD_RULES, -1,
	  "'rules package' stages the package in DIR" },
	{ "force", OPT_FORCE, NULL, CMD_RENDER | CMD_TREE, -1,
	  "replace what DIR already holds" },
	{ "force", OPT_FORCE, NULL, CMD_DEBIANIZE, -1,
	  "replace an existing debian/ directory" },
	{ "compression", OPT_COMPRESSION, "TYPE", CMD_DEB, -1,
	  "the compressor (default: xz):\n" },
	{ "compression-level", OPT_LEVEL, "N", CMD_DEB, -1,
	  "compression level (defaults:\n" },
	{ "threads", OPT_THREADS, "N", CMD_DEB, -1,
	  "compress with N threads (default: the cores)" },
	{ "source-date-epoch", OPT_SOURCE_DATE_EPOCH, "T", CMD_DEB, -1,
	  "every timestamp is T (default: $SOURCE_DATE_EPOCH,\nor now)" },
	{ "arch", OPT_ARCH, "A", CMD_DEB, -1,
	  "auto (default: all, or the compiled objects'),\nall, or an "
	  "architecture dpkg knows" },
	{ "arch", OPT_ARCH, "A", CMD_DEBIANIZE, -1,
	  "the Architecture field: all (default), any\n(compiled plugins) "
	  "or an architecture dpkg knows" },
	{ "version", OPT_VERSION, "V", CMD_PACKAGING | CMD_RULES, -1,
	  "the package's version is V, not plugin.yml's" },
	{ "version-suffix", OPT_VERSION_SUFFIX, "S", CMD_PACKAGING | CMD_RULES,
	  -1,
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
	{ "config", OPT_CONFIG, "FILE", CMD_ANY, -1,
	  "read settings from the YAML file FILE" },
	{ "package-prefix", OPT_PACKAGE_PREFIX, "P", CMD_ALL | CMD_HOST,
	  SETTING_PACKAGE_PREFIX, "package names start with P (wazo-plugind)" },
	{ "section", OPT_SECTION, "S", CMD_ALL, SETTING_SECTION,
	  "the Section field (wazo-plugind-plugin)" },
	{ "metadata-dir", OPT_METADATA_DIR, "DIR", CMD_ANY,
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
	{ "from", OPT_FROM, "OLD.deb", CMD_VERIFY, -1,
	  "install OLD.deb first, upgrade from it and\ndowngrade to it" },
	{ "keep", OPT_KEEP, NULL, CMD_VERIFY, -1,
	  "copy the root's changes to a directory it names" },
	{ "bare", OPT_BARE, NULL, CMD_VERIFY, -1,
	  "no stand-in Wazo host (systemctl, asterisk...)" },
	{ "network", OPT_VERIFY_NETWORK, NULL, CMD_VERIFY, -1,
	  "the steps may reach the network (default: not)" },
	{ "reinstall", OPT_REINSTALL, NULL, CMD_INSTALL, -1,
	  "install the plugin again when the same version\nis installed" },
	{ "purge", OPT_PURGE, NULL, CMD_UNINSTALL, -1,
	  "remove its configuration files too (apt-get purge)" },
	{ "yes", OPT_YES, NULL, CMD_UNINSTALL, -1,
	  "remove the plugins that depend on it too" },
	{ "repo", OPT_REPO, "DIR", CMD_PUBLISH, -1,
	  "the repository (required; made on first use)" },
	{ "codename", OPT_CODENAME, "C", CMD_PUBLISH, -1,
	  "the distribution (default: the host's, as\n/etc/os-release "
	  "names it)" },
	{ "component", OPT_COMPONENT, "C", CMD_PUBLISH, -1,
	  "the component (default: main)" },
	{ "sign-with", OPT_SIGN_WITH, "KEYID", CMD_PUBLISH, -1,
	  "sign the Release files with gpg's key KEYID\nand export it as "
	  "DIR/key.gpg" },
	{ "ignore-depends", OPT_IGNORE_DEPENDS, NULL, CMD_VERIFY, -1,
	  "go on past a Depends apt cannot satisfy (dpkg\n"
	  "--ignore-depends), reporting it skipped" },
	{ "format", OPT_FORMAT, "FORMAT", CMD_ANY, -1,
	  "text (the default) or json: one JSON document\non stdout, also "
	  "on failure" },
	{ "junit", OPT_JUNIT, "FILE", CMD_ANY, -1,
	  "also write a JUnit XML report of the steps and\nchecks to FILE" },
	{ "codequality", OPT_CODEQUALITY, "FILE", CMD_ANY, -1,
	  "also write the plugin's problems to FILE as a\nGitLab Code Quality "
	  "report" },
	{ "strict", OPT_STRICT, NULL, CMD_ALL, -1,
	  "fail (exit 1) on warnings too" },
	{ "quiet", OPT_QUIET, NULL, CMD_ANY, -1,
	  "print only problems" },
	{ "help", OPT_HELP, NULL, CMD_ANY, -1,
	  "show this help and exit" },
};

void
cli_option_table_print_help(const struct cli_command *cmd)
{
	printf("Usage: " PROGRAM_NAME " %s %s\n%s\nOptions:\n", cmd->name,
	    cmd->usage, cmd->description);
	for (size_t i = 0; i < WPD_ARRAY_SIZE(options); i++) {
		const struct cli_option *o = &options[i];
		struct buf left = BUF_INIT, help = BUF_INIT;
		const char *line;

		if (!(o->commands & cmd->bit))
			continue;
		buf_adds(&left, o->id < 256 ? "  -" : "    ");
		if (o->id < 256)
			buf_addf(&left, "%c,", o->id);
		buf_addf(&left, " --%s", o->name);
		if (o->arg != NULL)
			buf_addf(&left, " %s", o->arg);
		buf_adds(&help, o->help);
		for (size_t j = 0; j < WPD_ARRAY_SIZE(help_ends); j++)
			if (help_ends[j].id == o->id)
				help_ends[j].add(&help);
		line = help.data;
		/* Help lines after the first align under the first. */
		while (line != NULL) {
			const char *nl = strchr(line, '\n');
			int len = nl ? (int)(nl - line) : (int)strlen(line);

			printf("%-26s %.*s\n", left.data, len, line);
			buf_reset(&left);
			line = nl ? nl + 1 : NULL;
		}
		buf_release(&left);
		buf_release(&help);
	}
	putchar('\n');
	cli_report_help_footer();
}

void
cli_option_table_getopt(const struct cli_command *cmd, struct option *longs,
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

const struct cli_option *
cli_option_table_find(int id)
{
	for (size_t i = 0; i < WPD_ARRAY_SIZE(options); i++)
		if (options[i].id == id)
			return &options[i];
	return NULL;
}


_Static_assert(WPD_ARRAY_SIZE(options) <= CLI_OPTION_TABLE_MAX,
    "CLI_OPTION_TABLE_MAX is too small");
