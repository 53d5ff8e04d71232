/* process: runs a command, waits for it, and says how it ended. */
#ifndef WPD_PROCESS_H
#define WPD_PROCESS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"

/*
 * Runs argv[0] (found in PATH when it has no '/') with arguments argv,
 * in the directory `cwd`, with the environment of this process plus the
 * "NAME=value" strings of `env` (NULL-terminated; may be NULL), in a
 * process group of its own; what it leaves running there when it ends
 * gets SIGTERM, then SIGKILL. Its standard input is /dev/null; its
 * standard output and error both go to this process's standard error,
 * so that this process's standard output holds only what it writes
 * itself. Returns its exit status (0 to
 * 255, or 128 + the signal that killed it), or -1 with `e` set when it
 * could not be started.
 */
int process_run(char *const argv[], const char *cwd, char *const env[],
    struct err *e);

/* What reads a command's output as it passes (process_run_watched()):
 * seen() gets each chunk as it arrives. */
struct process_watch {
	void (*seen)(const char *chunk, size_t len, void *ctx);
	void *ctx;
};

/* As process_run(), with the command's standard output and error going
 * through a pipe to this process's standard error, each chunk shown to
 * `watch` too. Output still arriving from what the command left running
 * once its group has been ended is passed on as far as it was written;
 * nothing waits for a process that left the group. */
int process_run_watched(char *const argv[], const char *cwd,
    char *const env[], const struct process_watch *watch, struct err *e);

/* As process_run(), with the command's standard output appended to
 * `out` instead of shown. */
int process_capture(char *const argv[], const char *cwd, char *const env[],
    struct buf *out, struct err *e);
/* As process_capture(), with the command's standard error discarded: a
 * question whose "no" the caller words itself. */
int process_probe(char *const argv[], const char *cwd, char *const env[],
    struct buf *out, struct err *e);
/* As process_run() (as process_capture() when `out` is not NULL), with
 * the command's standard error appended to `errout` once it ended
 * instead of shown: what the caller filters before showing it. */
int process_capture_err(char *const argv[], const char *cwd,
    char *const env[], struct buf *out, struct buf *errout, struct err *e);

/* Sends `sig` to the process group of the command process_run() is
 * waiting for, if any; safe to call from a signal handler. */
void process_signal_child(int sig);

/* From now on, SIGINT, SIGTERM and SIGHUP (unless ignored already, as
 * nohup leaves it) are passed on to the running command and
 * remembered instead of ending this process, so that a long job can
 * clean up first; process_interrupted() tells which came. */
void process_trap_signals(void);
/* The signal received since process_trap_signals(), or 0. */
int process_interrupted(void);
/* -1 with `e` set ("interrupted by signal N") once a signal came, else 0:
 * what a long job checks between its steps. */
int process_check_interrupted(struct err *e);

/* True when `program` is an executable file in PATH. */
bool process_in_path(const char *program);

#endif
