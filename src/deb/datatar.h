/* datatar: a .deb's data member, streamed from the staged files in one
 * pass that also computes md5sums, Installed-Size and the architecture
 * of any compiled object, without copying the files anywhere first. */
#ifndef WPD_DATATAR_H
#define WPD_DATATAR_H

#include <stdbool.h>
#include <time.h>

#include "base/buf.h"
#include "deb/compress.h"
#include "base/err.h"

/* A directory whose contents go into the package under `prefix` (""
 * for the package's root, else a relative path whose parent directories
 * are added as needed). A later source's entry replaces an earlier one's
 * of the same path, as copying it over would. */
struct datatar_source {
	const char *root;
	const char *prefix;
};

struct datatar_result {
	struct buf md5sums;		/* as dh_md5sums writes them */
	long long installed_kib;	/* as dpkg-gencontrol counts, DEBIAN/ aside */
	const char *elf_arch;		/* the first compiled object's, or NULL */
	char *elf_path;			/* that object, in the package */
	bool mixed_arches;		/* objects of several architectures */
};

/* Writes data.tar, compressed, into `fd`. Release `out` after use. */
int datatar_write(int fd, const struct datatar_source *sources,
    size_t nsources, const struct compress_options *o, time_t mtime,
    struct datatar_result *out, struct err *e);
void datatar_result_release(struct datatar_result *r);

#endif
