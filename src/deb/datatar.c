/* datatar: a .deb's data member, streamed from the staged files. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <md5.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "deb/datatar.h"
#include "deb/elfarch.h"
#include "base/file.h"
#include "base/dirtree.h"
#include "deb/payload.h"
#include "base/process.h"
#include "deb/tarwriter.h"

#define CHUNK (256 * 1024)

/* One entry of the package, kept small: a large tree has many. */
struct item {
	char *path;		/* in the package, no leading "./" */
	/* Where it comes from, or NULL for a directory made up here. */
	const struct datatar_source *source;
	mode_t mode;
	nlink_t nlink;
	off_t size;
	dev_t dev;
	ino_t ino;
	size_t order;		/* the source's rank, then the scan's */
};

struct items {
	struct item *v;
	size_t count;
	size_t cap;
};

static void
add_item(struct items *items, char *path,
    const struct datatar_source *source, const struct stat *st)
{
	if (items->count == items->cap) {
		items->cap = items->cap ? items->cap * 2 : 256;
		items->v = xreallocarray(items->v, items->cap, sizeof(*items->v));
	}
	items->v[items->count] = (struct item){ path, source, st->st_mode,
	    st->st_nlink, st->st_size, st->st_dev, st->st_ino, items->count };
	items->count++;
}

/* The item's file on disk; the caller frees it. */
static char *
disk_path(const struct item *it)
{
	const char *prefix = it->source->prefix, *rel = it->path;
	size_t len = strlen(prefix);

	if (len > 0)
		rel += it->path[len] == '/' ? len + 1 : len;
	return file_join(it->source->root, rel);
}

/* The item as a struct stat, for the tar writer. */
static struct stat
item_stat(const struct item *it)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mode = it->mode;
	st.st_nlink = it->nlink;
	st.st_size = it->size;
	st.st_dev = it->dev;
	st.st_ino = it->ino;
	return st;
}

/* The directories above `prefix`, made up as plain 0755 directories. */
static void
add_parents(struct items *items, const char *prefix, time_t mtime)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFDIR | 0755;
	st.st_nlink = 1;
	st.st_mtime = mtime;
	add_item(items, xstrdup(""), NULL, &st);
	for (const char *p = prefix; (p = strchr(p, '/')) != NULL; p++)
		add_item(items, xstrndup(prefix, (size_t)(p - prefix)), NULL, &st);
}

static int
scan_source(struct items *items, const struct datatar_source *src,
    time_t mtime, struct err *e)
{
	struct dirtree_list scanned;

	if (dirtree_list(src->root, &scanned, e) < 0)
		return -1;
	if (src->prefix[0] != '\0')
		add_parents(items, src->prefix, mtime);
	for (size_t i = 0; i < scanned.count; i++) {
		const char *rel = scanned.entries[i].path;
		char *path = src->prefix[0] == '\0' ? xstrdup(rel) :
		    rel[0] == '\0' ? xstrdup(src->prefix) :
		    xasprintf("%s/%s", src->prefix, rel);

		add_item(items, path, src, &scanned.entries[i].st);
	}
	dirtree_list_release(&scanned);
	return 0;
}

