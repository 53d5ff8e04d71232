/* Tests of plugin_json: the plugin object of `check --format=json`. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "render/plugin_json.h"

static char *
json_of(const struct plugin *p, bool valid)
{
	struct buf out = BUF_INIT;
	struct settings c;

	settings_init(&c);
	plugin_json_add(&out, p, &c, valid);
	settings_release(&c);
	return buf_detach(&out);
}

START_TEST(test_valid_plugin)
{
	struct plugin *p = test_plugin("name: hello\nnamespace: demo\n"
	    "version: 1.10\nplugin_format_version: 1\n"
	    "depends: [{name: other, namespace: ns}]\n"
	    "debian_depends: [golang-go]\n");
	char *json = json_of(p, true);

	ck_assert_str_eq(json, "{\"name\": \"hello\", \"namespace\": \"demo\", "
	    "\"version\": \"1.10\", \"plugin_format_version\": 1, "
	    "\"package\": \"wazo-plugind-hello-demo\", \"depends\": "
	    "[\"golang-go\", \"wazo-plugind-other-ns\"], \"metadata_path\": "
	    "\"/usr/lib/wazo-plugind/plugins/demo/hello/wazo\", \"rules_path\": "
	    "\"/usr/lib/wazo-plugind/plugins/demo/hello/wazo/rules\", "
	    "\"backup_rules_path\": "
	    "\"/var/lib/wazo-plugind/rules/rules.hello.demo\", "
	    "\"conffiles\": \"none\"}");
	free(json);
	plugin_free(p);
}
END_TEST

START_TEST(test_invalid_plugin)
{
	struct plugin *p = test_plugin("name: Hello\nversion: [1]\n"
	    "plugin_format_version: yes\n");
	char *json = json_of(p, false);

	ck_assert_str_eq(json, "{\"name\": \"Hello\", \"namespace\": null, "
	    "\"version\": null, \"plugin_format_version\": null, "
	    "\"package\": null, \"depends\": null, \"metadata_path\": null, "
	    "\"rules_path\": null, \"backup_rules_path\": null, "
	    "\"conffiles\": \"none\"}");
	free(json);
	plugin_free(p);
	json = json_of(NULL, false);
	ck_assert_str_eq(json, "null");
	free(json);
}
END_TEST

/* Every key the table marks for JSON is there, in the table's order. */
START_TEST(test_table_keys_in_order)
{
	struct plugin *p = test_plugin("name: a\n");
	char *json = json_of(p, false);
	const char *at = json;

	for (size_t i = 0; i < plugin_keys_count; i++) {
		char *member;

		if (!(plugin_keys[i].uses & PLUGIN_USE_JSON))
			continue;
		member = xasprintf("\"%s\": ", plugin_keys[i].name);
		at = strstr(at, member);
		ck_assert_msg(at != NULL, "%s missing or out of order", member);
		free(member);
	}
	free(json);
	plugin_free(p);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("plugin_json");
	TCase *tc = tcase_create("plugin_json");

	tcase_add_test(tc, test_valid_plugin);
	tcase_add_test(tc, test_invalid_plugin);
	tcase_add_test(tc, test_table_keys_in_order);
	suite_add_tcase(s, tc);
	return s;
}
