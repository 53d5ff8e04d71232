/* Tests of context: the variables templates see. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "render/context.h"

static struct plugin *
load(const char *yaml)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct plugin *p = plugin_load(yaml, strlen(yaml), "p.yml", &diags);

	ck_assert_ptr_nonnull(p);
	diag_list_release(&diags);
	return p;
}

/* str() of context[key], or "<absent>". */
static char *
shown(const struct tvalue *ctx, const char *key)
{
	struct tvalue *v = tvalue_get(ctx, key);
	struct buf b = BUF_INIT;

	if (v == NULL)
		return xstrdup("<absent>");
	tvalue_repr(v, &b);
	return buf_detach(&b);
}

static void
assert_shown(const struct tvalue *ctx, const char *key, const char *want)
{
	char *got = shown(ctx, key);

	ck_assert_msg(strcmp(got, want) == 0, "%s: %s, expected %s", key, got,
	    want);
	free(got);
}

START_TEST(test_package_context)
{
	struct context_extras extras = { "all", 42, NULL };
	struct arena a = { NULL };
	struct settings c;
	struct plugin *p = load("name: hello\nnamespace: demo\nversion: 1.10\n"
	    "plugin_format_version: \"1\"\nmin_wazo_version: 24.10\n"
	    "debian_depends: [golang-go]\n"
	    "depends: [{name: other, namespace: ns}]\n"
	    "rules_path: /overridden\nauthor: Me\ntags: [a, b]\nflag: yes\n"
	    "description: Says hello\n");
	struct tvalue *ctx;

	settings_init(&c);
	ctx = context_build(&a, p, &c, &extras);
	assert_shown(ctx, "name", "'hello'");
	assert_shown(ctx, "version", "'1.10'");
	assert_shown(ctx, "min_wazo_version", "'24.10'");
	assert_shown(ctx, "plugin_format_version", "1");
	assert_shown(ctx, "debian_depends",
	    "['golang-go', 'wazo-plugind-other-ns']");
	assert_shown(ctx, "depends", "[{'name': 'other', 'namespace': 'ns'}]");
	assert_shown(ctx, "rules_path",
	    "'/usr/lib/wazo-plugind/plugins/demo/hello/wazo/rules'");
	assert_shown(ctx, "backup_rules_path",
	    "'/var/lib/wazo-plugind/rules/rules.hello.demo'");
	assert_shown(ctx, "debian_package_section", "'wazo-plugind-plugin'");
	assert_shown(ctx, "package", "'wazo-plugind-hello-demo'");
	assert_shown(ctx, "architecture", "'all'");
	assert_shown(ctx, "maintainer",
	    "'Wazo Maintainers <dev+pkg@wazo.community>'");
	assert_shown(ctx, "priority", "'optional'");
	assert_shown(ctx, "installed_size", "42");
	assert_shown(ctx, "control_description", "'Says hello\\n This package "
	    "holds the Wazo Platform plugin demo/hello.'");
	assert_shown(ctx, "author", "'Me'");
	assert_shown(ctx, "tags", "['a', 'b']");
	assert_shown(ctx, "flag", "True");
	assert_shown(ctx, "metadata_dir", "'/usr/lib/wazo-plugind/plugins'");
	arena_release(&a);
	settings_release(&c);
	plugin_free(p);
}
END_TEST

START_TEST(test_settings_and_absent_keys)
{
	struct context_extras extras = { "amd64", -1, NULL };
	struct arena a = { NULL };
	struct err e = ERR_INIT;
	struct settings c;
	struct plugin *p = load("name: hello\nnamespace: demo\nversion: '2'\n");
	struct tvalue *ctx;
	char *meta;

	settings_init(&c);
	ck_assert_int_eq(settings_set(&c, SETTING_PACKAGE_PREFIX, "acme", "t", &e), 0);
	ck_assert_int_eq(settings_set(&c, SETTING_SECTION, "wazo-acme", "t", &e), 0);
	ck_assert_int_eq(settings_set(&c, SETTING_BACKUP_RULES_DIR, "/srv/b", "t",
	    &e), 0);
	ctx = context_build(&a, p, &c, &extras);
	assert_shown(ctx, "package", "'acme-hello-demo'");
	assert_shown(ctx, "debian_package_section", "'wazo-acme'");
	assert_shown(ctx, "backup_rules_path", "'/srv/b/rules.hello.demo'");
	meta = context_metadata_path(p, &c);
	ck_assert_str_eq(meta, "/usr/lib/wazo-plugind/plugins/demo/hello/wazo");
	free(meta);
	assert_shown(ctx, "architecture", "'amd64'");
	assert_shown(ctx, "debian_depends", "[]");
	assert_shown(ctx, "installed_size", "<absent>");
	assert_shown(ctx, "plugin_format_version", "<absent>");
	assert_shown(ctx, "min_wazo_version", "<absent>");
	arena_release(&a);
	settings_release(&c);
	plugin_free(p);
}
END_TEST

START_TEST(test_yaml_values_are_typed_as_pyyaml_types_them)
{
	const char *yaml = "{s: text, i: 010, f: 1.10, b: off, n: ~, "
	    "q: '3', l: [1, x], m: {k: v}}";
	struct diag_list diags = DIAG_LIST_INIT;
	struct arena a = { NULL };
	struct buf out = BUF_INIT;
	struct ydoc *doc;

	ck_assert_int_eq(yaml_doc_load(&doc, yaml, strlen(yaml), "y", &diags), 0);
	tvalue_repr(context_yaml_value(&a, doc->root), &out);
	ck_assert_str_eq(out.data, "{'s': 'text', 'i': 8, 'f': 1.1, 'b': False, "
	    "'n': None, 'q': '3', 'l': [1, 'x'], 'm': {'k': 'v'}}");
	buf_release(&out);
	arena_release(&a);
	yaml_doc_free(doc);
	diag_list_release(&diags);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("context");
	TCase *tc = tcase_create("context");

	tcase_add_test(tc, test_package_context);
	tcase_add_test(tc, test_settings_and_absent_keys);
	tcase_add_test(tc, test_yaml_values_are_typed_as_pyyaml_types_them);
	suite_add_tcase(s, tc);
	return s;
}
