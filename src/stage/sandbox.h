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

/* How the rules run: resolved before any of them does, and settled by
 * the first that runs (sandbox_made()). */
struct sandbox {
	bool enabled;		/* in bwrap; else as the caller runs */
	/* enabled: bwrap is installed but has not shown yet that it can
	 * make its namespaces here; the first rules command finds out. */
	bool untried;
	bool network;		/* enabled: the rules reach the network */
	/* enabled: what --env adds, "NAME" (its value here) or
	 * "NAME=VALUE"; borrowed. */
	const char *const *env;
	size_t nenv;
	/* Where a warning goes: the rules running without a sandbox. */
	void (*warn)(const char *message, void *ctx);
	void *warn_ctx;
};

/* The private home directory the rules get, inside their private /tmp. */
#define SANDBOX_HOME "/tmp/home"

/*
 * Sets sb->enabled from `mode` (the sandbox setting: "auto", "on" or
 * "off"). "on": bwrap must be installed and make its namespaces here (a
 * locked-down container may forbid them), tried at once; else an error
 * (STATUS_USAGE). "auto": where bwrap is installed, the rules will run in
 * it, sb->untried: a trial run would cost every build as much as a rules
 * command in the sandbox, so the first rules command is the trial
 * (sandbox_made()); where bwrap is missing, the rules run as the caller
 * runs, with a warning through sb->warn saying why. Returns 0 or -1.
 */
int sandbox_resolve(struct sandbox *sb, const char *mode, struct err *e);

/*
 * After a command of sandbox_argv() that was given a status descriptor
 * ended with `exit_status`: whether bwrap made the sandbox, from what it
 * wrote there (`status`, `len` bytes: JSON documents, one naming the
 * exit code only once the command ran in the sandbox). Without one, a
 * trial run of bwrap tells a sandbox that cannot be made from a command
 * that could not be started in it (whose failure is the command's).
 * When the sandbox could not be made and sb->untried, it is given up for
 * the rules run as the caller runs, with a warning through sb->warn; the
 * caller runs the command again. Either way sb->untried is cleared.
 */
bool sandbox_made(struct sandbox *sb, int exit_status, const char *status,
    size_t len);

/* NULL when `name` (an --env value) is a variable name, optionally with
 * "=VALUE"; else why not. */
const char *sandbox_env_check(const char *name);

/*
 * The command line that runs `argv` in the sandbox `sb` from the working
 * tree `tree` (writable, the current directory), with `pkgdir` writable
 * too (NULL: none) and the "NAME=value" strings of `env` set on top of
 * the kept list: PATH, LANG, LC_ALL, SOURCE_DATE_EPOCH and, under
 * fakeroot, fakeroot's own variables; HOME=SANDBOX_HOME, TMPDIR=/tmp and
 * FAKEROOTDONTTRYCHOWN=1. bwrap reports on the descriptor `status_fd`
 * (-1: none), which bwrap inherits (the rules do not), what
 * sandbox_made() reads.
 * NULL-terminated; free it with sandbox_argv_free().
 */
char **sandbox_argv(const struct sandbox *sb, const char *tree,
    const char *pkgdir, char *const env[], char *const argv[],
    int status_fd);
void sandbox_argv_free(char **argv);

/* Whether `text` (the rules' output) says a write met the read-only
 * file system, as it does when the rules write outside their places. */
bool sandbox_says_read_only(const char *text, size_t len);

#endif
