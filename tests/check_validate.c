/* Tests of validate: every metadata rule, accepted and refused. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "plugin/validate.h"

#define VALID_HEAD "name: hello\nnamespace: demo\nversion: \"1.0\"\n"

static void
assert_diagnostics(const char *yaml, const char *wazo_version,
    const char *expected)
{
	char *got = test_validate(yaml, wazo_version, NULL);

	ck_assert_str_eq(got, expected);
	free(got);
}

START_TEST(test_minimal_plugin_is_valid)
{
	assert_diagnostics(VALID_HEAD, NULL, "");
	assert_diagnostics(VALID_HEAD "plugin_format_version: 2\n"
	    "description: |\n  two words\n  lines\n"
	    "debian_depends: [python3-requests (>= 2.0), \"mawk | gawk\"]\n"
	    "depends: [{name: other-one, namespace: ns2, version: 1}]\n"
	    "min_wazo_version: \"9.0\"\nmax_wazo_version: \"24.10\"\n"
	    "display_name: Hello\nauthor: me\ntags: [a]\nhomepage: h\n"
	    "icon: i\nscreenshots: []\nlicense: GPL-3\nshort_description: s\n"
	    "color: red\n", "10.0", "");
}
END_TEST

START_TEST(test_required_keys)
{
	assert_diagnostics("description: x\n", NULL,
	    "p.yml:1:1: error: name: required key is missing\n"
	    "p.yml:1:1: error: namespace: required key is missing\n"
	    "p.yml:1:1: error: version: required key is missing\n");
}
END_TEST

START_TEST(test_name_and_namespace_patterns)
{
	assert_diagnostics("name: Hello_World\nnamespace: my-ns\nversion: "
	    "\"1\"\n", NULL,
	    "p.yml:1:7: error: name: 'Hello_World' is not a valid plugin name: "
	    "use lowercase letters, digits and '-' (^[a-z0-9-]+$)\n"
	    "p.yml:2:12: error: namespace: 'my-ns' is not a valid namespace: "
	    "use lowercase letters and digits only (^[a-z0-9]+$), so that the "
	    "package name <prefix>-<name>-<namespace> splits back\n");
	assert_diagnostics("name: \"\"\nnamespace: ok\nversion: \"1\"\n", NULL,
	    "p.yml:1:7: error: name: '' is not a valid plugin name: use "
	    "lowercase letters, digits and '-' (^[a-z0-9-]+$)\n");
}
END_TEST

START_TEST(test_version_must_be_a_debian_version)
{
	assert_diagnostics("name: a\nnamespace: b\nversion: v1.0\n", NULL,
	    "p.yml:3:10: error: version: 'v1.0' is not a valid Debian version: "
	    "the upstream version must start with a digit\n");
	assert_diagnostics("name: a\nnamespace: b\nversion: 1:20\n", NULL,
	    "p.yml:3:10: warning: version: 1:20 is a YAML number, which "
	    "wazo-plugind reads as 80: quote it (\"1:20\") to keep the text\n");
}
END_TEST

START_TEST(test_format_version_range)
{
	assert_diagnostics(VALID_HEAD "plugin_format_version: 3\n", NULL,
	    "p.yml:4:24: error: plugin_format_version: unsupported "
	    "plugin_format_version 3 (supported: 0, 1, 2)\n");
	assert_diagnostics(VALID_HEAD "plugin_format_version: -1\n", NULL,
	    "p.yml:4:24: error: plugin_format_version: unsupported "
	    "plugin_format_version -1 (supported: 0, 1, 2)\n");
	assert_diagnostics(VALID_HEAD "plugin_format_version: 0\n", NULL, "");
	assert_diagnostics(VALID_HEAD "plugin_format_version: 1\n", NULL, "");
}
END_TEST

START_TEST(test_control_file_values_are_one_line)
{
	assert_diagnostics("name: \"a\\nb\"\nnamespace: \"c\\td\"\n"
	    "version: \"1.0\\r\"\ndescription: \"x\\ty\\u0001\"\n", NULL,
	    "p.yml:1:7: error: name: contains a line break: a value that goes "
	    "into the control file must be one line\n"
	    "p.yml:2:12: error: namespace: contains the control character "
	    "U+0009, which cannot go into the control file\n"
	    "p.yml:3:10: error: version: contains a line break: a value that "
	    "goes into the control file must be one line\n"
	    "p.yml:4:14: error: description: contains the control character "
	    "U+0009, which cannot go into the control file\n");
	assert_diagnostics("name: \"a\\0b\"\nnamespace: c\nversion: \"1\"\n",
	    NULL, "p.yml:1:7: error: name: contains the control character "
	    "U+0000, which cannot go into the control file\n");
}
END_TEST

START_TEST(test_debian_depends)
{
	assert_diagnostics(VALID_HEAD "debian_depends:\n  - golang-go\n"
	    "  - \"foo (>= 1.0), bar\"\n  - \"foo [amd64]\"\n  - 12\n"
	    "  - \"x\\ny\"\n", NULL,
	    "p.yml:6:5: warning: debian_depends[1]: 'foo (>= 1.0), bar' holds "
	    "2 dependencies: give each its own list entry\n"
	    "p.yml:7:5: error: debian_depends[2]: 'foo [amd64]' is not a valid "
	    "Debian dependency: architecture restrictions '[...]' belong to "
	    "source packages, not to a binary package's Depends\n"
	    "p.yml:8:5: error: debian_depends[3]: expected a string, found an "
	    "integer\n"
	    "p.yml:9:5: error: debian_depends[4]: contains a line break: a "
	    "value that goes into the control file must be one line\n");
}
END_TEST

START_TEST(test_depends_entries)
{
	assert_diagnostics(VALID_HEAD "depends:\n  - {name: Bad, namespace: "
	    "n-s}\n  - {name: ok, namespace: fine}\n", NULL,
	    "p.yml:5:12: error: depends[0].name: 'Bad' is not a valid plugin "
	    "name: use lowercase letters, digits and '-' (^[a-z0-9-]+$)\n"
	    "p.yml:5:28: error: depends[0].namespace: 'n-s' is not a valid "
	    "namespace: use lowercase letters and digits only (^[a-z0-9]+$), "
	    "so that the package name <prefix>-<name>-<namespace> splits "
	    "back\n");
}
END_TEST

START_TEST(test_package_prefix_must_make_a_valid_name)
{
	struct validate_options o = { "Wazo", NULL };
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	struct plugin *p = plugin_load(VALID_HEAD, strlen(VALID_HEAD), "p.yml",
	    &diags);

	validate_metadata(p, &o, &diags);
	diag_format_text(&diags, &out);
	ck_assert_str_eq(out.data, "p.yml:1:7: error: name: the package name "
	    "'Wazo-hello-demo' is not a valid Debian package name\n");
	buf_release(&out);
	diag_list_release(&diags);
	plugin_free(p);
}
END_TEST

START_TEST(test_wazo_versions)
{
	const char *yaml = VALID_HEAD "min_wazo_version: \"9.0\"\n"
	    "max_wazo_version: \"24.10\"\n";

	assert_diagnostics(yaml, "10.0", "");
	assert_diagnostics(yaml, "9.0", "");
	assert_diagnostics(yaml, "24.10", "");
	assert_diagnostics(yaml, "8.5", "p.yml:4:19: error: min_wazo_version: "
	    "the plugin needs Wazo 9.0 or later; --wazo-version is 8.5\n");
	/* 24.10 is later than 24.9 and than 24.1: versions, not numbers. */
	assert_diagnostics(yaml, "24.11", "p.yml:5:19: error: max_wazo_version: "
	    "the plugin supports Wazo up to 24.10; --wazo-version is 24.11\n");
	assert_diagnostics(yaml, "24.9", "");
	assert_diagnostics(VALID_HEAD "min_wazo_version: \"25.01\"\n"
	    "max_wazo_version: \"24.10\"\n", NULL, "p.yml:5:19: error: "
	    "max_wazo_version: 24.10 is lower than min_wazo_version 25.01\n");
	assert_diagnostics(VALID_HEAD "min_wazo_version: latest\n", NULL,
	    "p.yml:4:19: error: min_wazo_version: 'latest' is not a valid "
	    "version: the upstream version must start with a digit\n");
	assert_diagnostics(VALID_HEAD "max_wazo_version: [1]\n", NULL,
	    "p.yml:4:19: error: max_wazo_version: expected a version string, "
	    "found a list\n");
}
END_TEST

