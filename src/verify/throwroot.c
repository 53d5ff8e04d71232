/* throwroot: a throwaway root for dpkg, in a private mount namespace. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/dirtree.h"
#include "base/file.h"
#include "base/xalloc.h"
#include "verify/throwroot.h"

/* In the holder: one step of the setup, or the message that says which
 * failed (what throwroot_open() reports). */
static const char *
setup_step(int ok, const char *what, char *msg, size_t size)
{
	if (ok == 0)
		return NULL;
	snprintf(msg, size, "%s: %s", what, strerror(errno));
	return msg;
}

/* In the holder: the namespaces and mounts; NULL, or what failed. */
static const char *
setup(const char *base, bool network, char *msg, size_t size)
{
	char *upper = file_join(base, "upper"), *work = file_join(base, "work");
	char *root = file_join(base, "root"), *opts, *dev, *proc, *sys;
	const char *why;

	opts = xasprintf("lowerdir=/,upperdir=%s,workdir=%s", upper, work);
	dev = file_join(root, "dev");
	proc = file_join(root, "proc");
	sys = file_join(root, "sys");
	why = setup_step(unshare(CLONE_NEWNS | (network ? 0 : CLONE_NEWNET)),
	    "cannot make a mount namespace (root is needed)", msg, size);
	if (why == NULL)
		why = setup_step(mount("none", "/", "none", MS_REC | MS_PRIVATE,
		    NULL), "cannot make the mounts private", msg, size);
	if (why == NULL)
		why = setup_step(mount("tmpfs", base, "tmpfs", 0, "mode=0700"),
		    "cannot mount a tmpfs", msg, size);
	if (why == NULL)
		why = setup_step(mkdir(upper, 0755) | mkdir(work, 0755) |
		    mkdir(root, 0755), "cannot make the overlay's directories",
		    msg, size);
	if (why == NULL)
		why = setup_step(mount("overlay", root, "overlay", 0, opts),
		    "cannot mount an overlay of /", msg, size);
	if (why == NULL)
		why = setup_step(mount("/dev", dev, "none", MS_BIND | MS_REC,
		    NULL), "cannot bind /dev", msg, size);
	if (why == NULL)
		why = setup_step(mount("proc", proc, "proc", 0, NULL),
		    "cannot mount /proc", msg, size);
	/* Read-only, as a server's programs may read it but not change
	 * the host's kernel through it. */
	if (why == NULL)
		why = setup_step(mount("sysfs", sys, "sysfs", MS_RDONLY |
		    MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL),
		    "cannot mount /sys", msg, size);
	free(upper), free(work), free(root), free(opts), free(dev), free(proc);
	free(sys);
	return why;
}

/* The holder: sets up, says so on `ready` ("" or what failed), then
 * waits for `hold` to close. */
static void
hold(const char *base, bool network, int ready, int hold)
{
	char msg[512];
	const char *why = setup(base, network, msg, sizeof(msg));
	char c;

	if (file_write_all(ready, why ? why : "",
	    why ? strlen(why) + 1 : 1) < 0)
		_exit(1);
	close(ready);
	if (why != NULL)
		_exit(1);
	while (read(hold, &c, 1) < 0 && errno == EINTR)
		;
	_exit(0);
}

static int
start_holder(struct throwroot *t, bool network, struct err *e)
{
	int ready[2], hold_pipe[2];
	struct buf msg = BUF_INIT;
	int rc = 0;

	if (pipe2(ready, O_CLOEXEC) < 0)
		return err_errno(e, "cannot make a pipe");
	if (pipe2(hold_pipe, O_CLOEXEC) < 0) {
		close(ready[0]), close(ready[1]);
		return err_errno(e, "cannot make a pipe");
	}
	if ((t->holder = fork()) < 0) {
		rc = err_errno(e, "cannot fork");
	} else if (t->holder == 0) {
		close(ready[0]), close(hold_pipe[1]);
		hold(t->base, network, ready[1], hold_pipe[0]);
	}
	close(ready[1]), close(hold_pipe[0]);
	t->hold_fd = hold_pipe[1];
	if (rc == 0 && (file_read_fd(ready[0], "the throwaway root", 4096, &msg,
	    NULL, e) < 0 || msg.len == 0))
		rc = msg.len == 0 ? err_set(e, STATUS_SYSTEM, "the throwaway "
		    "root's process died") : -1;
	else if (rc == 0 && msg.data[0] != '\0')
		rc = err_set(e, STATUS_SYSTEM, "cannot make a throwaway root: "
		    "%s", msg.data);
	close(ready[0]);
	buf_release(&msg);
	return rc;
}

