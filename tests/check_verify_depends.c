/* Tests of verify_depends: which Depends relations verify asks apt for. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "verify/verify_depends.h"

static char *const together[] = { "wazo-plugind-base-tests",
    "wazo-plugind-top-tests" };

START_TEST(test_relations_kept)
{
	struct verify_depends d = { NULL, 0 };

	verify_depends_add(&d, "golang-go,  python3-requests  (>= 2.0) ,"
	    "mawk | gawk", together, 2);
	ck_assert_uint_eq(d.count, 3);
	ck_assert_str_eq(d.relations[0], "golang-go");
	ck_assert_str_eq(d.relations[1], "python3-requests (>= 2.0)");
	ck_assert_str_eq(d.relations[2], "mawk | gawk");
	verify_depends_release(&d);
	ck_assert_uint_eq(d.count, 0);
}
END_TEST

START_TEST(test_packages_together_satisfy_each_other)
{
	struct verify_depends d = { NULL, 0 };

	verify_depends_add(&d, "wazo-plugind-base-tests, libfoo1 | "
	    "wazo-plugind-top-tests (>= 1), wazo-plugind-base-tests2",
	    together, 2);
	ck_assert_uint_eq(d.count, 1);
	ck_assert_str_eq(d.relations[0], "wazo-plugind-base-tests2");
	verify_depends_release(&d);
}
END_TEST

START_TEST(test_once_each)
{
	struct verify_depends d = { NULL, 0 };

	verify_depends_add(&d, "curl, jq", together, 2);
	verify_depends_add(&d, "jq,curl , sox", together, 2);
	verify_depends_add(&d, "", together, 2);
	verify_depends_add(&d, " , ", together, 0);
	ck_assert_uint_eq(d.count, 3);
	ck_assert_str_eq(d.relations[2], "sox");
	verify_depends_release(&d);
}
END_TEST

/* apt-get satisfy's output when its downloads cannot leave the root. */
static const char offline[] = "Reading package lists...\n"
    "Err:1 http://deb.debian.org/debian bookworm/main amd64 cowsay all "
    "3.03+dfsg2-8\n  Temporary failure resolving 'deb.debian.org'\n"
    "E: Failed to fetch http://deb.debian.org/debian/pool/main/c/cowsay/"
    "cowsay_3.03+dfsg2-8_all.deb  Temporary failure resolving "
    "'deb.debian.org'\n"
    "E: Unable to fetch some archives, maybe run apt-get update or try "
    "with --fix-missing?\n";

START_TEST(test_failure_without_network)
{
	char *why = verify_depends_failure(100, offline, false);

	ck_assert_str_eq(why, "apt-get exited 100: Failed to fetch "
	    "http://deb.debian.org/debian/pool/main/c/cowsay/"
	    "cowsay_3.03+dfsg2-8_all.deb Temporary failure resolving "
	    "'deb.debian.org'; the throwaway root has no network "
	    "(--network allows it)");
	free(why);
}
END_TEST

START_TEST(test_failure_with_network)
{
	char *why = verify_depends_failure(100, offline, true);

	ck_assert_ptr_null(strstr(why, "no network"));
	ck_assert_ptr_nonnull(strstr(why, "apt-get exited 100: Failed to "
	    "fetch"));
	free(why);
}
END_TEST

START_TEST(test_failure_not_the_network)
{
	char *why = verify_depends_failure(100, "Reading package lists...\n"
	    "E: Sub-process /usr/bin/dpkg returned an error code (1)\n",
	    false);

	ck_assert_str_eq(why, "apt-get exited 100: Sub-process /usr/bin/dpkg "
	    "returned an error code (1)");
	free(why);
	why = verify_depends_failure(1, "", false);
	ck_assert_str_eq(why, "apt-get exited 1: apt-get gave no reason");
	free(why);
	/* A file: source's missing file is no network trouble. */
	why = verify_depends_failure(100, "E: Failed to fetch "
	    "file:/srv/repo/./p_1.0_all.deb  File not found\n", false);
	ck_assert_ptr_null(strstr(why, "no network"));
	free(why);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("verify_depends");
	TCase *tc = tcase_create("verify_depends");

	tcase_add_test(tc, test_relations_kept);
	tcase_add_test(tc, test_packages_together_satisfy_each_other);
	tcase_add_test(tc, test_once_each);
	tcase_add_test(tc, test_failure_without_network);
	tcase_add_test(tc, test_failure_with_network);
	tcase_add_test(tc, test_failure_not_the_network);
	suite_add_tcase(s, tc);
	return s;
}
