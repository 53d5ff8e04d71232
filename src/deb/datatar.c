/* datatar: a .deb's data member, written by the payload pass. */
#include <config.h>

#include <string.h>

#include "deb/datatar.h"
#include "deb/tarwriter.h"

static int
tar_entry(void *ctx, const struct payload_file *f, bool *take_data,
    struct err *e)
{
	int is_link = 0;

	if (tarwriter_entry(ctx, f->path, f->st, f->target, &is_link, e) < 0)
		return -1;
	/* A hard link to an earlier entry carries no data. */
	*take_data = S_ISREG(f->st->st_mode) && !is_link;
	return 0;
}

static int
tar_data(void *ctx, const void *chunk, size_t len, struct err *e)
{
	return tarwriter_data(ctx, chunk, len, e);
}

int
datatar_write(int fd, const char *path, const struct payload_source *sources,
    size_t nsources,
    const struct compress_options *o, time_t mtime,
    struct payload_result *out, struct err *e)
{
	struct tarwriter *tw = tarwriter_open(fd, path, o, mtime, e);
	struct payload_writer w = { tar_entry, tar_data, NULL, tw, true };
	int r;

	if (tw == NULL) {
		memset(out, 0, sizeof(*out));
		buf_init(&out->md5sums);
		return -1;
	}
	r = payload_pass(sources, nsources, mtime, &w, out, e);
	if (tarwriter_close(tw, e) < 0)
		r = -1;
	return r;
}
