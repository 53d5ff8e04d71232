/* verify_trace: the rules commands a step ran, seen through ptrace(2). */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/file.h"
#include "base/xalloc.h"
#include "verify/verify_trace.h"

/* Where a recorded call's output lies in the command's output. */
struct span {
	pid_t pid;
	off_t start, end;
	bool ended;
};

struct tracer {
	const struct verify_trace_paths *paths;
	int out;		/* the command's output, a memory file */
	pid_t *live;			/* the traced processes */
	size_t nlive;
	pid_t *seen;			/* every one, ended or not */
	size_t nseen;
	struct verify_rules_calls *calls;
	struct span *spans;		/* one per call */
};

static bool
starts_under(const char *path, const char *dir)
{
	size_t len = dir ? strlen(dir) : 0;

	return len > 0 && strncmp(path, dir, len) == 0 && path[len] == '/';
}

/* Whether `path` is a plugin's rules or a backup copy of them. */
static bool
is_rules(const struct verify_trace_paths *p, const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t len = strlen(path);

	return (starts_under(path, p->metadata_dir) && len > 11 &&
	    strcmp(path + len - 11, "/wazo/rules") == 0) ||
	    (starts_under(path, p->backup_rules_dir) &&
	    strncmp(slash + 1, "rules.", 6) == 0);
}

static off_t
out_size(const struct tracer *tr)
{
	struct stat st;

	return fstat(tr->out, &st) == 0 ? st.st_size : 0;
}

static bool
has(const pid_t *pids, size_t n, pid_t pid)
{
	for (size_t i = 0; i < n; i++)
		if (pids[i] == pid)
			return true;
	return false;
}

/* A process reported or announced (by its parent's fork event, which
 * may come after the child's first stop, or even after its end). */
static void
add_live(struct tracer *tr, pid_t pid, bool announced)
{
	if (has(tr->live, tr->nlive, pid) ||
	    (announced && has(tr->seen, tr->nseen, pid)))
		return;
	tr->live = xreallocarray(tr->live, tr->nlive + 1, sizeof(pid_t));
	tr->live[tr->nlive++] = pid;
	if (!has(tr->seen, tr->nseen, pid)) {
		tr->seen = xreallocarray(tr->seen, tr->nseen + 1,
		    sizeof(pid_t));
		tr->seen[tr->nseen++] = pid;
	}
}

static void
remove_live(struct tracer *tr, pid_t pid)
{
	for (size_t i = 0; i < tr->nlive; i++)
		if (tr->live[i] == pid) {
			tr->live[i] = tr->live[--tr->nlive];
			return;
		}
}

/* How much of a command line is read: enough for the rules' path and
 * command, which come first. */
#define CMDLINE_MAX 8192

/* The process `pid` exec'd: a rules command when its command line
 * names a rules file and then the command (the interpreter of a script
 * comes first: "/bin/sh RULES install"). */
static void
on_exec(struct tracer *tr, pid_t pid)
{
	char path[64];
	struct buf text = BUF_INIT;
	struct err ignored = ERR_INIT;
	size_t n;
	int fd;

	for (size_t i = 0; i < tr->calls->count; i++)
		if (tr->spans[i].pid == pid && !tr->spans[i].ended)
			return;		/* env, then the interpreter */
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	if (file_read_fd(fd, path, CMDLINE_MAX, &text, NULL, &ignored) < 0)
		err_release(&ignored);
	close(fd);
	n = text.len;
	for (size_t at = 0; at < n; at += strlen(text.data + at) + 1) {
		const char *arg = text.data + at, *next = arg + strlen(arg) + 1;
		struct verify_rules_calls *c = tr->calls;

		if (!is_rules(tr->paths, arg) || next >= text.data + n ||
		    strchr(next, '/') != NULL)
			continue;
		c->items = xreallocarray(c->items, c->count + 1,
		    sizeof(*c->items));
		tr->spans = xreallocarray(tr->spans, c->count + 1,
		    sizeof(*tr->spans));
		c->items[c->count] = (struct verify_rules_call){
			xstrdup(arg), xstrdup(next), -1, NULL };
		tr->spans[c->count++] = (struct span){ pid, out_size(tr), 0,
			false };
		break;
	}
	buf_release(&text);
}

