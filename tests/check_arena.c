/* Tests of arena: many small allocations freed at once. */
#include <config.h>

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "check_main.h"

START_TEST(test_strings_and_join)
{
	struct arena a = { NULL };
	char *kept = arena_strdup(&a, "kept");

	ck_assert_str_eq(arena_strndup(&a, "abcdef", 3), "abc");
	ck_assert_str_eq(arena_join(&a, "usr/lib", "x/y"), "usr/lib/x/y");
	ck_assert_str_eq(arena_join(&a, "", "x/y"), "x/y");
	ck_assert_str_eq(arena_join(&a, "usr/lib", ""), "usr/lib");
	ck_assert_str_eq(arena_join(&a, "", ""), "");
	ck_assert_str_eq(kept, "kept");
	arena_release(&a);
	ck_assert_ptr_null(a.blocks);
}
END_TEST

/* Allocations past a block, and one larger than a block, stay apart,
 * zeroed and aligned. */
START_TEST(test_many_and_large_allocations)
{
	struct arena a = { NULL };
	char *first = arena_join(&a, "d", "first"), *big;

	for (int i = 0; i < 5000; i++) {
		char *s = arena_join(&a, "dir", "name");

		ck_assert_str_eq(s, "dir/name");
	}
	big = arena_alloc(&a, 100000);
	ck_assert_uint_eq((uintptr_t)big % alignof(max_align_t), 0);
	for (size_t i = 0; i < 100000; i++)
		ck_assert_int_eq(big[i], 0);
	memset(big, 'x', 100000);
	ck_assert_str_eq(first, "d/first");
	arena_release(&a);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("arena");
	TCase *tc = tcase_create("arena");

	tcase_add_test(tc, test_strings_and_join);
	tcase_add_test(tc, test_many_and_large_allocations);
	suite_add_tcase(s, tc);
	return s;
}
