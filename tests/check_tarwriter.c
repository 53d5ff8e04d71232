/* Tests of tarwriter: what it writes, read back with libarchive. */
#include <config.h>

#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "check_main.h"
#include "deb/tarwriter.h"

/* "TYPE+PERMISSIONS UID/GID USER/GROUP MTIME SIZE PATH [-> LINK]" lines;
 * TYPE is d, l, h (hard link) or - (file). */
static char *
listing(FILE *f)
{
	struct archive *a = archive_read_new();
	struct archive_entry *entry;
	struct buf out = BUF_INIT;

	rewind(f);
	archive_read_support_format_tar(a);
	archive_read_support_filter_all(a);
	ck_assert_int_eq(archive_read_open_FILE(a, f), ARCHIVE_OK);
	while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
		const char *link = archive_entry_hardlink(entry);
		char type = link ? 'h' : archive_entry_filetype(entry) ==
		    AE_IFDIR ? 'd' : archive_entry_filetype(entry) == AE_IFLNK ?
		    'l' : '-';

		if (link == NULL)
			link = archive_entry_symlink(entry);
		buf_addf(&out, "%c%o %lld/%lld %s/%s %lld %lld %s%s%s\n", type,
		    (unsigned)archive_entry_perm(entry),
		    (long long)archive_entry_uid(entry),
		    (long long)archive_entry_gid(entry),
		    archive_entry_uname(entry), archive_entry_gname(entry),
		    (long long)archive_entry_mtime(entry),
		    (long long)archive_entry_size(entry),
		    archive_entry_pathname(entry), link ? " -> " : "",
		    link ? link : "");
	}
	ck_assert_int_eq(archive_read_free(a), ARCHIVE_OK);
	return buf_detach(&out);
}

START_TEST(test_entries)
{
	struct compress_options o = { COMPRESS_GZIP, 9, 1, 0 };
	struct err e = ERR_INIT;
	FILE *f = tmpfile();
	struct tarwriter *tw = tarwriter_open(fileno(f), "member", &o,
	    1700000000, &e);
	struct stat st;
	int is_link;
	char *got, *longname = xmalloc(301);

	ck_assert_ptr_nonnull(tw);
	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFDIR | 0755;
	ck_assert_int_eq(tarwriter_entry(tw, "", &st, NULL, &is_link, &e), 0);
	ck_assert_int_eq(tarwriter_entry(tw, "usr", &st, NULL, &is_link, &e), 0);
	st.st_mode = S_IFREG | 04755;
	st.st_size = 3;
	st.st_nlink = 2;
	st.st_dev = 1;
	st.st_ino = 42;
	ck_assert_int_eq(tarwriter_entry(tw, "usr/a", &st, NULL, &is_link, &e), 0);
	ck_assert_int_eq(is_link, 0);
	ck_assert_int_eq(tarwriter_data(tw, "abc", 3, &e), 0);
	ck_assert_int_eq(tarwriter_entry(tw, "usr/b", &st, NULL, &is_link, &e), 0);
	ck_assert_int_eq(is_link, 1);
	st.st_mode = S_IFLNK | 0777;
	st.st_size = 1;
	st.st_nlink = 1;
	ck_assert_int_eq(tarwriter_entry(tw, "usr/l", &st, "a", &is_link, &e), 0);
	memset(longname, 'x', 300);
	longname[300] = '\0';
	ck_assert_int_eq(tarwriter_file(tw, longname, 0644, "", 0, &e), 0);
	ck_assert_int_eq(tarwriter_close(tw, &e), 0);
	got = listing(f);
	{
		char *want = xasprintf(
		    "d755 0/0 root/root 1700000000 0 ./\n"
		    "d755 0/0 root/root 1700000000 0 ./usr/\n"
		    "-4755 0/0 root/root 1700000000 3 ./usr/a\n"
		    "h4755 0/0 root/root 1700000000 0 ./usr/b -> ./usr/a\n"
		    "l777 0/0 root/root 1700000000 0 ./usr/l -> a\n"
		    "-644 0/0 root/root 1700000000 0 ./%s\n", longname);

		ck_assert_str_eq(got, want);
		free(want);
	}
	free(got);
	free(longname);
	fclose(f);
}
END_TEST

