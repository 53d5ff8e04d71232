/* Tests of plugin: plugin.yml sorted into typed fields. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "plugin/plugin.h"

/* Loads `yaml`; the diagnostics' text goes to `out` (caller releases). */
static struct plugin *
load(const char *yaml, struct buf *out)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct plugin *p = plugin_load(yaml, strlen(yaml), "p.yml", &diags);

	buf_init(out);
	diag_format_text(&diags, out);
	diag_list_release(&diags);
	return p;
}

START_TEST(test_fields_keep_the_text_as_written)
{
	struct buf out;
	struct plugin *p = load("name: hello\nnamespace: demo\n"
	    "version: \"1.10\"\ndescription: d\nmin_wazo_version: '24.10'\n"
	    "plugin_format_version: 2\ndebian_depends: [golang-go]\n"
	    "depends:\n  - {name: other, namespace: ns}\n", &out);

	ck_assert_str_eq(out.data, "");
	ck_assert_str_eq(p->name.text, "hello");
	ck_assert_uint_eq(p->name.node->pos.column, 7);
	ck_assert_str_eq(p->namespace.text, "demo");
	ck_assert_str_eq(p->version.text, "1.10");
	ck_assert_str_eq(p->description.text, "d");
	ck_assert_str_eq(p->min_wazo_version.text, "24.10");
	ck_assert_ptr_null(p->max_wazo_version.node);
	ck_assert(p->format_known);
	ck_assert_int_eq(p->format_version, 2);
	ck_assert_uint_eq(p->debian_depends_count, 1);
	ck_assert_str_eq(p->debian_depends[0].text, "golang-go");
	ck_assert_uint_eq(p->depends_count, 1);
	ck_assert_str_eq(p->depends[0].name.text, "other");
	ck_assert_str_eq(p->depends[0].namespace.text, "ns");
	plugin_free(p);
	buf_release(&out);
}
END_TEST

START_TEST(test_absent_format_version_is_zero)
{
	struct buf out;
	struct plugin *p = load("name: a\n", &out);

	ck_assert(p->format_known);
	ck_assert_int_eq(p->format_version, 0);
	ck_assert_ptr_null(p->format_node);
	plugin_free(p);
	buf_release(&out);
}
END_TEST

START_TEST(test_numbers_as_versions_warn)
{
	struct buf out;
	struct plugin *p = load("version: 1.10\nmin_wazo_version: 24.10\n"
	    "max_wazo_version: 25\n", &out);

	ck_assert_str_eq(p->version.text, "1.10");
	ck_assert_str_eq(p->min_wazo_version.text, "24.10");
	ck_assert_str_eq(p->max_wazo_version.text, "25");
	ck_assert_str_eq(out.data,
	    "p.yml:1:10: warning: version: 1.10 is a YAML number, which "
	    "wazo-plugind reads as 1.1: quote it (\"1.10\") to keep the text\n"
	    "p.yml:2:19: warning: min_wazo_version: 24.10 is a YAML number, "
	    "which wazo-plugind reads as 24.1: quote it (\"24.10\") to keep "
	    "the text\n"
	    "p.yml:3:19: warning: max_wazo_version: 25 is a YAML number, not "
	    "text: quote it (\"25\")\n");
	plugin_free(p);
	buf_release(&out);
}
END_TEST

START_TEST(test_wrong_kinds)
{
	struct buf out;
	struct plugin *p = load("name: [a]\nnamespace: yes\nversion: ~\n"
	    "description: 3\nplugin_format_version: 1.0\n"
	    "depends: {name: a}\ndebian_depends: golang-go\n", &out);

	ck_assert_ptr_null(p->name.text);
	ck_assert_ptr_nonnull(p->name.node);
	ck_assert(!p->format_known);
	ck_assert_str_eq(out.data,
	    "p.yml:1:7: error: name: expected a string, found a list\n"
	    "p.yml:2:12: error: namespace: expected a string, found a boolean\n"
	    "p.yml:3:10: error: version: expected a version string, found null "
	    "(no value)\n"
	    "p.yml:4:14: error: description: expected a string, found an "
	    "integer\n"
	    "p.yml:5:24: error: plugin_format_version: expected an integer "
	    "(0, 1 or 2), found a float\n"
	    "p.yml:6:10: error: depends: expected a list of plugins ({name, "
	    "namespace} mappings), found a mapping\n"
	    "p.yml:7:17: error: debian_depends: expected a list of Debian "
	    "dependencies, found a string\n");
	plugin_free(p);
	buf_release(&out);
}
END_TEST

START_TEST(test_format_version_kinds)
{
	struct buf out;
	struct plugin *p = load("plugin_format_version: \"1\"\n", &out);

	ck_assert(p->format_known);
	ck_assert_int_eq(p->format_version, 1);
	ck_assert_str_eq(out.data, "p.yml:1:24: warning: plugin_format_version: "
	    "\"1\" is a string: write the integer 1, unquoted\n");
	plugin_free(p);
	buf_release(&out);
	p = load("plugin_format_version: true\n", &out);
	ck_assert(!p->format_known);
	ck_assert_str_eq(out.data, "p.yml:1:24: error: plugin_format_version: "
	    "expected an integer (0, 1 or 2), found a boolean\n");
	plugin_free(p);
	buf_release(&out);
	p = load("plugin_format_version: 0x2\n", &out);
	ck_assert_int_eq(p->format_version, 2);
	plugin_free(p);
	buf_release(&out);
}
END_TEST

