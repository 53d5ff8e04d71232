/* Tests of debversion: Debian version syntax and ordering. */
#include <config.h>

#include "check_main.h"
#include "base/compiler.h"
#include "plugin/debversion.h"

static const char *const valid_versions[] = {
	"0", "1.0", "1.10", "010", "1:20", "1:2:3", "2:1.0-1", "1.0-1+deb12u1",
	"1.0~rc1", "1.0+git20240101.abc", "24.10", "0.0.1-1~bpo1", "1.0-1.2",
	"9A", "1-2-3",
};

START_TEST(test_valid_versions)
{
	const char *v = valid_versions[_i];

	ck_assert_msg(debversion_check(v) == NULL, "%s refused: %s", v,
	    debversion_check(v));
}
END_TEST

static const struct {
	const char *version;
	const char *why;
} invalid_versions[] = {
	{ "", "the version is empty" },
	{ "1.0 beta", "a version cannot contain white space" },
	{ ":1.0", "the epoch before ':' is empty" },
	{ "a:1.0", "the epoch before ':' must be a number" },
	{ "-1:1.0", "the epoch before ':' must be a number" },
	{ "99999999999:1", "the epoch before ':' is too big" },
	{ "1:", "nothing follows the epoch's ':'" },
	{ "1.0-", "the revision after the last '-' is empty" },
	{ "-1", "the upstream version is empty" },
	{ "v1.0", "the upstream version must start with a digit" },
	{ "1.0_1", "the upstream version may hold only letters, digits and '.+~-:'" },
	{ "1.0-a_b", "the revision may hold only letters, digits and '.+~'" },
	{ "1.0-1:2", "the epoch before ':' must be a number" },
	{ "1.0-1/2", "the revision may hold only letters, digits and '.+~'" },
	{ "1.0\n", "a version cannot contain white space" },
};

START_TEST(test_invalid_versions)
{
	const char *why = debversion_check(invalid_versions[_i].version);

	ck_assert_ptr_nonnull(why);
	ck_assert_str_eq(why, invalid_versions[_i].why);
}
END_TEST

static const struct {
	const char *a;
	const char *b;
	int order;
} comparisons[] = {
	{ "1.0", "1.0", 0 },
	{ "9.0", "10.0", -1 },
	{ "24.10", "24.1", 1 },
	{ "24.10", "24.9", 1 },
	{ "1.0~rc1", "1.0", -1 },
	{ "1.0", "1.0+b1", -1 },
	{ "1.0", "1.0-0", 0 },
	{ "1.0-1", "1.0-2", -1 },
	{ "1:0.1", "9.9", 1 },
	{ "1.0a", "1.0", 1 },
	{ "1.0~", "1.0~~", 1 },
	{ "010", "10", 0 },
	{ "1.0.a", "1.0.+", -1 },
	{ "2.0-1~bpo1", "2.0-1", -1 },
	{ "23.17", "24.10", -1 },
};

static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

START_TEST(test_compare)
{
	const char *a = comparisons[_i].a, *b = comparisons[_i].b;

	ck_assert_msg(sign(debversion_compare(a, b)) == comparisons[_i].order,
	    "%s vs %s", a, b);
	ck_assert_msg(sign(debversion_compare(b, a)) == -comparisons[_i].order,
	    "%s vs %s", b, a);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("debversion");
	TCase *tc = tcase_create("debversion");

	tcase_add_loop_test(tc, test_valid_versions, 0,
	    WPD_ARRAY_SIZE(valid_versions));
	tcase_add_loop_test(tc, test_invalid_versions, 0,
	    WPD_ARRAY_SIZE(invalid_versions));
	tcase_add_loop_test(tc, test_compare, 0, WPD_ARRAY_SIZE(comparisons));
	suite_add_tcase(s, tc);
	return s;
}
