/* Tests of settings: defaults, the YAML file, and checked values. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "plugin/settings.h"

START_TEST(test_defaults_are_the_contract)
{
	struct settings c;

	settings_init(&c);
	ck_assert_str_eq(settings_get(&c, SETTING_PACKAGE_PREFIX), "wazo-plugind");
	ck_assert_str_eq(settings_get(&c, SETTING_SECTION), "wazo-plugind-plugin");
	ck_assert_str_eq(settings_get(&c, SETTING_METADATA_DIR),
	    "/usr/lib/wazo-plugind/plugins");
	ck_assert_str_eq(settings_get(&c, SETTING_BACKUP_RULES_DIR),
	    "/var/lib/wazo-plugind/rules");
	ck_assert_ptr_null(settings_get(&c, SETTING_TEMPLATE_DIR));
	ck_assert_str_eq(settings_get(&c, SETTING_CONTROL_TEMPLATE), "control.jinja");
	ck_assert_str_eq(settings_get(&c, SETTING_POSTRM_TEMPLATE), "postrm.jinja");
	ck_assert_str_eq(settings_get(&c, SETTING_MAINTAINER),
	    "Wazo Maintainers <dev+pkg@wazo.community>");
	ck_assert_str_eq(settings_get(&c, SETTING_CONFFILES), "none");
	ck_assert(!settings_etc_conffiles(&c));
	ck_assert_str_eq(settings_key_name(SETTING_PACKAGE_PREFIX),
	    "default_debian_package_prefix");
	settings_release(&c);
}
END_TEST

static const struct {
	enum settings_key key;
	const char *value;
	const char *error;	/* NULL: accepted */
} values[] = {
	{ SETTING_PACKAGE_PREFIX, "my-prefix", NULL },
	{ SETTING_PACKAGE_PREFIX, "My", "--x 'My': must start a Debian package "
	  "name: lowercase letters, digits, '+', '-', '.', starting with a "
	  "letter or digit" },
	{ SETTING_PACKAGE_PREFIX, "-x", "--x '-x': must start a Debian package "
	  "name: lowercase letters, digits, '+', '-', '.', starting with a "
	  "letter or digit" },
	{ SETTING_SECTION, "non-free/comm", NULL },
	{ SETTING_SECTION, "bad section", "--x 'bad section': must be a Debian "
	  "section: lowercase letters, digits and '+-./_'" },
	{ SETTING_METADATA_DIR, "/opt/wazo plugins/x; rm -rf $HOME", NULL },
	{ SETTING_METADATA_DIR, "relative/dir", "--x 'relative/dir': must be an "
	  "absolute path" },
	{ SETTING_METADATA_DIR, "/usr/../etc", "--x '/usr/../etc': must be a "
	  "normalized path (no '.', '..' or '//' components)" },
	{ SETTING_METADATA_DIR, "/usr//lib", "--x '/usr//lib': must be a "
	  "normalized path (no '.', '..' or '//' components)" },
	{ SETTING_METADATA_DIR, "/usr/lib/", "--x '/usr/lib/': must not end "
	  "with '/'" },
	{ SETTING_BACKUP_RULES_DIR, "/", "--x '/': cannot be the root directory" },
	{ SETTING_BACKUP_RULES_DIR, "/var/lib/x\ny", "--x '/var/lib/x\ny': must "
	  "be one line without control characters" },
	{ SETTING_TEMPLATE_DIR, "templates", NULL },
	{ SETTING_TEMPLATE_DIR, "", "--x '': must not be empty" },
	{ SETTING_CONTROL_TEMPLATE, "my-control.jinja", NULL },
	{ SETTING_POSTINST_TEMPLATE, "sub/postinst", "--x 'sub/postinst': must "
	  "be a file name inside template_dir" },
	{ SETTING_MAINTAINER, "Jane Doe <jane@example.org>", NULL },
	{ SETTING_MAINTAINER, "jane@example.org", "--x 'jane@example.org': must "
	  "read 'Full Name <address>'" },
	{ SETTING_CONFFILES, "etc", NULL },
	{ SETTING_CONFFILES, "none", NULL },
	{ SETTING_CONFFILES, "all", "--x 'all': must be none (no conffiles) or "
	  "etc (every file under /etc)" },
};

START_TEST(test_set_checks_values)
{
	struct settings c;
	struct err e = ERR_INIT;
	int r;

	settings_init(&c);
	r = settings_set(&c, values[_i].key, values[_i].value, "--x", &e);
	if (values[_i].error == NULL) {
		ck_assert_int_eq(r, 0);
		ck_assert_str_eq(settings_get(&c, values[_i].key), values[_i].value);
	} else {
		ck_assert_int_eq(r, -1);
		ck_assert_int_eq(e.status, STATUS_USAGE);
		ck_assert_str_eq(e.msg, values[_i].error);
		err_release(&e);
	}
	settings_release(&c);
}
END_TEST

