/* Tests of elfarch: compiled objects and their Debian architecture. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "check_main.h"
#include "deb/elfarch.h"
#include "base/file.h"

/* A minimal ELF executable header for a machine. */
static void
header(unsigned char *h, int wide, int little, unsigned machine,
    unsigned flags)
{
	memset(h, 0, 64);
	memcpy(h, "\x7f" "ELF", 4);
	h[4] = wide ? 2 : 1;
	h[5] = little ? 1 : 2;
	h[6] = 1;
	h[little ? 16 : 17] = 2;	/* ET_EXEC */
	h[little ? 18 : 19] = (unsigned char)(machine & 0xff);
	h[little ? 19 : 18] = (unsigned char)(machine >> 8);
	h[little ? 20 : 23] = 1;	/* EV_CURRENT */
	{
		unsigned off = wide ? 48 : 36;

		h[off + (little ? 1 : 2)] = (unsigned char)(flags >> 8);
	}
}

static const struct {
	int wide, little;
	unsigned machine, flags;
	const char *arch;
} machines[] = {
	{ 1, 1, 62, 0, "amd64" },
	{ 0, 1, 3, 0, "i386" },
	{ 1, 1, 183, 0, "arm64" },
	{ 0, 1, 40, 0x400, "armhf" },
	{ 0, 1, 40, 0, "armel" },
	{ 1, 1, 21, 0, "ppc64el" },
	{ 1, 0, 22, 0, "s390x" },
	{ 1, 1, 243, 0, "riscv64" },
	{ 1, 1, 8, 0, "mips64el" },
	{ 1, 1, 258, 0, "loong64" },
	{ 1, 1, 999, 0, "unknown" },
};

START_TEST(test_machines)
{
	struct elfarch *d = elfarch_new();
	unsigned char h[64];
	const char *arch;

	header(h, machines[_i].wide, machines[_i].little, machines[_i].machine,
	    machines[_i].flags);
	arch = elfarch_detect(d, h, sizeof(h));
	ck_assert_ptr_nonnull(arch);
	ck_assert_str_eq(arch, machines[_i].arch);
	elfarch_free(d);
}
END_TEST

START_TEST(test_this_machine_and_non_objects)
{
	struct elfarch *d = elfarch_new();
	struct buf true_bin = BUF_INIT;
	struct err e = ERR_INIT;
	FILE *p = popen("dpkg --print-architecture", "r");
	char arch[64] = "";
	unsigned char h[64];

	ck_assert_ptr_nonnull(fgets(arch, sizeof(arch), p));
	pclose(p);
	arch[strcspn(arch, "\n")] = '\0';
	ck_assert_int_eq(file_read("/bin/true", 65536, &true_bin, NULL, &e), 0);
	ck_assert_str_eq(elfarch_detect(d, true_bin.data, true_bin.len), arch);
	ck_assert_ptr_null(elfarch_detect(d, "#!/bin/sh\necho hello world, "
	    "this is no object at all\n", 50));
	ck_assert_ptr_null(elfarch_detect(d, "\x7f" "ELF", 4));
	/* ELF-looking bytes that are no object (a core file type). */
	header(h, 1, 1, 62, 0);
	h[16] = 4;
	ck_assert_ptr_null(elfarch_detect(d, h, sizeof(h)));
	buf_release(&true_bin);
	elfarch_free(d);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("elfarch");
	TCase *tc = tcase_create("elfarch");

	tcase_add_loop_test(tc, test_machines, 0,
	    sizeof(machines) / sizeof(machines[0]));
	tcase_add_test(tc, test_this_machine_and_non_objects);
	suite_add_tcase(s, tc);
	return s;
}
