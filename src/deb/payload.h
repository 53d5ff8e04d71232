/* payload: the files a package installs, listed from its staging tree:
 * Installed-Size as dpkg-gencontrol computes it, DEBIAN/md5sums as
 * dh_md5sums writes it. */
#ifndef WPD_PAYLOAD_H
#define WPD_PAYLOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/dirtree.h"
#include "base/err.h"

/* The sum, in KiB, over every entry (the root and DEBIAN/ included, but
 * not DEBIAN/control and DEBIAN/md5sums, which dpkg-gencontrol does not
 * see) of: a regular file's or a symbolic link's size rounded up (a file
 * with several hard links counted once), 1 for anything else. */
long long payload_installed_size(const struct dirtree_list *p);

/* One entry's share of Installed-Size, by dpkg-gencontrol's rule: a
 * regular file's or a symbolic link's size in KiB rounded up (0 when a
 * hard link to it was counted already), 1 for anything else. */
long long payload_entry_kib(mode_t mode, off_t size, bool counted_already);

/* "MD5  PATH\n" for every regular file outside DEBIAN/, in path order. */
int payload_md5sums(const char *root, const struct dirtree_list *p,
    struct buf *out, struct err *e);

#endif
