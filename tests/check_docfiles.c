/* Tests of docfiles: copyright, changelog, lintian overrides. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "stage/docfiles.h"
#include "base/file.h"

/* The changelog, decompressed by gzip(1). */
static char *
gunzip(const char *path)
{
	char *cmd = xasprintf("gzip -dc '%s'", path), line[256];
	FILE *f = popen(cmd, "r");
	struct buf b = BUF_INIT;

	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof(line), f) != NULL)
		buf_adds(&b, line);
	ck_assert_int_eq(pclose(f), 0);
	free(cmd);
	return buf_detach(&b);
}

/* The lintian overrides docfiles_write() wrote into `dir`. */
static void
assert_overrides(const char *dir, const char *want)
{
	char *path = xasprintf("%s/usr/share/lintian/overrides/"
	    "wazo-plugind-hello-demo", dir);
	char *text = test_read_file(NULL, path);

	ck_assert_str_eq(text, want);
	free(text);
	free(path);
}

/* Only the section override. */
static const char section_only[] = "# wazo-plugind finds installed plugins "
    "by this section.\nwazo-plugind-hello-demo: unknown-section "
    "wazo-plugind-plugin\n";

START_TEST(test_native_version_without_etc)
{
	char *dir = test_make_dir(), *path, *text;
	struct plugin *p = test_plugin("name: hello\nnamespace: demo\nversion: '1.0'\n");
	struct err e = ERR_INIT;
	struct settings c;

	settings_init(&c);
	ck_assert_int_eq(docfiles_write(dir, p, &c, 1700000000, &e), 0);
	path = xasprintf("%s/usr/share/doc/wazo-plugind-hello-demo/copyright", dir);
	text = test_read_file(NULL, path);
	ck_assert_str_eq(text, "This package holds the Wazo Platform plugin "
	    "demo/hello, version 1.0,\nmade into a Debian package by "
	    "wazo-plugin-deb from its wazo/plugin.yml.\n\nCopyright: the "
	    "plugin's author (not named in plugin.yml)\nLicense: not given in "
	    "plugin.yml; ask the author\n");
	free(text);
	free(path);
	path = xasprintf("%s/usr/share/doc/wazo-plugind-hello-demo/changelog.gz",
	    dir);
	text = gunzip(path);
	ck_assert_str_eq(text, "wazo-plugind-hello-demo (1.0) unstable; "
	    "urgency=medium\n\n  * Package of the Wazo Platform plugin "
	    "demo/hello, version 1.0.\n\n -- Wazo Maintainers "
	    "<dev+pkg@wazo.community>  Tue, 14 Nov 2023 22:13:20 +0000\n");
	free(text);
	free(path);
	/* Only the section override: no file under etc/. */
	assert_overrides(dir, section_only);
	settings_release(&c);
	plugin_free(p);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_revision_license_and_etc)
{
	char *dir = test_make_dir(), *path, *text;
	struct plugin *p = test_plugin("name: hello\nnamespace: demo\nversion: '1.0-2'\n"
	    "author: [Ann, Bob]\nlicense: GPL-3.0-or-later\n");
	struct err e = ERR_INIT;
	struct settings c;

	settings_init(&c);
	ck_assert_int_eq(settings_set(&c, SETTING_SECTION, "net", "t", &e), 0);
	test_write_file(dir, "etc/hello/b.conf", "b", 0644);
	test_write_file(dir, "etc/hello/a.conf", "a", 0644);
	ck_assert_int_eq(docfiles_write(dir, p, &c, 0, &e), 0);
	path = xasprintf("%s/usr/share/doc/wazo-plugind-hello-demo/"
	    "changelog.Debian.gz", dir);
	ck_assert_int_eq(access(path, F_OK), 0);
	free(path);
	path = xasprintf("%s/usr/share/doc/wazo-plugind-hello-demo/copyright", dir);
	text = test_read_file(NULL, path);
	ck_assert_ptr_nonnull(strstr(text, "\nCopyright: Ann, Bob\nLicense: "
	    "GPL-3.0-or-later\n\nOn Debian systems, the complete text of this "
	    "license is in\n/usr/share/common-licenses/GPL-3.\n"));
	free(text);
	free(path);
	assert_overrides(dir, "# A Wazo plugin's files under /etc are no "
	    "conffiles: they must leave with\n# the plugin, as with packages "
	    "that wazo-plugind makes.\n"
	    "wazo-plugind-hello-demo: file-in-etc-not-marked-as-conffile "
	    "[etc/hello/a.conf]\n"
	    "wazo-plugind-hello-demo: file-in-etc-not-marked-as-conffile "
	    "[etc/hello/b.conf]\n");
	settings_release(&c);
	plugin_free(p);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* With conffiles: etc, the files under etc/ are conffiles: no override
 * says otherwise. */
START_TEST(test_etc_conffiles_no_override)
{
	char *dir = test_make_dir();
	struct plugin *p = test_plugin("name: hello\nnamespace: demo\nversion: '1.0'\n");
	struct err e = ERR_INIT;
	struct settings c;

	settings_init(&c);
	ck_assert_int_eq(settings_set(&c, SETTING_CONFFILES, "etc", "t", &e), 0);
	test_write_file(dir, "etc/hello/a.conf", "a", 0644);
	ck_assert_int_eq(docfiles_write(dir, p, &c, 0, &e), 0);
	assert_overrides(dir, section_only);
	settings_release(&c);
	plugin_free(p);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("docfiles");
	TCase *tc = tcase_create("docfiles");

	tcase_add_test(tc, test_native_version_without_etc);
	tcase_add_test(tc, test_revision_license_and_etc);
	tcase_add_test(tc, test_etc_conffiles_no_override);
	suite_add_tcase(s, tc);
	return s;
}
