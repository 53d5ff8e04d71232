/* Tests of treewriter: the payload pass putting the plugin's metadata in
 * place beside what the rules staged. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "deb/md5sums.h"
#include "deb/treewriter.h"

static struct stat
stat_of(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;

	ck_assert_int_eq(lstat(path, &st), 0);
	free(path);
	return st;
}

START_TEST(test_metadata_merges_where_wazo_plugind_looks)
{
	char *dir = test_make_dir(), *pkgdir = xasprintf("%s/pkg", dir);
	char *wazo = xasprintf("%s/wazo", dir), *got;
	struct payload_source sources[] = {
		{ pkgdir, "", false }, { wazo, "opt/plugins/demo/hello/wazo", true },
	};
	struct payload_result r;
	struct buf sums = BUF_INIT;
	struct err e = ERR_INIT;
	struct stat st;

	test_write_file(wazo, "rules", "#!/bin/sh\n", 0755);
	test_write_file(wazo, "plugin.yml", "name: hello\n", 0644);
	test_write_file(pkgdir, "opt/plugins/demo/hello/wazo/made-by-rules", "x",
	    0644);
	test_write_file(pkgdir, "opt/plugins/demo/hello/wazo/rules", "old\n",
	    0600);
	ck_assert_int_eq(treewriter_fill(pkgdir, sources, 2, &r, &e), 0);
	st = stat_of(pkgdir, "opt/plugins/demo/hello/wazo/rules");
	ck_assert_uint_eq(st.st_mode & 0777, 0755);
	ck_assert_int_eq(st.st_mtime, stat_of(wazo, "rules").st_mtime);
	got = test_read_file(pkgdir, "opt/plugins/demo/hello/wazo/rules");
	ck_assert_str_eq(got, "#!/bin/sh\n");
	free(got);
	got = test_read_file(pkgdir, "opt/plugins/demo/hello/wazo/made-by-rules");
	ck_assert_str_eq(got, "x");
	free(got);
	md5sums_text(&(struct md5sums){ &r.files, false }, &sums);
	ck_assert_str_eq(sums.data,
	    "9dd4e461268c8034f5c8564e155c67a6  opt/plugins/demo/hello/wazo/made-by-rules\n"
	    "8bc6c05579127403ed3a227962ec19b7  opt/plugins/demo/hello/wazo/plugin.yml\n"
	    "3e2b31c72181b87149ff995e7202c0e3  opt/plugins/demo/hello/wazo/rules\n");
	buf_release(&sums);
	/* root, opt, plugins, demo, hello, wazo; three small files. */
	ck_assert_int_eq(r.installed_kib, 6 + 3);
	payload_result_release(&r);
	test_remove_tree(dir);
	free(wazo);
	free(pkgdir);
	free(dir);
}
END_TEST

START_TEST(test_parents_links_and_hard_links)
{
	char *dir = test_make_dir(), *pkgdir = xasprintf("%s/pkg", dir);
	char *wazo = xasprintf("%s/wazo", dir), *a, *b;
	struct payload_source sources[] = { { pkgdir, "", false }, { wazo, "usr/lib/w", true } };
	struct payload_result r;
	struct buf sums = BUF_INIT;
	struct err e = ERR_INIT;

	test_write_file(wazo, "a", "hello\n", 0640);
	test_write_file(pkgdir, "etc/x", "", 0644);
	a = xasprintf("%s/a", wazo);
	b = xasprintf("%s/b", wazo);
	ck_assert_int_eq(link(a, b), 0);
	free(b);
	b = xasprintf("%s/link", wazo);
	ck_assert_int_eq(symlink("a", b), 0);
	ck_assert_int_eq(chmod(pkgdir, 0755), 0);
	ck_assert_int_eq(treewriter_fill(pkgdir, sources, 2, &r, &e), 0);
	ck_assert_uint_eq(stat_of(pkgdir, "usr").st_mode, S_IFDIR | 0755);
	ck_assert_uint_eq(stat_of(pkgdir, "usr/lib").st_mode, S_IFDIR | 0755);
	ck_assert_uint_eq(stat_of(pkgdir, "usr/lib/w/a").st_mode, S_IFREG | 0640);
	ck_assert_uint_eq(stat_of(pkgdir, "usr/lib/w/a").st_ino,
	    stat_of(pkgdir, "usr/lib/w/b").st_ino);
	ck_assert(S_ISLNK(stat_of(pkgdir, "usr/lib/w/link").st_mode));
	md5sums_text(&(struct md5sums){ &r.files, false }, &sums);
	ck_assert_str_eq(sums.data,
	    "d41d8cd98f00b204e9800998ecf8427e  etc/x\n"
	    "b1946ac92492d2347c6235b4d2611184  usr/lib/w/a\n"
	    "b1946ac92492d2347c6235b4d2611184  usr/lib/w/b\n");
	buf_release(&sums);
	/* root, etc, usr, lib, w; x 0; a 1, b 0 (linked); link 1. */
	ck_assert_int_eq(r.installed_kib, 5 + 0 + 1 + 0 + 1);
	payload_result_release(&r);
	test_remove_tree(dir);
	free(a);
	free(b);
	free(wazo);
	free(pkgdir);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("treewriter");
	TCase *tc = tcase_create("treewriter");

	tcase_add_test(tc, test_metadata_merges_where_wazo_plugind_looks);
	tcase_add_test(tc, test_parents_links_and_hard_links);
	suite_add_tcase(s, tc);
	return s;
}
