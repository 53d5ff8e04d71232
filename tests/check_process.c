/* Tests of process: running commands and reading how they ended. */
#include <config.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"
#include "base/file.h"
#include "base/process.h"

static int
run_sh(const char *script, const char *cwd, char *const env[],
    struct err *e)
{
	char *argv[] = { "sh", "-c", (char *)script, NULL };

	return process_run(argv, cwd, env, e);
}

START_TEST(test_exit_statuses)
{
	struct err e = ERR_INIT;

	ck_assert_int_eq(run_sh("exit 0", NULL, NULL, &e), 0);
	ck_assert_int_eq(run_sh("exit 3", NULL, NULL, &e), 3);
	ck_assert_int_eq(run_sh("kill -TERM $$", NULL, NULL, &e), 128 + 15);
}
END_TEST

START_TEST(test_cwd_and_environment)
{
	char *dir = test_make_dir(), *out = xasprintf("%s/out", dir);
	char *env[] = { "WPD_ONE=1", "WPD_TWO=two words", NULL };
	struct buf text = BUF_INIT;
	struct err e = ERR_INIT;

	setenv("WPD_INHERITED", "yes", 1);
	ck_assert_int_eq(run_sh("echo \"$PWD $WPD_ONE $WPD_TWO $WPD_INHERITED\" "
	    "> out", dir, env, &e), 0);
	ck_assert_int_eq(file_read(out, 1000, &text, NULL, &e), 0);
	{
		char *want = xasprintf("%s 1 two words yes\n", dir);

		ck_assert_str_eq(text.data, want);
		free(want);
	}
	/* The environment of this process is unchanged. */
	ck_assert_ptr_null(getenv("WPD_ONE"));
	buf_release(&text);
	test_remove_tree(dir);
	free(out);
	free(dir);
}
END_TEST

START_TEST(test_cannot_start)
{
	char *argv[] = { "/nonexistent/wpd-program", "x", NULL };
	struct err e = ERR_INIT;

	ck_assert_int_eq(process_run(argv, NULL, NULL, &e), -1);
	ck_assert_str_eq(e.msg, "cannot run /nonexistent/wpd-program: No such "
	    "file or directory");
	err_release(&e);
	ck_assert_int_eq(run_sh("true", "/nonexistent/dir", NULL, &e), -1);
	ck_assert_str_eq(e.msg, "cannot run sh: No such file or directory");
	err_release(&e);
}
END_TEST

/* A command's standard output goes to this process's standard error,
 * never to its standard output. */
START_TEST(test_stdout_goes_to_stderr)
{
	char *dir = test_make_dir(), *err_path = xasprintf("%s/err", dir);
	char *out_path = xasprintf("%s/out", dir), *got;
	int saved_out = dup(STDOUT_FILENO), saved_err = dup(STDERR_FILENO);
	int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	struct err e = ERR_INIT;

	ck_assert_int_ge(out, 0);
	ck_assert_int_ge(err, 0);
	dup2(out, STDOUT_FILENO);
	dup2(err, STDERR_FILENO);
	ck_assert_int_eq(run_sh("echo to-stdout; echo to-stderr >&2", NULL,
	    NULL, &e), 0);
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	close(out);
	close(err);
	close(saved_out);
	close(saved_err);
	got = test_read_file(NULL, out_path);
	ck_assert_str_eq(got, "");
	free(got);
	got = test_read_file(NULL, err_path);
	ck_assert_str_eq(got, "to-stdout\nto-stderr\n");
	free(got);
	test_remove_tree(dir);
	free(err_path);
	free(out_path);
	free(dir);
}
END_TEST

START_TEST(test_in_path)
{
	ck_assert(process_in_path("sh"));
	ck_assert(!process_in_path("wpd-no-such-program"));
}
END_TEST

START_TEST(test_no_signal_trapped_yet)
{
	ck_assert_int_eq(process_interrupted(), 0);
	process_signal_child(15);	/* no child: nothing happens */
}
END_TEST

static void
collect(const char *chunk, size_t len, void *ctx)
{
	buf_add(ctx, chunk, len);
}

/* Output watched as it passes; a process left holding the pipe neither
 * hangs the run nor outlives it. */
START_TEST(test_watched)
{
	struct buf seen = BUF_INIT;
	struct process_watch w = { collect, &seen };
	struct err e = ERR_INIT;
	char *argv[] = { "sh", "-c", "echo out; echo err >&2; "
	    "(sleep 30; echo late) & exit 5", NULL };
	time_t start = time(NULL);

	ck_assert_int_eq(process_run_watched(argv, NULL, NULL, &w, &e), 5);
	ck_assert_str_eq(seen.data, "out\nerr\n");
	ck_assert_int_lt(time(NULL) - start, 10);
	buf_release(&seen);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("process");
	TCase *tc = tcase_create("process");

	tcase_add_test(tc, test_exit_statuses);
	tcase_add_test(tc, test_cwd_and_environment);
	tcase_add_test(tc, test_cannot_start);
	tcase_add_test(tc, test_stdout_goes_to_stderr);
	tcase_add_test(tc, test_in_path);
	tcase_add_test(tc, test_no_signal_trapped_yet);
	tcase_add_test(tc, test_watched);
	suite_add_tcase(s, tc);
	return s;
}
