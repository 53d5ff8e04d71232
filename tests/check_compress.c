/* Tests of compress: every compressor reads back, at every thread count
 * the same bytes; a size hint sizes xz's dictionary and zstd's window. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "check_main.h"
#include "deb/compress.h"

/* Compresses `len` bytes of `data` into a temporary file, told that
 * `hint` bytes come; returns its contents. */
static struct buf
compressed_sized(enum compression kind, int level, unsigned threads,
    unsigned long long hint, const char *data, size_t len)
{
	struct compress_options o = { kind, level, threads, hint };
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	FILE *f = tmpfile();
	struct compressor *c;
	char chunk[4096];
	size_t n;

	ck_assert_ptr_nonnull(f);
	c = compress_open(&o, fileno(f), "member", &e);
	ck_assert_ptr_nonnull(c);
	/* In odd pieces, as a tar writer hands them over. */
	for (size_t off = 0; off < len; off += 777)
		ck_assert_int_eq(compress_write(c, data + off,
		    len - off < 777 ? len - off : 777, &e), 0);
	ck_assert_int_eq(compress_close(c, &e), 0);
	rewind(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&out, chunk, n);
	fclose(f);
	return out;
}

static struct buf
compressed(enum compression kind, int level, unsigned threads,
    const char *data, size_t len)
{
	return compressed_sized(kind, level, threads, 0, data, len);
}

/* Decompresses with the command-line tool and compares. */
static void
assert_reads_back(const struct buf *packed, const char *tool,
    const char *data, size_t len)
{
	char *dir = test_make_dir(), *cmd;
	struct buf got = BUF_INIT;
	char chunk[4096];
	size_t n;
	FILE *p;

	test_write_bytes(dir, "packed", packed->data, packed->len, 0644);
	cmd = xasprintf("%s < '%s/packed'", tool, dir);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_add(&got, chunk, n);
	ck_assert_int_eq(pclose(p), 0);
	ck_assert_uint_eq(got.len, len);
	ck_assert_int_eq(memcmp(got.data, data, len), 0);
	buf_release(&got);
	test_remove_tree(dir);
	free(cmd);
	free(dir);
}

static char *
sample(size_t len)
{
	char *data = xmalloc(len);

	/* Text-like, with some noise. */
	for (size_t i = 0; i < len; i++)
		data[i] = (char)(i % 97 < 60 ? 'a' + (i * 7) % 26 :
		    (i * 2654435761u) >> 24);
	return data;
}

static const struct {
	enum compression kind;
	const char *tool;
} kinds[] = {
	{ COMPRESS_XZ, "xz -dc" },
	{ COMPRESS_ZSTD, "zstd -dcq" },
	{ COMPRESS_GZIP, "gzip -dc" },
	{ COMPRESS_NONE, "cat" },
};

START_TEST(test_reads_back_and_ignores_threads)
{
	size_t len = 3 * 1024 * 1024 + 11;
	char *data = sample(len);
	enum compression kind = kinds[_i].kind;
	int level = compress_default_level(kind);
	struct buf one = compressed(kind, level, 1, data, len);
	struct buf two = compressed(kind, level, 2, data, len);
	struct buf four = compressed(kind, level, 4, data, len);

	assert_reads_back(&one, kinds[_i].tool, data, len);
	ck_assert_uint_eq(one.len, two.len);
	ck_assert_int_eq(memcmp(one.data, two.data, one.len), 0);
	ck_assert_uint_eq(one.len, four.len);
	ck_assert_int_eq(memcmp(one.data, four.data, one.len), 0);
	if (kind != COMPRESS_NONE)
		ck_assert_uint_lt(one.len, len);
	buf_release(&one);
	buf_release(&two);
	buf_release(&four);
	free(data);
}
END_TEST

START_TEST(test_empty_input)
{
	struct buf packed = compressed(kinds[_i].kind,
	    compress_default_level(kinds[_i].kind), 2, "", 0);

	assert_reads_back(&packed, kinds[_i].tool, "", 0);
	buf_release(&packed);
}
END_TEST

