/* sandbox: the plugin's rules in bubblewrap. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/compiler.h"
#include "base/process.h"
#include "base/status.h"
#include "base/xalloc.h"
#include "stage/sandbox.h"

/* What the rules keep of the caller's environment (when set there). */
static const char *const kept_env[] = {
	"PATH", "LANG", "LC_ALL", "SOURCE_DATE_EPOCH",
	/* Set when the caller runs under fakeroot (dpkg-buildpackage's
	 * binary target), which the rules' chown then needs. */
	"FAKEROOTKEY", "FAKED_MODE", "LD_PRELOAD", "LD_LIBRARY_PATH",
};

/* Whether bwrap is installed and can make its namespaces; when not,
 * *why says so. */
static bool
usable(const char **why)
{
	char *argv[] = { "bwrap", "--ro-bind", "/", "/", "--dev", "/dev",
	    "--proc", "/proc", "--unshare-pid", "--unshare-net", "true",
	    NULL };
	struct buf out = BUF_INIT;
	struct err e = ERR_INIT;
	int status;

	if (!process_in_path("bwrap")) {
		*why = "bubblewrap (bwrap) is not installed";
		return false;
	}
	status = process_probe(argv, NULL, NULL, &out, &e);
	buf_release(&out);
	err_release(&e);
	if (status != 0) {
		*why = "bubblewrap cannot make namespaces here (user "
		    "namespaces are not allowed)";
		return false;
	}
	return true;
}

/* Says through sb->warn that the rules run without a sandbox, and why. */
static void
warn_without(const struct sandbox *sb, const char *why)
{
	char *warning = xasprintf("the plugin's rules run without a sandbox: "
	    "%s (--sandbox=off says this is meant)", why);

	if (sb->warn != NULL)
		sb->warn(warning, sb->warn_ctx);
	free(warning);
}

int
sandbox_resolve(struct sandbox *sb, const char *mode, struct err *e)
{
	const char *why;

	sb->enabled = false;
	sb->untried = false;
	if (strcmp(mode, "off") == 0)
		return 0;
	if (strcmp(mode, "auto") == 0 && process_in_path("bwrap")) {
		sb->enabled = true;
		sb->untried = true;
		return 0;
	}
	if (usable(&why)) {
		sb->enabled = true;
		return 0;
	}
	if (strcmp(mode, "on") == 0)
		return err_set(e, STATUS_USAGE, "--sandbox=on: %s", why);
	warn_without(sb, why);
	return 0;
}

const char *
sandbox_env_check(const char *name)
{
	size_t len = strcspn(name, "=");

	if (len == 0)
		return "needs a variable name";
	for (size_t i = 0; i < len; i++) {
		char c = name[i];

		if (!(c == '_' || (c >= 'A' && c <= 'Z') ||
		    (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9')))
			return "a variable name has letters, digits and '_', "
			    "and does not start with a digit";
	}
	return NULL;
}

/* A growing argument list. */
struct args {
	char **v;
	size_t n;
};

static void
add(struct args *a, const char *word)
{
	a->v = xreallocarray(a->v, a->n + 2, sizeof(*a->v));
	a->v[a->n++] = xstrdup(word);
	a->v[a->n] = NULL;
}

static void
add3(struct args *a, const char *w1, const char *w2, const char *w3)
{
	add(a, w1);
	add(a, w2);
	if (w3 != NULL)
		add(a, w3);
}

/* "NAME=value" as --setenv NAME value. */
static void
add_setenv(struct args *a, const char *assignment)
{
	size_t len = strcspn(assignment, "=");
	char *name = xstrndup(assignment, len);

	if (assignment[len] == '=')
		add3(a, "--setenv", name, assignment + len + 1);
	free(name);
}

/* The caller's variable `name`, when set, as --setenv. */
static void
add_inherited(struct args *a, const char *name)
{
	const char *value = getenv(name);

	if (value != NULL)
		add3(a, "--setenv", name, value);
}

static void
add_environment(struct args *a, const struct sandbox *sb, char *const env[])
{
	add(a, "--clearenv");
	for (size_t i = 0; i < WPD_ARRAY_SIZE(kept_env); i++)
		add_inherited(a, kept_env[i]);
	add3(a, "--setenv", "HOME", SANDBOX_HOME);
	add3(a, "--setenv", "TMPDIR", "/tmp");
	/* In a user namespace (a caller that is not root), a real chown to
	 * another owner fails with EINVAL, which fakeroot passes on unless
	 * told not to try: the owner it records is what counts. */
	add3(a, "--setenv", "FAKEROOTDONTTRYCHOWN", "1");
	for (size_t i = 0; i < sb->nenv; i++) {
		if (strchr(sb->env[i], '=') != NULL)
			add_setenv(a, sb->env[i]);
		else
			add_inherited(a, sb->env[i]);
	}
	for (size_t i = 0; env != NULL && env[i] != NULL; i++)
		add_setenv(a, env[i]);
}

bool
sandbox_made(struct sandbox *sb, int exit_status, const char *status,
    size_t len)
{
	static const char exit_code[] = "\"exit-code\"";
	const char *why = NULL;
	bool made = exit_status == 0 ||
	    memmem(status, len, exit_code, sizeof(exit_code) - 1) != NULL;

	/* No exit code: bwrap could not make the sandbox, or made it and
	 * could not start the command in it (a rules file whose interpreter
	 * is missing); a trial run tells which. */
	if (!made)
		made = usable(&why);
	if (!made && sb->untried) {
		sb->enabled = false;
		warn_without(sb, why);
	}
	sb->untried = false;
	return made;
}

char **
sandbox_argv(const struct sandbox *sb, const char *tree, const char *pkgdir,
    char *const env[], char *const argv[], int status_fd)
{
	struct args a = { NULL, 0 };

	add(&a, "bwrap");
	if (status_fd >= 0) {
		char number[16];

		snprintf(number, sizeof(number), "%d", status_fd);
		add3(&a, "--json-status-fd", number, NULL);
	}
	add3(&a, "--ro-bind", "/", "/");
	add3(&a, "--dev", "/dev", NULL);
	add3(&a, "--proc", "/proc", NULL);
	add3(&a, "--tmpfs", "/tmp", NULL);
	add3(&a, "--dir", SANDBOX_HOME, NULL);
	add3(&a, "--bind", tree, tree);
	if (pkgdir != NULL)
		add3(&a, "--bind", pkgdir, pkgdir);
	add(&a, "--unshare-pid");
	if (!sb->network)
		add(&a, "--unshare-net");
	add(&a, "--die-with-parent");
	add(&a, "--new-session");
	add_environment(&a, sb, env);
	add3(&a, "--chdir", tree, NULL);
	add(&a, "--");
	for (size_t i = 0; argv[i] != NULL; i++)
		add(&a, argv[i]);
	return a.v;
}

void
sandbox_argv_free(char **argv)
{
	for (size_t i = 0; argv != NULL && argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

bool
sandbox_says_read_only(const char *text, size_t len)
{
	static const char erofs[] = "Read-only file system";

	return memmem(text, len, erofs, sizeof(erofs) - 1) != NULL;
}
