/* process: runs a command, waits for it, and says how it ended. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"
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

/* What run() does with the command's output. */
struct run_how {
	struct buf *out;	/* its standard output goes here, or NULL */
	bool silent;		/* its standard error goes nowhere */
	FILE *errf;		/* its standard error goes here, or NULL */
	/* Both go through relay() (when `out` is NULL), or NULL. */
	const struct process_watch *watch;
};

static void __attribute__((noreturn))
run_child(char *const argv[], const char *cwd, char *const env[], int report,
    int out, bool silent, int watched, int errfd)
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
	if (watched >= 0 && ((out < 0 && dup2(watched, STDOUT_FILENO) < 0) ||
	    dup2(watched, STDERR_FILENO) < 0))
		_exit(EXEC_FAILED);
	if (quiet_stdin() < 0 || (silent && quiet_stderr() < 0))
		_exit(EXEC_FAILED);
	if (errfd >= 0 && dup2(errfd, STDERR_FILENO) < 0)
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

/* Passes what arrives on `fd` to this process's standard error and to
 * the watch, until the end of the data or of the command `pid` (whose
 * status goes to *status, *reaped set): a process it left running may
 * hold the pipe open, and is not waited for here. */
static void
relay(int fd, pid_t pid, const struct process_watch *w, int *status,
    bool *reaped)
{
	struct pollfd p = { fd, POLLIN, 0 };
	char chunk[4096];
	ssize_t n;

	for (;;) {
		int ready = poll(&p, 1, *reaped ? 0 : 100);

		if (ready < 0 && errno == EINTR)
			continue;
		if (ready == 0 && *reaped)
			return;
		if (ready == 0) {
			pid_t got = waitpid(pid, status, WNOHANG | WUNTRACED);

			if (got == pid && WIFSTOPPED(*status))
				kill(-pid, SIGKILL);	/* see run() */
			else if (got == pid)
				*reaped = true;
			continue;
		}
		n = ready < 0 ? -1 : read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		(void)!write(STDERR_FILENO, chunk, (size_t)n);
		w->seen(chunk, (size_t)n, w->ctx);
	}
}

static void
close_pair(int fd[2])
{
	for (int i = 0; i < 2; i++)
		if (fd[i] >= 0)
			close(fd[i]);
}

/* Appends what the file `f` holds to `b`, then closes it. */
static void
read_back(FILE *f, struct buf *b)
{
	char chunk[4096];
	size_t n;

	rewind(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, n);
	fclose(f);
}

/* Runs the command, its output handled as `how` says. */
static int
run(char *const argv[], const char *cwd, char *const env[],
    const struct run_how *how, struct err *e)
{
	struct buf *out = how->out;
	const struct process_watch *watch = how->watch;
	int pipefd[2], outfd[2] = { -1, -1 }, watchfd[2] = { -1, -1 };
	int status = 0, child_errno = 0;
	bool reaped = false;
	pid_t pid;

	fflush(NULL);
	/* What the command leaves behind becomes this process's child when
	 * its parent ends, so that end_group() can wait for it. */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return err_errno(e, "cannot run %s", argv[0]);
	if ((out != NULL && pipe2(outfd, O_CLOEXEC) < 0) ||
	    (watch != NULL && pipe2(watchfd, O_CLOEXEC) < 0) ||
	    (pid = fork()) < 0) {
		int saved = errno;

		close_pair(pipefd);
		close_pair(outfd);
		close_pair(watchfd);
		errno = saved;
		return err_errno(e, "cannot run %s", argv[0]);
	}
	if (pid == 0) {
		close(pipefd[0]);
		run_child(argv, cwd, env, pipefd[1], outfd[1], how->silent,
		    watchfd[1], how->errf ? fileno(how->errf) : -1);
	}
	setpgid(pid, pid);
	running_child = pid;
	/* A signal that came before the child was known is passed on now. */
	if (received_signal != 0)
		process_signal_child(received_signal);
	close(pipefd[1]);
	if (out != NULL) {
		struct err unread = ERR_INIT;

		close(outfd[1]);
		/* A read error ends the output; the command is waited for. */
		if (file_read_fd(outfd[0], argv[0], SIZE_MAX, out, NULL,
		    &unread) < 0)
			err_release(&unread);
		close(outfd[0]);
	}
	/* The pipe closes on exec; data on it means exec failed. */
	while (read(pipefd[0], &child_errno, sizeof(child_errno)) < 0 &&
	    errno == EINTR)
		;
	close(pipefd[0]);
	if (watch != NULL) {
		close(watchfd[1]);
		relay(watchfd[0], pid, watch, &status, &reaped);
	}
	while (!reaped) {
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
	if (watch != NULL) {
		/* What the group wrote before it ended. */
		relay(watchfd[0], pid, watch, &status, &reaped);
		close(watchfd[0]);
	}
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
	struct run_how how = { NULL, false, NULL, NULL };

	return run(argv, cwd, env, &how, e);
}

int
process_run_watched(char *const argv[], const char *cwd, char *const env[],
    const struct process_watch *watch, struct err *e)
{
	struct run_how how = { NULL, false, NULL, watch };

	return run(argv, cwd, env, &how, e);
}

int
process_capture(char *const argv[], const char *cwd, char *const env[],
    struct buf *out, struct err *e)
{
	struct run_how how = { out, false, NULL, NULL };

	return run(argv, cwd, env, &how, e);
}

int
process_probe(char *const argv[], const char *cwd, char *const env[],
    struct buf *out, struct err *e)
{
	struct run_how how = { out, true, NULL, NULL };

	return run(argv, cwd, env, &how, e);
}

int
process_capture_err(char *const argv[], const char *cwd, char *const env[],
    struct buf *out, struct buf *errout, struct err *e)
{
	struct run_how how = { out, false, tmpfile(), NULL };
	int r;

	if (how.errf == NULL)
		return err_errno(e, "cannot run %s", argv[0]);
	fcntl(fileno(how.errf), F_SETFD, FD_CLOEXEC);
	r = run(argv, cwd, env, &how, e);
	read_back(how.errf, errout);
	return r;
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
