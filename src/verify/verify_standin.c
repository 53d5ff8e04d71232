/* verify_standin: the stand-in Wazo host, and what dpkg's output says. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/compiler.h"
#include "base/file.h"
#include "base/xalloc.h"
#include "verify/verify_standin.h"

/* The services and tools of a Wazo server that plugins' rules call:
 * logged, and they succeed (wazo-plugin-deb(1) lists them). */
const char *const verify_standin_commands[] = {
	"systemctl", "service", "invoke-rc.d", "deb-systemd-invoke",
	"asterisk", "wazo-service", "wazo-auth-keys",
};
const size_t verify_standin_ncommands = WPD_ARRAY_SIZE(
    verify_standin_commands);
/* Where rules calling a service by its path reach it: there too, the
 * stand-in (in the root's upper layer; the host keeps its own). */
static const char *const absolute[] = {
	"/usr/bin/systemctl", "/bin/systemctl", "/usr/sbin/service",
	"/usr/sbin/invoke-rc.d", "/usr/bin/deb-systemd-invoke",
	"/usr/sbin/asterisk",
};
/* Commands a Wazo server does not have: they fail as there. */
const char *const verify_standin_missing[] = { "sudo" };
const size_t verify_standin_nmissing = WPD_ARRAY_SIZE(verify_standin_missing);

/* Logs "NAME ARG..." (arguments with spaces or quotes in single quotes)
 * and succeeds. */
static const char logging_script[] =
    "#!/bin/sh\n"
    "# A stand-in of wazo-plugin-deb verify: logs the call, succeeds.\n"
    "line=${0##*/}\n"
    "for a in \"$@\"; do\n"
    "\tcase $a in\n"
    "\t''|*[!A-Za-z0-9_./=:@%+,-]*) a=\"'$a'\" ;;\n"
    "\tesac\n"
    "\tline=\"$line $a\"\n"
    "done\n"
    "printf '%s\\n' \"$line\" >> " VERIFY_STANDIN_LOG "\n"
    "exit 0\n";
static const char missing_script[] =
    "#!/bin/sh\n"
    "# A stand-in of wazo-plugin-deb verify: not on a Wazo server.\n"
    "echo \"${0##*/}: command not found (a Wazo server lacks it)\" >&2\n"
    "exit 127\n";

static int
write_script(const char *bin, const char *name, const char *text,
    struct err *e)
{
	char *path = file_join(bin, name);
	int rc = file_write_atomic(path, text, strlen(text), 0755, e);

	free(path);
	return rc;
}

/* The stand-ins at the services' own paths, where their directory is
 * (/bin may be a link to /usr/bin: written once, through it). */
static int
install_absolute(const struct throwroot *t, struct err *e)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < WPD_ARRAY_SIZE(absolute); i++) {
		char *path = throwroot_path(t, absolute[i]);
		char *dir = xstrndup(path, (size_t)(strrchr(path, '/') - path));
		struct stat st;

		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			rc = file_write_atomic(path, logging_script,
			    strlen(logging_script), 0755, e);
		free(dir);
		free(path);
	}
	return rc;
}

int
verify_standin_install(const struct throwroot *t, struct err *e)
{
	char *bin = throwroot_path(t, VERIFY_STANDIN_BIN);
	char *dir = xstrndup(bin, (size_t)(strrchr(bin, '/') - bin));
	int rc = 0;

	if ((mkdir(dir, 0755) < 0 && errno != EEXIST) ||
	    (mkdir(bin, 0755) < 0 && errno != EEXIST))
		rc = err_errno(e, "cannot make %s", bin);
	for (size_t i = 0; rc == 0 && i < verify_standin_ncommands; i++)
		rc = write_script(bin, verify_standin_commands[i],
		    logging_script, e);
	for (size_t i = 0; rc == 0 && i < verify_standin_nmissing; i++)
		rc = write_script(bin, verify_standin_missing[i],
		    missing_script, e);
	if (rc == 0)
		rc = install_absolute(t, e);
	free(dir);
	free(bin);
	return rc;
}

/* dpkg's words for the maintainer scripts that failed, and the rules
 * command each runs (the contract's table of maintainer scripts). */
static const struct {
	const char *words, *script, *rules;
} scripts[] = {
	{ "post-installation script subprocess returned error exit status ",
	  "postinst", "rules install" },
	{ "pre-removal script subprocess returned error exit status ",
	  "prerm", "rules uninstall" },
	{ "post-removal script subprocess returned error exit status ",
	  "postrm", "rules postrm" },
};

/* What commands say when they reach for a network they do not have. */
static const char *const network_words[] = {
	"Network is unreachable", "Temporary failure in name resolution",
	"Could not resolve host", "Name or service not known",
};

/* The command a "NAME: not found" line names, added once. */
static void
add_missing(struct verify_scan *s, const char *line, const char *at)
{
	const char *start = at;
	char *name;

	while (start > line && !(start - line >= 2 && start[-2] == ':' &&
	    start[-1] == ' '))
		start--;
	if (start == at)
		return;
	name = xasprintf("%.*s\n", (int)(at - start), start);
	if (s->missing.len == 0 || strstr(s->missing.data, name) == NULL)
		buf_adds(&s->missing, name);
	free(name);
}

static void
scan_line(const char *line, struct verify_scan *s)
{
	const char *at;

	for (size_t i = 0; i < WPD_ARRAY_SIZE(scripts); i++)
		if (s->failed == NULL &&
		    (at = strstr(line, scripts[i].words)) != NULL)
			s->failed = xasprintf("%s failed (%s exited %d)",
			    scripts[i].rules, scripts[i].script,
			    atoi(at + strlen(scripts[i].words)));
	if ((at = strstr(line, ": command not found")) != NULL ||
	    (at = strstr(line, ": not found")) != NULL)
		add_missing(s, line, at);
	for (size_t i = 0; i < WPD_ARRAY_SIZE(network_words); i++)
		if (strstr(line, network_words[i]) != NULL)
			s->network = true;
}

void
verify_standin_scan(const char *output, struct verify_scan *s)
{
	const char *line = output;

	memset(s, 0, sizeof(*s));
	buf_init(&s->missing);
	while (line != NULL && *line != '\0') {
		const char *nl = strchr(line, '\n');
		char *copy = xstrndup(line, nl ? (size_t)(nl - line) :
		    strlen(line));

		scan_line(copy, s);
		free(copy);
		line = nl ? nl + 1 : NULL;
	}
}

void
verify_standin_scan_release(struct verify_scan *s)
{
	free(s->failed);
	buf_release(&s->missing);
}
