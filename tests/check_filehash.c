/* Tests of filehash: a file's size, SHA-256 and MD5. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/filehash.h"
#include "base/xalloc.h"
#include "check_main.h"

START_TEST(test_file_digests)
{
	char *dir = test_make_dir(), *path = xasprintf("%s/f", dir);
	struct filehash h;
	struct err e = ERR_INIT;

	test_write_file(dir, "f", "abc", 0644);
	ck_assert_int_eq(filehash_file(path, &h, &e), 0);
	ck_assert_int_eq(h.size, 3);
	/* The test vectors of FIPS 180-2 and RFC 1321. */
	ck_assert_str_eq(h.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a3"
	    "96177a9cb410ff61f20015ad");
	ck_assert_str_eq(h.md5, "900150983cd24fb0d6963f7d28e17f72");
	test_write_file(dir, "f", "", 0644);
	ck_assert_int_eq(filehash_file(path, &h, &e), 0);
	ck_assert_int_eq(h.size, 0);
	ck_assert_str_eq(h.md5, "d41d8cd98f00b204e9800998ecf8427e");
	test_remove_tree(dir);
	free(path);
	free(dir);
}
END_TEST

START_TEST(test_missing_file)
{
	struct filehash h;
	struct err e = ERR_INIT;

	ck_assert_int_eq(filehash_file("/nonexistent/wpd", &h, &e), -1);
	ck_assert_str_eq(e.msg, "cannot read /nonexistent/wpd: No such file "
	    "or directory");
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	err_release(&e);
}
END_TEST

START_TEST(test_text_md5)
{
	char hex[33];

	filehash_md5("a\0b", 3, hex);
	ck_assert_str_eq(hex, "70350f6027bce3713f6b76473084309b");
	filehash_md5("", 0, hex);
	ck_assert_str_eq(hex, "d41d8cd98f00b204e9800998ecf8427e");
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("filehash");
	TCase *tc = tcase_create("filehash");

	tcase_add_test(tc, test_file_digests);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_text_md5);
	suite_add_tcase(s, tc);
	return s;
}
