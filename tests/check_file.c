/* Tests of file: whole-file reads, path joins and atomic writes. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check_main.h"
#include "base/file.h"

START_TEST(test_read_whole_and_limited)
{
	char *dir = test_make_dir(), *path = xasprintf("%s/f", dir);
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;
	int truncated = -1;

	test_write_bytes(dir, "f", "abc\0def", 7, 0644);
	ck_assert_int_eq(file_read(path, 100, &b, &truncated, &e), 0);
	ck_assert_uint_eq(b.len, 7);
	ck_assert_int_eq(memcmp(b.data, "abc\0def", 7), 0);
	ck_assert_int_eq(truncated, 0);
	buf_reset(&b);
	ck_assert_int_eq(file_read(path, 4, &b, &truncated, &e), 0);
	ck_assert_uint_eq(b.len, 4);
	ck_assert_int_eq(truncated, 1);
	buf_release(&b);
	test_remove_tree(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_read_missing_file)
{
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;

	ck_assert_int_eq(file_read("/nonexistent/wpd", 10, &b, NULL, &e), -1);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	ck_assert_str_eq(e.msg, "cannot open /nonexistent/wpd: No such file "
	    "or directory");
	err_release(&e);
	ck_assert_ptr_null(e.msg);
}
END_TEST

START_TEST(test_join)
{
	static const char *const cases[][3] = {
		{ "", "wazo/rules", "wazo/rules" },
		{ ".", "wazo/rules", "wazo/rules" },
		{ "src", "wazo/rules", "src/wazo/rules" },
		{ "src///", "x", "src/x" },
		{ "/", "x", "/x" },
		{ "/a/b/", "x", "/a/b/x" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *joined = file_join(cases[i][0], cases[i][1]);

		ck_assert_str_eq(joined, cases[i][2]);
		free(joined);
	}
}
END_TEST

/* Gives "one " and "two", or fails after "one " when ctx says so. */
static int
fill_pieces(const void *ctx, file_put put, void *sink, struct err *e)
{
	if (put(sink, "one ", 4, e) < 0)
		return -1;
	if (*(const int *)ctx)
		return err_set(e, STATUS_SYSTEM, "no more");
	return put(sink, "two", 3, e);
}

START_TEST(test_write_atomic_in_pieces)
{
	char *dir = test_make_dir(), *path = xasprintf("%s/f", dir), *got;
	struct err e = ERR_INIT;
	struct stat st;
	int fail = 0;

	ck_assert_int_eq(file_write_atomic_by(path, 0640, fill_pieces, &fail,
	    &e), 0);
	got = test_read_file(dir, "f");
	ck_assert_str_eq(got, "one two");
	free(got);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0640);
	/* A fill that fails leaves the old file and no temporary one. */
	fail = 1;
	ck_assert_int_eq(file_write_atomic_by(path, 0644, fill_pieces, &fail,
	    &e), -1);
	ck_assert_str_eq(e.msg, "no more");
	err_release(&e);
	got = test_list_dir(dir);
	ck_assert_str_eq(got, "f,");
	free(got);
	got = test_read_file(dir, "f");
	ck_assert_str_eq(got, "one two");
	free(got);
	test_remove_tree(dir);
	free(path);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("file");
	TCase *tc = tcase_create("file");

	tcase_add_test(tc, test_read_whole_and_limited);
	tcase_add_test(tc, test_read_missing_file);
	tcase_add_test(tc, test_join);
	tcase_add_test(tc, test_write_atomic_in_pieces);
	suite_add_tcase(s, tc);
	return s;
}
