/* Tests of debinfo: control fields read from packages dpkg-deb makes,
 * with each compressor, and files that are no packages. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "check_main.h"
#include "deb/debinfo.h"

static const char control[] = "Package: p1\nVersion: 1:2.0-3\n"
    "Architecture: amd64\nMaintainer: A <a@example.org>\nDescription: d\n";

/* Builds DIR/NAME.deb with dpkg-deb, control.tar compressed with `z`;
 * returns its path (the caller frees it). */
static char *
make_deb(const char *dir, const char *name, const char *ctl, const char *z)
{
	char *tree = xasprintf("tree-%s", name);
	char *cmd, *deb = xasprintf("%s/%s.deb", dir, name);
	char *file = xasprintf("%s/DEBIAN/control", tree);

	test_write_file(dir, file, ctl, 0644);
	cmd = xasprintf("dpkg-deb --root-owner-group -Z%s -b '%s/%s' '%s' "
	    ">/dev/null", z, dir, tree, deb);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	free(file);
	free(tree);
	return deb;
}

START_TEST(test_reads_each_compressor)
{
	static const char *const z[] = { "xz", "gzip", "zstd", "none" };
	char *dir = test_make_dir();
	struct debinfo info;
	struct err e = ERR_INIT;

	for (size_t i = 0; i < 4; i++) {
		char *deb = make_deb(dir, z[i], control, z[i]);

		ck_assert_int_eq(debinfo_read(deb, &info, &e), 0);
		ck_assert_str_eq(info.package, "p1");
		ck_assert_str_eq(info.version, "1:2.0-3");
		ck_assert_str_eq(info.architecture, "amd64");
		ck_assert_ptr_nonnull(strstr(info.control, "Description: d\n"));
		debinfo_release(&info);
		free(deb);
	}
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* debinfo_read() of `path` fails with `status` and a message holding
 * `want`. */
static void
expect_error(const char *path, int status, const char *want)
{
	struct debinfo info;
	struct err e = ERR_INIT;

	ck_assert_int_eq(debinfo_read(path, &info, &e), -1);
	ck_assert_int_eq(e.status, status);
	ck_assert_msg(strstr(e.msg, want) != NULL, "'%s' lacks '%s'", e.msg,
	    want);
	debinfo_release(&info);
	err_release(&e);
}

START_TEST(test_not_packages)
{
	char *dir = test_make_dir();
	char *path = xasprintf("%s/text.deb", dir);
	char *cmd;

	expect_error("/nonexistent/p.deb", STATUS_USAGE, "no such file");
	expect_error(dir, STATUS_USAGE, "not a regular file");
	test_write_file(dir, "text.deb", "hello\n", 0644);
	expect_error(path, STATUS_USAGE, "not a Debian package (.deb)");
	free(path);
	/* An ar archive that is no package. */
	test_write_file(dir, "member", "x\n", 0644);
	cmd = xasprintf("cd '%s' && ar rc other.deb member", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	path = xasprintf("%s/other.deb", dir);
	expect_error(path, STATUS_USAGE, "debian-binary");
	free(path);
	/* A package whose control file lacks Architecture, which
	 * dpkg-deb refuses to build: made by hand. */
	cmd = xasprintf("cd '%s' && mkdir c && printf 'Package: p\\n"
	    "Version: 1\\n' >c/control && tar -C c -czf control.tar.gz "
	    "./control && printf '2.0\\n' >debian-binary && tar -czf "
	    "data.tar.gz -T /dev/null && ar rc bare.deb debian-binary "
	    "control.tar.gz data.tar.gz", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	path = xasprintf("%s/bare.deb", dir);
	expect_error(path, STATUS_USAGE, "has no Architecture field");
	free(path);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("debinfo");
	TCase *tc = tcase_create("debinfo");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_reads_each_compressor);
	tcase_add_test(tc, test_not_packages);
	suite_add_tcase(s, tc);
	return s;
}
