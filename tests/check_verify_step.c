/* Tests of verify_step: the verdict on one step of verify. */
#include <config.h>

#include <stdlib.h>

#include "check_main.h"
#include "verify/verify_step.h"

/* The verdict on an install step that ended with `status`, found the
 * commands `missing` ("NAME\n"...) not found, and reached for the
 * network or not; NULL when it passed. */
static char *
judged(int status, const char *missing, bool network)
{
	struct verify_step_result r;
	char *why;

	verify_step_result_init(&r);
	r.status = status;
	buf_adds(&r.scan.missing, missing);
	r.scan.network = network;
	why = verify_step_judge(&r, false, "");
	verify_step_result_release(&r);
	return why;
}

/* The commands not found and the network reached are both named, after
 * what failed. */
START_TEST(test_missing_then_network)
{
	char *why = judged(1, "curl\njq\n", true);

	ck_assert_str_eq(why, "dpkg exited 1; not found: curl jq; a command "
	    "reached for the network (--network allows it)");
	free(why);
}
END_TEST

START_TEST(test_missing_only)
{
	char *why = judged(1, "sudo\n", false);

	ck_assert_str_eq(why, "dpkg exited 1; not found: sudo");
	free(why);
}
END_TEST

START_TEST(test_passed)
{
	ck_assert_ptr_null(judged(0, "sudo\n", true));
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("verify_step");
	TCase *tc = tcase_create("verify_step");

	tcase_add_test(tc, test_missing_then_network);
	tcase_add_test(tc, test_missing_only);
	tcase_add_test(tc, test_passed);
	suite_add_tcase(s, tc);
	return s;
}
