/* payload: the files a package installs, scanned from its staging tree. */
#include <config.h>

#include <errno.h>
#include <md5.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/dirtree.h"
#include "base/file.h"
#include "deb/payload.h"

/* Whether an earlier entry is a hard link to the same file. */
static bool
counted_before(const struct dirtree_list *p, size_t i)
{
	if (p->entries[i].st.st_nlink < 2)
		return false;
	for (size_t j = 0; j < i; j++)
		if (p->entries[j].st.st_ino == p->entries[i].st.st_ino &&
		    p->entries[j].st.st_dev == p->entries[i].st.st_dev)
			return true;
	return false;
}

long long
payload_installed_size(const struct dirtree_list *p)
{
	long long kib = 0;

	for (size_t i = 0; i < p->count; i++) {
		const struct stat *st = &p->entries[i].st;

		/* dpkg-gencontrol runs before these two are written. */
		if (strcmp(p->entries[i].path, "DEBIAN/control") == 0 ||
		    strcmp(p->entries[i].path, "DEBIAN/md5sums") == 0)
			continue;

		kib += payload_entry_kib(st->st_mode, st->st_size,
		    (S_ISREG(st->st_mode) || S_ISLNK(st->st_mode)) &&
		    counted_before(p, i));
	}
	return kib;
}

long long
payload_entry_kib(mode_t mode, off_t size, bool counted_already)
{
	if (!S_ISREG(mode) && !S_ISLNK(mode))
		return 1;
	return counted_already ? 0 : ((long long)size + 1023) / 1024;
}

static bool
in_debian_dir(const char *path)
{
	return strcmp(path, "DEBIAN") == 0 || strncmp(path, "DEBIAN/", 7) == 0;
}

int
payload_md5sums(const char *root, const struct dirtree_list *p, struct buf *out,
    struct err *e)
{
	for (size_t i = 0; i < p->count; i++) {
		const struct dirtree_entry *entry = &p->entries[i];
		char *path, *digest;

		if (!S_ISREG(entry->st.st_mode) || in_debian_dir(entry->path))
			continue;
		path = file_join(root, entry->path);
		digest = MD5File(path, NULL);
		if (digest == NULL) {
			err_errno(e, "cannot read %s", path);
			free(path);
			return -1;
		}
		buf_addf(out, "%s  %s\n", digest, entry->path);
		free(digest);
		free(path);
	}
	return 0;
}
