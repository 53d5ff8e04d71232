/* sandbox: the plugin's rules in bubblewrap (bwrap(1)): the whole file
 * system read-only but the plugin's working tree, $pkgdir and a private
 * /tmp (which holds $HOME); their own PID namespace, so that nothing they
 * start outlives them; no terminal; an environment reduced to a
 * documented list; the network kept or cut. */
#ifndef WPD_SANDBOX_H
#define WPD_SANDBOX_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"

/* How the rules run: resolved once, before any of them does. */
struct sandbox {
	bool enabled;		/* in bwrap; else as the caller runs */
	bool network;		/* enabled: the rules reach the network */
	/* enabled: what --env adds, "NAME" (its value here) or
	 * "NAME=VALUE"; borrowed. */
	const char *const *env;
	size_t nenv;
};

/* The private home directory the rules get, inside their private /tmp. */
#define SANDBOX_HOME "/tmp/home"

/*
 * Sets sb->enabled from `mode` (the sandbox setting: "auto", "on" or
 * "off"): with "on" or "auto", when bwrap is installed and can make its
 * namespaces here (a locked-down container may forbid them). Where it
 * cannot, "on" is an error (STATUS_USAGE) and "auto" runs the rules as
 * the caller runs, with *warning (malloc(3)ed) saying why; else *warning
 * is NULL. Returns 0 or -1.
 */
int sandbox_resolve(struct sandbox *sb, const char *mode, char **warning,
    struct err *e);

/* NULL when `name` (an --env value) is a variable name, optionally with
 * "=VALUE"; else why not. */
const char *sandbox_env_check(const char *name);

/*
 * The command line that runs `argv` in the sandbox `sb` from the working
 * tree `tree` (writable, the current directory), with `pkgdir` writable
 * too (NULL: none) and the "NAME=value" strings of `env` set on top of
 * the kept list: PATH, LANG, LC_ALL, SOURCE_DATE_EPOCH and, under
 * fakeroot, fakeroot's own variables; HOME=SANDBOX_HOME, TMPDIR=/tmp and
 * FAKEROOTDONTTRYCHOWN=1.
 * NULL-terminated; free it with sandbox_argv_free().
 */
char **sandbox_argv(const struct sandbox *sb, const char *tree,
    const char *pkgdir, char *const env[], char *const argv[]);
void sandbox_argv_free(char **argv);

/* Whether `text` (the rules' output) says a write met the read-only
 * file system, as it does when the rules write outside their places. */
bool sandbox_says_read_only(const char *text, size_t len);

#endif
