/* Tests of source: resolving a plugin source to its root. */
#include <config.h>

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "check_main.h"
#include "source/source.h"

/* source_open() of a directory SPEC and SUBDIRECTORY. */
static int
open_dir(struct source *s, const char *spec, const char *subdirectory,
    struct err *e)
{
	struct source_request r = { spec, subdirectory, NULL,
	    SOURCE_LIMITS_DEFAULT };

	return source_open(s, &r, e);
}

/* A source tree: plugin/ holds a plugin, elsewhere/ a plugin outside. */
static char *
make_tree(void)
{
	char *dir = test_make_dir();

	test_write_file(dir, "repo/plugins/hello/wazo/plugin.yml", "name: a\n",
	    0644);
	test_write_file(dir, "repo/not-a-plugin/README", "x\n", 0644);
	test_write_file(dir, "elsewhere/wazo/plugin.yml", "name: b\n", 0644);
	return dir;
}

static void
assert_refused(const char *spec, const char *subdirectory,
    enum status status, const char *message)
{
	struct source s;
	struct err e = ERR_INIT;

	ck_assert_int_eq(open_dir(&s, spec, subdirectory, &e), -1);
	ck_assert_int_eq(e.status, status);
	ck_assert_str_eq(e.msg, message);
	err_release(&e);
}

START_TEST(test_directory_and_subdirectory)
{
	char *dir = make_tree(), *spec = xasprintf("%s/repo", dir), *path;
	struct source s;
	struct err e = ERR_INIT;

	ck_assert_int_eq(open_dir(&s, spec, "plugins/hello", &e), 0);
	path = source_path(&s, "wazo/plugin.yml");
	ck_assert_int_eq(access(path, R_OK), 0);
	free(path);
	path = source_shown_path(&s, "wazo/rules");
	ck_assert_str_eq(path + strlen(dir), "/repo/plugins/hello/wazo/rules");
	free(path);
	source_close(&s);
	test_remove_tree(dir);
	free(spec);
	free(dir);
}
END_TEST

START_TEST(test_current_directory_is_shown_bare)
{
	char *dir = make_tree(), *cwd = getcwd(NULL, 0), *path;
	struct source s;
	struct err e = ERR_INIT;

	ck_assert_int_eq(chdir(dir), 0);
	ck_assert_int_eq(open_dir(&s, NULL, "repo/plugins/hello/", &e), 0);
	path = source_shown_path(&s, "wazo/plugin.yml");
	ck_assert_str_eq(path, "repo/plugins/hello/wazo/plugin.yml");
	free(path);
	source_close(&s);
	ck_assert_int_eq(open_dir(&s, "elsewhere", NULL, &e), 0);
	path = source_shown_path(&s, "wazo/plugin.yml");
	ck_assert_str_eq(path, "elsewhere/wazo/plugin.yml");
	free(path);
	source_close(&s);
	ck_assert_int_eq(chdir(dir), 0);
	ck_assert_int_eq(chdir("elsewhere"), 0);
	ck_assert_int_eq(open_dir(&s, ".", NULL, &e), 0);
	path = source_shown_path(&s, "wazo/plugin.yml");
	ck_assert_str_eq(path, "wazo/plugin.yml");
	free(path);
	source_close(&s);
	ck_assert_int_eq(chdir(cwd), 0);
	test_remove_tree(dir);
	free(cwd);
	free(dir);
}
END_TEST

START_TEST(test_refusals)
{
	char *dir = make_tree(), *repo = xasprintf("%s/repo", dir);
	char *link = xasprintf("%s/repo/out", dir), *target;
	char *msg;

	target = xasprintf("%s/elsewhere", dir);
	ck_assert_int_eq(symlink(target, link), 0);
	assert_refused(repo, "/etc", STATUS_USAGE, "--subdirectory /etc: must "
	    "be a path relative to the source");
	assert_refused(repo, "plugins/../../elsewhere", STATUS_USAGE,
	    "--subdirectory plugins/../../elsewhere: must stay inside the "
	    "source (no '..')");
	assert_refused(repo, "out", STATUS_INVALID, "--subdirectory out: leads "
	    "outside the source through a symbolic link");
	msg = xasprintf("%s/not-a-plugin is not a Wazo plugin: it has no "
	    "wazo/plugin.yml", repo);
	assert_refused(repo, "not-a-plugin", STATUS_INVALID, msg);
	free(msg);
	msg = xasprintf("subdirectory %s/nope does not exist", repo);
	assert_refused(repo, "nope", STATUS_USAGE, msg);
	free(msg);
	msg = xasprintf("%s/not-a-plugin/README is not a Wazo plugin: neither a "
	    "directory, nor an archive, nor a git repository", repo);
	free(target);
	target = xasprintf("%s/not-a-plugin/README", repo);
	assert_refused(target, NULL, STATUS_INVALID, msg);
	free(msg);
	assert_refused("/nonexistent-wpd", NULL, STATUS_USAGE, "source "
	    "/nonexistent-wpd does not exist");
	test_remove_tree(dir);
	free(target);
	free(link);
	free(repo);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("source");
	TCase *tc = tcase_create("source");

	tcase_add_test(tc, test_directory_and_subdirectory);
	tcase_add_test(tc, test_current_directory_is_shown_bare);
	tcase_add_test(tc, test_refusals);
	suite_add_tcase(s, tc);
	return s;
}
