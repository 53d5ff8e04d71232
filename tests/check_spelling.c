/* Tests of spelling: the key a typo was meant to be. */
#include <config.h>

#include "check_main.h"
#include "base/spelling.h"

static const char *const words[] = { "name", "namespace", "debian_depends",
    "tags", "version" };

START_TEST(test_nearest)
{
	ck_assert_str_eq(spelling_nearest("namepsace", words, 5), "namespace");
	ck_assert_str_eq(spelling_nearest("debian_depend", words, 5),
	    "debian_depends");
	ck_assert_str_eq(spelling_nearest("nmae", words, 5), "name");
	ck_assert_str_eq(spelling_nearest("tag", words, 5), "tags");
	ck_assert_str_eq(spelling_nearest("versoin", words, 5), "version");
	ck_assert_ptr_null(spelling_nearest("colour", words, 5));
	ck_assert_ptr_null(spelling_nearest("nm", words, 5));
	ck_assert_ptr_null(spelling_nearest("", words, 5));
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("spelling");
	TCase *tc = tcase_create("spelling");

	tcase_add_test(tc, test_nearest);
	suite_add_tcase(s, tc);
	return s;
}
