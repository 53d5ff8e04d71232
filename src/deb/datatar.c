/* datatar: a .deb's data member, written by the payload pass; the tar
 * writer starts once the pass has listed the entries, so that the
 * compressor knows how much will come. */
#include <config.h>

#include <string.h>

#include "deb/datatar.h"
#include "deb/tarwriter.h"

struct datatar {
	datatar_open open;
	void *open_ctx;
	const char *path;
	const struct compress_options *o;
	time_t mtime;
	struct tarwriter *tw;	/* NULL until begin */
};

static int
tar_begin(void *ctx, unsigned long long total, struct err *e)
{
	struct datatar *d = ctx;
	struct compress_options o = *d->o;
	int fd;

	o.size_hint = tarwriter_stream_size(total);
	fd = d->open(o.size_hint, d->open_ctx, e);
	if (fd < 0)
		return -1;
	d->tw = tarwriter_open(fd, d->path, &o, d->mtime, e);
	return d->tw == NULL ? -1 : 0;
}

static int
tar_entry(void *ctx, const struct payload_file *f, bool *take_data,
    struct err *e)
{
	struct datatar *d = ctx;
	int is_link = 0;

	if (tarwriter_entry(d->tw, f->path, f->st, f->target, &is_link, e) < 0)
		return -1;
	/* A hard link to an earlier entry carries no data. */
	*take_data = S_ISREG(f->st->st_mode) && !is_link;
	return 0;
}

static int
tar_data(void *ctx, const void *chunk, size_t len, struct err *e)
{
	struct datatar *d = ctx;

	return tarwriter_data(d->tw, chunk, len, e);
}

int
datatar_write(datatar_open open, void *ctx, const char *path,
    const struct payload_source *sources, size_t nsources,
    const struct compress_options *o, time_t mtime,
    struct payload_result *out, struct err *e)
{
	struct datatar d = { open, ctx, path, o, mtime, NULL };
	struct payload_writer w = { tar_entry, tar_data, NULL, &d, true,
	    tarwriter_entry_size, tar_begin };
	int r;

	r = payload_pass(sources, nsources, mtime, &w, out, e);
	if (d.tw != NULL && tarwriter_close(d.tw, e) < 0)
		r = -1;
	return r;
}
