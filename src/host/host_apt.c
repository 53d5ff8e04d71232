/* host_apt: changes to this machine's packages, through apt-get. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/process.h"
#include "base/xalloc.h"
#include "host/host_apt.h"

/* The process holding a write lock on `path` (as apt-get and dpkg take
 * it, with fcntl(2)), or 0 when none does or the file is not there. */
static pid_t
lock_holder(const char *path)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	pid_t pid = 0;

	if (fd < 0)
		return 0;
	if (fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
		pid = fl.l_pid > 0 ? fl.l_pid : -1;
	close(fd);
	return pid;
}

int
host_apt_ready(struct err *e)
{
	static const char *const locks[] = { HOST_APT_LOCK_FRONTEND,
	    HOST_APT_LOCK };

	if (geteuid() != 0)
		return err_set(e, STATUS_SYSTEM, "installing and removing "
		    "plugins needs root: apt-get and dpkg change the system's "
		    "packages; run it as root");
	for (size_t i = 0; i < sizeof(locks) / sizeof(locks[0]); i++) {
		pid_t pid = lock_holder(locks[i]);

		if (pid > 0)
			return err_set(e, STATUS_SYSTEM, "dpkg's database is "
			    "locked (%s is held by process %ld): another "
			    "package manager is running; try again once it "
			    "is done", locks[i], (long)pid);
		if (pid < 0)
			return err_set(e, STATUS_SYSTEM, "dpkg's database is "
			    "locked (%s is held): another package manager is "
			    "running; try again once it is done", locks[i]);
	}
	return 0;
}

/* apt's error lines ("E: ...") in `text`, joined with "; "; or, if it
 * has none, its last line. */
static void
add_apt_errors(struct buf *msg, const char *text)
{
	const char *line = text, *last = NULL;
	size_t last_len = 0, before = msg->len;

	while (line != NULL && *line != '\0') {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);

		if (strncmp(line, "E: ", 3) == 0)
			buf_addf(msg, "%s%.*s", msg->len > before ? "; " : "",
			    (int)(len - 3), line + 3);
		if (len > 0) {
			last = line;
			last_len = len;
		}
		line = nl ? nl + 1 : NULL;
	}
	if (msg->len == before && last != NULL)
		buf_add(msg, last, last_len);
}

/* Whether apt's errors `text` say a lock was held by another. */
static bool
apt_locked(const char *text)
{
	return text != NULL && (strstr(text, "Could not get lock") != NULL ||
	    strstr(text, "Unable to acquire the dpkg frontend lock") != NULL ||
	    strstr(text, "Unable to lock") != NULL);
}

int
host_apt_run(const struct host_apt_job *job, struct err *e)
{
	char **argv = xreallocarray(NULL, 16 + job->ntargets, sizeof(*argv));
	char *env[] = { "DEBIAN_FRONTEND=noninteractive", NULL };
	struct buf errout = BUF_INIT, msg = BUF_INIT;
	size_t n = 0;
	int status;

	argv[n++] = "apt-get";
	argv[n++] = "--yes";
	argv[n++] = "--quiet";
	/* Fail at once when another package manager holds the lock. */
	argv[n++] = "--option=DPkg::Lock::Timeout=0";
	if (job->reinstall)
		argv[n++] = "--reinstall";
	if (job->allow_downgrades)
		argv[n++] = "--allow-downgrades";
	argv[n++] = (char *)job->action;
	argv[n++] = "--";
	for (size_t i = 0; i < job->ntargets; i++)
		argv[n++] = job->targets[i];
	argv[n] = NULL;
	status = process_capture_err(argv, NULL, env, NULL, &errout, e);
	if (status > 0) {
		add_apt_errors(&msg, errout.data);
		/* A lock taken since host_apt_ready() looked, or one of
		 * apt's own (archives, lists): as a lock held then. */
		err_set(e, apt_locked(errout.data) ? STATUS_SYSTEM :
		    STATUS_INVALID, "apt-get %s failed (exit status %d)%s%s",
		    job->action, status, msg.len ? ": " : "", msg.data);
	}
	free(argv);
	buf_release(&errout);
	buf_release(&msg);
	return status == 0 ? 0 : -1;
}
