/* payload: the files a package installs, described once as a list of
 * sources (the staging root, the plugin's wazo/ at its metadata path),
 * and the one pass over their sorted entries that computes each regular
 * file's MD5 digest (for md5sums, md5sums.h), Installed-Size (as
 * dpkg-gencontrol counts it) and the compiled objects' architecture,
 * while a writer takes each entry: data.tar (datatar.h) or a package tree
 * (treewriter.h). */
#ifndef WPD_PAYLOAD_H
#define WPD_PAYLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <time.h>

#include "base/err.h"
#include "deb/payload_list.h"

/* A directory whose contents go into the package under `prefix` (""
 * for the package's root, else a relative path whose parent directories
 * are added as needed, as plain 0755 directories, where no source has
 * them). A later source's entry replaces an earlier one's of the same
 * path, as copying it over would; but where a later source needs a
 * directory (a parent or one of its own), an earlier source's file or
 * symbolic link is refused (STATUS_INVALID), never written through nor
 * replaced. With `links_inside`, a regular file of the source whose
 * hard links are not all in the package is refused (STATUS_INVALID):
 * the plugin's own tree, whose files must be the plugin's. */
struct payload_source {
	const char *root;
	const char *prefix;
	bool links_inside;
};

/* One entry, as the pass hands it to the writer; valid during the call. */
struct payload_file {
	const char *path;	/* in the package; "" is the root, no "./" */
	const char *disk;	/* its file, or NULL for a made-up parent */
	size_t source;		/* its source's index (a made-up parent: the
				 * source it leads to) */
	const struct stat *st;	/* type, mode, size, nlink, dev, ino, mtime */
	const char *target;	/* a symbolic link's target, else NULL */
	/* A regular file with several links whose data was seen already
	 * under another name: that name; else NULL. */
	const char *link_to;
};

/*
 * What takes the entries, in order: every path sorted, symbolic links
 * last (after what they may point to, as dpkg-deb does). entry() sets
 * *take_data (false on entry) to receive a regular file's contents:
 * data() calls, st_size bytes in all, then end_file() (when not NULL).
 * Each returns 0, or -1 with `e` set, which stops the pass. With
 * `wants_arch`, the pass looks for compiled objects (libmagic, for files
 * that start as ELF does); without, the result's elf_* stay unset.
 */
struct payload_writer {
	int (*entry)(void *ctx, const struct payload_file *f, bool *take_data,
	    struct err *e);
	int (*data)(void *ctx, const void *chunk, size_t len, struct err *e);
	int (*end_file)(void *ctx, struct err *e);
	void *ctx;
	bool wants_arch;
	/* When not NULL: before the first entry, begin() gets the sum of
	 * entry_size() over every entry (st as entry() gets it, before any
	 * file is read), e.g. to size a compressor to what will come. */
	unsigned long long (*entry_size)(const char *path,
	    const struct stat *st);
	int (*begin)(void *ctx, unsigned long long total, struct err *e);
};

struct payload_result {
	struct payload_list files;	/* the entries, with the regular
					 * files' digests (md5sums.h) */
	long long installed_kib;	/* as dpkg-gencontrol counts, DEBIAN/ aside */
	const char *elf_arch;		/* the first compiled object's, or NULL */
	char *elf_path;			/* that object, in the package */
	bool mixed_arches;		/* objects of several architectures */
	char **warnings;		/* payload_check_mode()'s, in order */
	size_t nwarnings;
};

/*
 * Lists the sources (at most 65535), merges and sorts their entries, and
 * reads each regular file once, for its digest and for the writer. Only
 * files, directories and symbolic links may be there, no file or link
 * where a later source needs a directory, no path payload_check_path()
 * refuses, no hard link it refuses (STATUS_INVALID): checked before the
 * writer gets any entry, with the modes' warnings noted in `out`.
 * Made-up parents get `mtime`. Stops at a signal trapped by
 * process_trap_signals(). Release `out` after use, also after an error.
 */
int payload_pass(const struct payload_source *sources, size_t nsources,
    time_t mtime, const struct payload_writer *w, struct payload_result *out,
    struct err *e);
void payload_result_release(struct payload_result *r);

/* One entry's share of Installed-Size, by dpkg-gencontrol's rule: a
 * regular file's or a symbolic link's size in KiB rounded up (0 when a
 * hard link to it was counted already), 1 for anything else. */
long long payload_entry_kib(mode_t mode, off_t size, bool counted_already);

#endif
