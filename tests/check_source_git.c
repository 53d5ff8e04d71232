/* Tests of source_git: what looks like git, and fetching at a ref. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "check_main.h"
#include "source/source_git.h"

START_TEST(test_looks_like)
{
	char *dir = test_make_dir(), *cmd;

	ck_assert(source_git_looks_like("https://example.org/p.git"));
	ck_assert(source_git_looks_like("file:///srv/p"));
	ck_assert(source_git_looks_like("git@example.org:team/p.git"));
	ck_assert(!source_git_looks_like(dir));
	cmd = xasprintf("git init -q '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	ck_assert(source_git_looks_like(dir));
	test_remove_tree(dir);
	free(cmd);
	free(dir);
}
END_TEST

START_TEST(test_fetch_at_refs)
{
	char *dir = test_make_dir(), *repo = xasprintf("%s/repo", dir);
	char *cmd = xasprintf("cd '%s' && git init -q && "
	    "git -c user.email=t@example.org -c user.name=t commit -q "
	    "--allow-empty -m one && git tag v1 && "
	    "git -c user.email=t@example.org -c user.name=t commit -q "
	    "--allow-empty -m two", repo);
	char *dest, *commit = NULL, *tag_commit;
	struct err e = ERR_INIT;

	test_write_file(repo, "file", "x\n", 0644);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
	dest = xasprintf("%s/at-tag", dir);
	ck_assert_int_eq(source_git_fetch(repo, "v1", dest, &commit, &e), 0);
	ck_assert_uint_eq(strlen(commit), 40);
	tag_commit = commit;
	free(dest);
	dest = xasprintf("%s/at-commit", dir);
	ck_assert_int_eq(source_git_fetch(repo, tag_commit, dest, &commit, &e), 0);
	ck_assert_str_eq(commit, tag_commit);
	free(commit);
	free(dest);
	dest = xasprintf("%s/bad", dir);
	ck_assert_int_eq(source_git_fetch(repo, "nope", dest, &commit, &e), -1);
	ck_assert_ptr_null(commit);
	err_release(&e);
	free(tag_commit);
	free(dest);
	test_remove_tree(dir);
	free(repo);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("source_git");
	TCase *tc = tcase_create("source_git");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_looks_like);
	tcase_add_test(tc, test_fetch_at_refs);
	suite_add_tcase(s, tc);
	return s;
}
