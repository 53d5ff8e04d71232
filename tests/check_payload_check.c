/* Tests of payload_check: names dpkg refuses, surprising modes, hard
 * links leading outside the plugin's tree. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check_main.h"
#include "base/status.h"
#include "deb/payload_check.h"

START_TEST(test_newline_refused_and_shown_escaped)
{
	struct err e = ERR_INIT;

	ck_assert_int_eq(payload_check_path("usr/share/p/a\nb\t\\", &e), -1);
	ck_assert_int_eq(e.status, STATUS_INVALID);
	ck_assert_str_eq(e.msg, "the package would hold a file named "
	    "\"/usr/share/p/a\\nb\\t\\\\\": dpkg refuses a newline in a path "
	    "(its file lists hold one path per line)");
	err_release(&e);
	ck_assert_int_eq(payload_check_path("usr/share/p/a b\tc", &e), 0);
	ck_assert_int_eq(payload_check_path("", &e), 0);
}
END_TEST

static void
assert_mode(mode_t mode, const char *want)
{
	char *got = payload_check_mode("usr/bin/x\001", mode);

	if (want == NULL) {
		ck_assert_ptr_null(got);
	} else {
		ck_assert_ptr_nonnull(got);
		ck_assert_str_eq(got, want);
	}
	free(got);
}

START_TEST(test_modes)
{
	assert_mode(S_IFREG | 0755, NULL);
	assert_mode(S_IFREG | 0644, NULL);
	assert_mode(S_IFDIR | 0755, NULL);
	assert_mode(S_IFDIR | 01777, NULL);
	assert_mode(S_IFLNK | 0777, NULL);
	assert_mode(S_IFREG | 04755,
	    "/usr/bin/x\\x01 is setuid (mode 4755) in the package");
	assert_mode(S_IFREG | 02755,
	    "/usr/bin/x\\x01 is setgid (mode 2755) in the package");
	assert_mode(S_IFDIR | 02775,
	    "/usr/bin/x\\x01 is setgid (mode 2775) in the package");
	assert_mode(S_IFREG | 0666,
	    "/usr/bin/x\\x01 is writable by everyone (mode 0666) in the "
	    "package");
	assert_mode(S_IFREG | 01644,
	    "/usr/bin/x\\x01 has the sticky bit (mode 1644) in the package");
	assert_mode(S_IFDIR | 0777,
	    "/usr/bin/x\\x01 is a directory writable by everyone without "
	    "the sticky bit (mode 0777) in the package");
}
END_TEST

START_TEST(test_links_all_inside_pass)
{
	struct payload_check_inode v[] = {
		{ 1, 7, 2, "b", true }, { 1, 9, 3, "c", false },
		{ 1, 7, 2, "a", true },
	};
	struct err e = ERR_INIT;

	/* c's other links are outside, but its source is not guarded. */
	ck_assert_int_eq(payload_check_links(v, 3, &e), 0);
	ck_assert_int_eq(payload_check_links(NULL, 0, &e), 0);
}
END_TEST

START_TEST(test_link_outside_refused)
{
	struct payload_check_inode v[] = {
		{ 1, 7, 2, "a", true }, { 2, 7, 2, "opt/w/plugin.yml", true },
	};
	struct err e = ERR_INIT;

	/* Same inode number on another device is another file. */
	ck_assert_int_eq(payload_check_links(v, 2, &e), -1);
	ck_assert_int_eq(e.status, STATUS_INVALID);
	ck_assert_str_eq(e.msg, "/a is a hard link to a file outside the "
	    "plugin's tree (2 links, 1 in the package): its content is not "
	    "the plugin's; make it a file of its own");
	err_release(&e);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("payload_check");
	TCase *tc = tcase_create("payload_check");

	tcase_add_test(tc, test_newline_refused_and_shown_escaped);
	tcase_add_test(tc, test_modes);
	tcase_add_test(tc, test_links_all_inside_pass);
	tcase_add_test(tc, test_link_outside_refused);
	suite_add_tcase(s, tc);
	return s;
}
