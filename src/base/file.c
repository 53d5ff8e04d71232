/* file: reading and writing whole files safely. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/file.h"

int
file_read_fd(int fd, const char *path, size_t limit, struct buf *out,
    int *truncated, struct err *e)
{
	char chunk[8192];
	size_t total = 0;
	ssize_t n;

	if (truncated != NULL)
		*truncated = 0;
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return err_errno(e, "cannot read %s", path);
		}
		if (total + (size_t)n > limit) {
			buf_add(out, chunk, limit - total);
			if (truncated != NULL)
				*truncated = 1;
			break;
		}
		buf_add(out, chunk, (size_t)n);
		total += (size_t)n;
	}
	return 0;
}

int
file_read(const char *path, size_t limit, struct buf *out, int *truncated,
    struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int r;

	if (fd < 0)
		return err_errno(e, "cannot open %s", path);
	r = file_read_fd(fd, path, limit, out, truncated, e);
	close(fd);
	return r;
}

int
file_write_all(int fd, const void *buf, size_t len)
{
	const char *data = buf;

	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The temporary file a fill() writes into. */
struct tmp_sink {
	int fd;
	const char *path;
};

static int
put_tmp(void *sink, const void *data, size_t len, struct err *e)
{
	struct tmp_sink *t = sink;

	if (file_write_all(t->fd, data, len) < 0)
		return err_errno(e, "cannot write %s", t->path);
	return 0;
}

/* The whole contents at once, as a fill() gives them. */
struct whole {
	const void *data;
	size_t len;
};

static int
fill_whole(const void *ctx, file_put put, void *sink, struct err *e)
{
	const struct whole *w = ctx;

	return put(sink, w->data, w->len, e);
}

int
file_write_atomic(const char *path, const void *data, size_t len,
    unsigned mode, struct err *e)
{
	struct whole w = { data, len };

	return file_write_atomic_by(path, mode, fill_whole, &w, e);
}

int
file_write_atomic_by(const char *path, unsigned mode, file_fill fill,
    const void *ctx, struct err *e)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	struct tmp_sink sink = { mkstemp(tmp), tmp };
	int fd = sink.fd, r;

	if (fd < 0) {
		err_errno(e, "cannot create a file beside %s", path);
		free(tmp);
		return -1;
	}
	r = fill(ctx, put_tmp, &sink, e);
	if (r == 0 && fchmod(fd, (mode_t)mode) < 0)
		r = err_errno(e, "cannot write %s", tmp);
	if (r < 0) {
		close(fd);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		err_errno(e, "cannot write %s", path);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

char *
file_join(const char *dir, const char *name)
{
	size_t len = strlen(dir);

	if (len == 0 || strcmp(dir, ".") == 0)
		return xstrdup(name);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	if (dir[len - 1] == '/')
		return xasprintf("/%s", name);
	return xasprintf("%.*s/%s", (int)len, dir, name);
}
