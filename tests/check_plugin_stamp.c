/* Tests of plugin_stamp: the stamped version, and plugin.yml rewritten
 * to say it with every other byte kept. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "base/compiler.h"
#include "base/status.h"
#include "plugin/plugin.h"
#include "plugin/plugin_stamp.h"

static const struct {
	const char *version, *suffix, *want;
} stamps[] = {
	{ NULL, "+ci.42", "1.2.0+ci.42" },
	{ NULL, "~git20261202.abc1234", "1.2.0~git20261202.abc1234" },
	{ "2.0", NULL, "2.0" },
	{ "1:2.0-1", NULL, "1:2.0-1" },
	{ "2.0", "+ci.1", "2.0+ci.1" },
	{ NULL, "-1", "1.2.0-1" },
};

START_TEST(test_stamp)
{
	struct plugin *p = test_plugin("name: a\nnamespace: b\nversion: 1.2.0\n");
	struct err e = ERR_INIT;

	ck_assert(!plugin_stamp_changed(p));
	ck_assert_int_eq(plugin_stamp_version(p, stamps[_i].version,
	    stamps[_i].suffix, &e), 0);
	ck_assert(plugin_stamp_changed(p));
	ck_assert_str_eq(p->version.text, stamps[_i].want);
	plugin_free(p);
}
END_TEST

START_TEST(test_no_stamp)
{
	struct plugin *p = test_plugin("name: a\nnamespace: b\nversion: 1.2.0\n");
	struct err e = ERR_INIT;

	ck_assert_int_eq(plugin_stamp_version(p, NULL, NULL, &e), 0);
	ck_assert(!plugin_stamp_changed(p));
	ck_assert_str_eq(p->version.text, "1.2.0");
	plugin_free(p);
}
END_TEST

static const struct {
	const char *version, *suffix, *msg;
} refused[] = {
	{ "1.2 3", NULL, "--version '1.2 3' is not a Debian version: a "
	  "version cannot contain white space" },
	{ "\xc3\xa4", NULL, "--version '\xc3\xa4' is not a Debian version: "
	  "the upstream version must start with a digit" },
	{ NULL, " 3", "--version-suffix ' 3' makes the version '1.2.0 3', "
	  "which is not a Debian version: a version cannot contain white "
	  "space" },
	{ NULL, "_x", "--version-suffix '_x' makes the version '1.2.0_x', "
	  "which is not a Debian version: the upstream version may hold only "
	  "letters, digits and '.+~-:'" },
	{ NULL, "-", "--version-suffix '-' makes the version '1.2.0-', which "
	  "is not a Debian version: the revision after the last '-' is "
	  "empty" },
};

START_TEST(test_refused)
{
	struct plugin *p = test_plugin("name: a\nnamespace: b\nversion: 1.2.0\n");
	struct err e = ERR_INIT;

	ck_assert_int_eq(plugin_stamp_version(p, refused[_i].version,
	    refused[_i].suffix, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_str_eq(e.msg, refused[_i].msg);
	ck_assert(!plugin_stamp_changed(p));
	ck_assert_str_eq(p->version.text, "1.2.0");
	err_release(&e);
	plugin_free(p);
}
END_TEST

/* plugin.yml before and after version 1.2.0+ci.42 (or 1:2.0 where the
 * plain text would be no string). */
static const struct {
	const char *before, *version, *after;
} rewrites[] = {
	{ "# c\nname: a\nversion: 1.2.0  # kept\nnamespace: b\n", "1.2.0+ci.42",
	  "# c\nname: a\nversion: 1.2.0+ci.42  # kept\nnamespace: b\n" },
	{ "version: \"1.2.0\"\r\nname: a\r\n", "1.2.0+ci.42",
	  "version: \"1.2.0+ci.42\"\r\nname: a\r\n" },
	{ "version: '1.2.0'\n", "1.2.0+ci.42", "version: '1.2.0+ci.42'\n" },
	/* A number: written plain it would stay one. */
	{ "version: 1.10\n", "1.20", "version: '1.20'\n" },
	{ "version: 1.2.0\n", "1:2.0", "version: '1:2.0'\n" },
	/* Nested keys named version stay; the last top-level one counts. */
	{ "depends:\n  - version: 1.0\n    name: x\nversion: 1.2.0\n",
	  "1.2.0+ci.42",
	  "depends:\n  - version: 1.0\n    name: x\nversion: 1.2.0+ci.42\n" },
	{ "{name: a, version: 1.2.0, x: [version]}\n", "1.2.0+ci.42",
	  "{name: a, version: 1.2.0+ci.42, x: [version]}\n" },
	{ "version: &v 1.2.0\nother: *v\n", "1.2.0+ci.42",
	  "version: &v 1.2.0+ci.42\nother: *v\n" },
	{ "version: !!str 1.2.0\n", "1.2.0+ci.42", "version: '1.2.0+ci.42'\n" },
	{ "base: &v 1.2.0\nversion: *v\n", "1.2.0+ci.42",
	  "base: &v 1.2.0\nversion: '1.2.0+ci.42'\n" },
	{ "version: |\n  1.2.0\nname: a\n", "1.2.0+ci.42",
	  "version: '1.2.0+ci.42'\nname: a\n" },
	{ "version: 1.2.0", "1.2.0+ci.42", "version: 1.2.0+ci.42" },
};

START_TEST(test_rewrite)
{
	struct buf out;
	struct err e = ERR_INIT;
	const char *before = rewrites[_i].before;

	ck_assert_int_eq(plugin_stamp_yaml(before, strlen(before),
	    rewrites[_i].version, &out, &e), 0);
	ck_assert_str_eq(out.data, rewrites[_i].after);
	buf_release(&out);
}
END_TEST

static const char *const no_version[] = {
	"name: a\n", "version: [1]\n", "version: {a: 1}\n", "- version\n",
	"version: 1\n  bad: [\n",
};

START_TEST(test_rewrite_refused)
{
	struct buf out;
	struct err e = ERR_INIT;

	ck_assert_int_eq(plugin_stamp_yaml(no_version[_i],
	    strlen(no_version[_i]), "1.0", &out, &e), -1);
	ck_assert_int_eq(e.status, STATUS_INVALID);
	err_release(&e);
	buf_release(&out);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("plugin_stamp");
	TCase *tc = tcase_create("plugin_stamp");

	tcase_add_loop_test(tc, test_stamp, 0, WPD_ARRAY_SIZE(stamps));
	tcase_add_test(tc, test_no_stamp);
	tcase_add_loop_test(tc, test_refused, 0, WPD_ARRAY_SIZE(refused));
	tcase_add_loop_test(tc, test_rewrite, 0, WPD_ARRAY_SIZE(rewrites));
	tcase_add_loop_test(tc, test_rewrite_refused, 0,
	    WPD_ARRAY_SIZE(no_version));
	suite_add_tcase(s, tc);
	return s;
}