static void
process_ended(struct tracer *tr, pid_t pid, int status)
{
	remove_live(tr, pid);
	for (size_t i = 0; i < tr->calls->count; i++)
		if (tr->spans[i].pid == pid && !tr->spans[i].ended) {
			tr->spans[i].ended = true;
			tr->spans[i].end = out_size(tr);
			tr->calls->items[i].status = status;
		}
}

static int
exit_status(int st)
{
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Resumes the stopped `pid` after what stopped it. */
static void
on_stop(struct tracer *tr, pid_t pid, int st)
{
	int sig = WSTOPSIG(st), event = (unsigned)st >> 16;
	unsigned long child;

	add_live(tr, pid, false);
	if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK ||
	    event == PTRACE_EVENT_CLONE) {
		if (ptrace(PTRACE_GETEVENTMSG, pid, NULL, &child) == 0)
			add_live(tr, (pid_t)child, true);
		sig = 0;
	} else if (event == PTRACE_EVENT_EXEC) {
		on_exec(tr, pid);
		sig = 0;
	} else if (sig == SIGSTOP || sig == SIGTRAP) {
		sig = 0;	/* a new process's first stop */
	}
	ptrace(PTRACE_CONT, pid, NULL, (void *)(intptr_t)sig);
}

/* How long what a command left running has after SIGTERM, and how
 * often it is looked at meanwhile. */
#define GRACE_MS 300
#define TICK_MS 10

/* Reaps the report `pid` has waiting (a stop or its end) into `st`. */
static pid_t
reap(pid_t pid, int *st)
{
	pid_t w;

	while ((w = waitpid(pid, st, __WALL)) < 0 && errno == EINTR)
		;
	return w;
}

/* A report of one of the traced processes, looked for one by one: what
 * waits when another child of this process (the root's holder) ended,
 * which is never reaped here. */
static pid_t
poll_traced(struct tracer *tr, bool block, int *st)
{
	struct timespec tick = { 0, TICK_MS * 1000 * 1000 };

	for (;;) {
		for (size_t i = 0; i < tr->nlive; i++) {
			pid_t w = waitpid(tr->live[i], st, __WALL | WNOHANG);

			if (w != 0)
				return w;
		}
		if (!block || tr->nlive == 0)
			return 0;
		nanosleep(&tick, NULL);
	}
}

/* The next report of a traced process, in `st`: its process id, 0 when
 * none is waiting and not `block`, or -1. Only the traced processes'
 * reports are reaped: a ptrace stop (which may come before the fork
 * event that announces the process), or the end of one seen. */
