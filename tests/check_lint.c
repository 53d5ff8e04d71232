/* Tests of lint: the synopsis, and lintian's tags as plugin.yml causes
 * them, down to lintian's exceptions. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/compiler.h"
#include "check_main.h"
#include "plugin/lint.h"
#include "plugin/plugin.h"

static const struct {
	const char *description;	/* NULL: absent */
	const char *synopsis;
	const char *rest;
} synopses[] = {
	{ NULL, "Wazo Platform plugin demo/hello", "" },
	{ "  \n \n", "Wazo Platform plugin demo/hello", "" },
	{ "Says hello", "Says hello", "" },
	{ "\n  Says hello  \nmore\n", "Says hello", "more\n" },
};

START_TEST(test_synopsis)
{
	const char *rest = NULL;
	char *s = lint_synopsis(synopses[_i].description, "hello", "demo",
	    &rest);

	ck_assert_str_eq(s, synopses[_i].synopsis);
	ck_assert_str_eq(rest, synopses[_i].rest);
	free(s);
}
END_TEST

/* Each description, and the lintian tag it draws ("" for none). */
static const struct {
	const char *description;
	const char *tag;
} tags[] = {
	{ "Says hello, etc.", "" },
	{ "Says hello, e.g. here", "" },
	{ "Says hello, eg.", "" },
	{ "Says hello...", "" },
	{ "Says hello....", "synopsis-is-a-sentence" },
	{ "Says hello. Twice", "synopsis-is-a-sentence" },
	{ "Says hello.", "synopsis-is-a-sentence" },
	{ "Says version 1.0", "" },
	{ "Anagram maker", "" },
	{ "An anagram maker", "description-synopsis-starts-with-article" },
	{ "THE hello plugin", "description-synopsis-starts-with-article" },
	{ "wazo-plugind-hello-demos greets", "" },
	{ "WAZO-PLUGIND-HELLO-DEMO greets",
	  "description-starts-with-package-name" },
	{ "wazo_plugind/hello demo", "description-is-pkg-name" },
	/* YAML escapes: the text holds line breaks. */
	{ "Says hello\\n\\nsays hello", "" },
	{ "Says hello\\nSays, hello!", "description-synopsis-is-duplicated" },
};

START_TEST(test_tags)
{
	char *yaml = xasprintf("name: hello\nnamespace: demo\nversion: "
	    "\"1.0\"\ndescription: \"%s\"\n", tags[_i].description);
	struct plugin *p = test_plugin(yaml);
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf text = BUF_INIT;

	lint_metadata(p, "wazo-plugind-hello-demo", &diags);
	diag_format_text(&diags, &text);
	if (tags[_i].tag[0] == '\0')
		ck_assert_msg(text.len == 0, "%s: %s", tags[_i].description,
		    text.data);
	else
		ck_assert_msg(strstr(text.data, tags[_i].tag) != NULL &&
		    diag_count(&diags, DIAG_WARNING) == 1, "%s: %s",
		    tags[_i].description, text.data);
	buf_release(&text);
	diag_list_release(&diags);
	plugin_free(p);
	free(yaml);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("lint");
	TCase *tc = tcase_create("lint");

	tcase_add_loop_test(tc, test_synopsis, 0, WPD_ARRAY_SIZE(synopses));
	tcase_add_loop_test(tc, test_tags, 0, WPD_ARRAY_SIZE(tags));
	suite_add_tcase(s, tc);
	return s;
}