START_TEST(test_dependency_entries)
{
	struct buf out;
	struct plugin *p = load("depends:\n  - name: a\n  - [x]\n"
	    "  - {namespace: n, name: 4, version: 1, other: z}\n", &out);

	ck_assert_uint_eq(p->depends_count, 3);
	ck_assert_str_eq(p->depends[0].name.text, "a");
	ck_assert_ptr_null(p->depends[0].namespace.node);
	ck_assert_str_eq(out.data,
	    "p.yml:2:5: error: depends[0].namespace: required key is missing\n"
	    "p.yml:3:5: error: depends[1]: expected a mapping with name and "
	    "namespace, found a list\n"
	    "p.yml:4:41: warning: depends[2]: unknown key 'other' (a "
	    "dependency has name, namespace and version)\n"
	    "p.yml:4:26: error: depends[2].name: expected a string, found an "
	    "integer\n");
	plugin_free(p);
	buf_release(&out);
}
END_TEST

START_TEST(test_top_level_must_be_a_mapping)
{
	struct buf out;
	struct plugin *p = load("- a\n- b\n", &out);

	ck_assert_ptr_null(p);
	ck_assert_str_eq(out.data, "p.yml:1:1: error: the top level must be a "
	    "mapping of keys to values, found a list\n");
	buf_release(&out);
	p = load("just text\n", &out);
	ck_assert_ptr_null(p);
	ck_assert_str_eq(out.data, "p.yml:1:1: error: the top level must be a "
	    "mapping of keys to values, found a string\n");
	buf_release(&out);
}
END_TEST

START_TEST(test_entries_keep_document_order)
{
	struct buf out;
	struct plugin *p = load("zeta: 1\nname: a\n[x]: 2\nzeta: 3\n"
	    "author: [Ann, ~, Bob]\nlicense: ''\n", &out);

	ck_assert_uint_eq(p->entry_count, 6);
	ck_assert_str_eq(p->entries[0].key, "zeta");
	ck_assert_ptr_null(p->entries[0].row);
	ck_assert_str_eq(p->entries[1].key, "name");
	ck_assert_ptr_eq(p->entries[1].row, plugin_keys_find("name"));
	ck_assert_ptr_eq(p->entries[1].value, p->name.node);
	ck_assert_ptr_null(p->entries[2].key);
	ck_assert_uint_eq(p->entries[2].key_node->pos.column, 1);
	ck_assert_str_eq(p->entries[3].value->text, "3");
	ck_assert_str_eq(p->author, "Ann, ~, Bob");
	ck_assert_ptr_null(p->license);
	ck_assert_uint_eq(p->pos.line, 1);
	plugin_free(p);
	buf_release(&out);
}
END_TEST

START_TEST(test_package_name)
{
	char *name = plugin_package_name("wazo-plugind", "hello-world", "demo");

	ck_assert_str_eq(name, "wazo-plugind-hello-world-demo");
	free(name);
	ck_assert_ptr_null(plugin_package_name("wazo-plugind", "x", "my-ns"));
	ck_assert_ptr_null(plugin_package_name("wazo-plugind", "X", "ns"));
	ck_assert_ptr_null(plugin_package_name("wazo-plugind", NULL, "ns"));
	ck_assert(plugin_name_valid("a-1"));
	ck_assert(!plugin_name_valid(""));
	ck_assert(!plugin_name_valid("a_b"));
	ck_assert(plugin_namespace_valid("abc1"));
	ck_assert(!plugin_namespace_valid("a-b"));
}
END_TEST

START_TEST(test_load_file)
{
	char *dir = test_make_dir(), *file = xasprintf("%s/p.yml", dir);
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	struct plugin *p;

	p = plugin_load_file(file, "p.yml", &diags, &e);
	ck_assert_ptr_null(p);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	ck_assert_ptr_nonnull(strstr(e.msg, "No such file"));
	err_release(&e);
	test_write_file(dir, "p.yml", "name: x\n", 0644);
	p = plugin_load_file(file, "p.yml", &diags, &e);
	ck_assert_ptr_nonnull(p);
	ck_assert_str_eq(p->name.text, "x");
	ck_assert_uint_eq(diags.count, 0);
	plugin_free(p);
	test_remove_tree(dir);
	free(file);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("plugin");
	TCase *tc = tcase_create("plugin");

	tcase_add_test(tc, test_fields_keep_the_text_as_written);
	tcase_add_test(tc, test_absent_format_version_is_zero);
	tcase_add_test(tc, test_numbers_as_versions_warn);
	tcase_add_test(tc, test_wrong_kinds);
	tcase_add_test(tc, test_format_version_kinds);
	tcase_add_test(tc, test_dependency_entries);
	tcase_add_test(tc, test_top_level_must_be_a_mapping);
	tcase_add_test(tc, test_entries_keep_document_order);
	tcase_add_test(tc, test_package_name);
	tcase_add_test(tc, test_load_file);
	suite_add_tcase(s, tc);
	return s;
}
