/* throwroot: a throwaway copy of this machine's root, in which the real
 * dpkg installs and removes packages without touching the host: an
 * overlay of / whose changes go to a tmpfs (with /dev, /proc, and /sys
 * read-only), in a private mount namespace
 * (and a network namespace of its own unless the network is allowed),
 * held by a child process. This process's namespaces are never changed:
 * each command runs in a child that enters the holder's namespaces and
 * chroots; the root and its upper layer (what the commands changed) are
 * read from here through /proc/HOLDER/root. Needs root. */
#ifndef WPD_THROWROOT_H
#define WPD_THROWROOT_H

#include <stdbool.h>
#include <sys/types.h>

#include "base/buf.h"
#include "base/err.h"

struct throwroot {
	pid_t holder;		/* holds the namespaces until closed */
	int hold_fd;		/* closing it ends the holder */
	char *base;		/* the tmpfs's mount point (the holder's) */
	char *root;		/* the merged root, as reached from here */
	char *upper;		/* the overlay's upper layer, likewise */
};

/*
 * Makes the throwaway root; `network` keeps the host's network, else the
 * root has a network namespace of its own with no interface up. Returns
 * 0, or -1 with `e` set (STATUS_SYSTEM, naming the step that failed and
 * that root and mount namespaces are needed). Close it with
 * throwroot_close(), also after an error.
 */
int throwroot_open(struct throwroot *t, bool network, struct err *e);
/*
 * Runs argv[0] (an absolute path, or found in env's PATH) in the root,
 * as root, in "/", with exactly the environment `env` (NULL-terminated),
 * standard input /dev/null, its standard output and error appended to
 * `out`. Returns its exit status (0 to 255, 128 + a signal), or -1 with
 * `e` set when it could not be started.
 */
int throwroot_run(const struct throwroot *t, char *const argv[],
    char *const env[], struct buf *out, struct err *e);
/*
 * Starts argv as throwroot_run() does, its standard output and error on
 * `out` (a descriptor of this process), and returns its process id, or
 * -1 with `e` set. `traced`: it stops (SIGSTOP) under PTRACE_TRACEME
 * before its exec, for the caller to trace it; unless it cannot be
 * traced, then it runs on. The caller waits for it.
 */
pid_t throwroot_spawn(const struct throwroot *t, char *const argv[],
    char *const env[], int out, bool traced, struct err *e);
/* The path, as this process reaches it, of `path` (absolute) inside the
 * root. The caller frees it. */
char *throwroot_path(const struct throwroot *t, const char *path);
/* Copies the host's file `from` to `path` (absolute) in the root.
 * 0, or -1 with `e` set. */
int throwroot_put(const struct throwroot *t, const char *from,
    const char *path, struct err *e);
/* Ends the holder, which takes the root and its mounts with it. */
void throwroot_close(struct throwroot *t);

#endif
