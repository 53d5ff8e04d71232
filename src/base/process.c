/* process: runs a command, waits for it, and says how it ended. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/process.h"

/* The child being waited for and the signal received: the state a
 * signal handler needs, so it lives here rather than in a context. */
static volatile sig_atomic_t running_child;
static volatile sig_atomic_t received_signal;

static void
on_signal(int sig)
{
	int saved = errno;

	received_signal = sig;
	process_signal_child(sig);
	errno = saved;
}

void
process_trap_signals(void)
{
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
		/* SIGHUP ignored by whoever started us (nohup) stays
		 * ignored. SIGINT and SIGTERM are always acted on, also in a
		 * script's `cmd &`, which starts with SIGINT ignored. */
		if (signals[i] == SIGHUP &&
		    sigaction(signals[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(signals[i], &sa, NULL);
	}
}

int
process_interrupted(void)
{
	return received_signal;
}

int
process_check_interrupted(struct err *e)
{
	if (received_signal == 0)
		return 0;
	return err_set(e, STATUS_SYSTEM, "interrupted by signal %d",
	    (int)received_signal);
}

void
process_signal_child(int sig)
{
	/* The whole group: a shell waits for its own children before it
	 * acts on a signal, and background children would live on. */
	if (running_child > 0)
		kill(-(pid_t)running_child, sig);
}

/* How long what is left of a command's group has after SIGTERM. */
#define GRACE_MS 300

/* Reaps the members of `group` that have ended (this process is their
 * subreaper, see run()). */
static void
reap_group(pid_t group)
{
	while (waitpid(-group, NULL, WNOHANG) > 0)
		;
}

/* Ends whatever the command left running in its process group: SIGTERM,
 * then SIGKILL after a short grace; every member is waited for. */
static void
end_group(pid_t group)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };

	reap_group(group);
	if (kill(-group, 0) < 0)
		return;
	kill(-group, SIGTERM);
	kill(-group, SIGCONT);
	for (int waited = 0; waited < GRACE_MS; waited += 10) {
		reap_group(group);
		if (kill(-group, 0) < 0)
			return;
		nanosleep(&tick, NULL);
	}
	kill(-group, SIGKILL);
	while (waitpid(-group, NULL, 0) > 0 || errno == EINTR)
		;
}

/* Exit status used by the child when exec fails (as shells do). */
#define EXEC_FAILED 127

/* Standard input from /dev/null. */
static int
quiet_stdin(void)
{
	int fd = open("/dev/null", O_RDONLY);

	if (fd < 0 || dup2(fd, STDIN_FILENO) < 0)
		return -1;
	return fd == STDIN_FILENO ? 0 : close(fd);
}

/* Standard error to /dev/null. */
static int
quiet_stderr(void)
{
	int fd = open("/dev/null", O_WRONLY);

	if (fd < 0 || dup2(fd, STDERR_FILENO) < 0)
		return -1;
	return fd == STDERR_FILENO ? 0 : close(fd);
}

static void __attribute__((noreturn))
run_child(char *const argv[], const char *cwd, char *const env[], int report,
    int out, bool silent)
{
	int err;

	/* A process group of its own, which signals and clean-up reach;
	 * as in wazo-plugind, no terminal to read from (a background group
	 * that reads one would be stopped). */
	setpgid(0, 0);
	/* Without `out`, standard output joins standard error: this
	 * process's standard output is its own (the .deb's path, a JSON
	 * document), never a command's. */
	if (dup2(out >= 0 ? out : STDERR_FILENO, STDOUT_FILENO) < 0)
		_exit(EXEC_FAILED);
	if (quiet_stdin() < 0 || (silent && quiet_stderr() < 0))
		_exit(EXEC_FAILED);

	for (size_t i = 0; env != NULL && env[i] != NULL; i++)
		putenv(env[i]);
	if (cwd != NULL && chdir(cwd) < 0) {
		err = errno;
		(void)!write(report, &err, sizeof(err));
		_exit(EXEC_FAILED);
	}
	execvp(argv[0], argv);
	err = errno;
	(void)!write(report, &err, sizeof(err));
	_exit(EXEC_FAILED);
}

/* Runs the command; with `out`, its standard output goes there; with
 * `silent`, its standard error goes nowhere. */
static int
run(char *const argv[], const char *cwd, char *const env[], struct buf *out,
    bool silent, struct err *e)
{
	int pipefd[2], outfd[2] = { -1, -1 }, status, child_errno = 0;
	pid_t pid;

	fflush(NULL);
	/* What the command leaves behind becomes this process's child when
	 * its parent ends, so that end_group() can wait for it. */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return err_errno(e, "cannot run %s", argv[0]);
	if (out != NULL && pipe2(outfd, O_CLOEXEC) < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return err_errno(e, "cannot run %s", argv[0]);
	}
	pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		if (out != NULL) {
			close(outfd[0]);
			close(outfd[1]);
		}
		return err_errno(e, "cannot run %s", argv[0]);
	}
	if (pid == 0) {
		close(pipefd[0]);
		run_child(argv, cwd, env, pipefd[1], outfd[1], silent);
	}
	setpgid(pid, pid);
	running_child = pid;
	/* A signal that came before the child was known is passed on now. */
	if (received_signal != 0)
		process_signal_child(received_signal);
	close(pipefd[1]);
	if (out != NULL) {
		char chunk[4096];
		ssize_t n;

		close(outfd[1]);
		while ((n = read(outfd[0], chunk, sizeof(chunk))) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				break;
			buf_add(out, chunk, (size_t)n);
		}
		close(outfd[0]);
	}
	/* The pipe closes on exec; data on it means exec failed. */
	while (read(pipefd[0], &child_errno, sizeof(child_errno)) < 0 &&
	    errno == EINTR)
		;
	close(pipefd[0]);
	for (;;) {
		if (waitpid(pid, &status, WUNTRACED) < 0) {
			if (errno == EINTR)
				continue;
			running_child = 0;
			return err_errno(e, "cannot wait for %s", argv[0]);
		}
		if (!WIFSTOPPED(status))
			break;
		/* Stopped: it reached for the terminal (/dev/tty), which a
		 * job in its own group cannot have. It would wait forever. */
		kill(-pid, SIGKILL);
	}
	running_child = 0;
	end_group(pid);
	if (child_errno != 0) {
		errno = child_errno;
		return err_errno(e, "cannot run %s", argv[0]);
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int
process_run(char *const argv[], const char *cwd, char *const env[],
    struct err *e)
{
	return run(argv, cwd, env, NULL, false, e);
}

int
process_capture(char *const argv[], const char *cwd, char *const env[],
    struct buf *out, struct err *e)
{
	return run(argv, cwd, env, out, false, e);
}

int
process_probe(char *const argv[], const char *cwd, char *const env[],
    struct buf *out, struct err *e)
{
	return run(argv, cwd, env, out, true, e);
}

bool
process_in_path(const char *program)
{
	const char *path = getenv("PATH");

	if (path == NULL)
		path = "/usr/bin:/bin";
	while (*path) {
		size_t len = strcspn(path, ":");
		char *candidate = xasprintf("%.*s/%s", (int)len,
		    len ? path : ".", program);
		bool found = access(candidate, X_OK) == 0;

		free(candidate);
		if (found)
			return true;
		path += len;
		path += *path == ':';
	}
	return false;
}
