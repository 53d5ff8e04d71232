/* fuzz_archive: libFuzzer entry point over archive sources: arbitrary
 * bytes as a plugin archive, opened (unpacked with every hostile-entry
 * check) and closed, which removes what was unpacked. */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "source/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Small limits: the fuzzer should find bugs, not fill the disk. */
	struct source_request r = { NULL, NULL, NULL,
	    { 4 * 1024 * 1024, 1000, 200 } };
	char path[] = "/tmp/fuzz-archive-XXXXXX";
	struct err e = ERR_INIT;
	struct source s;
	int fd = mkstemp(path);

	if (fd < 0)
		return 0;
	if (write(fd, data, size) == (ssize_t)size) {
		r.spec = path;
		if (source_open(&s, &r, &e) == 0)
			source_close(&s);
	}
	close(fd);
	unlink(path);
	err_release(&e);
	return 0;
}
