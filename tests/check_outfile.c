/* Tests of outfile: files named only once complete; scratch files. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/outfile.h"
#include "check_main.h"

START_TEST(test_named_only_when_committed)
{
	char *dir = test_make_dir(), *path = xasprintf("%s/p.deb", dir), *got;
	struct outfile f;
	struct err e = ERR_INIT;
	struct stat st;

	ck_assert_int_eq(outfile_open(&f, path, &e), 0);
	ck_assert_int_eq(write(f.fd, "new", 3), 3);
	got = test_list_dir(dir);
	ck_assert_str_eq(got, "");		/* nothing named yet */
	free(got);
	ck_assert_int_eq(outfile_commit(&f, 0644, &e), 0);
	got = test_read_file(NULL, path);
	ck_assert_str_eq(got, "new");
	free(got);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0644);
	/* An existing file is replaced, and only once complete. */
	ck_assert_int_eq(outfile_open(&f, path, &e), 0);
	ck_assert_int_eq(write(f.fd, "newer", 5), 5);
	got = test_read_file(NULL, path);
	ck_assert_str_eq(got, "new");
	free(got);
	ck_assert_int_eq(outfile_commit(&f, 0644, &e), 0);
	got = test_read_file(NULL, path);
	ck_assert_str_eq(got, "newer");
	free(got);
	/* Given up: nothing changes, nothing is left. */
	ck_assert_int_eq(outfile_open(&f, path, &e), 0);
	outfile_abort(&f);
	got = test_list_dir(dir);
	ck_assert_str_eq(got, "p.deb,");
	free(got);
	test_remove_tree(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_errors_name_the_path)
{
	struct outfile f;
	struct err e = ERR_INIT;

	ck_assert_int_eq(outfile_open(&f, "/nonexistent/dir/p.deb", &e), -1);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	ck_assert_str_eq(e.msg, "cannot create a file in /nonexistent/dir: "
	    "No such file or directory");
	err_release(&e);
	ck_assert_int_eq(outfile_scratch("/nonexistent", &e), -1);
	err_release(&e);
}
END_TEST

START_TEST(test_scratch_is_unnamed)
{
	char *dir = test_make_dir(), *got;
	struct err e = ERR_INIT;
	int fd = outfile_scratch(dir, &e);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "x", 1), 1);
	got = test_list_dir(dir);
	ck_assert_str_eq(got, "");
	free(got);
	close(fd);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("outfile");
	TCase *tc = tcase_create("outfile");

	tcase_add_test(tc, test_named_only_when_committed);
	tcase_add_test(tc, test_errors_name_the_path);
	tcase_add_test(tc, test_scratch_is_unnamed);
	suite_add_tcase(s, tc);
	return s;
}