static pid_t
next_report(struct tracer *tr, bool block, int *st)
{
	siginfo_t si;

	for (;;) {
		memset(&si, 0, sizeof(si));
		if (waitid(P_ALL, 0, &si, WEXITED | WNOWAIT | __WALL |
		    (block ? 0 : WNOHANG)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (si.si_pid == 0)
			return 0;
		if (si.si_code == CLD_TRAPPED ||
		    has(tr->seen, tr->nseen, si.si_pid))
			return reap(si.si_pid, st);
		return poll_traced(tr, block, st);
	}
}

static void
signal_live(const struct tracer *tr, int sig)
{
	for (size_t i = 0; i < tr->nlive; i++)
		kill(tr->live[i], sig);
}

/* What the command left running once it ended: none yet, sent SIGTERM
 * (the grace ends at `deadline`, on the monotonic clock), sent SIGKILL. */
struct leftovers {
	enum { LEFT_NONE, LEFT_TERM, LEFT_KILL } stage;
	struct timespec deadline;
};

/* Whether the monotonic clock is past `t`. */
static bool
past(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > t->tv_sec || (now.tv_sec == t->tv_sec &&
	    now.tv_nsec >= t->tv_nsec);
}

/* Ends what is still traced once the command ended, as process_run()
 * ends what a command leaves in its group: SIGTERM, then SIGKILL after
 * a short grace (to what started meanwhile too). The next report, as
 * next_report(). */
static pid_t
next_ending(struct tracer *tr, struct leftovers *l, int *st)
{
	struct timespec tick = { 0, TICK_MS * 1000 * 1000 };
	pid_t w = 0;

	if (l->stage == LEFT_NONE) {
		l->stage = LEFT_TERM;
		clock_gettime(CLOCK_MONOTONIC, &l->deadline);
		l->deadline.tv_nsec += GRACE_MS * 1000L * 1000L;
		l->deadline.tv_sec += l->deadline.tv_nsec / 1000000000L;
		l->deadline.tv_nsec %= 1000000000L;
		signal_live(tr, SIGTERM);
	}
	/* The grace is time, however busy the leftovers keep the tracer. */
	while (l->stage == LEFT_TERM) {
		if (past(&l->deadline)) {
			l->stage = LEFT_KILL;
			signal_live(tr, SIGKILL);
			break;
		}
		if ((w = next_report(tr, false, st)) != 0)
			break;
		nanosleep(&tick, NULL);
	}
	return l->stage == LEFT_TERM ? w : next_report(tr, true, st);
}

/* Follows `pid` and what it starts until all ended, ending what is left
 * once `pid` ended; its exit status. */
static int
follow(struct tracer *tr, pid_t pid, const char *name, struct err *e)
{
	struct leftovers left = { LEFT_NONE, { 0, 0 } };
	int st, status = -1;
	pid_t w;

	while ((w = waitpid(pid, &st, __WALL)) < 0)
		if (errno != EINTR)
			return err_errno(e, "cannot wait for a command");
	if (!WIFSTOPPED(st))
		return exit_status(st);		/* not traced */
	ptrace(PTRACE_SETOPTIONS, pid, NULL, (void *)(intptr_t)(
	    PTRACE_O_TRACEEXEC | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
	    PTRACE_O_TRACECLONE | PTRACE_O_EXITKILL));
	add_live(tr, pid, false);
	ptrace(PTRACE_CONT, pid, NULL, NULL);
	while (tr->nlive > 0) {
		w = status < 0 ? next_report(tr, true, &st) :
		    next_ending(tr, &left, &st);
		if (w < 0)
			break;
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			process_ended(tr, w, exit_status(st));
			status = w == pid ? exit_status(st) : status;
		} else if (WIFSTOPPED(st)) {
			on_stop(tr, w, st);
			if (left.stage == LEFT_KILL)
				kill(w, SIGKILL);	/* started late */
		}
	}
	if (status < 0)
		return err_set(e, STATUS_SYSTEM, "cannot follow %s to its end",
		    name);
	return status;
}

/* The calls' outputs, from the command's. */
static void
cut_outputs(struct tracer *tr, const struct buf *all)
{
	for (size_t i = 0; i < tr->calls->count; i++) {
		const struct span *s = &tr->spans[i];
		size_t start = (size_t)s->start, end = s->ended ?
		    (size_t)s->end : all->len;

		start = start < all->len ? start : all->len;
		end = end < start ? start : end < all->len ? end : all->len;
		tr->calls->items[i].output = xstrndup(all->data + start,
		    end - start);
	}
}

int
verify_trace_run(const struct throwroot *t, char *const argv[],
    char *const env[], const struct verify_trace_paths *paths,
    struct buf *out, struct verify_rules_calls *calls, struct err *e)
{
	struct tracer tr = { paths, -1, NULL, 0, NULL, 0, calls, NULL };
	struct buf all = BUF_INIT;
	struct err unread = ERR_INIT;
	int status;
	pid_t pid;

	if ((tr.out = memfd_create("wazo-plugin-deb-output", MFD_CLOEXEC)) < 0)
		return err_errno(e, "cannot make a memory file");
	if ((pid = throwroot_spawn(t, argv, env, tr.out, true, e)) < 0) {
		close(tr.out);
		return -1;
	}
	status = follow(&tr, pid, argv[0], e);
	if (lseek(tr.out, 0, SEEK_SET) < 0 || file_read_fd(tr.out, argv[0],
	    SIZE_MAX, &all, NULL, &unread) < 0)
		err_release(&unread);
	cut_outputs(&tr, &all);
	buf_add(out, all.data, all.len);
	buf_release(&all);
	close(tr.out);
	free(tr.live);
	free(tr.seen);
	free(tr.spans);
	return status;
}

void
verify_trace_release(struct verify_rules_calls *calls)
{
	for (size_t i = 0; i < calls->count; i++) {
		free(calls->items[i].path);
		free(calls->items[i].command);
		free(calls->items[i].output);
	}
	free(calls->items);
	calls->items = NULL;
	calls->count = 0;
}