START_TEST(test_names)
{
	ck_assert_int_eq(compress_parse("xz"), COMPRESS_XZ);
	ck_assert_int_eq(compress_parse("zstd"), COMPRESS_ZSTD);
	ck_assert_int_eq(compress_parse("gzip"), COMPRESS_GZIP);
	ck_assert_int_eq(compress_parse("none"), COMPRESS_NONE);
	ck_assert_int_eq(compress_parse("bzip2"), -1);
	ck_assert_str_eq(compress_suffix(COMPRESS_ZSTD), ".zst");
	ck_assert_str_eq(compress_suffix(COMPRESS_NONE), "");
	ck_assert_int_eq(compress_default_level(COMPRESS_XZ), 6);
	ck_assert_int_eq(compress_default_level(COMPRESS_ZSTD), 3);
	ck_assert_int_eq(compress_default_level(COMPRESS_GZIP), 9);
	ck_assert_int_eq(compress_min_level(COMPRESS_ZSTD), 1);
	ck_assert_int_eq(compress_max_level(COMPRESS_ZSTD), 19);
	ck_assert_str_eq(compress_name(COMPRESS_GZIP), "gzip");
}
END_TEST

/* Every row of the table: its name reads back, its levels are ordered,
 * and a stream at its lowest and highest level reads back. */
/* The lists --help and -Z's error show come from the table. */
START_TEST(test_describe)
{
	struct buf names = BUF_INIT, levels = BUF_INIT;

	compress_describe(&names, false);
	compress_describe(&levels, true);
	ck_assert_str_eq(names.data, "xz, zstd, gzip or none");
	ck_assert_str_eq(levels.data, "xz 6, zstd 3, gzip 9");
	buf_release(&names);
	buf_release(&levels);
}
END_TEST

START_TEST(test_table_rows)
{
	enum compression kind = kinds[_i].kind;
	int min = compress_min_level(kind), max = compress_max_level(kind);
	struct buf low = compressed(kind, min, 1, "table", 5);
	struct buf high = compressed(kind, max, 1, "table", 5);

	ck_assert_int_eq(compress_parse(compress_name(kind)), (int)kind);
	ck_assert_int_le(min, compress_default_level(kind));
	ck_assert_int_le(compress_default_level(kind), max);
	assert_reads_back(&low, kinds[_i].tool, "table", 5);
	assert_reads_back(&high, kinds[_i].tool, "table", 5);
	buf_release(&low);
	buf_release(&high);
}
END_TEST

START_TEST(test_write_error)
{
	struct compress_options o = { COMPRESS_NONE, 0, 1, 0 };
	struct err e = ERR_INIT;
	struct compressor *c = compress_open(&o, -1, "member", &e);

	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(compress_write(c, "x", 1, &e), -1);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	/* The path and the cause. */
	ck_assert_str_eq(e.msg, "cannot write member: Bad file descriptor");
	err_release(&e);
	compress_close(c, &e);
	err_release(&e);
}
END_TEST

static unsigned long long
window(enum compression kind, int level, unsigned long long hint)
{
	struct compress_options o = { kind, level, 1, hint };

	return compress_window(&o);
}

/* The level's window, unless the hint is smaller: then the least size at
 * or above it that the format states (xz: 2^n and 3 * 2^(n-1)), 64 KiB
 * at least. */
START_TEST(test_window)
{
	ck_assert_uint_eq(window(COMPRESS_XZ, 6, 0), 8 << 20);
	ck_assert_uint_eq(window(COMPRESS_XZ, 9, 0), 64 << 20);
	ck_assert_uint_eq(window(COMPRESS_XZ, 0, 0), 256 << 10);
	ck_assert_uint_eq(window(COMPRESS_XZ, 6, 1), 64 << 10);
	ck_assert_uint_eq(window(COMPRESS_XZ, 6, 64 << 10), 64 << 10);
	ck_assert_uint_eq(window(COMPRESS_XZ, 6, (64 << 10) + 1), 96 << 10);
	ck_assert_uint_eq(window(COMPRESS_XZ, 6, 100000), 128 << 10);
	ck_assert_uint_eq(window(COMPRESS_XZ, 6, 266240), 384 << 10);
	ck_assert_uint_eq(window(COMPRESS_XZ, 6, (6 << 20) + 1), 8 << 20);
	ck_assert_uint_eq(window(COMPRESS_XZ, 6, 9 << 20), 8 << 20);
	/* Never above the level's. */
	ck_assert_uint_eq(window(COMPRESS_XZ, 0, 300 << 10), 256 << 10);
	ck_assert_uint_eq(window(COMPRESS_ZSTD, 3, 0), 2 << 20);
	ck_assert_uint_eq(window(COMPRESS_ZSTD, 19, 0), 8 << 20);
	ck_assert_uint_eq(window(COMPRESS_ZSTD, 3, 100000), 128 << 10);
	ck_assert_uint_eq(window(COMPRESS_ZSTD, 3, 266240), 512 << 10);
	ck_assert_uint_eq(window(COMPRESS_ZSTD, 3, 5 << 20), 2 << 20);
	ck_assert_uint_eq(window(COMPRESS_GZIP, 9, 100000), 0);
	ck_assert_uint_eq(window(COMPRESS_NONE, 0, 100000), 0);
}
END_TEST

