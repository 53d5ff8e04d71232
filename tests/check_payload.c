/* Tests of payload: Installed-Size and md5sums. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "deb/payload.h"

/* A small staging tree. */
static char *
make_tree(void)
{
	char *dir = test_make_dir(), *path;
	char big[3000];

	memset(big, 'x', sizeof(big));
	test_write_bytes(dir, "usr/share/p/big", big, sizeof(big), 0644);
	test_write_file(dir, "usr/share/p/a-b", "hello\n", 0644);
	test_write_file(dir, "usr/share/p/empty", "", 0644);
	test_write_file(dir, "DEBIAN/postinst", "#!/bin/sh\n", 0755);
	test_write_file(dir, "DEBIAN/control", "Package: p\n", 0644);
	path = xasprintf("%s/usr/share/p/link", dir);
	ck_assert_int_eq(symlink("big", path), 0);
	free(path);
	path = xasprintf("%s/usr/share/p/big.hard", dir);
	{
		char *target = xasprintf("%s/usr/share/p/big", dir);

		ck_assert_int_eq(link(target, path), 0);
		free(target);
	}
	free(path);
	return dir;
}

START_TEST(test_installed_size)
{
	char *dir = make_tree();
	struct dirtree_list p;
	struct err e = ERR_INIT;

	ck_assert_int_eq(dirtree_list(dir, &p, &e), 0);
	/* root, DEBIAN, usr, share, p: 5 directories; postinst 1; a-b 1;
	 * big 3 (its hard link not again); empty 0; link 1. control is not
	 * counted: dpkg-gencontrol runs before it exists. */
	ck_assert_int_eq(payload_installed_size(&p), 5 + 1 + 1 + 3 + 0 + 1);
	dirtree_list_release(&p);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_md5sums)
{
	char *dir = make_tree();
	struct dirtree_list p;
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;

	ck_assert_int_eq(dirtree_list(dir, &p, &e), 0);
	ck_assert_int_eq(payload_md5sums(dir, &p, &out, &e), 0);
	ck_assert_str_eq(out.data,
	    "b1946ac92492d2347c6235b4d2611184  usr/share/p/a-b\n"
	    "33d7ac42e3aa0f3146843833c23e4365  usr/share/p/big\n"
	    "33d7ac42e3aa0f3146843833c23e4365  usr/share/p/big.hard\n"
	    "d41d8cd98f00b204e9800998ecf8427e  usr/share/p/empty\n");
	buf_release(&out);
	dirtree_list_release(&p);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("payload");
	TCase *tc = tcase_create("payload");

	tcase_add_test(tc, test_installed_size);
	tcase_add_test(tc, test_md5sums);
	suite_add_tcase(s, tc);
	return s;
}
