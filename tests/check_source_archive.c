/* Tests of source_archive: unpacking, and what it refuses. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "check_main.h"
#include "source/source_archive.h"
#include "source/source_link.h"

START_TEST(test_link_escapes)
{
	ck_assert(!source_link_escapes("wazo/link", "rules"));
	ck_assert(!source_link_escapes("wazo/link", "../etc/x"));
	ck_assert(!source_link_escapes("a/b/link", "../../top"));
	ck_assert(!source_link_escapes("link", "./x/../y"));
	ck_assert(source_link_escapes("wazo/link", "../../outside"));
	ck_assert(source_link_escapes("link", ".."));
	ck_assert(source_link_escapes("wazo/link", "/etc/passwd"));
	ck_assert(source_link_escapes("a/link", "x/../../.."));
}
END_TEST

/* A tar of `script`'s making (sh -c, in `dir`), unpacked into dir/out. */
static int
unpack(const char *dir, const char *script, struct source_limits *limits,
    struct err *e)
{
	char *cmd = xasprintf("cd '%s' && %s", dir, script);
	char *archive = xasprintf("%s/a.tar", dir), *out = xasprintf("%s/out", dir);
	int r;

	ck_assert_int_eq(system(cmd), 0);
	test_write_file(out, ".keep", "", 0644);
	r = source_archive_unpack(archive, out, limits, e);
	free(cmd);
	free(archive);
	free(out);
	return r;
}

START_TEST(test_unpacks_a_plugin)
{
	char *dir = test_make_dir(), *text;
	struct source_limits limits = SOURCE_LIMITS_DEFAULT;
	struct err e = ERR_INIT;

	test_write_file(dir, "src/wazo/plugin.yml", "name: x\n", 0644);
	test_write_file(dir, "src/wazo/rules", "#!/bin/sh\n", 04755);
	ck_assert_int_eq(unpack(dir, "ln -s rules src/wazo/link && "
	    "tar -cf a.tar -C src .", &limits, &e), 0);
	text = test_read_file(dir, "out/wazo/plugin.yml");
	ck_assert_str_eq(text, "name: x\n");
	free(text);
	text = xasprintf("%s/out/wazo/rules", dir);
	ck_assert_int_eq(access(text, X_OK), 0);
	free(text);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_refusals)
{
	char *dir = test_make_dir();
	struct source_limits limits = SOURCE_LIMITS_DEFAULT;
	struct err e = ERR_INIT;
	char *archive = xasprintf("%s/a.tar", dir), *want;

	ck_assert_int_eq(unpack(dir, "mkdir -p d && ln -s /etc d/etc && "
	    "tar -cf a.tar d", &limits, &e), -1);
	ck_assert_int_eq(e.status, STATUS_INVALID);
	want = xasprintf("%s: refused: entry 'd/etc' is a symbolic link to "
	    "'/etc', outside the archive", archive);
	ck_assert_str_eq(e.msg, want);
	free(want);
	err_release(&e);
	limits.max_entries = 2;
	ck_assert_int_eq(unpack(dir, "rm -rf d out && mkdir d && touch d/1 d/2 "
	    "d/3 && tar -cf a.tar d", &limits, &e), -1);
	want = xasprintf("%s: refused: it holds more than 2 entries", archive);
	ck_assert_str_eq(e.msg, want);
	free(want);
	err_release(&e);
	ck_assert(!source_archive_recognized("/etc/hostname"));
	test_remove_tree(dir);
	free(archive);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("source_archive");
	TCase *tc = tcase_create("source_archive");

	tcase_add_test(tc, test_link_escapes);
	tcase_add_test(tc, test_unpacks_a_plugin);
	tcase_add_test(tc, test_refusals);
	suite_add_tcase(s, tc);
	return s;
}
