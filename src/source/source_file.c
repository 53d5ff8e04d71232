/* source_file: opening a file of the plugin without leaving it. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"
#include "source/source_file.h"
#include "source/source_link.h"

/* True when the absolute path `path` is `root` or lies under it. */
static bool
is_under(const char *path, const char *root)
{
	size_t len = strlen(root);

	return strcmp(root, "/") == 0 || (strncmp(path, root, len) == 0 &&
	    (path[len] == '/' || path[len] == '\0'));
}

/* Whether the symbolic link `link` (at `prefix` inside the root, with
 * target `target`) leads inside the real root `real_root`. */
static bool
link_stays(const char *link, const char *prefix, const char *target,
    const char *real_root)
{
	char *real = realpath(link, NULL);
	bool inside;

	if (real != NULL)
		inside = is_under(real, real_root);
	else if (target[0] == '/')
		inside = is_under(target, real_root);
	else
		inside = !source_link_escapes(prefix, target);
	free(real);
	return inside;
}

/* Refuses the first symbolic link on the way to `relative` that leads
 * outside the root; 0 when none does. */
static int
check_links(const char *root, const char *shown_root, const char *relative,
    struct err *e)
{
	char *real_root = realpath(root, NULL), *prefix = xstrdup(relative);
	char target[PATH_MAX];
	size_t len = 0;
	int r = real_root ? 0 : err_errno(e, "cannot resolve %s", root);

	while (r == 0 && relative[len] != '\0') {
		char *path, *shown;
		ssize_t n;

		len += strcspn(relative + len, "/");
		prefix[len] = '\0';
		path = file_join(root, prefix);
		n = readlink(path, target, sizeof(target) - 1);
		if (n >= 0) {
			target[n] = '\0';
			if (!link_stays(path, prefix, target, real_root)) {
				shown = file_join(shown_root, prefix);
				r = err_set(e, STATUS_INVALID, "refused: %s is a "
				    "symbolic link that points outside the plugin "
				    "(to '%s')", shown, target);
				free(shown);
			}
		}
		free(path);
		prefix[len] = relative[len];
		len += relative[len] == '/';
	}
	free(prefix);
	free(real_root);
	return r;
}

/* Opens `relative` once every link on its way is known to stay inside. */
static int
open_checked(const char *root, const char *shown_root, const char *relative,
    struct err *e)
{
	char *path, *shown;
	int fd, saved;

	if (check_links(root, shown_root, relative, e) < 0)
		return -1;
	path = file_join(root, relative);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	saved = errno;
	free(path);
	if (fd >= 0)
		return fd;
	shown = file_join(shown_root, relative);
	errno = saved;
	err_errno(e, "cannot open %s", shown);
	free(shown);
	errno = saved;
	return -1;
}

/* A file with several hard links may be another file's other name, one
 * outside the plugin that its content must not be read from: refused. */
static int
refuse_hard_link(int fd, const char *shown_root, const char *relative,
    struct err *e)
{
	struct stat st;
	char *shown;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_nlink < 2)
		return fd;
	close(fd);
	shown = file_join(shown_root, relative);
	err_set(e, STATUS_INVALID, "refused: %s is a hard link (%lu names), "
	    "maybe to a file outside the plugin, which is not read; make it a "
	    "file of its own", shown, (unsigned long)st.st_nlink);
	free(shown);
	return -1;
}

static int
open_beneath(const char *root_path, const char *shown_root,
    const char *relative, struct err *e)
{
	struct open_how how = {
		.flags = O_RDONLY | O_CLOEXEC,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
	};
	int root = open(root_path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	int fd;

	if (root < 0)
		return err_errno(e, "cannot open %s", root_path);
	fd = (int)syscall(SYS_openat2, root, relative, &how, sizeof(how));
	close(root);
	if (fd >= 0)
		return fd;
	/* Without openat2(2) (an older kernel, a sandbox), for a path through
	 * an absolute link (which RESOLVE_BENEATH never follows, even one
	 * that stays inside), and to name the link that leaves the plugin:
	 * the path is walked, link by link. */
	return open_checked(root_path, shown_root, relative, e);
}

int
source_file_open(const char *root_path, const char *shown_root,
    const char *relative, struct err *e)
{
	return refuse_hard_link(open_beneath(root_path, shown_root, relative,
	    e), shown_root, relative, e);
}
