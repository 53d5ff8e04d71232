/* Tests of tvalue: Python's truth, equality, str() and repr(). */
#include <config.h>

#include <math.h>
#include <stdlib.h>

#include "check_main.h"
#include "template/tvalue.h"

static char *
str_of(const struct tvalue *v, int repr)
{
	struct buf b = BUF_INIT;

	if (repr)
		tvalue_repr(v, &b);
	else
		tvalue_str(v, &b);
	return buf_detach(&b);
}

static void
assert_text(const struct tvalue *v, int repr, const char *want)
{
	char *got = str_of(v, repr);

	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_str_and_repr)
{
	struct arena a = { NULL };
	struct tvalue *list = tvalue_list(&a), *map = tvalue_map(&a);

	assert_text(tvalue_undefined(&a), 0, "");
	assert_text(tvalue_none(&a), 0, "None");
	assert_text(tvalue_bool(&a, true), 0, "True");
	assert_text(tvalue_int(&a, -12), 0, "-12");
	assert_text(tvalue_float(&a, 0.1), 0, "0.1");
	assert_text(tvalue_float(&a, 1e16), 0, "1e+16");
	assert_text(tvalue_float(&a, INFINITY), 0, "inf");
	assert_text(tvalue_cstring(&a, "it's"), 1, "\"it's\"");
	assert_text(tvalue_cstring(&a, "say \"x\" it's"), 1,
	    "'say \"x\" it\\'s'");
	assert_text(tvalue_cstring(&a, "a\\b\n\t\x01"), 1, "'a\\\\b\\n\\t\\x01'");
	tvalue_append(&a, list, tvalue_int(&a, 1));
	tvalue_append(&a, list, tvalue_cstring(&a, "x"));
	tvalue_append(&a, list, tvalue_none(&a));
	assert_text(list, 0, "[1, 'x', None]");
	tvalue_set(&a, map, "b", tvalue_int(&a, 2));
	tvalue_set(&a, map, "a", list);
	tvalue_set(&a, map, "b", tvalue_int(&a, 3));
	assert_text(map, 0, "{'b': 3, 'a': [1, 'x', None]}");
	arena_release(&a);
}
END_TEST

START_TEST(test_truth_and_equality)
{
	struct arena a = { NULL };
	struct tvalue *l1 = tvalue_list(&a), *l2 = tvalue_list(&a);

	ck_assert(!tvalue_truthy(tvalue_undefined(&a)));
	ck_assert(!tvalue_truthy(tvalue_int(&a, 0)));
	ck_assert(!tvalue_truthy(tvalue_cstring(&a, "")));
	ck_assert(!tvalue_truthy(l1));
	ck_assert(tvalue_truthy(tvalue_cstring(&a, "0")));
	ck_assert(tvalue_truthy(tvalue_float(&a, 0.5)));
	ck_assert(tvalue_equal(tvalue_int(&a, 1), tvalue_float(&a, 1.0)));
	ck_assert(tvalue_equal(tvalue_bool(&a, true), tvalue_int(&a, 1)));
	ck_assert(!tvalue_equal(tvalue_int(&a, 1), tvalue_cstring(&a, "1")));
	ck_assert(tvalue_equal(tvalue_none(&a), tvalue_none(&a)));
	tvalue_append(&a, l1, tvalue_cstring(&a, "x"));
	tvalue_append(&a, l2, tvalue_cstring(&a, "x"));
	ck_assert(tvalue_equal(l1, l2));
	tvalue_append(&a, l2, tvalue_cstring(&a, "y"));
	ck_assert(!tvalue_equal(l1, l2));
	arena_release(&a);
}
END_TEST

/* tvalue_str_max() appends what tvalue_str() does while it fits; a
 * string that does not fit is not copied, a list stops after the item
 * that went past (and is closed). */
START_TEST(test_str_max)
{
	struct arena a = { NULL };
	struct tvalue *list = tvalue_list(&a);
	struct buf out = BUF_INIT;

	tvalue_append(&a, list, tvalue_cstring(&a, "abc"));
	tvalue_append(&a, list, tvalue_int(&a, 12));
	tvalue_append(&a, list, tvalue_cstring(&a, "de"));
	ck_assert(tvalue_str_max(list, &out, 17));
	ck_assert_str_eq(out.data, "['abc', 12, 'de']");
	buf_reset(&out);
	ck_assert(!tvalue_str_max(list, &out, 16));
	buf_reset(&out);
	ck_assert(!tvalue_str_max(list, &out, 8));
	ck_assert_str_eq(out.data, "['abc', 12]");
	buf_reset(&out);
	ck_assert(tvalue_str_max(tvalue_cstring(&a, "abc"), &out, 3));
	ck_assert(!tvalue_str_max(tvalue_cstring(&a, "d"), &out, 3));
	ck_assert_str_eq(out.data, "abc");
	buf_release(&out);
	arena_release(&a);
}
END_TEST

/* tvalue_count() and tvalue_item() read a string by characters, without
 * making its items. */
START_TEST(test_count_and_item)
{
	struct arena a = { NULL };
	struct tvalue *s = tvalue_cstring(&a, "a\xc3\xa9" "b");

	ck_assert_uint_eq(tvalue_count(s), 3);
	ck_assert_str_eq(tvalue_item(&a, s, 1)->s, "\xc3\xa9");
	ck_assert_str_eq(tvalue_item(&a, s, -1)->s, "b");
	ck_assert_str_eq(tvalue_item(&a, s, -3)->s, "a");
	ck_assert_ptr_null(tvalue_item(&a, s, 3));
	ck_assert_ptr_null(tvalue_item(&a, s, -4));
	ck_assert_uint_eq(tvalue_count(tvalue_int(&a, 3)), 0);
	ck_assert_ptr_null(tvalue_item(&a, tvalue_map(&a), 0));
	arena_release(&a);
}
END_TEST

START_TEST(test_arena_holds_many_values)
{
	struct arena a = { NULL };
	struct tvalue *list = tvalue_list(&a);

	for (int i = 0; i < 50000; i++)
		tvalue_append(&a, list, tvalue_int(&a, i));
	ck_assert_uint_eq(list->count, 50000);
	ck_assert_int_eq(list->items[49999]->i, 49999);
	ck_assert_ptr_null(tvalue_get(list, "x"));
	arena_release(&a);
	ck_assert_ptr_null(a.blocks);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("tvalue");
	TCase *tc = tcase_create("tvalue");

	tcase_add_test(tc, test_str_and_repr);
	tcase_add_test(tc, test_truth_and_equality);
	tcase_add_test(tc, test_str_max);
	tcase_add_test(tc, test_count_and_item);
	tcase_add_test(tc, test_arena_holds_many_values);
	suite_add_tcase(s, tc);
	return s;
}
