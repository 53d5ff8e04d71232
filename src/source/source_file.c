/* source_file: opening a file of the plugin without leaving it. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"
#include "source/source_file.h"
#include "source/source_link.h"

/* The first symbolic link on the way to `relative` that points outside
 * the root, reported; -1 always (the path leaves the plugin). */
static int
refuse_escape(const char *root, const char *shown_root, const char *relative,
    struct err *e)
{
	char *prefix = xstrdup(relative), *shown;
	char target[PATH_MAX];
	size_t len = 0;
	int r = -1;

	while (r < 0 && relative[len] != '\0') {
		char *path;
		ssize_t n;

		len += strcspn(relative + len, "/");
		prefix[len] = '\0';
		path = file_join(root, prefix);
		n = readlink(path, target, sizeof(target) - 1);
		free(path);
		if (n >= 0) {
			target[n] = '\0';
			if (source_link_escapes(prefix, target))
				r = 0;
		}
		if (r < 0) {
			prefix[len] = relative[len];
			len += relative[len] == '/';
		}
	}
	shown = file_join(shown_root, r == 0 ? prefix : relative);
	if (r == 0)
		err_set(e, STATUS_INVALID, "refused: %s is a symbolic link that "
		    "points outside the plugin (to '%s')", shown, target);
	else
		err_set(e, STATUS_INVALID, "refused: %s leads outside the plugin "
		    "through symbolic links", shown);
	free(shown);
	free(prefix);
	return -1;
}

/* Without openat2(2) (an older kernel, or a sandbox that forbids it):
 * the file's real path must lie under the root's. */
static int
open_checked(const char *root_path, const char *shown_root,
    const char *relative, struct err *e)
{
	char *path = file_join(root_path, relative);
	char *real = realpath(path, NULL), *root = realpath(root_path, NULL);
	size_t len = root ? strlen(root) : 0;
	int fd = -1;

	if (real == NULL || root == NULL) {
		err_errno(e, "cannot open %s", path);
	} else if (strncmp(real, root, len) != 0 ||
	    (real[len] != '/' && strcmp(root, "/") != 0)) {
		refuse_escape(root_path, shown_root, relative, e);
	} else if ((fd = open(real, O_RDONLY | O_CLOEXEC)) < 0) {
		err_errno(e, "cannot open %s", path);
	}
	free(path);
	free(real);
	free(root);
	return fd;
}

int
source_file_open(const char *root_path, const char *shown_root,
    const char *relative, struct err *e)
{
	struct open_how how = {
		.flags = O_RDONLY | O_CLOEXEC,
		.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
	};
	int root = open(root_path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	int fd, saved;
	char *path;

	if (root < 0)
		return err_errno(e, "cannot open %s", root_path);
	fd = (int)syscall(SYS_openat2, root, relative, &how, sizeof(how));
	saved = errno;
	close(root);
	if (fd >= 0)
		return fd;
	if (saved == ENOSYS || saved == EPERM)
		return open_checked(root_path, shown_root, relative, e);
	if (saved == EXDEV)
		return refuse_escape(root_path, shown_root, relative, e);
	path = file_join(shown_root, relative);
	errno = saved;
	err_errno(e, "cannot open %s", path);
	free(path);
	errno = saved;
	return -1;
}
