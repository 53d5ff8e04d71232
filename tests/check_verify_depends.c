/* Tests of verify_depends: which Depends relations verify asks apt for. */
#include <config.h>

#include <stdlib.h>

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

Suite *
make_suite(void)
{
	Suite *s = suite_create("verify_depends");
	TCase *tc = tcase_create("verify_depends");

	tcase_add_test(tc, test_relations_kept);
	tcase_add_test(tc, test_packages_together_satisfy_each_other);
	tcase_add_test(tc, test_once_each);
	suite_add_tcase(s, tc);
	return s;
}
