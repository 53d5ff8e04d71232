/* compress: xz (liblzma, always its multi-threaded encoder, whose output
 * does not depend on the thread count), zstd (libzstd, with workers for
 * the same reason), gzip (zlib, no name, no time) and none; xz and zstd
 * with a window sized to the input when it is known to be small. */
#include <config.h>

#include <errno.h>
#include <lzma.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
/* For ZSTD_getCParams(): the level's window (libzstd exports it). */
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>

#include "base/buf.h"
#include "base/compiler.h"
#include "base/process.h"
#include "deb/compress.h"

#define OUT_SIZE (256 * 1024)
#define FEED_SIZE (1024 * 1024)
/* The least window compress_window() gives: below it, a smaller table
 * saves nothing measurable. */
#define MIN_WINDOW (64 * 1024ULL)

struct codec;

struct compressor {
	const struct codec *codec;
	int fd;
	char *path;		/* the file's, for messages */
	unsigned char out[OUT_SIZE];
	lzma_stream xz;
	ZSTD_CCtx *zstd;
	z_stream gz;
};

struct codec {
	const char *name;
	const char *suffix;
	int default_level;
	int min_level;
	int max_level;
	/* The level's window in bytes; NULL: no window to size. */
	unsigned long long (*window)(int level);
	bool window_halves;	/* 3 * 2^(n-1) is a window size too */
	int (*open)(struct compressor *c, const struct compress_options *o,
	    struct err *e);
	int (*pump)(struct compressor *c, const void *data, size_t len,
	    bool finish, struct err *e);
	void (*end)(struct compressor *c);
};

static int
write_out(struct compressor *c, const void *data, size_t len, struct err *e)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = write(c->fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return err_errno(e, "cannot write %s", c->path);
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static unsigned long long
window_xz(int level)
{
	lzma_options_lzma lz;

	return lzma_lzma_preset(&lz, (uint32_t)level) ? 0 : lz.dict_size;
}

static unsigned long long
window_zstd(int level)
{
	return 1ULL << ZSTD_getCParams(level, 0, 0).windowLog;
}

/* The preset's LZMA2 options with the dictionary compress_window() gives,
 * in blocks of compress_block_size(). */
static int
open_xz(struct compressor *c, const struct compress_options *o, struct err *e)
{
	lzma_options_lzma lz;
	lzma_filter filters[] = {
		{ LZMA_FILTER_LZMA2, &lz },
		{ LZMA_VLI_UNKNOWN, NULL },
	};
	lzma_mt mt;

	memset(&mt, 0, sizeof(mt));
	if (lzma_lzma_preset(&lz, (uint32_t)o->level))
		return err_set(e, STATUS_SYSTEM, "no xz preset %d", o->level);
	lz.dict_size = (uint32_t)compress_window(o);
	mt.block_size = compress_block_size(o);
	mt.threads = o->threads;
	mt.filters = filters;
	mt.check = LZMA_CHECK_CRC64;
	/* lzma_code() returns at least this often (ms) while the threads
	 * work, so that a signal is acted on soon. */
	mt.timeout = 100;
	c->xz = (lzma_stream)LZMA_STREAM_INIT;
	if (lzma_stream_encoder_mt(&c->xz, &mt) != LZMA_OK)
		return err_set(e, STATUS_SYSTEM, "cannot start the xz compressor");
	return 0;
}

/* log2 of a power of two. */
static int
log2_of(unsigned long long v)
{
	int n = 0;

	while (v > 1) {
		v >>= 1;
		n++;
	}
	return n;
}

static int
open_zstd(struct compressor *c, const struct compress_options *o,
    struct err *e)
{
	unsigned long long window = compress_window(o);

	c->zstd = ZSTD_createCCtx();
	/* Only a smaller window is set: the level's own parameters stay
	 * untouched otherwise. */
	if (c->zstd == NULL ||
	    (window < window_zstd(o->level) &&
	    ZSTD_isError(ZSTD_CCtx_setParameter(c->zstd, ZSTD_c_windowLog,
	    log2_of(window)))) ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(c->zstd,
	    ZSTD_c_compressionLevel, o->level)) ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(c->zstd, ZSTD_c_checksumFlag,
	    1)) ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(c->zstd, ZSTD_c_nbWorkers,
	    (int)o->threads)))
		return err_set(e, STATUS_SYSTEM, "cannot start the zstd "
		    "compressor (is libzstd built with threads?)");
	return 0;
}