/* Loads `yaml` over the defaults; the diagnostics' text goes to `out`. */
static void
load(struct settings *c, const char *yaml, struct buf *out)
{
	char *dir = test_make_dir(), *path = xasprintf("%s/config.yml", dir);
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;

	test_write_file(dir, "config.yml", yaml, 0644);
	settings_init(c);
	ck_assert_int_eq(settings_load_file(c, path, &diags, &e), 0);
	buf_init(out);
	diag_format_text(&diags, out);
	/* Messages name the file by its path: drop the directory. */
	for (char *p; (p = strstr(out->data, dir)) != NULL;) {
		size_t cut = strlen(dir) + 1;

		memmove(p, p + cut, strlen(p + cut) + 1);
		out->len -= cut;
	}
	diag_list_release(&diags);
	test_remove_tree(dir);
	free(path);
	free(dir);
}

START_TEST(test_file_sets_known_keys)
{
	struct settings c;
	struct buf out;

	load(&c, "default_debian_package_prefix: acme\n"
	    "debian_package_section: wazo-acme\n"
	    "metadata_dir: /opt/acme/plugins\n"
	    "backup_rules_dir: /var/lib/acme\n"
	    "template_dir: /etc/acme/templates\n"
	    "control_template: ctl.jinja\n"
	    "maintainer: Acme <ops@acme.example>\n"
	    "conffiles: etc\n"
	    "# wazo-plugind's own settings are ignored\n"
	    "rest_api: {https: {port: 9503}}\n"
	    "debug: false\n", &out);
	ck_assert_str_eq(out.data, "");
	ck_assert_str_eq(settings_get(&c, SETTING_PACKAGE_PREFIX), "acme");
	ck_assert_str_eq(settings_get(&c, SETTING_SECTION), "wazo-acme");
	ck_assert_str_eq(settings_get(&c, SETTING_METADATA_DIR), "/opt/acme/plugins");
	ck_assert_str_eq(settings_get(&c, SETTING_BACKUP_RULES_DIR), "/var/lib/acme");
	ck_assert_str_eq(settings_get(&c, SETTING_TEMPLATE_DIR), "/etc/acme/templates");
	ck_assert_str_eq(settings_get(&c, SETTING_CONTROL_TEMPLATE), "ctl.jinja");
	ck_assert_str_eq(settings_get(&c, SETTING_POSTINST_TEMPLATE), "postinst.jinja");
	ck_assert_str_eq(settings_get(&c, SETTING_MAINTAINER), "Acme <ops@acme.example>");
	ck_assert(settings_etc_conffiles(&c));
	buf_release(&out);
	settings_release(&c);
}
END_TEST

START_TEST(test_file_errors_and_typos)
{
	struct settings c;
	struct buf out;

	load(&c, "metadata_dir: relative\n"
	    "debian_package_section: [a]\n"
	    "maintainr: x\n", &out);
	ck_assert_str_eq(out.data,
	    "config.yml:1:15: error: metadata_dir: 'relative' must be an "
	    "absolute path\n"
	    "config.yml:2:25: error: debian_package_section: expected a string, "
	    "found a list\n"
	    "config.yml:3:1: warning: maintainr: unknown key, ignored; did you "
	    "mean 'maintainer'?\n");
	/* Refused values leave the defaults. */
	ck_assert_str_eq(settings_get(&c, SETTING_METADATA_DIR),
	    "/usr/lib/wazo-plugind/plugins");
	buf_release(&out);
	settings_release(&c);
	load(&c, "- a list\n", &out);
	ck_assert_str_eq(out.data, "config.yml:1:1: error: the top level must "
	    "be a mapping of keys to values, found a list\n");
	buf_release(&out);
	settings_release(&c);
}
END_TEST

START_TEST(test_missing_file)
{
	struct settings c;
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;

	settings_init(&c);
	ck_assert_int_eq(settings_load_file(&c, "/nonexistent/c.yml", &diags, &e),
	    -1);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	err_release(&e);
	settings_release(&c);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("settings");
	TCase *tc = tcase_create("settings");

	tcase_add_test(tc, test_defaults_are_the_contract);
	tcase_add_loop_test(tc, test_set_checks_values, 0,
	    sizeof(values) / sizeof(values[0]));
	tcase_add_test(tc, test_file_sets_known_keys);
	tcase_add_test(tc, test_file_errors_and_typos);
	tcase_add_test(tc, test_missing_file);
	suite_add_tcase(s, tc);
	return s;
}
