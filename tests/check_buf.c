/* Tests of buf: the growable string buffer. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "check_main.h"

START_TEST(test_empty_buffer_is_a_valid_string)
{
	struct buf b = BUF_INIT;

	ck_assert_str_eq(b.data, "");
	ck_assert_uint_eq(b.len, 0);
	buf_release(&b);
	ck_assert_str_eq(b.data, "");
}
END_TEST

START_TEST(test_add_and_format)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "name");
	buf_addc(&b, ':');
	buf_addf(&b, " %d-%s", 42, "x");
	buf_add(&b, "abc", 2);
	ck_assert_str_eq(b.data, "name: 42-xab");
	ck_assert_uint_eq(b.len, strlen("name: 42-xab"));
	buf_release(&b);
}
END_TEST

START_TEST(test_grows_past_many_reallocations)
{
	struct buf b = BUF_INIT;

	for (int i = 0; i < 10000; i++)
		buf_addc(&b, (char)('a' + i % 26));
	ck_assert_uint_eq(b.len, 10000);
	ck_assert_int_eq(b.data[9999], 'a' + 9999 % 26);
	ck_assert_int_eq(b.data[10000], '\0');
	buf_release(&b);
}
END_TEST

START_TEST(test_detach_hands_over_the_string)
{
	struct buf b = BUF_INIT;
	char *s;

	s = buf_detach(&b);
	ck_assert_str_eq(s, "");
	free(s);
	buf_adds(&b, "kept");
	s = buf_detach(&b);
	ck_assert_str_eq(s, "kept");
	ck_assert_str_eq(b.data, "");
	free(s);
}
END_TEST

START_TEST(test_reset_keeps_the_buffer_usable)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "first");
	buf_reset(&b);
	ck_assert_str_eq(b.data, "");
	buf_adds(&b, "second");
	ck_assert_str_eq(b.data, "second");
	buf_release(&b);
}
END_TEST

START_TEST(test_xasprintf_and_strndup)
{
	char *s = xasprintf("%s=%03d", "n", 7);
	char *t = xstrndup("abcdef", 3);

	ck_assert_str_eq(s, "n=007");
	ck_assert_str_eq(t, "abc");
	free(s);
	free(t);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc = tcase_create("buf");

	tcase_add_test(tc, test_empty_buffer_is_a_valid_string);
	tcase_add_test(tc, test_add_and_format);
	tcase_add_test(tc, test_grows_past_many_reallocations);
	tcase_add_test(tc, test_detach_hands_over_the_string);
	tcase_add_test(tc, test_reset_keeps_the_buffer_usable);
	tcase_add_test(tc, test_xasprintf_and_strndup);
	suite_add_tcase(s, tc);
	return s;
}
