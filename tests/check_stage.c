/* Tests of stage: running the rules as wazo-plugind runs them. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "stage/debarch.h"
#include "base/file.h"
#include "stage/stage.h"

/* A plugin whose rules record their step, cwd and environment. */
static char *
make_plugin(const char *extra)
{
	char *dir = test_make_dir();
	char *rules = xasprintf("#!/bin/sh\n"
	    "echo \"$1 $(pwd) pkgdir=${pkgdir:-} build=${DEB_BUILD_ARCH:-} "
	    "host=${DEB_HOST_ARCH:-}\" >> \"$(dirname \"$0\")/../log\"\n%s",
	    extra);

	test_write_file(dir, "plugin/wazo/plugin.yml", "name: hello\n"
	    "namespace: demo\nversion: '1'\n", 0644);
	test_write_file(dir, "plugin/wazo/rules", rules, 0755);
	free(rules);
	return dir;
}

START_TEST(test_build_and_package)
{
	char *dir = make_plugin("exit 0\n"), *root = xasprintf("%s/plugin", dir);
	char *pkgdir = xasprintf("%s/pkg", dir), *log, *want;
	struct source src = { .root = root, .shown = root, .work = WORKDIR_INIT };
	struct stage_job job = { .src = &src };
	struct err e = ERR_INIT;
	const char *arch = debarch_host();

	unsetenv("DEB_BUILD_ARCH");
	unsetenv("DEB_HOST_ARCH");
	ck_assert_int_eq(mkdir(pkgdir, 0755), 0);
	ck_assert_int_eq(stage_build(&job, &e), 0);
	ck_assert_int_eq(stage_package(&job, pkgdir, &e), 0);
	log = test_read_file(root, "log");
	want = xasprintf("build %s pkgdir= build= host=\n"
	    "package %s pkgdir=%s build=%s host=%s\n", root, root, pkgdir, arch,
	    arch);
	ck_assert_str_eq(log, want);
	free(log);
	free(want);
	/* Values set by dpkg-buildpackage are kept. */
	setenv("DEB_HOST_ARCH", "armhf", 1);
	ck_assert_int_eq(stage_package(&job, pkgdir, &e), 0);
	log = test_read_file(root, "log");
	ck_assert_ptr_nonnull(strstr(log, " host=armhf\n"));
	unsetenv("DEB_HOST_ARCH");
	free(log);
	test_remove_tree(dir);
	free(pkgdir);
	free(root);
	free(dir);
}
END_TEST

START_TEST(test_failures_name_the_step)
{
	char *dir = make_plugin("[ \"$1\" = build ] && exit 4\nkill -KILL $$\n");
	char *root = xasprintf("%s/plugin", dir);
	char *pkgdir = xasprintf("%s/pkg", dir);
	struct source src = { .root = root, .shown = root, .work = WORKDIR_INIT };
	struct stage_job job = { .src = &src };
	struct err e = ERR_INIT;

	ck_assert_int_eq(stage_build(&job, &e), -1);
	ck_assert_int_eq(e.status, STATUS_RULES);
	ck_assert_str_eq(e.msg, "'rules build' failed with exit status 4");
	err_release(&e);
	ck_assert_int_eq(mkdir(pkgdir, 0755), 0);
	ck_assert_int_eq(stage_package(&job, pkgdir, &e), -1);
	ck_assert_int_eq(e.status, STATUS_RULES);
	ck_assert_str_eq(e.msg, "'rules package' was killed by signal 9");
	err_release(&e);
	ck_assert_int_eq(stage_package(&job, "/tmp/with space", &e), -1);
	ck_assert_str_eq(e.msg, "staging directory /tmp/with space: needs an "
	    "absolute path without white space");
	err_release(&e);
	test_remove_tree(dir);
	free(pkgdir);
	free(root);
	free(dir);
}
END_TEST

START_TEST(test_host_architecture_is_dpkg_s)
{
	FILE *f = popen("dpkg --print-architecture", "r");
	char arch[64] = "";

	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_nonnull(fgets(arch, sizeof(arch), f));
	pclose(f);
	arch[strcspn(arch, "\n")] = '\0';
	ck_assert_str_eq(debarch_host(), arch);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("stage");
	TCase *tc = tcase_create("stage");

	tcase_add_test(tc, test_build_and_package);
	tcase_add_test(tc, test_failures_name_the_step);
	tcase_add_test(tc, test_host_architecture_is_dpkg_s);
	suite_add_tcase(s, tc);
	return s;
}
