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
	struct sandbox sb = { true, false, extra, 2 };
	char *env[] = { "pkgdir=/w/root", NULL };
	char *argv[] = { "/p/wazo/rules", "package", NULL };
	char **box, *line;

	setenv("PATH", "/usr/bin:/bin", 1);
	setenv("TOKEN", "t0k", 1);
	setenv("SECRET", "s3cr3t", 1);
	unsetenv("LC_ALL");
	box = sandbox_argv(&sb, "/p", "/w/root", env, argv);
	line = joined(box);
	ck_assert_str_eq(box[0], "bwrap");
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
	box = sandbox_argv(&sb, "/p", NULL, NULL, argv);
	line = joined(box);
	ck_assert_ptr_null(strstr(line, "--unshare-net"));
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

START_TEST(test_off_needs_nothing)
{
	struct sandbox sb = { true, true, NULL, 0 };
	struct err e = ERR_INIT;
	char *warning = (char *)"unset";

	/* "off" probes nothing, even with PATH empty. */
	setenv("PATH", "", 1);
	ck_assert_int_eq(sandbox_resolve(&sb, "off", &warning, &e), 0);
	ck_assert(!sb.enabled);
	ck_assert_ptr_null(warning);
	ck_assert_int_eq(sandbox_resolve(&sb, "on", &warning, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	ck_assert_str_eq(e.msg, "--sandbox=on: bubblewrap (bwrap) is not "
	    "installed");
	err_release(&e);
	ck_assert_int_eq(sandbox_resolve(&sb, "auto", &warning, &e), 0);
	ck_assert(!sb.enabled);
	ck_assert_ptr_nonnull(warning);
	ck_assert_ptr_nonnull(strstr(warning, "bubblewrap (bwrap) is not "
	    "installed"));
	free(warning);
	setenv("PATH", "/usr/bin:/bin", 1);
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
	suite_add_tcase(s, tc);
	return s;
}