/* With a hint, small and larger inputs read back and give the same bytes
 * at every thread count; larger than the window, too (a wrong hint). */
START_TEST(test_sized_ignores_threads)
{
	static const struct {
		enum compression kind;
		const char *tool;
		size_t len;
		unsigned long long hint;
	} cases[] = {
		{ COMPRESS_XZ, "xz -dc", 100000, 100000 },
		{ COMPRESS_XZ, "xz -dc", 700 * 1024, 700 * 1024 + 99 },
		{ COMPRESS_XZ, "xz -dc", 200 * 1024, 70 * 1024 },
		{ COMPRESS_ZSTD, "zstd -dcq", 100000, 100000 },
		{ COMPRESS_ZSTD, "zstd -dcq", 700 * 1024, 700 * 1024 + 99 },
		{ COMPRESS_ZSTD, "zstd -dcq", 200 * 1024, 70 * 1024 },
	};
	size_t len = cases[_i].len;
	char *data = sample(len);
	enum compression kind = cases[_i].kind;
	int level = compress_default_level(kind);
	struct buf one = compressed_sized(kind, level, 1, cases[_i].hint, data,
	    len);

	assert_reads_back(&one, cases[_i].tool, data, len);
	for (unsigned threads = 2; threads <= 4; threads += 2) {
		struct buf more = compressed_sized(kind, level, threads,
		    cases[_i].hint, data, len);

		ck_assert_uint_eq(one.len, more.len);
		ck_assert_int_eq(memcmp(one.data, more.data, one.len), 0);
		buf_release(&more);
	}
	buf_release(&one);
	free(data);
}
END_TEST

/* What a tool prints about `packed`, the lines matching `pattern`. */
static char *
tool_says(const struct buf *packed, const char *tool, const char *pattern)
{
	char *dir = test_make_dir(), *cmd, line[512];
	struct buf out = BUF_INIT;
	FILE *p;

	test_write_bytes(dir, "packed", packed->data, packed->len, 0644);
	cmd = xasprintf("%s '%s/packed' 2>/dev/null | grep '%s'", tool, dir,
	    pattern);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	while (fgets(line, sizeof(line), p) != NULL)
		buf_adds(&out, line);
	pclose(p);
	test_remove_tree(dir);
	free(cmd);
	free(dir);
	return buf_detach(&out);
}

/* The headers state the sized window: xz's block header its dictionary
 * (as xz -lvv shows it), zstd's frame header its window. */
START_TEST(test_headers_state_the_window)
{
	size_t len = 100000;
	char *data = sample(len), *said;
	struct buf xz = compressed_sized(COMPRESS_XZ, 6, 2, len, data, len);
	struct buf full = compressed_sized(COMPRESS_XZ, 6, 2, 0, data, len);
	struct buf zst = compressed_sized(COMPRESS_ZSTD, 3, 2, len, data, len);

	said = tool_says(&xz, "xz --robot -lvv", "^block");
	ck_assert_ptr_nonnull(strstr(said, "--lzma2=dict=128KiB"));
	free(said);
	said = tool_says(&full, "xz --robot -lvv", "^block");
	ck_assert_ptr_nonnull(strstr(said, "--lzma2=dict=8MiB"));
	free(said);
	said = tool_says(&zst, "zstd -lv", "Window Size");
	ck_assert_ptr_nonnull(strstr(said, "(131072 B)"));
	free(said);
	buf_release(&xz);
	buf_release(&full);
	buf_release(&zst);
	free(data);
}
END_TEST

