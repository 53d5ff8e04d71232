/* Tests of timestamp: SOURCE_DATE_EPOCH and changelog dates. */
#include <config.h>

#include <stdlib.h>

#include "check_main.h"
#include "base/timestamp.h"

START_TEST(test_source_date_epoch)
{
	struct err e = ERR_INIT;
	time_t t = 0, before = time(NULL);

	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	ck_assert_int_eq(timestamp_get(&t, &e), 0);
	ck_assert_int_eq(t, 1700000000);
	unsetenv("SOURCE_DATE_EPOCH");
	ck_assert_int_eq(timestamp_get(&t, &e), 0);
	ck_assert_int_ge(t, before);
	for (const char *bad = "x"; bad != NULL; bad = bad[0] == 'x' ? "-1" :
	    bad[0] == '-' ? "12abc" : bad[0] == '1' ? "" : NULL) {
		setenv("SOURCE_DATE_EPOCH", bad, 1);
		ck_assert_int_eq(timestamp_get(&t, &e), -1);
		ck_assert_int_eq(e.status, STATUS_USAGE);
		err_release(&e);
	}
	unsetenv("SOURCE_DATE_EPOCH");
}
END_TEST

START_TEST(test_rfc5322)
{
	char *s = timestamp_rfc5322(0);

	ck_assert_str_eq(s, "Thu, 01 Jan 1970 00:00:00 +0000");
	free(s);
	s = timestamp_rfc5322(1700000000);
	ck_assert_str_eq(s, "Tue, 14 Nov 2023 22:13:20 +0000");
	free(s);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("timestamp");
	TCase *tc = tcase_create("timestamp");

	tcase_add_test(tc, test_source_date_epoch);
	tcase_add_test(tc, test_rfc5322);
	suite_add_tcase(s, tc);
	return s;
}
