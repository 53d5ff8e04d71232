/* Tests of publish_conf: a repository's conf/distributions, written,
 * searched and given architectures. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "publish/publish_conf.h"

static const char two[] = "# two distributions\n"
    "Codename: bullseye\nArchitectures: amd64\nComponents: main\n"
    "\n  \n"
    "Origin: x\nCodename: bookworm\nArchitectures: amd64 i386 \n"
    "Components: main contrib\nSignWith: ABCD1234\n";

START_TEST(test_new)
{
	char *text = publish_conf_new("bookworm", "main", "amd64 arm64",
	    "KEY");
	struct publish_dist d;
	struct buf names = BUF_INIT;

	ck_assert(publish_conf_find(text, "bookworm", &d, &names));
	ck_assert_str_eq(d.codename, "bookworm");
	ck_assert_str_eq(d.architectures, "amd64 arm64");
	ck_assert_str_eq(d.components, "main");
	ck_assert_str_eq(d.sign_with, "KEY");
	publish_conf_dist_release(&d);
	free(text);
	text = publish_conf_new("trixie", "non-free", "amd64", NULL);
	ck_assert(publish_conf_find(text, "trixie", &d, &names));
	ck_assert_ptr_null(d.sign_with);
	ck_assert_ptr_null(strstr(text, "SignWith"));
	publish_conf_dist_release(&d);
	free(text);
	buf_release(&names);
}
END_TEST

START_TEST(test_find)
{
	struct publish_dist d;
	struct buf names = BUF_INIT;

	ck_assert(publish_conf_find(two, "bookworm", &d, &names));
	ck_assert_str_eq(d.architectures, "amd64 i386");
	ck_assert_str_eq(d.components, "main contrib");
	ck_assert_str_eq(d.sign_with, "ABCD1234");
	publish_conf_dist_release(&d);
	ck_assert(publish_conf_find(two, "bullseye", &d, NULL));
	ck_assert_ptr_null(d.sign_with);
	publish_conf_dist_release(&d);
	ck_assert(!publish_conf_find(two, "trixie", &d, &names));
	ck_assert_ptr_null(d.codename);
	ck_assert_str_eq(names.data, "bullseye, bookworm");
	buf_release(&names);
	ck_assert(!publish_conf_find("", "x", &d, NULL));
}
END_TEST

START_TEST(test_words)
{
	ck_assert(publish_conf_has_word("amd64 i386", "i386"));
	ck_assert(publish_conf_has_word(" main\tcontrib ", "main"));
	ck_assert(!publish_conf_has_word("amd64 i386", "i38"));
	ck_assert(!publish_conf_has_word("amd64", "amd64 "));
	ck_assert(!publish_conf_has_word(NULL, "main"));
	ck_assert(!publish_conf_has_word("", "main"));
}
END_TEST

START_TEST(test_add_archs)
{
	struct buf conf = BUF_INIT;
	struct publish_dist d;

	buf_adds(&conf, two);
	ck_assert(publish_conf_add_archs(&conf, "bookworm", " arm64 armhf"));
	ck_assert(publish_conf_find(conf.data, "bookworm", &d, NULL));
	ck_assert_str_eq(d.architectures, "amd64 i386 arm64 armhf");
	publish_conf_dist_release(&d);
	/* The other distribution is as it was. */
	ck_assert(publish_conf_find(conf.data, "bullseye", &d, NULL));
	ck_assert_str_eq(d.architectures, "amd64");
	publish_conf_dist_release(&d);
	ck_assert(!publish_conf_add_archs(&conf, "trixie", " arm64"));
	buf_release(&conf);
	buf_adds(&conf, "Codename: x\nComponents: main\n");
	ck_assert(!publish_conf_add_archs(&conf, "x", " arm64"));
	buf_release(&conf);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("publish_conf");
	TCase *tc = tcase_create("publish_conf");

	tcase_add_test(tc, test_new);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_words);
	tcase_add_test(tc, test_add_archs);
	suite_add_tcase(s, tc);
	return s;
}
