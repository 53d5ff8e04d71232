/* Tests of publish_judge: packages judged against what a repository's
 * distribution lists under each of its architectures. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "publish/publish_judge.h"
#include "publish/publish_repo.h"

/* An Architecture: all package at 1.0, not judged yet. */
static void
item_all(struct publish_item *it)
{
	memset(it, 0, sizeof(*it));
	it->deb = "p.deb";
	it->info.package = "p";
	it->info.version = "1.0";
	it->info.architecture = "all";
	strcpy(it->sha256, "ab");
	it->action = PUBLISH_ADDED;
}

START_TEST(test_all_listed_everywhere)
{
	struct publish_repo_entry entries[] = {
		{ "p", "amd64", "1.0", "pool/main/p/p/p_1.0_all.deb" },
		{ "p", "i386", "1.0", "pool/main/p/p/p_1.0_all.deb" },
	};
	struct publish_repo_file files[] = {
		{ "pool/main/p/p/p_1.0_all.deb", "ab" },
	};
	struct publish_item it;

	/* "source" lists source packages: not a place to look. */
	item_all(&it);
	publish_judge_repo(&it, 1, "amd64 source i386", files, 1, entries, 2);
	ck_assert_int_eq(it.action, PUBLISH_UNCHANGED);
	ck_assert_str_eq(it.pool, "pool/main/p/p/p_1.0_all.deb");
	free(it.pool);
	/* Missing under one architecture: added. */
	item_all(&it);
	publish_judge_repo(&it, 1, "amd64 arm64", files, 1, entries, 2);
	ck_assert_int_eq(it.action, PUBLISH_ADDED);
}
END_TEST

/* A distribution for source packages only lists no binary package: an
 * all package is never unchanged there. */
START_TEST(test_source_only)
{
	struct publish_item it;

	item_all(&it);
	publish_judge_repo(&it, 1, "source", NULL, 0, NULL, 0);
	ck_assert_int_eq(it.action, PUBLISH_ADDED);
	item_all(&it);
	publish_judge_repo(&it, 1, "", NULL, 0, NULL, 0);
	ck_assert_int_eq(it.action, PUBLISH_ADDED);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("publish_judge");
	TCase *tc = tcase_create("publish_judge");

	tcase_add_test(tc, test_all_listed_everywhere);
	tcase_add_test(tc, test_source_only);
	suite_add_tcase(s, tc);
	return s;
}
