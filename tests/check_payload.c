/* Tests of payload: the one pass: its order, what the writer gets,
 * Installed-Size and md5sums, how sources merge. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_main.h"
#include "deb/md5sums.h"
#include "base/status.h"
#include "deb/payload.h"

/* A small staging tree. */
static char *
make_tree(void)
{
	char *dir = test_make_dir(), *path, *target;
	char big[3000];

	memset(big, 'x', sizeof(big));
	test_write_bytes(dir, "usr/share/p/big", big, sizeof(big), 0644);
	test_write_file(dir, "usr/share/p/a-b", "hello\n", 0644);
	test_write_file(dir, "usr/share/p/empty", "", 0644);
	test_write_file(dir, "usr/share/p/script", "#!/bin/sh\n", 0755);
	path = xasprintf("%s/usr/share/p/link", dir);
	ck_assert_int_eq(symlink("big", path), 0);
	free(path);
	path = xasprintf("%s/usr/share/p/big.hard", dir);
	target = xasprintf("%s/usr/share/p/big", dir);
	ck_assert_int_eq(link(target, path), 0);
	free(target);
	free(path);
	return dir;
}

/* A writer that records "path[>link_to][=bytes taken]," and takes the
 * data of every file but the one named "empty". */
struct record {
	struct buf log;
	size_t taken;
};

static int
record_entry(void *ctx, const struct payload_file *f, bool *take_data,
    struct err *e)
{
	struct record *r = ctx;

	(void)e;
	buf_addf(&r->log, "%s", f->path);
	if (f->link_to != NULL)
		buf_addf(&r->log, ">%s", f->link_to);
	if (f->target != NULL)
		buf_addf(&r->log, "->%s", f->target);
	*take_data = S_ISREG(f->st->st_mode) && f->link_to == NULL &&
	    strstr(f->path, "empty") == NULL;
	r->taken = 0;
	if (!*take_data)
		buf_addc(&r->log, ',');
	return 0;
}

static int
record_data(void *ctx, const void *chunk, size_t len, struct err *e)
{
	(void)chunk;
	(void)e;
	((struct record *)ctx)->taken += len;
	return 0;
}

static int
record_end(void *ctx, struct err *e)
{
	struct record *r = ctx;

	(void)e;
	buf_addf(&r->log, "=%zu,", r->taken);
	return 0;
}

/* What the recording writer logs of make_tree()'s entries, in order. */
#define tree_log ",usr,usr/share,usr/share/p," \
	"usr/share/p/a-b=6,usr/share/p/big=3000," \
	"usr/share/p/big.hard>usr/share/p/big,usr/share/p/empty," \
	"usr/share/p/script=10,usr/share/p/link->big,"

