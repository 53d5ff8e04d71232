/* Tests of debianize: the debian/ directory of a plugin. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "emit/debianize.h"
#include "base/file.h"

START_TEST(test_files)
{
	char *dir = test_make_dir(), *debian = xasprintf("%s/debian", dir), *t;
	struct plugin *p = test_plugin("name: hello\nnamespace: demo\nversion: '1.0'\n"
	    "description: Says hello\n");
	struct settings c;
	struct debianize_job job = { p, &c, debian, "all", 1700000000, false };
	struct err e = ERR_INIT;
	struct stat st;

	settings_init(&c);
	ck_assert_int_eq(debianize_emit(&job, &e), 0);
	t = test_read_file(debian, "control");
	ck_assert_str_eq(t, "Source: wazo-plugind-hello-demo\n"
	    "Section: wazo-plugind-plugin\nPriority: optional\n"
	    "Maintainer: Wazo Maintainers <dev+pkg@wazo.community>\n"
	    "Build-Depends: debhelper-compat (= 13), dh-sequence-wazo-plugin\n"
	    "Standards-Version: 4.6.2\nRules-Requires-Root: binary-targets\n\n"
	    "Package: wazo-plugind-hello-demo\nArchitecture: all\n"
	    "Depends: ${misc:Depends}, ${wazo-plugin:Depends}\n"
	    "Description: Says hello\n This package holds the Wazo Platform "
	    "plugin demo/hello.\n");
	free(t);
	t = test_read_file(debian, "rules");
	ck_assert_ptr_nonnull(strstr(t, "\n%:\n\tdh $@\n"));
	ck_assert_ptr_null(strstr(t, "override_"));
	free(t);
	t = test_read_file(debian, "source/format");
	ck_assert_str_eq(t, "3.0 (native)\n");
	free(t);
	t = test_read_file(debian, "changelog");
	ck_assert_ptr_nonnull(strstr(t, "wazo-plugind-hello-demo (1.0) unstable; "
	    "urgency=medium\n"));
	ck_assert_ptr_nonnull(strstr(t, "Tue, 14 Nov 2023 22:13:20 +0000"));
	free(t);
	t = xasprintf("%s/rules", debian);
	ck_assert_int_eq(stat(t, &st), 0);
	ck_assert_uint_eq(st.st_mode & 0777, 0755);
	free(t);
	t = xasprintf("%s/wazo-plugin.yml", debian);
	ck_assert_int_eq(access(t, F_OK), -1);	/* default settings */
	free(t);
	/* An existing debian/ stays, unless forced. */
	ck_assert_int_eq(debianize_emit(&job, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	err_release(&e);
	job.force = true;
	ck_assert_int_eq(debianize_emit(&job, &e), 0);
	settings_release(&c);
	plugin_free(p);
	test_remove_tree(dir);
	free(debian);
	free(dir);
}
END_TEST

START_TEST(test_settings_reach_the_addon)
{
	char *dir = test_make_dir(), *debian = xasprintf("%s/debian", dir), *t;
	struct plugin *p = test_plugin("name: hello\nnamespace: demo\nversion: '1.0-2'\n");
	struct settings c;
	struct debianize_job job = { p, &c, debian, "any", 0, false };
	struct err e = ERR_INIT;

	settings_init(&c);
	ck_assert_int_eq(settings_set(&c, SETTING_METADATA_DIR,
	    "/opt/it's/plugins", "t", &e), 0);
	ck_assert_int_eq(settings_set(&c, SETTING_CONFFILES, "etc", "t", &e), 0);
	ck_assert_int_eq(debianize_emit(&job, &e), 0);
	t = test_read_file(debian, "wazo-plugin.yml");
	ck_assert_str_eq(t, "metadata_dir: '/opt/it''s/plugins'\n"
	    "conffiles: 'etc'\n");
	free(t);
	t = test_read_file(debian, "rules");
	ck_assert_ptr_nonnull(strstr(t, "\tdh_wazo_plugin --wazo-config="
	    "debian/wazo-plugin.yml\n"));
	ck_assert_ptr_nonnull(strstr(t, "\noverride_dh_wazo_plugin_conffiles:\n"
	    "\tdh_wazo_plugin_conffiles --wazo-config=debian/wazo-plugin.yml\n"));
	free(t);
	t = test_read_file(debian, "source/format");
	ck_assert_str_eq(t, "3.0 (quilt)\n");
	free(t);
	t = test_read_file(debian, "control");
	ck_assert_ptr_nonnull(strstr(t, "\nArchitecture: any\n"));
	free(t);
	settings_release(&c);
	plugin_free(p);
	test_remove_tree(dir);
	free(debian);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("debianize");
	TCase *tc = tcase_create("debianize");

	tcase_add_test(tc, test_files);
	tcase_add_test(tc, test_settings_reach_the_addon);
	suite_add_tcase(s, tc);
	return s;
}
