/* Tests of datatar: one pass over two sources into data.tar. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "deb/md5sums.h"
#include "deb/datatar.h"

/* The size datatar_write() told when it opened the file. */
static unsigned long long planned;

static int
open_file(unsigned long long size, void *ctx, struct err *e)
{
	(void)e;
	planned = size;
	return fileno(ctx);
}

/* The tar's listing, by tar(1): "MODE PATH" lines. */
static char *
listing(FILE *f)
{
	char *dir = test_make_dir(), *cmd, line[512];
	struct buf out = BUF_INIT;
	struct buf raw = BUF_INIT;
	size_t n;
	FILE *p;

	rewind(f);
	while ((n = fread(line, 1, sizeof(line), f)) > 0)
		buf_add(&raw, line, n);
	test_write_bytes(dir, "data.tar", raw.data, raw.len, 0644);
	cmd = xasprintf("tar -tvf '%s/data.tar' | awk '{print $1, $6, $7, $8}'",
	    dir);
	p = popen(cmd, "r");
	while (fgets(line, sizeof(line), p) != NULL)
		buf_adds(&out, line);
	ck_assert_int_eq(pclose(p), 0);
	test_remove_tree(dir);
	buf_release(&raw);
	free(cmd);
	free(dir);
	return buf_detach(&out);
}

START_TEST(test_two_sources_merge_in_one_pass)
{
	char *dir = test_make_dir();
	char *staging = xasprintf("%s/staging", dir), *wazo = xasprintf("%s/wazo", dir);
	char *link = xasprintf("%s/staging/usr/bin/tool", dir), *got;
	struct payload_source sources[] = {
		{ staging, "", false }, { wazo, "usr/lib/wp/plugins/ns/name/wazo", true },
	};
	struct compress_options o = { COMPRESS_NONE, 0, 1, 0 };
	struct payload_result r;
	struct buf sums = BUF_INIT;
	struct err e = ERR_INIT;
	FILE *f = tmpfile();

	test_write_file(staging, "etc/x.conf", "conf\n", 0640);
	test_write_file(staging, "usr/bin/real-tool", "#!/bin/sh\n", 0755);
	test_write_file(staging, "usr/lib/wp/plugins/ns/name/wazo/rules",
	    "made by the rules\n", 0644);
	ck_assert_int_eq(symlink("real-tool", link), 0);
	test_write_file(wazo, "rules", "#!/bin/sh\n", 0755);
	test_write_file(wazo, "plugin.yml", "name: name\n", 0644);
	ck_assert_int_eq(datatar_write(open_file, f, "data.tar", sources, 2, &o,
	    0, &r, &e), 0);
	got = listing(f);
	/* Uncompressed, the tar is the size planned before it began. */
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	ck_assert_uint_eq(planned, (unsigned long long)ftell(f));
	ck_assert_str_eq(got,
	    "drwxr-xr-x ./  \n"
	    "drwxr-xr-x ./etc/  \n"
	    "-rw-r----- ./etc/x.conf  \n"
	    "drwxr-xr-x ./usr/  \n"
	    "drwxr-xr-x ./usr/bin/  \n"
	    "-rwxr-xr-x ./usr/bin/real-tool  \n"
	    "drwxr-xr-x ./usr/lib/  \n"
	    "drwxr-xr-x ./usr/lib/wp/  \n"
	    "drwxr-xr-x ./usr/lib/wp/plugins/  \n"
	    "drwxr-xr-x ./usr/lib/wp/plugins/ns/  \n"
	    "drwxr-xr-x ./usr/lib/wp/plugins/ns/name/  \n"
	    "drwxr-xr-x ./usr/lib/wp/plugins/ns/name/wazo/  \n"
	    "-rw-r--r-- ./usr/lib/wp/plugins/ns/name/wazo/plugin.yml  \n"
	    "-rwxr-xr-x ./usr/lib/wp/plugins/ns/name/wazo/rules  \n"
	    "lrwxrwxrwx ./usr/bin/tool -> real-tool\n");
	/* The plugin's own rules replaced the one the rules staged. */
	md5sums_text(&(struct md5sums){ &r.files, false }, &sums);
	ck_assert_str_eq(sums.data,
	    "b9a771b420047cfaa3543e66c78f44f6  etc/x.conf\n"
	    "3e2b31c72181b87149ff995e7202c0e3  usr/bin/real-tool\n"
	    "9fdee8d8fbae541cbed8779423fa4a3a  usr/lib/wp/plugins/ns/name/wazo/plugin.yml\n"
	    "3e2b31c72181b87149ff995e7202c0e3  usr/lib/wp/plugins/ns/name/wazo/rules\n");
	buf_release(&sums);
	/* 10 directories, 4 small files, 1 link. */
	ck_assert_int_eq(r.installed_kib, 10 + 4 + 1);
	ck_assert_ptr_null(r.elf_arch);
	payload_result_release(&r);
	free(got);
	fclose(f);
	test_remove_tree(dir);
	free(link);
	free(staging);
	free(wazo);
	free(dir);
}
END_TEST

START_TEST(test_objects_and_refusals)
{
	char *dir = test_make_dir(), *staging = xasprintf("%s/s", dir), *fifo;
	struct payload_source sources[] = { { staging, "", false } };
	struct compress_options o = { COMPRESS_NONE, 0, 1, 0 };
	struct payload_result r;
	struct err e = ERR_INIT;
	FILE *f = tmpfile();
	char *cmd = xasprintf("mkdir -p '%s/usr/bin' && cp /bin/true '%s/usr/bin/t'",
	    staging, staging);

	ck_assert_int_eq(system(cmd), 0);
	ck_assert_int_eq(datatar_write(open_file, f, "data.tar", sources, 1, &o,
	    0, &r, &e), 0);
	ck_assert_ptr_nonnull(r.elf_arch);
	ck_assert_str_eq(r.elf_path, "usr/bin/t");
	ck_assert(!r.mixed_arches);
	payload_result_release(&r);
	fifo = xasprintf("%s/usr/bin/fifo", staging);
	ck_assert_int_eq(mkfifo(fifo, 0644), 0);
	ck_assert_int_eq(datatar_write(open_file, f, "data.tar", sources, 1, &o,
	    0, &r, &e), -1);
	ck_assert_int_eq(e.status, STATUS_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "only files, directories and "
	    "symbolic links can go into a package"));
	err_release(&e);
	payload_result_release(&r);
	fclose(f);
	test_remove_tree(dir);
	free(fifo);
	free(cmd);
	free(staging);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("datatar");
	TCase *tc = tcase_create("datatar");

	tcase_add_test(tc, test_two_sources_merge_in_one_pass);
	tcase_add_test(tc, test_objects_and_refusals);
	suite_add_tcase(s, tc);
	return s;
}
