/* Tests of source_file: files of the plugin opened beneath its root. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "check_main.h"
#include "source/source_file.h"

/* A plugin root with wazo/plugin.yml and the link `name` -> `target`. */
static char *
root_with_link(const char *name, const char *target)
{
	char *dir = test_make_dir();
	char *link = xasprintf("%s/%s", dir, name);

	test_write_file(dir, "wazo/plugin.yml", "name: x\n", 0644);
	test_write_file(dir, "elsewhere.yml", "name: y\n", 0644);
	ck_assert_int_eq(symlink(target, link), 0);
	free(link);
	return dir;
}

/* Opens `relative` in `dir`; the file's first byte, or the error. */
static int
first_byte(const char *dir, const char *relative, struct err *e)
{
	int fd = source_file_open(dir, "plugin", relative, e);
	char c;

	if (fd < 0)
		return -1;
	ck_assert_int_eq(read(fd, &c, 1), 1);
	close(fd);
	return c;
}

START_TEST(test_plain_file_and_inner_link)
{
	char *dir = root_with_link("wazo/inner.yml", "../elsewhere.yml");
	struct err e = ERR_INIT;

	ck_assert_int_eq(first_byte(dir, "wazo/plugin.yml", &e), 'n');
	ck_assert_int_eq(first_byte(dir, "wazo/inner.yml", &e), 'n');
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* Links out of the root, each refused naming the link and its target. */
static const struct {
	const char *link, *target, *open;
} escapes[] = {
	{ "wazo/shadow.yml", "/etc/passwd", "wazo/shadow.yml" },
	{ "meta", "../..", "meta/etc/passwd" },
};

START_TEST(test_links_out_refused)
{
	char *dir = root_with_link(escapes[_i].link, escapes[_i].target);
	char *want = xasprintf("refused: plugin/%s is a symbolic link that "
	    "points outside the plugin (to '%s')", escapes[_i].link,
	    escapes[_i].target);
	struct err e = ERR_INIT;

	ck_assert_int_eq(first_byte(dir, escapes[_i].open, &e), -1);
	ck_assert_int_eq(e.status, STATUS_INVALID);
	ck_assert_str_eq(e.msg, want);
	err_release(&e);
	test_remove_tree(dir);
	free(want);
	free(dir);
}
END_TEST

START_TEST(test_missing_and_loop)
{
	char *dir = root_with_link("wazo/loop", "loop");
	struct err e = ERR_INIT;

	ck_assert_int_eq(first_byte(dir, "wazo/none", &e), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	err_release(&e);
	ck_assert_int_eq(first_byte(dir, "wazo/loop", &e), -1);
	ck_assert_int_eq(errno, ELOOP);
	err_release(&e);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* A file of the plugin that is another name of a file outside it. */
START_TEST(test_hard_link_refused)
{
	char *dir = test_make_dir();
	char *secret = xasprintf("%s/secret", dir);
	char *root = xasprintf("%s/plugin", dir);
	char *yml = xasprintf("%s/plugin/wazo/plugin.yml", dir);
	struct err e = ERR_INIT;

	test_write_file(dir, "secret", "root:x:0:0\n", 0600);
	test_write_file(dir, "plugin/wazo/rules", "#!/bin/sh\n", 0755);
	ck_assert_int_eq(link(secret, yml), 0);
	ck_assert_int_eq(first_byte(root, "wazo/plugin.yml", &e), -1);
	ck_assert_int_eq(e.status, STATUS_INVALID);
	ck_assert_str_eq(e.msg, "refused: plugin/wazo/plugin.yml is a hard "
	    "link (2 names), maybe to a file outside the plugin, which is not "
	    "read; make it a file of its own");
	ck_assert_ptr_null(strstr(e.msg, "root:x"));
	err_release(&e);
	ck_assert_int_eq(first_byte(root, "wazo/rules", &e), '#');
	test_remove_tree(dir);
	free(dir);
	free(secret);
	free(root);
	free(yml);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("source_file");
	TCase *tc = tcase_create("source_file");

	tcase_add_test(tc, test_plain_file_and_inner_link);
	tcase_add_loop_test(tc, test_links_out_refused, 0, 2);
	tcase_add_test(tc, test_missing_and_loop);
	tcase_add_test(tc, test_hard_link_refused);
	suite_add_tcase(s, tc);
	return s;
}
