/* Tests of debrelation: package names and Depends syntax. */
#include <config.h>

#include <stdlib.h>

#include "check_main.h"
#include "base/compiler.h"
#include "plugin/debrelation.h"

START_TEST(test_package_names)
{
	ck_assert(debrelation_package_name_valid("python3-requests"));
	ck_assert(debrelation_package_name_valid("g++"));
	ck_assert(debrelation_package_name_valid("libc6.1"));
	ck_assert(debrelation_package_name_valid("0ad"));
	ck_assert(!debrelation_package_name_valid("a"));
	ck_assert(!debrelation_package_name_valid(""));
	ck_assert(!debrelation_package_name_valid("Foo"));
	ck_assert(!debrelation_package_name_valid("-foo"));
	ck_assert(!debrelation_package_name_valid("foo_bar"));
}
END_TEST

static const struct {
	const char *field;
	size_t relations;
} valid_fields[] = {
	{ "golang-go", 1 },
	{ "python3-requests (>= 2.0)", 1 },
	{ "python3-requests(>=2.0)", 1 },
	{ "libfoo (<< 2:1.0-1~), libbar", 2 },
	{ "mawk | gawk", 1 },
	{ "exim4 | mail-transport-agent (= 1.0) | postfix", 1 },
	{ "python3:any", 1 },
	{ "libc6:amd64 (>= 2.36)", 1 },
	{ "a1 (<= 1), b2 (>> 1), c3 (= 1)", 3 },
	{ "  spaced  ( >=  1.0 )  ", 1 },
};

START_TEST(test_valid_fields)
{
	size_t relations = 0;
	char *why = NULL;

	ck_assert_msg(debrelation_check(valid_fields[_i].field, &relations,
	    &why), "%s: %s", valid_fields[_i].field, why);
	ck_assert_uint_eq(relations, valid_fields[_i].relations);
}
END_TEST

static const struct {
	const char *field;
	const char *why;
} invalid_fields[] = {
	{ "", "a package name is missing" },
	{ "foo,", "a package name is missing" },
	{ "foo |", "a package name is missing" },
	{ "Foo", "'Foo' is not a valid package name (lowercase letters, "
	    "digits, '+', '-', '.'; two characters at least)" },
	{ "foo (>= 1.0", "the version restriction of 'foo' is not closed with ')'" },
	{ "foo (1.0)", "the version restriction of 'foo' needs an operator "
	    "(<<, <=, =, >=, >>)" },
	{ "foo (> 1.0)", "'>' in the version restriction of 'foo' is obsolete: "
	    "write '>>' or '>='" },
	{ "foo (< 1.0)", "'<' in the version restriction of 'foo' is obsolete: "
	    "write '<<' or '<='" },
	{ "foo (>= v1)", "'v1' in the restriction of 'foo' is not a valid "
	    "version: the upstream version must start with a digit" },
	{ "foo [amd64]", "architecture restrictions '[...]' belong to source "
	    "packages, not to a binary package's Depends" },
	{ "foo <!nocheck>", "build profiles '<...>' belong to source packages, "
	    "not to a binary package's Depends" },
	{ "foo:native", "'foo:native' is only allowed in build dependencies" },
	{ "foo:", "'foo:' lacks an architecture after ':'" },
	{ "foo:AMD64", "'AMD64' is not an architecture name" },
	{ "foo bar", "unexpected 'b' after 'foo'" },
	{ "foo (>= 1.0) x", "unexpected 'x' after 'foo'" },
};

START_TEST(test_invalid_fields)
{
	size_t relations = 0;
	char *why = NULL;

	ck_assert(!debrelation_check(invalid_fields[_i].field, &relations,
	    &why));
	ck_assert_ptr_nonnull(why);
	ck_assert_str_eq(why, invalid_fields[_i].why);
	free(why);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("debrelation");
	TCase *tc = tcase_create("debrelation");

	tcase_add_test(tc, test_package_names);
	tcase_add_loop_test(tc, test_valid_fields, 0,
	    WPD_ARRAY_SIZE(valid_fields));
	tcase_add_loop_test(tc, test_invalid_fields, 0,
	    WPD_ARRAY_SIZE(invalid_fields));
	suite_add_tcase(s, tc);
	return s;
}
