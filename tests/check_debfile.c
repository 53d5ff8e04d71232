/* Tests of debfile: control.tar and the ar container, judged by
 * dpkg-deb and ar(1). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/compiler.h"
#include "check_main.h"
#include "deb/debfile.h"

static const char control[] = "Package: p1\nVersion: 1.0\n"
    "Architecture: all\nMaintainer: A <a@example.org>\nDescription: d\n d\n";
static const char script[] = "#!/bin/sh\nexit 0\n";
static const char md5sums[] = "d41d8cd98f00b204e9800998ecf8427e  usr/x\n"
    "d41d8cd98f00b204e9800998ecf8427e  usr/y\n";

/* md5sums given in two pieces, its lines. */
static int
fill_lines(const void *ctx, file_put put, void *sink, struct err *e)
{
	const char *text = ctx, *second = strchr(text, '\n') + 1;

	if (put(sink, text, (size_t)(second - text), e) < 0)
		return -1;
	return put(sink, second, strlen(second), e);
}

static const struct debfile_member members[] = {
	{ "control", 0644, control, sizeof(control) - 1, NULL, NULL },
	{ "md5sums", 0644, NULL, sizeof(md5sums) - 1, fill_lines, md5sums },
	{ "postinst", 0755, script, sizeof(script) - 1, NULL, NULL },
	{ "postrm", 0755, script, sizeof(script) - 1, NULL, NULL },
	{ "prerm", 0755, script, sizeof(script) - 1, NULL, NULL },
};

static char *
run(const char *cmd)
{
	char line[512];
	struct buf out = BUF_INIT;
	FILE *p = popen(cmd, "r");

	ck_assert_ptr_nonnull(p);
	while (fgets(line, sizeof(line), p) != NULL)
		buf_adds(&out, line);
	ck_assert_int_eq(pclose(p), 0);
	return buf_detach(&out);
}

START_TEST(test_a_deb_dpkg_reads)
{
	struct compress_options o = { COMPRESS_XZ, 6, 2, 0 };
	char *dir = test_make_dir(), *deb = xasprintf("%s/p.deb", dir);
	char *cmd, *got;
	struct err e = ERR_INIT;
	FILE *control_tar = tmpfile(), *data = tmpfile(), *out = fopen(deb, "w");

	ck_assert_int_eq(debfile_control_tar(fileno(control_tar),
	    "control.tar", members, WPD_ARRAY_SIZE(members), &o, 1700000000, &e), 0);
	/* An empty data.tar: the tar end blocks only. */
	{
		char zeros[1024] = { 0 };
		struct compress_options none = { COMPRESS_XZ, 6, 1, 0 };
		struct compressor *c = compress_open(&none, fileno(data),
		    "data.tar", &e);

		ck_assert_int_eq(compress_write(c, zeros, sizeof(zeros), &e), 0);
		ck_assert_int_eq(compress_close(c, &e), 0);
	}
	fflush(control_tar);
	fflush(data);
	ck_assert_int_eq(debfile_write(fileno(out), "p.deb",
	    fileno(control_tar), fileno(data), COMPRESS_XZ, 1700000000, &e), 0);
	fclose(out);
	cmd = xasprintf("ar tv '%s' | awk '{print $1, $2, $NF}'", deb);
	got = run(cmd);
	ck_assert_str_eq(got, "rw-r--r-- 0/0 debian-binary\n"
	    "rw-r--r-- 0/0 control.tar.xz\n"
	    "rw-r--r-- 0/0 data.tar.xz\n");
	free(got);
	free(cmd);
	cmd = xasprintf("dpkg-deb --ctrl-tarfile '%s' | tar -tvf - | "
	    "awk '{print $1, $2, $6}'", deb);
	got = run(cmd);
	ck_assert_str_eq(got, "drwxr-xr-x root/root ./\n"
	    "-rw-r--r-- root/root ./control\n"
	    "-rw-r--r-- root/root ./md5sums\n"
	    "-rwxr-xr-x root/root ./postinst\n"
	    "-rwxr-xr-x root/root ./postrm\n"
	    "-rwxr-xr-x root/root ./prerm\n");
	free(got);
	free(cmd);
	cmd = xasprintf("dpkg-deb --info '%s' md5sums", deb);
	got = run(cmd);
	ck_assert_str_eq(got, md5sums);
	free(got);
	free(cmd);
	cmd = xasprintf("dpkg-deb -f '%s' Package Version", deb);
	got = run(cmd);
	ck_assert_str_eq(got, "Package: p1\nVersion: 1.0\n");
	free(got);
	free(cmd);
	/* No padding after the last member. */
	cmd = xasprintf("tail -c 2 '%s' | od -An -c | tr -d ' \\n'", deb);
	got = run(cmd);
	ck_assert_str_ne(got, "\\0\\0");
	free(got);
	free(cmd);
	fclose(control_tar);
	fclose(data);
	test_remove_tree(dir);
	free(deb);
	free(dir);
}
END_TEST

/* A member whose fill() gives other than the length it said is refused,
 * not written short or padded. */
START_TEST(test_a_member_of_another_length)
{
	struct compress_options o = { COMPRESS_NONE, 0, 1, 0 };
	struct debfile_member m = { "md5sums", 0644, NULL, sizeof(md5sums),
	    fill_lines, md5sums };
	struct err e = ERR_INIT;
	FILE *f = tmpfile();

	ck_assert_int_eq(debfile_control_tar(fileno(f), "control.tar", &m, 1,
	    &o, 1700000000, &e), -1);
	ck_assert_str_eq(e.msg, "control.tar's md5sums came out 80 bytes "
	    "long, not 81");
	err_release(&e);
	fclose(f);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("debfile");
	TCase *tc = tcase_create("debfile");

	tcase_add_test(tc, test_a_deb_dpkg_reads);
	tcase_add_test(tc, test_a_member_of_another_length);
	suite_add_tcase(s, tc);
	return s;
}
