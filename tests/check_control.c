/* Tests of control: Description folding and control file checks. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "render/control.h"

static const struct {
	const char *description;
	const char *field;
} descriptions[] = {
	{ NULL, "Wazo Platform plugin demo/hello\n"
	  " This package holds the Wazo Platform plugin demo/hello." },
	{ "  \n\n", "Wazo Platform plugin demo/hello\n"
	  " This package holds the Wazo Platform plugin demo/hello." },
	{ "Says hello", "Says hello\n"
	  " This package holds the Wazo Platform plugin demo/hello." },
	{ "  Says hello  \n", "Says hello\n"
	  " This package holds the Wazo Platform plugin demo/hello." },
	{ "Says hello\nto everyone\n\nand more.\n\n\n", "Says hello\n"
	  " to everyone\n .\n and more.\n .\n"
	  " This package holds the Wazo Platform plugin demo/hello." },
	{ "Code:\n  indented line\n \t \nend", "Code:\n"
	  "   indented line\n .\n end\n .\n"
	  " This package holds the Wazo Platform plugin demo/hello." },
};

START_TEST(test_description_folding)
{
	char *field = control_description(descriptions[_i].description,
	    "hello", "demo");

	ck_assert_str_eq(field, descriptions[_i].field);
	free(field);
}
END_TEST

#define FIELDS "Package: p1\nVersion: 1.0\nArchitecture: all\n" \
	"Maintainer: A <a@example.org>\n"

static const struct {
	const char *text;
	const char *error;	/* NULL: valid */
} controls[] = {
	{ FIELDS "Description: d\n long\n .\n more\n", NULL },
	{ FIELDS "Description: d\n\n\n", NULL },
	{ FIELDS "Description: d", "c: must end with a newline" },
	{ " x\n" FIELDS "Description: d\n", "c:1: starts with a continuation "
	  "line" },
	{ FIELDS "Description: d\n   \n", "c:6: a continuation line holds only "
	  "white space (write ' .' for an empty line)" },
	{ FIELDS "Description: d\n\nSource: x\n", "c:7: an empty line splits "
	  "the control file in two paragraphs" },
	{ FIELDS "Description d\n", "c:5: expected 'Field: value', found "
	  "'Description d'" },
	{ FIELDS "Bad Field: x\nDescription: d\n", "c:5: expected 'Field: "
	  "value', found 'Bad Field: x'" },
	{ FIELDS "version: 2\nDescription: d\n", "c:5: field version appears "
	  "twice" },
	{ FIELDS, "c: the Description field is missing or empty" },
	{ "Package: p1\nVersion: 1\nArchitecture: all\nDescription: d\n",
	  "c: the Maintainer field is missing or empty" },
	{ FIELDS "Description:\n", "c: the Description field is missing or "
	  "empty" },
};

START_TEST(test_control_check)
{
	struct err e = ERR_INIT;
	int r = control_check(controls[_i].text, strlen(controls[_i].text), "c",
	    &e);

	if (controls[_i].error == NULL) {
		ck_assert_msg(r == 0, "%s", e.msg);
	} else {
		ck_assert_int_eq(r, -1);
		ck_assert_int_eq(e.status, STATUS_USAGE);
		ck_assert_str_eq(e.msg, controls[_i].error);
	}
	err_release(&e);
}
END_TEST

START_TEST(test_set_field)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "Package: p\narchitecture: all\nInstalled-Size: 0\n"
	    "Description: d\n x\n .\n y\n\n");
	ck_assert(control_set_field(&b, "Architecture", "amd64"));
	ck_assert(control_set_field(&b, "Installed-Size", "1234"));
	ck_assert(control_set_field(&b, "Description", "e"));
	ck_assert(!control_set_field(&b, "Depends", "q"));
	ck_assert_str_eq(b.data, "Package: p\narchitecture: amd64\n"
	    "Installed-Size: 1234\nDescription: e\n\n");
	ck_assert_uint_eq(b.len, strlen(b.data));
	buf_release(&b);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("control");
	TCase *tc = tcase_create("control");

	tcase_add_loop_test(tc, test_description_folding, 0,
	    sizeof(descriptions) / sizeof(descriptions[0]));
	tcase_add_loop_test(tc, test_control_check, 0,
	    sizeof(controls) / sizeof(controls[0]));
	tcase_add_test(tc, test_set_field);
	suite_add_tcase(s, tc);
	return s;
}