static unsigned long long
block_size(enum compression kind, int level, unsigned long long hint)
{
	struct compress_options o = { kind, level, 1, hint };

	return compress_block_size(&o);
}

/* xz's blocks: liblzma's default (0) for a member that two blocks of a
 * dictionary cannot hold, else equal blocks of at most 2 dictionaries,
 * their count a multiple of 4 while no block falls under a dictionary. */
START_TEST(test_block_size)
{
	const unsigned long long mib = 1 << 20;

	ck_assert_uint_eq(block_size(COMPRESS_XZ, 6, 0), 0);
	ck_assert_uint_eq(block_size(COMPRESS_XZ, 6, 100000), 0);
	ck_assert_uint_eq(block_size(COMPRESS_XZ, 6, 16 * mib - 1), 0);
	/* Two blocks of a dictionary, then of more, up to 4 blocks. */
	ck_assert_uint_eq(block_size(COMPRESS_XZ, 6, 16 * mib), 8 * mib);
	ck_assert_uint_eq(block_size(COMPRESS_XZ, 6, 20 * mib), 10 * mib);
	ck_assert_uint_eq(block_size(COMPRESS_XZ, 6, 24 * mib), 8 * mib);
	ck_assert_uint_eq(block_size(COMPRESS_XZ, 6, 32 * mib), 8 * mib);
	/* The bench's medium tree: 4 blocks, not 24 + 24 + 15. */
	ck_assert_uint_eq(block_size(COMPRESS_XZ, 6, 65351680), 16337920);
	ck_assert_uint_eq(block_size(COMPRESS_XZ, 6, 64 * mib + 1),
	    64 * mib / 8 + 1);
	/* Large: at most 2 dictionaries, a multiple of 4 blocks. */
	ck_assert_uint_eq(block_size(COMPRESS_XZ, 6, 400 * mib),
	    400 * mib / 28 + 1);
	ck_assert_uint_eq(block_size(COMPRESS_XZ, 0, 5 * mib / 2),
	    320 * 1024);
	ck_assert_uint_eq(block_size(COMPRESS_ZSTD, 3, 400 * mib), 0);
	ck_assert_uint_eq(block_size(COMPRESS_GZIP, 9, 400 * mib), 0);
}
END_TEST

/* A member of many blocks: the same bytes at 1, 2 and 3 threads, read
 * back whole by xz, in the blocks compress_block_size() says. */
START_TEST(test_blocks_ignore_threads)
{
	size_t len = 5 * 1024 * 1024 / 2;
	char *data = sample(len), *said;
	struct buf one = compressed_sized(COMPRESS_XZ, 0, 1, len, data, len);
	size_t blocks = 0;

	assert_reads_back(&one, "xz -dc", data, len);
	for (unsigned threads = 2; threads <= 3; threads++) {
		struct buf more = compressed_sized(COMPRESS_XZ, 0, threads,
		    len, data, len);

		ck_assert_uint_eq(one.len, more.len);
		ck_assert_int_eq(memcmp(one.data, more.data, one.len), 0);
		buf_release(&more);
	}
	said = tool_says(&one, "xz --robot -lvv", "^block");
	for (const char *p = said; (p = strstr(p, "block\t")) != NULL; p++)
		blocks++;
	ck_assert_uint_eq(blocks, 8);
	ck_assert_ptr_nonnull(strstr(said, "\t327680\t"));
	free(said);
	buf_release(&one);
	free(data);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("compress");
	TCase *tc = tcase_create("compress");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_reads_back_and_ignores_threads, 0, 4);
	tcase_add_loop_test(tc, test_empty_input, 0, 4);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_describe);
	tcase_add_loop_test(tc, test_table_rows, 0, 4);
	tcase_add_test(tc, test_write_error);
	tcase_add_test(tc, test_window);
	tcase_add_loop_test(tc, test_sized_ignores_threads, 0, 6);
	tcase_add_test(tc, test_headers_state_the_window);
	tcase_add_test(tc, test_block_size);
	tcase_add_test(tc, test_blocks_ignore_threads);
	suite_add_tcase(s, tc);
	return s;
}