START_TEST(test_pass_order_and_writer)
{
	char *dir = make_tree();
	struct payload_source sources[] = { { dir, "", false } };
	struct record rec = { BUF_INIT, 0 };
	struct payload_writer w = { record_entry, record_data, record_end, &rec,
	    false, NULL, NULL };
	struct payload_result out;
	struct err e = ERR_INIT;

	ck_assert_int_eq(payload_pass(sources, 1, 0, &w, &out, &e), 0);
	ck_assert_str_eq(rec.log.data, tree_log);
	buf_release(&rec.log);
	payload_result_release(&out);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* A writer that, when it gets the file, makes it `delta` bytes longer
 * (or shorter) than its listing said, as a file changing under the pass. */
static off_t delta;

static int
resize_entry(void *ctx, const struct payload_file *f, bool *take_data,
    struct err *e)
{
	if (S_ISREG(f->st->st_mode) && delta != 0)
		ck_assert_int_eq(truncate(f->disk, f->st->st_size + delta), 0);
	return record_entry(ctx, f, take_data, e);
}

/* Files of exactly one read chunk (256 KiB) and one byte more are read
 * whole; one that grows or shrinks once listed is refused. */
START_TEST(test_file_read_whole_or_changed)
{
	char *dir = test_make_dir(), *big = xcalloc(1, 262145);
	struct payload_source sources[] = { { dir, "", false } };
	struct record rec = { BUF_INIT, 0 };
	struct payload_writer w = { resize_entry, record_data, record_end, &rec,
	    false, NULL, NULL };
	struct payload_result out;
	struct err e = ERR_INIT;

	test_write_bytes(dir, "chunk", big, 262144, 0644);
	test_write_bytes(dir, "more", big, 262145, 0644);
	delta = 0;
	ck_assert_int_eq(payload_pass(sources, 1, 0, &w, &out, &e), 0);
	ck_assert_str_eq(rec.log.data, ",chunk=262144,more=262145,");
	payload_result_release(&out);
	for (int i = 0; i < 4; i++) {
		static const off_t deltas[] = { 1, -1, 262144, -262144 };

		delta = deltas[i];
		test_write_bytes(dir, "chunk", big, 262144, 0644);
		test_write_bytes(dir, "more", big, 262145, 0644);
		ck_assert_int_eq(payload_pass(sources, 1, 0, &w, &out, &e), -1);
		ck_assert_ptr_nonnull(strstr(e.msg, "chunk changed while it was "
		    "packaged"));
		err_release(&e);
		payload_result_release(&out);
	}
	buf_release(&rec.log);
	test_remove_tree(dir);
	free(big);
	free(dir);
}
END_TEST

/* entry_size(): 1000 a directory, the size plus 1 else (a link's size
 * is its target's length). */
static unsigned long long
plan_size(const char *path, const struct stat *st)
{
	(void)path;
	return S_ISDIR(st->st_mode) ? 1000 : (unsigned long long)st->st_size + 1;
}

static int
plan_begin(void *ctx, unsigned long long total, struct err *e)
{
	struct record *r = ctx;

	(void)e;
	buf_addf(&r->log, "begin %llu,", total);
	return 0;
}

/* begin() comes once, before any entry, with the sum of entry_size(). */
START_TEST(test_begin_with_the_planned_size)
{
	char *dir = make_tree();
	struct payload_source sources[] = { { dir, "", false } };
	struct record rec = { BUF_INIT, 0 };
	struct payload_writer w = { record_entry, record_data, record_end,
	    &rec, false, plan_size, plan_begin };
	struct payload_result out;
	struct err e = ERR_INIT;

	ck_assert_int_eq(payload_pass(sources, 1, 0, &w, &out, &e), 0);
	/* 4 directories; a-b 6, big and big.hard 3000, empty 0, script 10,
	 * link 3 ("big"): each plus 1. */
	ck_assert_str_eq(rec.log.data, "begin 10025," tree_log);
	buf_release(&rec.log);
	payload_result_release(&out);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_installed_size_and_md5sums)
{
	char *dir = make_tree();
	struct payload_source sources[] = { { dir, "", false } };
	struct record rec = { BUF_INIT, 0 };
	struct payload_writer w = { record_entry, record_data, NULL, &rec,
	    true, NULL, NULL };
	struct payload_result out;
	struct buf sums = BUF_INIT;
	struct err e = ERR_INIT;

	ck_assert_int_eq(payload_pass(sources, 1, 0, &w, &out, &e), 0);
	/* root, usr, share, p: 4 directories; script 1; a-b 1; big 3 (its
	 * hard link not again); empty 0; link 1. */
	ck_assert_int_eq(out.installed_kib, 4 + 1 + 1 + 3 + 0 + 1);
	md5sums_text(&(struct md5sums){ &out.files, false }, &sums);
	ck_assert_str_eq(sums.data,
	    "b1946ac92492d2347c6235b4d2611184  usr/share/p/a-b\n"
	    "33d7ac42e3aa0f3146843833c23e4365  usr/share/p/big\n"
	    "33d7ac42e3aa0f3146843833c23e4365  usr/share/p/big.hard\n"
	    "d41d8cd98f00b204e9800998ecf8427e  usr/share/p/empty\n"
	    "3e2b31c72181b87149ff995e7202c0e3  usr/share/p/script\n");
	buf_release(&sums);
	ck_assert_ptr_null(out.elf_arch);
	buf_release(&rec.log);
	payload_result_release(&out);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_missing_root)
{
	struct payload_source sources[] = { { "/nonexistent/wpd", "", false } };
	struct record rec = { BUF_INIT, 0 };
	struct payload_writer w = { record_entry, record_data, NULL, &rec,
	    true, NULL, NULL };
	struct payload_result out;
	struct err e = ERR_INIT;

	ck_assert_int_eq(payload_pass(sources, 1, 0, &w, &out, &e), -1);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	ck_assert_str_eq(rec.log.data, "");
	payload_result_release(&out);
	err_release(&e);
}
END_TEST

START_TEST(test_entry_kib)
{
	ck_assert_int_eq(payload_entry_kib(S_IFDIR | 0755, 4096, false), 1);
	ck_assert_int_eq(payload_entry_kib(S_IFREG | 0644, 1025, false), 2);
	ck_assert_int_eq(payload_entry_kib(S_IFREG | 0644, 1025, true), 0);
	ck_assert_int_eq(payload_entry_kib(S_IFLNK | 0777, 3, false), 1);
}
END_TEST

/* A writer that records "path mode," (the mode in octal, "-" for a
 * made-up parent's file on disk). */
static int
mode_entry(void *ctx, const struct payload_file *f, bool *take_data,
    struct err *e)
{
	(void)e;
	(void)take_data;
	buf_addf(ctx, "%s %o%s,", f->path, (unsigned)(f->st->st_mode & 07777),
	    f->disk ? "" : "-");
	return 0;
}

/* A staging root with usr/lib (0775) and, at `wazo`, a wazo/ source. */
static void
two_sources(char **staging, char **wazo)
{
	char *lib;

	*staging = test_make_dir();
	*wazo = test_make_dir();
	test_write_file(*wazo, "plugin.yml", "name: p\n", 0644);
	lib = xasprintf("%s/usr/lib", *staging);
	test_write_file(*staging, "usr/lib/.keep", "", 0644);
	ck_assert_int_eq(chmod(lib, 0775), 0);
	free(lib);
}

START_TEST(test_staged_parents_win_over_made_up)
{
	char *staging, *wazo;
	struct buf log = BUF_INIT;
	struct payload_result out;
	struct err e = ERR_INIT;
	struct payload_writer w = { mode_entry, NULL, NULL, &log, false, NULL,
	    NULL };

	two_sources(&staging, &wazo);
	ck_assert_int_eq(chmod(staging, 0755), 0);
	ck_assert_int_eq(chmod(wazo, 0555), 0);
	struct payload_source sources[] = { { staging, "", false },
	    { wazo, "usr/lib/m/wazo", true } };

	ck_assert_int_eq(payload_pass(sources, 2, 0, &w, &out, &e), 0);
	ck_assert_str_eq(log.data, " 755,usr 755,usr/lib 775,usr/lib/.keep 644,"
	    "usr/lib/m 755-,usr/lib/m/wazo 555,usr/lib/m/wazo/plugin.yml 644,");
	buf_release(&log);
	payload_result_release(&out);
	ck_assert_int_eq(chmod(wazo, 0755), 0);
	test_remove_tree(staging);
	test_remove_tree(wazo);
	free(staging);
	free(wazo);
}
END_TEST

START_TEST(test_staged_link_on_the_prefix_is_refused)
{
	char *staging, *wazo, *link;
	struct buf log = BUF_INIT;
	struct payload_result out;
	struct err e = ERR_INIT;
	struct payload_writer w = { mode_entry, NULL, NULL, &log, false, NULL,
	    NULL };

	two_sources(&staging, &wazo);
	link = xasprintf("%s/usr/lib/m", staging);
	ck_assert_int_eq(symlink("/tmp", link), 0);
	free(link);
	struct payload_source sources[] = { { staging, "", false },
	    { wazo, "usr/lib/m/wazo", true } };

	ck_assert_int_eq(payload_pass(sources, 2, 0, &w, &out, &e), -1);
	ck_assert_int_eq(e.status, STATUS_INVALID);
	ck_assert_str_eq(e.msg, "rules package put a symbolic link at "
	    "usr/lib/m, where the plugin's metadata directory goes");
	ck_assert_str_eq(log.data, "");
	buf_release(&log);
	err_release(&e);
	payload_result_release(&out);
	test_remove_tree(staging);
	test_remove_tree(wazo);
	free(staging);
	free(wazo);
}
END_TEST

START_TEST(test_checks_before_any_entry)
{
	char *dir = test_make_dir(), *path;
	struct record rec = { BUF_INIT, 0 };
	struct payload_writer w = { record_entry, record_data, NULL, &rec,
	    false, NULL, NULL };
	struct payload_source sources[] = { { dir, "", false } };
	struct payload_result out;
	struct err e = ERR_INIT;

	test_write_file(dir, "a", "", 0644);
	test_write_file(dir, "bad\nname", "", 0644);
	ck_assert_int_eq(payload_pass(sources, 1, 0, &w, &out, &e), -1);
	ck_assert_int_eq(e.status, STATUS_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "\"/bad\\nname\""));
	ck_assert_str_eq(rec.log.data, "");
	err_release(&e);
	payload_result_release(&out);
	path = xasprintf("%s/bad\nname", dir);
	ck_assert_int_eq(unlink(path), 0);
	free(path);
	test_write_file(dir, "su", "", 0644);
	path = xasprintf("%s/su", dir);
	ck_assert_int_eq(chmod(path, 04755), 0);
	free(path);
	ck_assert_int_eq(payload_pass(sources, 1, 0, &w, &out, &e), 0);
	ck_assert_uint_eq(out.nwarnings, 1);
	ck_assert_str_eq(out.warnings[0],
	    "/su is setuid (mode 4755) in the package");
	payload_result_release(&out);
	buf_release(&rec.log);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* A file of a guarded source hard-linked to one outside every source. */
START_TEST(test_guarded_link_outside_refused)
{
	char *dir = test_make_dir(), *wazo = xasprintf("%s/wazo", dir);
	char *outside = xasprintf("%s/secret", dir);
	char *inside = xasprintf("%s/wazo/plugin.yml", dir);
	struct record rec = { BUF_INIT, 0 };
	struct payload_writer w = { record_entry, record_data, NULL, &rec,
	    false, NULL, NULL };
	struct payload_source guarded[] = { { wazo, "opt/w", true } };
	struct payload_source open_[] = { { wazo, "opt/w", false } };
	struct payload_result out;
	struct err e = ERR_INIT;

	test_write_file(dir, "secret", "root:x:0:\n", 0600);
	ck_assert_int_eq(mkdir(wazo, 0755), 0);
	ck_assert_int_eq(link(outside, inside), 0);
	ck_assert_int_eq(payload_pass(guarded, 1, 0, &w, &out, &e), -1);
	ck_assert_int_eq(e.status, STATUS_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "/opt/w/plugin.yml is a hard link "
	    "to a file outside the plugin's tree (2 links, 1 in the "
	    "package)"));
	ck_assert_str_eq(rec.log.data, "");
	err_release(&e);
	payload_result_release(&out);
	ck_assert_int_eq(payload_pass(open_, 1, 0, &w, &out, &e), 0);
	payload_result_release(&out);
	buf_release(&rec.log);
	test_remove_tree(dir);
	free(dir);
	free(wazo);
	free(outside);
	free(inside);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("payload");
	TCase *tc = tcase_create("payload");

	tcase_add_test(tc, test_pass_order_and_writer);
	tcase_add_test(tc, test_file_read_whole_or_changed);
	tcase_add_test(tc, test_installed_size_and_md5sums);
	tcase_add_test(tc, test_begin_with_the_planned_size);
	tcase_add_test(tc, test_missing_root);
	tcase_add_test(tc, test_entry_kib);
	tcase_add_test(tc, test_staged_parents_win_over_made_up);
	tcase_add_test(tc, test_staged_link_on_the_prefix_is_refused);
	tcase_add_test(tc, test_checks_before_any_entry);
	tcase_add_test(tc, test_guarded_link_outside_refused);
	suite_add_tcase(s, tc);
	return s;
}
