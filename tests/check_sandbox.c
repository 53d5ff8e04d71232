/* Tests of sandbox: bubblewrap's command line, the environment the rules
 * get, --env names, the read-only complaint, and the modes. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/status.h"
#include "check_main.h"
#include "stage/sandbox.h"

/* The command line as one string, words separated by spaces. */
static char *
joined(char **argv)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; argv[i] != NULL; i++)
		buf_addf(&b, "%s%s", i ? " " : "", argv[i]);
	return buf_detach(&b);
}

START_TEST(test_command_line)
{
	const char *extra[] = { "TOKEN", "FOO=bar" };
	struct sandbox sb = { .enabled = true, .env = extra, .nenv = 2 };
	char *env[] = { "pkgdir=/w/root", NULL };
	char *argv[] = { "/p/wazo/rules", "package", NULL };
	char **box, *line;

	setenv("PATH", "/usr/bin:/bin", 1);
	setenv("TOKEN", "t0k", 1);
	setenv("SECRET", "s3cr3t", 1);
	unsetenv("LC_ALL");
	box = sandbox_argv(&sb, "/p", "/w/root", env, argv, 9);
	line = joined(box);
	ck_assert_str_eq(box[0], "bwrap");
	/* Its status on the descriptor given. */
	ck_assert_str_eq(box[1], "--json-status-fd");
	ck_assert_str_eq(box[2], "9");
	/* Read-only root, then the writable places, in that order. */
	ck_assert_ptr_nonnull(strstr(line, "--ro-bind / / --dev /dev --proc "
	    "/proc --tmpfs /tmp --dir /tmp/home --bind /p /p --bind /w/root "
	    "/w/root --unshare-pid --unshare-net --die-with-parent "
	    "--new-session --clearenv "));
	ck_assert_ptr_nonnull(strstr(line, "--setenv PATH /usr/bin:/bin "));
	ck_assert_ptr_nonnull(strstr(line, "--setenv HOME /tmp/home "));
	ck_assert_ptr_nonnull(strstr(line, "--setenv TOKEN t0k "));
	ck_assert_ptr_nonnull(strstr(line, "--setenv FOO bar "));
	ck_assert_ptr_nonnull(strstr(line, "--setenv pkgdir /w/root "));
	ck_assert_ptr_null(strstr(line, "SECRET"));
	ck_assert_ptr_null(strstr(line, "LC_ALL"));
	ck_assert_ptr_nonnull(strstr(line, " --chdir /p -- /p/wazo/rules "
	    "package"));
	free(line);
	sandbox_argv_free(box);
	/* With the network, without a pkgdir. */
	sb.network = true;
	box = sandbox_argv(&sb, "/p", NULL, NULL, argv, -1);
	line = joined(box);
	ck_assert_ptr_null(strstr(line, "--unshare-net"));
	ck_assert_ptr_null(strstr(line, "--json-status-fd"));
	ck_assert_ptr_null(strstr(line, "/w/root"));
	free(line);
	sandbox_argv_free(box);
	unsetenv("TOKEN");
	unsetenv("SECRET");
}
END_TEST

START_TEST(test_env_names)
{
	ck_assert_ptr_null(sandbox_env_check("CI_JOB_TOKEN"));
	ck_assert_ptr_null(sandbox_env_check("_x1=a=b"));
	ck_assert_ptr_null(sandbox_env_check("X="));
	ck_assert_ptr_nonnull(sandbox_env_check("1X"));
	ck_assert_ptr_nonnull(sandbox_env_check("=x"));
	ck_assert_ptr_nonnull(sandbox_env_check(""));
	ck_assert_ptr_nonnull(sandbox_env_check("A-B"));
}
END_TEST

START_TEST(test_read_only_complaint)
{
	const char *sh = "sh: 1: cannot create /etc/x: Read-only file system\n";

	ck_assert(sandbox_says_read_only(sh, strlen(sh)));
	ck_assert(!sandbox_says_read_only(sh, 40));
	ck_assert(!sandbox_says_read_only("Permission denied", 17));
}
END_TEST

/* The warnings sb->warn gets, one line after the other. */
static void
collect(const char *message, void *ctx)
{
	buf_addf(ctx, "%s\n", message);
}

/* PATH with only a bwrap that exits with `status`; returns its
 * directory. */
static char *
fake_bwrap(int status)
{
	char *dir = test_make_dir(), *script;

	script = xasprintf("#!/bin/sh\nexit %d\n", status);
	test_write_file(dir, "bwrap", script, 0755);
	setenv("PATH", dir, 1);
	free(script);
	return dir;
}

static void
no_fake_bwrap(char *dir)
{
	setenv("PATH", "/usr/bin:/bin", 1);
	test_remove_tree(dir);
	free(dir);
}