START_TEST(test_unknown_keys)
{
	assert_diagnostics(VALID_HEAD "debian_depend: [a]\nnamepsace: x\n"
	    "descrption: d\nsomething_else: 1\n", NULL,
	    "p.yml:4:1: warning: debian_depend: unknown key; did you mean "
	    "'debian_depends'?\n"
	    "p.yml:5:1: warning: namepsace: unknown key; did you mean "
	    "'namespace'?\n"
	    "p.yml:6:1: warning: descrption: unknown key; did you mean "
	    "'description'?\n"
	    "p.yml:7:1: warning: something_else: unknown key, ignored\n");
	assert_diagnostics(VALID_HEAD "? [a, b]\n: c\n", NULL,
	    "p.yml:4:3: error: a key must be text, found a list\n");
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("validate");

	tcase_add_test(tc, test_minimal_plugin_is_valid);
	tcase_add_test(tc, test_required_keys);
	tcase_add_test(tc, test_name_and_namespace_patterns);
	tcase_add_test(tc, test_version_must_be_a_debian_version);
	tcase_add_test(tc, test_format_version_range);
	tcase_add_test(tc, test_control_file_values_are_one_line);
	tcase_add_test(tc, test_debian_depends);
	tcase_add_test(tc, test_depends_entries);
	tcase_add_test(tc, test_package_prefix_must_make_a_valid_name);
	tcase_add_test(tc, test_wazo_versions);
	tcase_add_test(tc, test_unknown_keys);
	suite_add_tcase(s, tc);
	return s;
}
