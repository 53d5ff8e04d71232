/* Tests of tree: the package tree emitter's steps and its cleanup. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "emit/tree.h"

/* dir/plugin: a plugin whose rules touch dir/built on build and fail the
 * package step when FAIL is in `how`. */
static char *
make_plugin(const char *how)
{
	char *dir = test_make_dir();
	char *rules = xasprintf("#!/bin/sh\ncase \"$1\" in\n"
	    "build) touch ../built ;;\n"
	    "package) mkdir -p \"$pkgdir/usr/share/x\"; echo x > "
	    "\"$pkgdir/usr/share/x/f\"; %s ;;\nesac\n",
	    strcmp(how, "FAIL") == 0 ? "exit 9" : "true");

	test_write_file(dir, "plugin/wazo/plugin.yml", "name: hello\n"
	    "namespace: demo\nversion: '1.0'\n", 0644);
	test_write_file(dir, "plugin/wazo/rules", rules, 0755);
	free(rules);
	return dir;
}

static void
record_step(const char *step, void *ctx)
{
	buf_addf(ctx, "%s,", step);
}

/* Runs tree_emit on dir/plugin into dir/out; the steps go to `steps`. */
static int
emit(const char *dir, bool force, struct buf *steps, struct err *e)
{
	char *root = xasprintf("%s/plugin", dir), *out = xasprintf("%s/out", dir);
	char *yml = xasprintf("%s/wazo/plugin.yml", root);
	char *templates = xasprintf("%s/templates", dir);
	struct diag_list diags = DIAG_LIST_INIT;
	struct source src = { .root = root, .shown = root, .work = WORKDIR_INIT };
	struct settings c;
	struct plugin *p = plugin_load_file(yml, "p", &diags, e);
	struct tree_job job = { .src = &src, .plugin = p, .settings = &c,
	    .output = out, .force = force, .mtime = 1700000000,
	    .progress = record_step, .progress_ctx = steps };
	int r;

	settings_init(&c);
	if (access(templates, F_OK) == 0)
		ck_assert_int_eq(settings_set(&c, SETTING_TEMPLATE_DIR, templates,
		    "t", e), 0);
	r = tree_emit(&job, e);
	settings_release(&c);
	plugin_free(p);
	diag_list_release(&diags);
	free(templates);
	free(yml);
	free(out);
	free(root);
	return r;
}

static bool
exists(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	bool r = access(path, F_OK) == 0;

	free(path);
	return r;
}

START_TEST(test_steps_and_result)
{
	char *dir = make_plugin("OK"), *listing;
	struct buf steps = BUF_INIT;
	struct err e = ERR_INIT;

	ck_assert_int_eq(emit(dir, false, &steps, &e), 0);
	ck_assert_str_eq(steps.data, "rendering,building,packaging,writing,");
	ck_assert(exists(dir, "built"));
	ck_assert(exists(dir, "out/usr/share/x/f"));
	ck_assert(exists(dir, "out/DEBIAN/control"));
	ck_assert(exists(dir, "out/DEBIAN/md5sums"));
	ck_assert(exists(dir, "out/usr/lib/wazo-plugind/plugins/demo/hello/wazo/rules"));
	listing = test_list_dir(dir);
	ck_assert_str_eq(listing, "built,out,plugin,");
	free(listing);
	buf_release(&steps);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_existing_output_refused_before_any_rules)
{
	char *dir = make_plugin("OK");
	struct buf steps = BUF_INIT;
	struct err e = ERR_INIT;

	test_write_file(dir, "out/keep", "mine", 0644);
	ck_assert_int_eq(emit(dir, false, &steps, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_str_eq(steps.data, "");
	ck_assert(!exists(dir, "built"));
	ck_assert(exists(dir, "out/keep"));
	err_release(&e);
	ck_assert_int_eq(emit(dir, true, &steps, &e), 0);
	ck_assert(!exists(dir, "out/keep"));
	buf_release(&steps);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* Runs the job on `dir`, which must fail with `status` and `msg`, after
 * the steps `steps_want` (NULL: any), and leave the names `listing`. */
static void
expect_failure(const char *dir, int status, const char *msg,
    const char *steps_want, const char *listing)
{
	struct buf steps = BUF_INIT;
	struct err e = ERR_INIT;
	char *got;

	ck_assert_int_eq(emit(dir, false, &steps, &e), -1);
	ck_assert_int_eq(e.status, status);
	ck_assert_str_eq(e.msg, msg);
	if (steps_want != NULL)
		ck_assert_str_eq(steps.data, steps_want);
	got = test_list_dir(dir);
	ck_assert_str_eq(got, listing);
	free(got);
	err_release(&e);
	buf_release(&steps);
}

START_TEST(test_failure_leaves_nothing)
{
	char *dir = make_plugin("FAIL");

	expect_failure(dir, STATUS_RULES, "'rules package' failed with exit "
	    "status 9", NULL, "built,plugin,");
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* An invalid control file stops the job before any rule runs. */
START_TEST(test_invalid_control_stops_before_the_rules)
{
	char *dir = make_plugin("OK");
	char *msg = xasprintf("%s/templates/control.jinja: the Version field "
	    "is missing or empty", dir);

	test_write_file(dir, "templates/control.jinja", "Package: {{ package }}\n",
	    0644);
	expect_failure(dir, STATUS_USAGE, msg, "rendering,", "plugin,templates,");
	free(msg);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("tree");
	TCase *tc = tcase_create("tree");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_steps_and_result);
	tcase_add_test(tc, test_existing_output_refused_before_any_rules);
	tcase_add_test(tc, test_failure_leaves_nothing);
	tcase_add_test(tc, test_invalid_control_stops_before_the_rules);
	suite_add_tcase(s, tc);
	return s;
}