START_TEST(test_off_needs_nothing)
{
	struct buf warned = BUF_INIT;
	struct sandbox sb = { .enabled = true, .network = true,
	    .warn = collect, .warn_ctx = &warned };
	struct err e = ERR_INIT;

	/* "off" probes nothing, even with PATH empty. */
	setenv("PATH", "", 1);
	ck_assert_int_eq(sandbox_resolve(&sb, "off", &e), 0);
	ck_assert(!sb.enabled);
	ck_assert_uint_eq(warned.len, 0);
	ck_assert_int_eq(sandbox_resolve(&sb, "on", &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_str_eq(e.msg, "--sandbox=on: bubblewrap (bwrap) is not "
	    "installed");
	err_release(&e);
	ck_assert_int_eq(sandbox_resolve(&sb, "auto", &e), 0);
	ck_assert(!sb.enabled);
	ck_assert_uint_gt(warned.len, 0);
	ck_assert_ptr_nonnull(strstr(warned.data, "bubblewrap (bwrap) is not "
	    "installed"));
	buf_release(&warned);
	setenv("PATH", "/usr/bin:/bin", 1);
}
END_TEST

/* "auto" with bwrap installed tries nothing: the first rules command
 * does (a bwrap that could not make its namespaces would pass here). */
START_TEST(test_auto_tries_at_first_run)
{
	struct buf warned = BUF_INIT;
	struct sandbox sb = { .network = true, .warn = collect,
	    .warn_ctx = &warned };
	struct err e = ERR_INIT;
	char *dir = fake_bwrap(1);

	ck_assert_int_eq(sandbox_resolve(&sb, "auto", &e), 0);
	ck_assert(sb.enabled && sb.untried);
	ck_assert_uint_eq(warned.len, 0);
	/* "on" tries it at once. */
	ck_assert_int_eq(sandbox_resolve(&sb, "on", &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_ptr_nonnull(strstr(e.msg, "cannot make namespaces"));
	err_release(&e);
	buf_release(&warned);
	no_fake_bwrap(dir);
}
END_TEST

/* bwrap's status says whether the sandbox was made: an exit code comes
 * only once the command ran in it; without one, a trial run tells. */
START_TEST(test_made)
{
	static const char started[] = "{ \"child-pid\": 7, "
	    "\"mnt-namespace\": 4026532178 }\n";
	static const char ended[] = "{ \"child-pid\": 7 }\n"
	    "{ \"exit-code\": 3 }\n";
	struct buf warned = BUF_INIT;
	struct sandbox sb = { .enabled = true, .untried = true,
	    .warn = collect, .warn_ctx = &warned };
	char *dir = fake_bwrap(1);

	/* A command that ran settles the sandbox: kept from then on. */
	ck_assert(sandbox_made(&sb, 3, ended, strlen(ended)));
	ck_assert(sb.enabled && !sb.untried);
	/* Exit status 0 is a command that ran, whatever the status said. */
	sb.untried = true;
	ck_assert(sandbox_made(&sb, 0, "", 0));
	ck_assert(sb.enabled && !sb.untried);
	/* Tried already, and bwrap cannot make it now: not made, kept for
	 * the caller's error. */
	ck_assert(!sandbox_made(&sb, 1, started, strlen(started)));
	ck_assert(sb.enabled);
	ck_assert_uint_eq(warned.len, 0);
	/* Untried and not made (bwrap failed inside the namespace, or
	 * wrote nothing): given up, with one warning. */
	sb.untried = true;
	ck_assert(!sandbox_made(&sb, 1, started, strlen(started)));
	ck_assert(!sb.enabled && !sb.untried);
	ck_assert_str_eq(warned.data, "the plugin's rules run without a "
	    "sandbox: bubblewrap cannot make namespaces here (user namespaces "
	    "are not allowed) (--sandbox=off says this is meant)\n");
	no_fake_bwrap(dir);
	/* No exit code, but bwrap works: the command could not be started
	 * in the sandbox (a missing interpreter), its own failure. */
	dir = fake_bwrap(0);
	sb = (struct sandbox){ .enabled = true, .untried = true,
	    .warn = collect, .warn_ctx = &warned };
	ck_assert(sandbox_made(&sb, 1, started, strlen(started)));
	ck_assert(sb.enabled && !sb.untried);
	no_fake_bwrap(dir);
	buf_release(&warned);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("sandbox");
	TCase *tc = tcase_create("sandbox");

	tcase_add_test(tc, test_command_line);
	tcase_add_test(tc, test_env_names);
	tcase_add_test(tc, test_read_only_complaint);
	tcase_add_test(tc, test_off_needs_nothing);
	tcase_add_test(tc, test_auto_tries_at_first_run);
	tcase_add_test(tc, test_made);
	suite_add_tcase(s, tc);
	return s;
}
