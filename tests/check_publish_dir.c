/* Tests of publish_dir: what a repository's directory holds, judged
 * before the lock (leniently: a run making the repository may be writing
 * in conf/) and under it. */
#include <config.h>

#include <stdlib.h>
#include <sys/stat.h>

#include "base/file.h"
#include "check_main.h"
#include "publish/publish_dir.h"

START_TEST(test_new_and_making)
{
	char *dir = test_make_dir();
	char *repo = file_join(dir, "repo"), *conf = file_join(repo, "conf");
	struct err e = ERR_INIT;

	/* Missing, then empty: a repository to make. */
	ck_assert_int_eq(publish_dir_check(repo, &e), 0);
	ck_assert_int_eq(mkdir(repo, 0755), 0);
	ck_assert_int_eq(publish_dir_check(repo, &e), 0);
	ck_assert_int_eq(mkdir(conf, 0755), 0);
	test_write_file(conf, PUBLISH_LOCK, "", 0644);
	ck_assert(publish_dir_is_new(repo));
	/* Another run writing its conf/distributions: not refused before
	 * the lock, and no longer new under it. */
	test_write_file(conf, ".distributions.tmp", "Codename: x\n", 0644);
	ck_assert_int_eq(publish_dir_check(repo, &e), 0);
	ck_assert(!publish_dir_is_new(repo));
	/* Something beside conf/ without a repository: refused. */
	test_write_file(repo, "file", "x", 0644);
	ck_assert_int_eq(publish_dir_check(repo, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	err_release(&e);
	free(conf);
	free(repo);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("publish_dir");
	TCase *tc = tcase_create("publish_dir");

	tcase_add_test(tc, test_new_and_making);
	suite_add_tcase(s, tc);
	return s;
}
