/* Tests of rules_file: the checks on wazo/rules. */
#include <config.h>

#include <stdlib.h>
#include <sys/stat.h>

#include "check_main.h"
#include "plugin/rules_file.h"

/* Checks `dir`/rules, removes `dir`, and returns the diagnostics' text. */
static char *
check_and_remove(char *dir, long long format)
{
	char *file = xasprintf("%s/rules", dir);
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;

	ck_assert_int_eq(rules_file_check(file, "wazo/rules", format, &diags,
	    &e), 0);
	diag_format_text(&diags, &out);
	diag_list_release(&diags);
	test_remove_tree(dir);
	free(file);
	free(dir);
	return buf_detach(&out);
}

/* Writes wazo/rules (unless content is NULL) and checks it. */
static char *
check_rules(const char *content, unsigned mode, long long format)
{
	char *dir = test_make_dir();

	if (content != NULL)
		test_write_file(dir, "rules", content, mode);
	return check_and_remove(dir, format);
}

static void
assert_rules(const char *content, unsigned mode, long long format,
    const char *expected)
{
	char *got = check_rules(content, mode, format);

	ck_assert_str_eq(got, expected);
	free(got);
}

#define SHELL_RULES "#!/bin/sh\ncase \"$1\" in\nbuild) ;;\npackage) ;;\n" \
	"install) ;;\nuninstall) ;;\n"

START_TEST(test_good_rules)
{
	assert_rules(SHELL_RULES "esac\n", 0755, 0, "");
	assert_rules(SHELL_RULES "postrm) ;;\nesac\n", 0755, 1, "");
	assert_rules("#!/usr/bin/make -f\npostrm:\n\ttrue\n", 0700, 2, "");
	assert_rules(SHELL_RULES "\"postrm\") ;;\nesac\n", 0755, 1, "");
}
END_TEST

START_TEST(test_missing_rules)
{
	assert_rules(NULL, 0, 0, "wazo/rules:1:1: error: missing: a plugin "
	    "needs an executable wazo/rules\n");
}
END_TEST

START_TEST(test_not_executable)
{
	assert_rules(SHELL_RULES "esac\n", 0644, 0, "wazo/rules:1:1: error: not "
	    "executable: wazo-plugind runs it directly; fix with: chmod +x "
	    "wazo/rules\n");
}
END_TEST

START_TEST(test_not_a_regular_file)
{
	char *dir = test_make_dir(), *file = xasprintf("%s/rules", dir), *got;

	ck_assert_int_eq(mkdir(file, 0755), 0);
	free(file);
	got = check_and_remove(dir, 0);
	ck_assert_str_eq(got, "wazo/rules:1:1: error: not a regular file: "
	    "wazo/rules must be an executable file\n");
	free(got);
}
END_TEST

START_TEST(test_no_shebang)
{
	assert_rules("case \"$1\" in\nesac\n", 0755, 0, "wazo/rules:1:1: "
	    "warning: no '#!' line: start the file with its interpreter "
	    "(#!/bin/sh) so that it runs the same everywhere\n");
}
END_TEST

START_TEST(test_format_1_without_postrm)
{
	const char *expected = "wazo/rules:1:1: warning: plugin_format_version "
	    "1 makes package removal run 'rules postrm', but this file never "
	    "mentions postrm: removal fails unless it accepts unknown "
	    "commands\n";

	assert_rules(SHELL_RULES "esac\n", 0755, 1, expected);
	/* A comment or a longer word does not count. */
	assert_rules(SHELL_RULES "# postrm) is missing\n  # postrm\n"
	    "postrmx) ;;\nesac\n", 0755, 1, expected);
	assert_rules(SHELL_RULES "esac\n", 0755, 0, "");
}
END_TEST

START_TEST(test_binary_rules_are_not_read)
{
	char *dir = test_make_dir(), *got;

	test_write_bytes(dir, "rules", "\x7f" "ELF\0\0\0", 7, 0755);
	got = check_and_remove(dir, 1);
	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("rules_file");
	TCase *tc = tcase_create("rules_file");

	tcase_add_test(tc, test_good_rules);
	tcase_add_test(tc, test_missing_rules);
	tcase_add_test(tc, test_not_executable);
	tcase_add_test(tc, test_not_a_regular_file);
	tcase_add_test(tc, test_no_shebang);
	tcase_add_test(tc, test_format_1_without_postrm);
	tcase_add_test(tc, test_binary_rules_are_not_read);
	suite_add_tcase(s, tc);
	return s;
}