static int
open_gzip(struct compressor *c, const struct compress_options *o,
    struct err *e)
{
	memset(&c->gz, 0, sizeof(c->gz));
	/* windowBits 15 + 16: a gzip header, without name or time. */
	if (deflateInit2(&c->gz, o->level, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		return err_set(e, STATUS_SYSTEM, "cannot start the gzip "
		    "compressor");
	return 0;
}

/* Runs one compressor over `data` (or finishes it, with `finish`). */
static int
pump_xz(struct compressor *c, const void *data, size_t len, bool finish,
    struct err *e)
{
	lzma_ret ret;

	c->xz.next_in = data;
	c->xz.avail_in = len;
	do {
		c->xz.next_out = c->out;
		c->xz.avail_out = OUT_SIZE;
		ret = lzma_code(&c->xz, finish ? LZMA_FINISH : LZMA_RUN);
		if (ret != LZMA_OK && ret != LZMA_STREAM_END)
			return err_set(e, STATUS_SYSTEM, "xz compression failed "
			    "(%d)", (int)ret);
		if (write_out(c, c->out, OUT_SIZE - c->xz.avail_out, e) < 0 ||
		    process_check_interrupted(e) < 0)
			return -1;
	} while (c->xz.avail_in > 0 || (finish && ret != LZMA_STREAM_END));
	return 0;
}

static int
pump_zstd(struct compressor *c, const void *data, size_t len, bool finish,
    struct err *e)
{
	ZSTD_inBuffer in = { data, len, 0 };
	size_t left;

	do {
		ZSTD_outBuffer out = { c->out, OUT_SIZE, 0 };

		left = ZSTD_compressStream2(c->zstd, &out, &in,
		    finish ? ZSTD_e_end : ZSTD_e_continue);
		if (ZSTD_isError(left))
			return err_set(e, STATUS_SYSTEM, "zstd compression "
			    "failed: %s", ZSTD_getErrorName(left));
		if (write_out(c, c->out, out.pos, e) < 0 ||
		    process_check_interrupted(e) < 0)
			return -1;
	} while (in.pos < in.size || (finish && left > 0));
	return 0;
}

static int
pump_gzip(struct compressor *c, const void *data, size_t len, bool finish,
    struct err *e)
{
	int ret;

	c->gz.next_in = (Bytef *)data;
	c->gz.avail_in = (uInt)len;
	do {
		c->gz.next_out = c->out;
		c->gz.avail_out = OUT_SIZE;
		ret = deflate(&c->gz, finish ? Z_FINISH : Z_NO_FLUSH);
		if (ret == Z_STREAM_ERROR)
			return err_set(e, STATUS_SYSTEM, "gzip compression "
			    "failed");
		if (write_out(c, c->out, OUT_SIZE - c->gz.avail_out, e) < 0 ||
		    process_check_interrupted(e) < 0)
			return -1;
	} while (c->gz.avail_in > 0 || (finish && ret != Z_STREAM_END));
	return 0;
}

static void
end_xz(struct compressor *c)
{
	lzma_end(&c->xz);
}

static void
end_zstd(struct compressor *c)
{
	ZSTD_freeCCtx(c->zstd);
}

static void
end_gzip(struct compressor *c)
{
	deflateEnd(&c->gz);
}

/*
 * The compressors, by enum compression: dpkg-deb's name and member
 * suffix, its level range and default, and the functions that start,
 * feed (NULL: the bytes are written as they are) and end a stream. A new
 * compressor is a value of enum compression, its functions and its row.
 */
static const struct codec codecs[] = {
	[COMPRESS_XZ] = { "xz", ".xz", 6, 0, 9, window_xz, true, open_xz,
	    pump_xz, end_xz },
	[COMPRESS_ZSTD] = { "zstd", ".zst", 3, 1, 19, window_zstd, false,
	    open_zstd, pump_zstd, end_zstd },
	[COMPRESS_GZIP] = { "gzip", ".gz", 9, 0, 9, NULL, false, open_gzip,
	    pump_gzip, end_gzip },
	[COMPRESS_NONE] = { "none", "", 0, 0, 0, NULL, false, NULL, NULL,
	    NULL },
};

int
compress_parse(const char *name)
{
	for (size_t i = 0; i < WPD_ARRAY_SIZE(codecs); i++)
		if (strcmp(codecs[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
compress_name(enum compression kind)
{
	return codecs[kind].name;
}

void
compress_describe(struct buf *out, bool levels)
{
	size_t n = 0, last = 0;

	/* With levels, only the compressors that have more than one. */
	for (size_t i = 0; i < WPD_ARRAY_SIZE(codecs); i++)
		if (!levels || codecs[i].max_level > codecs[i].min_level)
			last = i;
	for (size_t i = 0; i <= last; i++) {
		if (levels && codecs[i].max_level == codecs[i].min_level)
			continue;
		if (n++ > 0)
			buf_adds(out, levels || i < last ? ", " : " or ");
		buf_adds(out, codecs[i].name);
		if (levels)
			buf_addf(out, " %d", codecs[i].default_level);
	}
}

const char *
compress_suffix(enum compression kind)
{
	return codecs[kind].suffix;
}

int
compress_default_level(enum compression kind)
{
	return codecs[kind].default_level;
}

int
compress_min_level(enum compression kind)
{
	return codecs[kind].min_level;
}

int
compress_max_level(enum compression kind)
{
	return codecs[kind].max_level;
}

unsigned long long
compress_window(const struct compress_options *o)
{
	const struct codec *codec = &codecs[o->kind];
	unsigned long long full, w = MIN_WINDOW;

	if (codec->window == NULL)
		return 0;
	full = codec->window(o->level);
	if (o->size_hint == 0 || o->size_hint >= full)
		return full;
	while (w < o->size_hint) {
		if (codec->window_halves && w + w / 2 >= o->size_hint)
			return w + w / 2;
		w *= 2;
	}
	return w < full ? w : full;
}

unsigned long long
compress_block_size(const struct compress_options *o)
{
	unsigned long long dict, size = o->size_hint, n, most;

	if (o->kind != COMPRESS_XZ || size == 0)
		return 0;
	dict = compress_window(o);
	if (dict == 0)
		return 0;
	/* Blocks of at most 2 dictionaries, their count rounded up to a
	 * multiple of 4, but none under a dictionary. */
	n = (size + 2 * dict - 1) / (2 * dict);
	most = size / dict > n ? size / dict : n;
	n = (n + 3) / 4 * 4;
	if (n > most)
		n = most;
	return n <= 1 ? 0 : (size + n - 1) / n;
}

struct compressor *
compress_open(const struct compress_options *o, int fd, const char *path,
    struct err *e)
{
	struct compressor *c = xcalloc(1, sizeof(*c));

	c->codec = &codecs[o->kind];
	c->fd = fd;
	c->path = xstrdup(path);
	if (c->codec->open != NULL && c->codec->open(c, o, e) < 0) {
		c->codec->end(c);
		free(c->path);
		free(c);
		return NULL;
	}
	return c;
}

static int
pump(struct compressor *c, const void *data, size_t len, bool finish,
    struct err *e)
{
	if (c->codec->pump == NULL)
		return write_out(c, data, len, e);
	return c->codec->pump(c, data, len, finish, e);
}

int
compress_write(struct compressor *c, const void *data, size_t len,
    struct err *e)
{
	/* At most a chunk at a time: a signal is acted on between chunks
	 * (zlib also counts in uInt). */
	while (len > 0) {
		size_t n = len > FEED_SIZE ? FEED_SIZE : len;

		if (pump(c, data, n, false, e) < 0 ||
		    process_check_interrupted(e) < 0)
			return -1;
		data = (const char *)data + n;
		len -= n;
	}
	return 0;
}

int
compress_close(struct compressor *c, struct err *e)
{
	int r = pump(c, NULL, 0, true, e);

	if (c->codec->end != NULL)
		c->codec->end(c);
	free(c->path);
	free(c);
	return r;
}
