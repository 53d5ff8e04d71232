/* Tests of source_redact: URLs' user information taken out of text. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "base/compiler.h"
#include "source/source_redact.h"

static const struct {
	const char *text, *want;
} cases[] = {
	{ "https://user:pass@host/repo.git", "https://***@host/repo.git" },
	{ "https://token@host", "https://***@host" },
	{ "http://u:p@127.0.0.1:8080/r", "http://***@127.0.0.1:8080/r" },
	{ "https://u:p@ss@host/r", "https://***@host/r" },
	{ "https://host/a@b", "https://host/a@b" },
	{ "https://host?x=a@b", "https://host?x=a@b" },
	{ "git@github.com:org/repo.git", "git@github.com:org/repo.git" },
	{ "/srv/plugin", "/srv/plugin" },
	{ "", "" },
	{ "fatal: unable to access 'https://u:p@h/r/': no\n"
	  "see https://t@h2 and ssh://git@h3/x\n",
	  "fatal: unable to access 'https://***@h/r/': no\n"
	  "see https://***@h2 and ssh://***@h3/x\n" },
	{ "https://***@host/r", "https://***@host/r" },
	{ "a://", "a://" },
};

START_TEST(test_redact)
{
	char *got = source_redact(cases[_i].text);

	ck_assert_str_eq(got, cases[_i].want);
	ck_assert(source_redact_needed(cases[_i].text) ==
	    (strcmp(cases[_i].text, cases[_i].want) != 0));
	free(got);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("source_redact");
	TCase *tc = tcase_create("source_redact");

	tcase_add_loop_test(tc, test_redact, 0, WPD_ARRAY_SIZE(cases));
	suite_add_tcase(s, tc);
	return s;
}
