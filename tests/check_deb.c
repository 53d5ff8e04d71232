/* Tests of deb: the emitter's result, name and cleanup. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "emit/deb.h"

static char *
make_plugin(const char *version, const char *package_step)
{
	char *dir = test_make_dir(), *yml, *rules;

	yml = xasprintf("name: hello\nnamespace: demo\nversion: '%s'\n", version);
	rules = xasprintf("#!/bin/sh\n[ \"$1\" = package ] || exit 0\n%s\n",
	    package_step);
	test_write_file(dir, "plugin/wazo/plugin.yml", yml, 0644);
	test_write_file(dir, "plugin/wazo/rules", rules, 0755);
	test_write_file(dir, "out/.keep", "", 0644);
	test_write_file(dir, "tmp/.keep", "", 0644);
	free(yml);
	free(rules);
	return dir;
}

static int
emit(const char *dir, char **path, struct err *e)
{
	char *root = xasprintf("%s/plugin", dir), *out = xasprintf("%s/out", dir);
	char *yml = xasprintf("%s/wazo/plugin.yml", root);
	char *tmp = xasprintf("%s/tmp", dir);
	char *templates = xasprintf("%s/templates", dir);
	struct diag_list diags = DIAG_LIST_INIT;
	struct source src = { .root = root, .shown = root, .work = WORKDIR_INIT };
	struct settings c;
	struct plugin *p = plugin_load_file(yml, "p", &diags, e);
	struct deb_job job = { &src, p, &c, out, { COMPRESS_GZIP, 9, 1 },
	    "auto", 1700000000, NULL, NULL, NULL, NULL };
	int r;

	setenv("TMPDIR", tmp, 1);
	settings_init(&c);
	if (access(templates, F_OK) == 0)
		ck_assert_int_eq(settings_set(&c, SETTING_TEMPLATE_DIR, templates,
		    "t", e), 0);
	r = deb_emit(&job, path, e);
	unsetenv("TMPDIR");
	settings_release(&c);
	plugin_free(p);
	diag_list_release(&diags);
	free(templates);
	free(tmp);
	free(yml);
	free(out);
	free(root);
	return r;
}

/* The names in `dir`/`sub` (`sub` NULL: in `dir`) are `want`. */
static void
assert_listing(const char *dir, const char *sub, const char *want)
{
	char *path = sub ? xasprintf("%s/%s", dir, sub) : xstrdup(dir);
	char *got = test_list_dir(path);

	ck_assert_str_eq(got, want);
	free(got);
	free(path);
}

START_TEST(test_name_drops_the_epoch)
{
	char *dir = make_plugin("2:1.0-1", "true"), *path = NULL, *want, *list;
	struct err e = ERR_INIT;

	ck_assert_int_eq(emit(dir, &path, &e), 0);
	want = xasprintf("%s/out/wazo-plugind-hello-demo_1.0-1_all.deb", dir);
	ck_assert_str_eq(path, want);
	ck_assert_int_eq(access(path, R_OK), 0);
	list = xasprintf("%s/tmp", dir);
	free(want);
	want = test_list_dir(list);
	ck_assert_str_eq(want, ".keep,");	/* staging removed */
	free(want);
	free(list);
	free(path);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_failure_keeps_the_old_deb)
{
	char *dir = make_plugin("1.0", "exit 4"), *path = NULL;
	struct err e = ERR_INIT;

	test_write_file(dir, "out/wazo-plugind-hello-demo_1.0_all.deb", "old", 0644);
	ck_assert_int_eq(emit(dir, &path, &e), -1);
	ck_assert_ptr_null(path);
	ck_assert_int_eq(e.status, STATUS_RULES);
	err_release(&e);
	assert_listing(dir, "out", ".keep,wazo-plugind-hello-demo_1.0_all.deb,");
	assert_listing(dir, "tmp", ".keep,");
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* A missing output directory is made, as by mkdir -p; a file in its
 * place is refused before any rule runs. */
START_TEST(test_output_dir_made_or_refused)
{
	char *dir = make_plugin("1.0", "touch \"$pkgdir/../../../ran\""), *path;
	char *rm = xasprintf("rm -rf '%s/out' '%s/ran'", dir, dir);
	char *out = xasprintf("%s/out", dir), *ran = xasprintf("%s/ran", dir);
	char *want = xasprintf("%s is a file, not a directory", out);
	struct err e = ERR_INIT;

	ck_assert_int_eq(system(rm), 0);
	ck_assert_int_eq(emit(dir, &path, &e), 0);
	assert_listing(dir, "out", "wazo-plugind-hello-demo_1.0_all.deb,");
	free(path);
	ck_assert_int_eq(system(rm), 0);
	test_write_file(dir, "out", "", 0644);
	ck_assert_int_eq(emit(dir, &path, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_str_eq(e.msg, want);
	ck_assert_int_eq(access(ran, F_OK), -1);
	assert_listing(dir, "tmp", ".keep,");
	err_release(&e);
	free(want);
	free(ran);
	free(out);
	free(rm);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* A template at fault stops the job before any rule runs. */
START_TEST(test_broken_template_stops_before_the_rules)
{
	char *dir = make_plugin("1.0", "touch ../packaged"), *path = NULL;
	struct err e = ERR_INIT;

	test_write_file(dir, "templates/postinst.jinja", "{% if x %}\n", 0644);
	ck_assert_int_eq(emit(dir, &path, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_ptr_nonnull(strstr(e.msg, "templates/postinst.jinja"));
	ck_assert_ptr_null(path);
	assert_listing(dir, NULL, "out,plugin,templates,tmp,");
	assert_listing(dir, "out", ".keep,");
	assert_listing(dir, "tmp", ".keep,");
	err_release(&e);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("deb");
	TCase *tc = tcase_create("deb");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_name_drops_the_epoch);
	tcase_add_test(tc, test_failure_keeps_the_old_deb);
	tcase_add_test(tc, test_output_dir_made_or_refused);
	tcase_add_test(tc, test_broken_template_stops_before_the_rules);
	suite_add_tcase(s, tc);
	return s;
}
