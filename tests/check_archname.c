/* Tests of archname: architecture names checked against dpkg's list. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/compiler.h"
#include "check_main.h"
#include "plugin/archname.h"

static const struct {
	const char *value;
	enum archname_use use;
	int status;	/* STATUS_OK when accepted */
} cases[] = {
	{ "auto", ARCHNAME_BINARY, STATUS_OK },
	{ "all", ARCHNAME_BINARY, STATUS_OK },
	{ "amd64", ARCHNAME_BINARY, STATUS_OK },
	{ "arm64", ARCHNAME_BINARY, STATUS_OK },
	{ "any", ARCHNAME_BINARY, STATUS_USAGE },
	{ "source", ARCHNAME_BINARY, STATUS_USAGE },
	{ "linux-any", ARCHNAME_BINARY, STATUS_USAGE },
	{ "amd65", ARCHNAME_BINARY, STATUS_USAGE },
	{ "", ARCHNAME_BINARY, STATUS_USAGE },
	{ "AMD64", ARCHNAME_BINARY, STATUS_USAGE },
	{ "all", ARCHNAME_CONTROL, STATUS_OK },
	{ "any", ARCHNAME_CONTROL, STATUS_OK },
	{ "amd64", ARCHNAME_CONTROL, STATUS_OK },
	{ "auto", ARCHNAME_CONTROL, STATUS_USAGE },
	{ "source", ARCHNAME_CONTROL, STATUS_USAGE },
	{ "linux-any", ARCHNAME_CONTROL, STATUS_USAGE },
	{ "amd64 i386", ARCHNAME_CONTROL, STATUS_USAGE },
};

START_TEST(test_check)
{
	struct err e = ERR_INIT;
	int r = archname_check(cases[_i].value, cases[_i].use, &e);

	ck_assert_msg((r == 0) == (cases[_i].status == STATUS_OK),
	    "'%s': %s", cases[_i].value, e.msg ? e.msg : "accepted");
	ck_assert_int_eq(e.status, cases[_i].status);
	err_release(&e);
}
END_TEST

START_TEST(test_message)
{
	struct err e = ERR_INIT;

	ck_assert_int_eq(archname_check("any", ARCHNAME_BINARY, &e), -1);
	ck_assert_str_eq(e.msg, "must be auto, all or an architecture that "
	    "dpkg knows (dpkg-architecture -L), not 'any'");
	err_release(&e);
	ck_assert_int_eq(archname_check("x", ARCHNAME_CONTROL, &e), -1);
	ck_assert_str_eq(e.msg, "must be all, any or an architecture that "
	    "dpkg knows (dpkg-architecture -L), not 'x'");
	err_release(&e);
}
END_TEST

/* Without dpkg-architecture, a concrete name cannot be checked: the
 * system failed; the words need no dpkg. */
START_TEST(test_without_dpkg)
{
	char *path = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	struct err e = ERR_INIT;
	bool known = true;

	setenv("PATH", "/nonexistent", 1);
	ck_assert_int_eq(archname_check("all", ARCHNAME_BINARY, &e), 0);
	ck_assert_int_eq(archname_known("amd64", &known, &e), -1);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	ck_assert(!known);
	err_release(&e);
	if (path != NULL)
		setenv("PATH", path, 1);
	free(path);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("archname");
	TCase *tc = tcase_create("archname");

	tcase_add_loop_test(tc, test_check, 0, WPD_ARRAY_SIZE(cases));
	tcase_add_test(tc, test_message);
	tcase_add_test(tc, test_without_dpkg);
	suite_add_tcase(s, tc);
	return s;
}