START_TEST(test_gnu_format_no_pax)
{
	struct compress_options o = { COMPRESS_NONE, 0, 1, 0 };
	struct err e = ERR_INIT;
	FILE *f = tmpfile();
	struct tarwriter *tw = tarwriter_open(fileno(f), "member", &o, 0, &e);
	char header[512], name[200];

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	ck_assert_int_eq(tarwriter_file(tw, name, 0644, "x", 1, &e), 0);
	ck_assert_int_eq(tarwriter_close(tw, &e), 0);
	rewind(f);
	ck_assert_uint_eq(fread(header, 1, sizeof(header), f), sizeof(header));
	/* A GNU long-name record, never a pax 'x' header (dpkg refuses). */
	ck_assert_str_eq(header, "././@LongLink");
	ck_assert_int_eq(header[156], 'L');
	ck_assert_int_eq(memcmp(header + 257, "ustar  ", 8), 0);
	fclose(f);
}
END_TEST

/* tarwriter_entry_size() and tarwriter_stream_size() give the stream's
 * size exactly for short and long names, long link targets, data with and
 * without padding; at most a long-name record more at 100 bytes. */
START_TEST(test_sizes)
{
	struct compress_options o = { COMPRESS_NONE, 0, 1, 0 };
	struct err e = ERR_INIT;
	FILE *f = tmpfile();
	struct tarwriter *tw = tarwriter_open(fileno(f), "member", &o, 0, &e);
	char name[300], target[200], data[1500];
	unsigned long long sum = 0;
	struct stat st;
	int is_link;
	long written;

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	memset(target, 't', sizeof(target) - 1);
	target[sizeof(target) - 1] = '\0';
	memset(data, 'd', sizeof(data));
	memset(&st, 0, sizeof(st));
	st.st_nlink = 1;
	st.st_mode = S_IFDIR | 0755;
	sum += tarwriter_entry_size("", &st);
	ck_assert_int_eq(tarwriter_entry(tw, "", &st, NULL, &is_link, &e), 0);
	sum += tarwriter_entry_size(name, &st);
	ck_assert_int_eq(tarwriter_entry(tw, name, &st, NULL, &is_link, &e), 0);
	st.st_mode = S_IFLNK | 0777;
	st.st_size = (off_t)strlen(target);
	sum += tarwriter_entry_size("l", &st);
	ck_assert_int_eq(tarwriter_entry(tw, "l", &st, target, &is_link, &e), 0);
	for (size_t len = 0; len <= sizeof(data); len += 500) {
		name[len / 10 + 1] = '\0';
		st.st_mode = S_IFREG | 0644;
		st.st_size = (off_t)len;
		sum += tarwriter_entry_size(name, &st);
		ck_assert_int_eq(tarwriter_file(tw, name, 0644, data, len, &e), 0);
		name[len / 10 + 1] = 'n';
	}
	ck_assert_int_eq(tarwriter_close(tw, &e), 0);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	written = ftell(f);
	ck_assert_uint_eq(tarwriter_stream_size(sum), (unsigned long long)written);
	fclose(f);
	/* "./" and 98 bytes: 100, at the limit; counted as a long name. */
	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFREG | 0644;
	name[98] = '\0';
	ck_assert_uint_eq(tarwriter_entry_size(name, &st), 512 + 512 + 512);
	name[97] = '\0';
	ck_assert_uint_eq(tarwriter_entry_size(name, &st), 512);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("tarwriter");
	TCase *tc = tcase_create("tarwriter");

	tcase_add_test(tc, test_entries);
	tcase_add_test(tc, test_gnu_format_no_pax);
	tcase_add_test(tc, test_sizes);
	suite_add_tcase(s, tc);
	return s;
}
