/* Tests of md5sums (and payload_list's regular files): the lines from
 * the entries' digests, conffiles left out, in pieces. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "check_main.h"
#include "deb/md5sums.h"

/* Adds `path` of `mode` to `l`, its digest 00 01 02... plus `seed`. */
static void
add(struct payload_list *l, const char *path, mode_t mode, unsigned seed)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mode = mode;
	st.st_nlink = 1;
	payload_list_add(l, arena_strdup(&l->paths, path), 0, false, &st);
	for (unsigned i = 0; i < PAYLOAD_MD5_LEN; i++)
		l->v[l->count - 1].md5[i] = (unsigned char)(i * 17 + seed);
}

static void
make_list(struct payload_list *l)
{
	memset(l, 0, sizeof(*l));
	add(l, "", S_IFDIR | 0755, 0);
	add(l, "etc", S_IFDIR | 0755, 0);
	add(l, "etc/a.conf", S_IFREG | 0644, 0);
	add(l, "etcetera", S_IFREG | 0644, 1);
	add(l, "usr/bin/link", S_IFLNK | 0777, 0);
	add(l, "usr/é ñ", S_IFREG | 0600, 2);
}

/* md5sums of make_list()'s entries, conffiles left out or not, and the
 * length md5sums_size() tells. */
static void
expect_text(bool skip_etc, const char *want)
{
	struct payload_list l;
	struct md5sums m = { &l, skip_etc };
	struct buf text = BUF_INIT;

	make_list(&l);
	md5sums_text(&m, &text);
	ck_assert_str_eq(text.data, want);
	ck_assert_uint_eq(md5sums_size(&m), text.len);
	buf_release(&text);
	payload_list_release(&l);
}

START_TEST(test_every_file)
{
	expect_text(false,
	    "00112233445566778899aabbccddeeff  etc/a.conf\n"
	    "0112233445566778899aabbccddeef00  etcetera\n"
	    "02132435465768798a9bacbdcedff001  usr/é ñ\n");
}
END_TEST

START_TEST(test_conffiles_left_out)
{
	expect_text(true,
	    "0112233445566778899aabbccddeef00  etcetera\n"
	    "02132435465768798a9bacbdcedff001  usr/é ñ\n");
}
END_TEST

START_TEST(test_no_file)
{
	struct payload_list l;
	struct md5sums m = { &l, false };
	struct buf text = BUF_INIT;

	memset(&l, 0, sizeof(l));
	add(&l, "", S_IFDIR | 0755, 0);
	md5sums_text(&m, &text);
	ck_assert_uint_eq(text.len, 0);
	ck_assert_uint_eq(md5sums_size(&m), 0);
	buf_release(&text);
	payload_list_release(&l);
}
END_TEST

/* What put() got: the pieces, and a failure after `fail_at` of them. */
struct pieces {
	struct buf text;
	size_t count;
	size_t fail_at;
};

static int
put_piece(void *sink, const void *data, size_t len, struct err *e)
{
	struct pieces *p = sink;

	if (p->count++ == p->fail_at)
		return err_set(e, STATUS_SYSTEM, "disk full");
	buf_add(&p->text, data, len);
	return 0;
}

static void
make_long_list(struct payload_list *l)
{
	char path[64];

	memset(l, 0, sizeof(*l));
	for (unsigned i = 0; i < 5000; i++) {
		snprintf(path, sizeof(path), "usr/share/p/file-%05u", i);
		add(l, path, S_IFREG | 0644, i);
	}
}

START_TEST(test_in_pieces)
{
	struct payload_list l;
	struct md5sums m = { &l, false };
	struct pieces p = { BUF_INIT, 0, (size_t)-1 };
	struct buf whole = BUF_INIT;
	struct err e = ERR_INIT;

	make_long_list(&l);
	ck_assert_int_eq(md5sums_write(&m, put_piece, &p, &e), 0);
	/* 5000 lines of 57 bytes: five pieces of up to some 64 KiB. */
	ck_assert_uint_eq(p.count, 5);
	ck_assert_uint_eq(p.text.len, 5000 * 57);
	ck_assert_uint_eq(md5sums_size(&m), p.text.len);
	md5sums_text(&m, &whole);
	ck_assert_str_eq(p.text.data, whole.data);
	ck_assert(strncmp(whole.data + 55 * 57, "3748596a7b8c9dae"
	    "bfd0e1f203142536  usr/share/p/file-00055\n", 57) == 0);
	buf_release(&whole);
	buf_release(&p.text);
	payload_list_release(&l);
}
END_TEST

START_TEST(test_put_failure_stops)
{
	struct payload_list l;
	struct md5sums m = { &l, false };
	struct pieces p = { BUF_INIT, 0, 1 };
	struct err e = ERR_INIT;

	make_long_list(&l);
	ck_assert_int_eq(md5sums_write(&m, put_piece, &p, &e), -1);
	ck_assert_str_eq(e.msg, "disk full");
	ck_assert_uint_eq(p.count, 2);
	err_release(&e);
	buf_release(&p.text);
	payload_list_release(&l);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("md5sums");
	TCase *tc = tcase_create("md5sums");

	tcase_add_test(tc, test_every_file);
	tcase_add_test(tc, test_conffiles_left_out);
	tcase_add_test(tc, test_no_file);
	tcase_add_test(tc, test_in_pieces);
	tcase_add_test(tc, test_put_failure_stops);
	suite_add_tcase(s, tc);
	return s;
}