static int
compare_items(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

/* Sorts by path; of entries with the same path, the last one stays. */
static void
sort_and_merge(struct items *items)
{
	size_t kept = 0;

	qsort(items->v, items->count, sizeof(*items->v), compare_items);
	for (size_t i = 0; i < items->count; i++) {
		if (i + 1 < items->count &&
		    strcmp(items->v[i].path, items->v[i + 1].path) == 0) {
			free(items->v[i].path);
			continue;
		}
		items->v[kept++] = items->v[i];
	}
	items->count = kept;
}

/* Hard-linked files: their digest, to list every name in md5sums. */
struct digest {
	dev_t dev;
	ino_t ino;
	char hex[MD5_DIGEST_STRING_LENGTH];
};

struct pass {
	struct tarwriter *tw;
	struct datatar_result *out;
	struct elfarch *elf;
	struct digest *digests;
	size_t ndigests;
	unsigned char *chunk;
};

static void
note_arch(struct pass *p, const char *arch, const char *path)
{
	if (arch == NULL)
		return;
	if (p->out->elf_arch == NULL) {
		p->out->elf_arch = arch;
		p->out->elf_path = xstrdup(path);
	} else if (strcmp(p->out->elf_arch, arch) != 0) {
		p->out->mixed_arches = true;
	}
}

/* Streams a regular file's contents into the tar; its MD5 into `hex`. */
static int
stream_file(struct pass *p, const struct item *it, const char *disk,
    char *hex, struct err *e)
{
	int fd = open(disk, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	off_t total = 0;
	MD5_CTX md5;
	ssize_t n;

	if (fd < 0)
		return err_errno(e, "cannot read %s", disk);
	MD5Init(&md5);
	while ((n = read(fd, p->chunk, CHUNK)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || total + n > it->size) {
			close(fd);
			return n < 0 ? err_errno(e, "cannot read %s", disk) :
			    err_set(e, STATUS_SYSTEM, "%s changed while it was "
			    "packaged", disk);
		}
		if (total == 0)
			note_arch(p, elfarch_detect(p->elf, p->chunk, (size_t)n),
			    it->path);
		MD5Update(&md5, p->chunk, (size_t)n);
		if (tarwriter_data(p->tw, p->chunk, (size_t)n, e) < 0) {
			close(fd);
			return -1;
		}
		total += n;
	}
	close(fd);
	if (total != it->size)
		return err_set(e, STATUS_SYSTEM, "%s changed while it was "
		    "packaged", disk);
	MD5End(&md5, hex);
	return 0;
}

static const char *
known_digest(const struct pass *p, const struct stat *st)
{
	for (size_t i = 0; i < p->ndigests; i++)
		if (p->digests[i].dev == st->st_dev &&
		    p->digests[i].ino == st->st_ino)
			return p->digests[i].hex;
	return NULL;
}

static void
remember_digest(struct pass *p, const struct stat *st, const char *hex)
{
	p->digests = xreallocarray(p->digests, p->ndigests + 1,
	    sizeof(*p->digests));
	p->digests[p->ndigests].dev = st->st_dev;
	p->digests[p->ndigests].ino = st->st_ino;
	memcpy(p->digests[p->ndigests].hex, hex, MD5_DIGEST_STRING_LENGTH);
	p->ndigests++;
}

static int
write_entry(struct pass *p, const struct item *it, const char *disk,
    struct err *e)
{
	char target[4096], hex[MD5_DIGEST_STRING_LENGTH];
	struct stat st = item_stat(it);
	const char *known = NULL;
	int is_link = 0;
	ssize_t n = 0;

	if (S_ISLNK(it->mode)) {
		n = readlink(disk, target, sizeof(target) - 1);
		if (n < 0)
			return err_errno(e, "cannot read the link %s", disk);
		target[n] = '\0';
	} else if (!S_ISREG(it->mode) && !S_ISDIR(it->mode)) {
		return err_set(e, STATUS_INVALID, "%s: only files, directories "
		    "and symbolic links can go into a package", disk);
	}
	if (S_ISREG(it->mode) && it->nlink > 1)
		known = known_digest(p, &st);
	p->out->installed_kib += payload_entry_kib(it->mode, it->size,
	    known != NULL);
	if (tarwriter_entry(p->tw, it->path, &st, target, &is_link, e) < 0)
		return -1;
	if (!S_ISREG(it->mode))
		return 0;
	if (!is_link) {
		if (stream_file(p, it, disk, hex, e) < 0)
			return -1;
		if (it->nlink > 1)
			remember_digest(p, &st, hex);
		known = hex;
	}
	buf_addf(&p->out->md5sums, "%s  %s\n", known ? known : hex, it->path);
	return 0;
}

static int
write_item(struct pass *p, const struct item *it, struct err *e)
{
	char *disk = it->source ? disk_path(it) : xstrdup("(made up)");
	int r = write_entry(p, it, disk, e);

	free(disk);
	return r;
}

int
datatar_write(int fd, const struct datatar_source *sources, size_t nsources,
    const struct compress_options *o, time_t mtime,
    struct datatar_result *out, struct err *e)
{
	struct items items = { NULL, 0, 0 };
	struct pass p = { NULL, out, NULL, NULL, 0, NULL };
	int r = 0;

	memset(out, 0, sizeof(*out));
	buf_init(&out->md5sums);
	for (size_t i = 0; r == 0 && i < nsources; i++)
		r = scan_source(&items, &sources[i], mtime, e);
	if (r == 0) {
		sort_and_merge(&items);
		p.tw = tarwriter_open(fd, o, mtime, e);
		r = p.tw ? 0 : -1;
	}
	p.elf = elfarch_new();
	p.chunk = xmalloc(CHUNK);
	/* As dpkg-deb does, symbolic links go last, after what they may
	 * point to. */
	for (int links = 0; links < 2; links++) {
		for (size_t i = 0; r == 0 && i < items.count; i++) {
			if (S_ISLNK(items.v[i].mode) != links)
				continue;
			r = write_item(&p, &items.v[i], e);
			if (r == 0)
				r = process_check_interrupted(e);
		}
	}
	if (p.tw != NULL && tarwriter_close(p.tw, e) < 0)
		r = -1;
	for (size_t i = 0; i < items.count; i++)
		free(items.v[i].path);
	free(items.v);
	free(p.chunk);
	free(p.digests);
	elfarch_free(p.elf);
	return r;
}

void
datatar_result_release(struct datatar_result *r)
{
	buf_release(&r->md5sums);
	free(r->elf_path);
	r->elf_path = NULL;
}