int
throwroot_open(struct throwroot *t, bool network, struct err *e)
{
	memset(t, 0, sizeof(*t));
	t->holder = -1;
	t->hold_fd = -1;
	if (geteuid() != 0)
		return err_set(e, STATUS_SYSTEM, "cannot make a throwaway "
		    "root: root is needed (mount namespaces and an overlay "
		    "of /)");
	if ((t->base = dirtree_private_dir(e)) == NULL)
		return -1;
	if (start_holder(t, network, e) < 0)
		return -1;
	t->root = xasprintf("/proc/%d/root%s/root", (int)t->holder, t->base);
	t->upper = xasprintf("/proc/%d/root%s/upper", (int)t->holder, t->base);
	return 0;
}

char *
throwroot_path(const struct throwroot *t, const char *path)
{
	return xasprintf("%s%s", t->root, path);
}

int
throwroot_put(const struct throwroot *t, const char *from,
    const char *path, struct err *e)
{
	char *to = throwroot_path(t, path);
	int in = open(from, O_RDONLY | O_CLOEXEC), out = -1, rc = 0;
	char chunk[65536];
	ssize_t n;

	if (in < 0)
		rc = err_errno(e, "cannot open %s", from);
	else if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) < 0)
		rc = err_errno(e, "cannot create %s", to);
	while (rc == 0 && (n = read(in, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || file_write_all(out, chunk, (size_t)n) < 0)
			rc = err_errno(e, "cannot copy %s", from);
	}
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) < 0 && rc == 0)
		rc = err_errno(e, "cannot write %s", to);
	free(to);
	return rc;
}

/* In the command's child: into the holder's namespaces and root. */
static void
enter(const struct throwroot *t, int out, char *const argv[],
    char *const env[], bool traced)
{
	static const char *const kinds[] = { "mnt", "net" };
	/* Opened from here: entering the mount namespace moves this
	 * process to its root, which is not ours when we run chrooted. */
	int root = open(t->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int null = open("/dev/null", O_RDONLY | O_CLOEXEC);

	for (size_t i = 0; i < 2; i++) {
		char path[64];
		int fd;

		snprintf(path, sizeof(path), "/proc/%d/ns/%s", (int)t->holder,
		    kinds[i]);
		if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 ||
		    setns(fd, 0) < 0) {
			dprintf(out, "cannot enter %s: %s\n", path,
			    strerror(errno));
			_exit(125);
		}
		close(fd);
	}
	if (root < 0 || fchdir(root) < 0 || chroot(".") < 0 || chdir("/") < 0) {
		dprintf(out, "cannot chroot to %s: %s\n", t->root,
		    strerror(errno));
		_exit(125);
	}
	dup2(null, 0), dup2(out, 1), dup2(out, 2);
	/* Stopped for the tracer to set itself up, unless it cannot be. */
	if (traced && ptrace(PTRACE_TRACEME, 0, NULL, NULL) == 0)
		raise(SIGSTOP);
	execvpe(argv[0], argv, env);
	dprintf(2, "%s: %s\n", argv[0], strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

pid_t
throwroot_spawn(const struct throwroot *t, char *const argv[],
    char *const env[], int out, bool traced, struct err *e)
{
	pid_t pid = fork();

	if (pid < 0)
		return err_errno(e, "cannot fork");
	if (pid == 0)
		enter(t, out, argv, env, traced);
	return pid;
}

int
throwroot_run(const struct throwroot *t, char *const argv[],
    char *const env[], struct buf *out, struct err *e)
{
	struct err unread = ERR_INIT;
	int p[2], status;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0)
		return err_errno(e, "cannot make a pipe");
	pid = throwroot_spawn(t, argv, env, p[1], false, e);
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		return -1;
	}
	/* A read error ends the output; the command is waited for still. */
	if (file_read_fd(p[0], argv[0], SIZE_MAX, out, NULL, &unread) < 0)
		err_release(&unread);
	close(p[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return err_errno(e, "cannot wait for %s", argv[0]);
	return WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status);
}

void
throwroot_close(struct throwroot *t)
{
	int status;

	if (t->hold_fd >= 0)
		close(t->hold_fd);
	if (t->holder > 0)
		while (waitpid(t->holder, &status, 0) < 0 && errno == EINTR)
			;
	if (t->base != NULL)
		rmdir(t->base);
	free(t->base), free(t->root), free(t->upper);
	memset(t, 0, sizeof(*t));
	t->holder = -1;
	t->hold_fd = -1;
}
