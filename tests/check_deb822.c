/* Tests of deb822: fields of a control paragraph. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/deb822.h"
#include "check_main.h"

#define FIELDS "Package: p1\nVersion: 1.0\nArchitecture: all\n" \
	"Maintainer: A <a@example.org>\n"

START_TEST(test_field_lookup)
{
	char *v = deb822_field(FIELDS "Description: d\n", "version");

	ck_assert_str_eq(v, "1.0");
	free(v);
	v = deb822_field(FIELDS, "Maintainer");
	ck_assert_str_eq(v, "A <a@example.org>");
	free(v);
	ck_assert_ptr_null(deb822_field(FIELDS, "Depends"));
	v = deb822_field("Package: p \t\nVersion: 1\n", "Package");
	ck_assert_str_eq(v, "p");
	free(v);
	/* A field's name is whole: Package is not Package-Type. */
	v = deb822_field("Package-Type: udeb\nPackage: q\n", "Package");
	ck_assert_str_eq(v, "q");
	free(v);
	v = deb822_field("Codename:\n", "Codename");
	ck_assert_str_eq(v, "");
	free(v);
}
END_TEST

/* A folded field's lines, joined by one space. */
START_TEST(test_folded_field)
{
	const char *text = "Package: p\nDepends: a (>= 1),\n b,\n\tc  \n"
	    "Version: 1\n";
	char *v = deb822_field(text, "Depends");

	ck_assert_str_eq(v, "a (>= 1), b, c");
	free(v);
	v = deb822_field(text, "Version");
	ck_assert_str_eq(v, "1");
	free(v);
}
END_TEST

START_TEST(test_find)
{
	const char *text = "A: 1\n B continued\nB: 2\n";

	ck_assert_ptr_eq(deb822_find(text, "b"), strstr(text, "B: 2"));
	ck_assert_ptr_eq(deb822_find(text, "A"), text);
	ck_assert_ptr_null(deb822_find(text, "C"));
	ck_assert_ptr_null(deb822_find("", "A"));
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("deb822");
	TCase *tc = tcase_create("deb822");

	tcase_add_test(tc, test_field_lookup);
	tcase_add_test(tc, test_folded_field);
	tcase_add_test(tc, test_find);
	suite_add_tcase(s, tc);
	return s;
}
