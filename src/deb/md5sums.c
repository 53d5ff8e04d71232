/* md5sums: the lines, made as they are written. */
#include <config.h>

#include <string.h>

#include "deb/md5sums.h"

/* The text goes out in pieces of about this size. */
#define PIECE (64 * 1024)

/* "<32 hex digits>  " and "\n" around each path. */
enum { LINE_EXTRA = 2 * PAYLOAD_MD5_LEN + 3 };

/* The next file that goes into md5sums. */
static bool
next_file(const struct md5sums *m, size_t *at, const char **path,
    const unsigned char **md5)
{
	while (payload_list_next_file(m->files, at, path, md5))
		if (!m->skip_etc || strncmp(*path, "etc/", 4) != 0)
			return true;
	return false;
}

unsigned long long
md5sums_size(const struct md5sums *m)
{
	unsigned long long n = 0;
	const unsigned char *md5;
	const char *path;
	size_t at = 0;

	while (next_file(m, &at, &path, &md5))
		n += LINE_EXTRA + strlen(path);
	return n;
}

static void
add_line(struct buf *b, const char *path, const unsigned char *md5)
{
	static const char hex[] = "0123456789abcdef";
	char digits[2 * PAYLOAD_MD5_LEN];

	for (size_t i = 0; i < PAYLOAD_MD5_LEN; i++) {
		digits[2 * i] = hex[md5[i] >> 4];
		digits[2 * i + 1] = hex[md5[i] & 0xf];
	}
	buf_add(b, digits, sizeof(digits));
	buf_add(b, "  ", 2);
	buf_add(b, path, strlen(path));
	buf_addc(b, '\n');
}

int
md5sums_write(const void *md5sums, file_put put, void *sink, struct err *e)
{
	const struct md5sums *m = md5sums;
	struct buf piece = BUF_INIT;
	const unsigned char *md5;
	const char *path;
	size_t at = 0;
	int r = 0;

	while (r == 0 && next_file(m, &at, &path, &md5)) {
		add_line(&piece, path, md5);
		if (piece.len >= PIECE) {
			r = put(sink, piece.data, piece.len, e);
			buf_reset(&piece);
		}
	}
	if (r == 0 && piece.len > 0)
		r = put(sink, piece.data, piece.len, e);
	buf_release(&piece);
	return r;
}

static int
put_buf(void *sink, const void *data, size_t len, struct err *e)
{
	(void)e;
	buf_add(sink, data, len);
	return 0;
}

void
md5sums_text(const struct md5sums *m, struct buf *out)
{
	md5sums_write(m, put_buf, out, NULL);
}
