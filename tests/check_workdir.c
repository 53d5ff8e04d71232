/* Tests of workdir: locked work directories and the sweep of dead ones. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/workdir.h"
#include "check_main.h"

/* A work directory as a killed run leaves it: made in a child that
 * exits without removing it. Returns its path. */
static char *
left_by_dead_run(const char *parent)
{
	int fds[2];
	char path[4096] = "";
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct workdir w;
		struct err e = ERR_INIT;

		if (workdir_create(&w, parent, "wd.", &e) < 0)
			_exit(1);
		(void)!write(fds[1], w.path, strlen(w.path));
		_exit(0);
	}
	close(fds[1]);
	ck_assert_int_gt(read(fds[0], path, sizeof(path) - 1), 0);
	close(fds[0]);
	waitpid(pid, NULL, 0);
	return xstrdup(path);
}

START_TEST(test_sweep_takes_only_dead_runs)
{
	char *dir = test_make_dir(), *dead = left_by_dead_run(dir);
	char *other = xasprintf("%s/wd.nolock", dir), *lock;
	struct workdir live;
	struct err e = ERR_INIT;

	ck_assert_int_eq(workdir_create(&live, dir, "wd.", &e), 0);
	lock = xasprintf("%s/.lock", live.path);
	ck_assert_int_eq(access(lock, F_OK), 0);
	test_write_file(dir, "wd.nolock/f", "", 0644);
	ck_assert_int_eq(access(dead, F_OK), 0);
	workdir_sweep(dir, "wd.");
	ck_assert_int_eq(access(dead, F_OK), -1);	/* its run died */
	ck_assert_int_eq(access(lock, F_OK), 0);	/* live */
	ck_assert_int_eq(access(other, F_OK), 0);	/* not one of ours */
	workdir_remove(&live);
	ck_assert_int_eq(access(lock, F_OK), -1);
	ck_assert_ptr_null(live.path);
	workdir_remove(&live);				/* twice: nothing */
	test_remove_tree(dir);
	free(lock);
	free(other);
	free(dead);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("workdir");
	TCase *tc = tcase_create("workdir");

	tcase_add_test(tc, test_sweep_takes_only_dead_runs);
	suite_add_tcase(s, tc);
	return s;
}
