/* Tests of dirtree: listings, copies, removals, atomic installs. */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "check_main.h"
#include "base/dirtree.h"

static char *
path_in(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static unsigned
mode_of(const char *dir, const char *name)
{
	char *p = path_in(dir, name);
	struct stat st;

	ck_assert_int_eq(lstat(p, &st), 0);
	free(p);
	return st.st_mode & 07777;
}

/* A tree whose byte order differs from fts's: "a-b" before "a". */
static char *
make_listed_tree(void)
{
	char *dir = test_make_dir(), *path;

	test_write_file(dir, "usr/a-b", "x", 0644);
	test_write_file(dir, "usr/a/z", "", 0600);
	test_write_file(dir, "DEBIAN/control", "Package: p\n", 0644);
	path = xasprintf("%s/usr/link", dir);
	ck_assert_int_eq(symlink("a-b", path), 0);
	free(path);
	return dir;
}

START_TEST(test_list_is_sorted_and_complete)
{
	char *dir = make_listed_tree();
	struct dirtree_list p;
	struct err e = ERR_INIT;
	struct buf names = BUF_INIT;

	ck_assert_int_eq(dirtree_list(dir, &p, &e), 0);
	for (size_t i = 0; i < p.count; i++)
		buf_addf(&names, "%s %o|", p.entries[i].path,
		    (unsigned)p.entries[i].st.st_mode & 0170777);
	ck_assert_str_eq(names.data, " 40700|DEBIAN 40755|DEBIAN/control 100644|"
	    "usr 40755|usr/a 40755|usr/a-b 100644|usr/a/z 100600|"
	    "usr/link 120777|");
	buf_release(&names);
	dirtree_list_release(&p);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* Every entry once, in no promised order: sorted here to compare. */
static int
note_entry(const char *rel, const struct stat *st, void *ctx, struct err *e)
{
	struct buf *names = ctx;

	(void)e;
	buf_addf(names, "%s %o\n", rel, (unsigned)st->st_mode & 0170777);
	return 0;
}

static int
stop_at_usr(const char *rel, const struct stat *st, void *ctx, struct err *e)
{
	int *seen = ctx;

	(void)st;
	(*seen)++;
	return strcmp(rel, "usr") == 0 ?
	    err_set(e, STATUS_INVALID, "stopped at %s", rel) : 0;
}

static int
compare_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(test_walk_visits_each_entry_and_stops)
{
	char *dir = make_listed_tree(), *lines[16], *save = NULL;
	struct err e = ERR_INIT;
	struct buf names = BUF_INIT, sorted = BUF_INIT;
	size_t n = 0;
	int seen = 0;

	ck_assert_int_eq(dirtree_walk(dir, note_entry, &names, &e), 0);
	for (char *l = strtok_r(names.data, "\n", &save); l != NULL && n < 16;
	    l = strtok_r(NULL, "\n", &save))
		lines[n++] = l;
	qsort(lines, n, sizeof(*lines), compare_lines);
	for (size_t i = 0; i < n; i++)
		buf_addf(&sorted, "%s|", lines[i]);
	ck_assert_str_eq(sorted.data, " 40700|DEBIAN 40755|DEBIAN/control "
	    "100644|usr 40755|usr/a 40755|usr/a-b 100644|usr/a/z 100600|"
	    "usr/link 120777|");
	/* The visitor's -1 ends the walk, its error kept. */
	ck_assert_int_eq(dirtree_walk(dir, stop_at_usr, &seen, &e), -1);
	ck_assert_str_eq(e.msg, "stopped at usr");
	ck_assert_int_lt(seen, 8);
	err_release(&e);
	ck_assert_int_eq(dirtree_walk("/nonexistent/wpd", note_entry, &names,
	    &e), -1);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	err_release(&e);
	buf_release(&names);
	buf_release(&sorted);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_list_missing_root)
{
	struct dirtree_list p;
	struct err e = ERR_INIT;

	ck_assert_int_eq(dirtree_list("/nonexistent/wpd", &p, &e), -1);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	err_release(&e);
}
END_TEST

START_TEST(test_copy_keeps_modes_links_and_merges)
{
	char *dir = test_make_dir(), *from = path_in(dir, "from");
	char *to = path_in(dir, "to"), *p, *q, target[64];
	struct err e = ERR_INIT;
	struct stat a, b;
	ssize_t n;

	test_write_file(from, "rules", "#!/bin/sh\n", 0750);
	test_write_file(from, "plugin.yml", "name: x\n", 0600);
	test_write_file(from, "sub/deep/file", "d\n", 0644);
	p = path_in(from, "link");
	ck_assert_int_eq(symlink("sub/deep/file", p), 0);
	free(p);
	p = path_in(from, "sub/deep/file");
	q = path_in(from, "hard");
	ck_assert_int_eq(link(p, q), 0);
	free(p);
	free(q);
	/* Something already at the destination stays (merge). */
	test_write_file(to, "existing", "keep\n", 0644);
	test_write_file(to, "rules", "old\n", 0644);
	ck_assert_int_eq(dirtree_copy(from, to, &e), 0);
	ck_assert_uint_eq(mode_of(to, "rules"), 0750);
	ck_assert_uint_eq(mode_of(to, "plugin.yml"), 0600);
	ck_assert_uint_eq(mode_of(to, "existing"), 0644);
	p = path_in(to, "link");
	n = readlink(p, target, sizeof(target) - 1);
	ck_assert_int_gt(n, 0);
	target[n] = '\0';
	ck_assert_str_eq(target, "sub/deep/file");
	free(p);
	p = path_in(to, "hard");
	q = path_in(to, "sub/deep/file");
	ck_assert_int_eq(stat(p, &a), 0);
	ck_assert_int_eq(stat(q, &b), 0);
	ck_assert_int_eq(a.st_ino, b.st_ino);
	free(p);
	free(q);
	test_remove_tree(dir);
	free(from);
	free(to);
	free(dir);
}
END_TEST

START_TEST(test_remove)
{
	char *dir = test_make_dir(), *p = path_in(dir, "t");
	struct err e = ERR_INIT;

	test_write_file(p, "a/b/c", "x", 0644);
	ck_assert_int_eq(chmod(p, 0500), 0);	/* still removable as owner */
	ck_assert_int_eq(chmod(p, 0755), 0);
	ck_assert_int_eq(dirtree_remove(p, &e), 0);
	ck_assert_int_eq(access(p, F_OK), -1);
	ck_assert_int_eq(dirtree_remove(p, &e), 0);	/* already gone */
	test_remove_tree(dir);
	free(p);
	free(dir);
}
END_TEST

/* A tree whose paths are longer than PATH_MAX goes too. */
START_TEST(test_remove_deeper_than_path_max)
{
	char *dir = test_make_dir(), *p = path_in(dir, "t");
	char name[201];
	struct err e = ERR_INIT;
	int fd;

	memset(name, 'n', 200);
	name[200] = '\0';
	ck_assert_int_eq(mkdir(p, 0755), 0);
	fd = open(p, O_RDONLY | O_DIRECTORY);
	for (int i = 0; i < 30; i++) {	/* 30 * 201 > 4096 */
		int next;

		ck_assert_int_eq(mkdirat(fd, name, 0755), 0);
		next = openat(fd, name, O_RDONLY | O_DIRECTORY);
		ck_assert_int_ge(next, 0);
		close(fd);
		fd = next;
	}
	close(openat(fd, "f", O_WRONLY | O_CREAT, 0644));
	close(fd);
	ck_assert_int_eq(dirtree_remove(p, &e), 0);
	ck_assert_int_eq(access(p, F_OK), -1);
	test_remove_tree(dir);
	free(p);
	free(dir);
}
END_TEST

/* The output made as by mkdir -p; a file in the way is named. */
START_TEST(test_prepare_output)
{
	char *dir = test_make_dir(), *p = path_in(dir, "a/b/c");
	char *file = path_in(dir, "f"), *below = path_in(dir, "f/d");
	char *want = xasprintf("%s is a file, not a directory", file);
	struct err e = ERR_INIT;

	ck_assert_int_eq(dirtree_prepare_output(p, &e), 0);
	ck_assert_int_eq(mode_of(dir, "a/b/c") & 0700, 0700);
	ck_assert_int_eq(dirtree_prepare_output(p, &e), 0);	/* exists */
	test_write_file(dir, "f", "", 0644);
	ck_assert_int_eq(dirtree_prepare_output(file, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_str_eq(e.msg, want);
	ck_assert_int_eq(dirtree_prepare_output(below, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_str_eq(e.msg, want);
	err_release(&e);
	test_remove_tree(dir);
	free(want);
	free(below);
	free(file);
	free(p);
	free(dir);
}
END_TEST

START_TEST(test_install_new_existing_and_replaced)
{
	char *dir = test_make_dir(), *final = path_in(dir, "out");
	char *staged, *p;
	struct err e = ERR_INIT;

	staged = dirtree_make_sibling(final, &e);
	ck_assert_ptr_nonnull(staged);
	ck_assert(strncmp(staged, dir, strlen(dir)) == 0);
	test_write_file(staged, "one", "1", 0644);
	ck_assert_int_eq(dirtree_install(staged, final, false, &e), 0);
	free(staged);
	p = path_in(final, "one");
	ck_assert_int_eq(access(p, F_OK), 0);
	free(p);

	staged = dirtree_make_sibling(final, &e);
	test_write_file(staged, "two", "2", 0644);
	ck_assert_int_eq(dirtree_install(staged, final, false, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_int_eq(access(staged, F_OK), -1);	/* cleaned up */
	err_release(&e);
	free(staged);

	staged = dirtree_make_sibling(final, &e);
	test_write_file(staged, "two", "2", 0644);
	ck_assert_int_eq(dirtree_install(staged, final, true, &e), 0);
	p = path_in(final, "one");
	ck_assert_int_eq(access(p, F_OK), -1);
	free(p);
	p = path_in(final, "two");
	ck_assert_int_eq(access(p, F_OK), 0);
	free(p);
	free(staged);
	test_remove_tree(dir);
	free(final);
	free(dir);
}
END_TEST

/* mkdir -p, naming the topmost directory it made. */
START_TEST(test_make_dirs_names_the_topmost_made)
{
	char *dir = test_make_dir();
	char *deep = xasprintf("%s/a/b/c", dir);
	char *top = xasprintf("%s/a", dir);
	char *made = NULL;
	struct err e = ERR_INIT;

	ck_assert_int_eq(dirtree_make_dirs(deep, 0755, &made, &e), 0);
	ck_assert_str_eq(made, top);
	free(made);
	made = NULL;
	/* All there already: nothing made. */
	ck_assert_int_eq(dirtree_make_dirs(deep, 0755, &made, &e), 0);
	ck_assert_ptr_null(made);
	test_write_file(dir, "file", "x", 0644);
	free(deep);
	deep = xasprintf("%s/file/d", dir);
	ck_assert_int_eq(dirtree_make_dirs(deep, 0755, &made, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_ptr_null(made);
	err_release(&e);
	free(deep);
	free(top);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("dirtree");
	TCase *tc = tcase_create("dirtree");

	tcase_add_test(tc, test_list_is_sorted_and_complete);
	tcase_add_test(tc, test_list_missing_root);
	tcase_add_test(tc, test_walk_visits_each_entry_and_stops);
	tcase_add_test(tc, test_copy_keeps_modes_links_and_merges);
	tcase_add_test(tc, test_remove);
	tcase_add_test(tc, test_remove_deeper_than_path_max);
	tcase_add_test(tc, test_prepare_output);
	tcase_add_test(tc, test_make_dirs_names_the_topmost_made);
	tcase_add_test(tc, test_install_new_existing_and_replaced);
	suite_add_tcase(s, tc);
	return s;
}
