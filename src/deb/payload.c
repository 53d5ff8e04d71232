/* payload: the package's files, and the one pass over them. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <md5.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/dirtree.h"
#include "base/file.h"
#include "base/process.h"
#include "deb/elfarch.h"
#include "deb/payload.h"
#include "deb/payload_check.h"

#define CHUNK (256 * 1024)

/* The list being made, with the source being listed. */
struct items {
	struct payload_list *list;
	const struct payload_source *scanned;	/* the source being listed */
	size_t source;				/* its index */
};

/* The directories above `prefix`, made up as plain 0755 directories. */
static void
add_parents(struct payload_list *l, size_t source, const char *prefix,
    time_t mtime)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFDIR | 0755;
	st.st_nlink = 1;
	st.st_mtime = mtime;
	payload_list_add(l, arena_strdup(&l->paths, ""), source, true, &st);
	for (const char *p = prefix; (p = strchr(p, '/')) != NULL; p++)
		payload_list_add(l, arena_strndup(&l->paths, prefix,
		    (size_t)(p - prefix)), source, true, &st);
}

/* An entry as the walk finds it: the list sorts them all at once later. */
static int
scan_entry(const char *rel, const struct stat *st, void *ctx, struct err *e)
{
	struct items *items = ctx;

	(void)e;
	payload_list_add(items->list, arena_join(&items->list->paths,
	    items->scanned->prefix, rel), items->source, false, st);
	return 0;
}

static int
scan_source(struct items *items, const struct payload_source *sources,
    size_t source, time_t mtime, struct err *e)
{
	const struct payload_source *src = &sources[source];

	items->scanned = src;
	items->source = source;
	if (src->prefix[0] != '\0')
		add_parents(items->list, source, src->prefix, mtime);
	return dirtree_walk(src->root, scan_entry, items, e);
}

static void
note_warning(struct payload_result *out, char *message)
{
	if (message == NULL)
		return;
	out->warnings = xreallocarray(out->warnings, out->nwarnings + 1,
	    sizeof(*out->warnings));
	out->warnings[out->nwarnings++] = message;
}

/* The merged entries judged (payload_check.h) before any is written:
 * names, hard links leaving a guarded source, and modes. */
static int
check_items(const struct payload_list *items,
    const struct payload_source *sources,
    struct payload_result *out, struct err *e)
{
	struct payload_check_inode *linked = NULL;
	size_t nlinked = 0;
	int r = 0;

	for (size_t i = 0; r == 0 && i < items->count; i++) {
		const struct payload_item *it = &items->v[i];

		r = payload_check_path(it->path, e);
		if (!it->made_up)
			note_warning(out, payload_check_mode(it->path, it->mode));
		if (!S_ISREG(it->mode) || it->nlink < 2)
			continue;
		linked = xreallocarray(linked, nlinked + 1, sizeof(*linked));
		linked[nlinked++] = (struct payload_check_inode){ it->dev,
		    it->ino, it->nlink, it->path,
		    sources[it->source].links_inside };
	}
	if (r == 0)
		r = payload_check_links(linked, nlinked, e);
	free(linked);
	return r;
}

/* Hard-linked files: their digest, for every name in md5sums. */
struct digest {
	dev_t dev;
	ino_t ino;
	unsigned char md5[PAYLOAD_MD5_LEN];
	const char *path;	/* the first name seen (the list's) */
};

struct pass {
	const struct payload_source *sources;
	const struct payload_writer *w;
	struct payload_result *out;
	struct elfarch *elf;
	struct digest *digests;
	size_t ndigests;
	unsigned char *chunk;
};

/* The item's file on disk; the caller frees it. */
static char *
disk_path(const struct pass *p, const struct payload_item *it)
{
	const struct payload_source *src = &p->sources[it->source];
	const char *rel = it->path;
	size_t len = strlen(src->prefix);

	if (len > 0)
		rel += it->path[len] == '/' ? len + 1 : len;
	return file_join(src->root, rel);
}

/* The item as a struct stat, for the writer. */
static struct stat
item_stat(const struct payload_item *it)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mode = it->mode;
	st.st_nlink = it->nlink;
	st.st_size = it->size;
	st.st_dev = it->dev;
	st.st_ino = it->ino;
	st.st_mtime = it->mtime;
	return st;
}

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

static int
changed(const char *disk, struct err *e)
{
	return err_set(e, STATUS_SYSTEM, "%s changed while it was packaged",
	    disk);
}

/* Reads a regular file once: its MD5 digest into `md5`, its architecture noted,
 * its contents to the writer when it `take`s them. */
static int
read_file(struct pass *p, const struct payload_item *it, const char *disk, bool take,
    unsigned char *md5, struct err *e)
{
	int fd = open(disk, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), r = 0;
	off_t total = 0;
	MD5_CTX ctx;
	ssize_t n;

	if (fd < 0)
		return err_errno(e, "cannot read %s", disk);
	MD5Init(&ctx);
	while (r == 0 && (n = read(fd, p->chunk, CHUNK)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || total + n > it->size) {
			r = n < 0 ? err_errno(e, "cannot read %s", disk) :
			    changed(disk, e);
			break;
		}
		if (total == 0 && p->elf != NULL)
			note_arch(p, elfarch_detect(p->elf, p->chunk, (size_t)n),
			    it->path);
		MD5Update(&ctx, p->chunk, (size_t)n);
		r = take ? p->w->data(p->w->ctx, p->chunk, (size_t)n, e) : 0;
		if (r == 0)
			r = process_check_interrupted(e);
		total += n;
		if (n < CHUNK && total == it->size)
			break;	/* a short read: the end, no read(2) of 0 needed */
	}
	close(fd);
	if (r == 0 && total != it->size)
		r = changed(disk, e);
	if (r == 0 && take && p->w->end_file != NULL)
		r = p->w->end_file(p->w->ctx, e);
	MD5Final(md5, &ctx);
	return r;
}

static const struct digest *
known_digest(const struct pass *p, const struct payload_item *it)
{
	for (size_t i = 0; i < p->ndigests; i++)
		if (p->digests[i].dev == it->dev && p->digests[i].ino == it->ino)
			return &p->digests[i];
	return NULL;
}

static void
remember_digest(struct pass *p, const struct payload_item *it,
    const unsigned char *md5)
{
	struct digest *d;

	p->digests = xreallocarray(p->digests, p->ndigests + 1,
	    sizeof(*p->digests));
	d = &p->digests[p->ndigests++];
	d->dev = it->dev;
	d->ino = it->ino;
	memcpy(d->md5, md5, PAYLOAD_MD5_LEN);
	d->path = it->path;
}

/* The writer gets the entry; a regular file is read unless its digest is
 * known and the writer does not take its data. */
static int
pass_entry(struct pass *p, struct payload_item *it, struct payload_file *f,
    struct err *e)
{
	unsigned char md5[PAYLOAD_MD5_LEN];
	const struct digest *known = NULL;
	bool take = false;

	if (S_ISREG(it->mode) && it->nlink > 1)
		known = known_digest(p, it);
	f->link_to = known ? known->path : NULL;
	p->out->installed_kib += payload_entry_kib(it->mode, it->size,
	    known != NULL);
	if (p->w->entry(p->w->ctx, f, &take, e) < 0)
		return -1;
	if (!S_ISREG(it->mode))
		return 0;
	if (known == NULL || take) {
		if (read_file(p, it, f->disk, take, md5, e) < 0)
			return -1;
		if (it->nlink > 1 && known == NULL)
			remember_digest(p, it, md5);
	}
	/* The entry is done with: its digest takes its file's place. */
	memcpy(it->md5, known && !take ? known->md5 : md5, PAYLOAD_MD5_LEN);
	return 0;
}

static int
pass_item(struct pass *p, struct payload_item *it, struct err *e)
{
	char target[4096];
	struct stat st = item_stat(it);
	char *disk = it->made_up ? NULL : disk_path(p, it);
	struct payload_file f = { it->path, disk, it->source, &st, NULL, NULL };
	int r = 0;
	ssize_t n;

	if (S_ISLNK(it->mode)) {
		n = readlink(disk, target, sizeof(target) - 1);
		if (n < 0)
			r = err_errno(e, "cannot read the link %s", disk);
		else
			target[n] = '\0';
		f.target = target;
	} else if (!S_ISREG(it->mode) && !S_ISDIR(it->mode)) {
		r = err_set(e, STATUS_INVALID, "%s: only files, directories "
		    "and symbolic links can go into a package", disk);
	}
	if (r == 0)
		r = pass_entry(p, it, &f, e);
	free(disk);
	return r;
}

/* The writer's begin(), with the sum of its entry_size(). */
static int
pass_begin(const struct payload_writer *w, const struct payload_list *items,
    struct err *e)
{
	unsigned long long total = 0;

	if (w->begin == NULL)
		return 0;
	for (size_t i = 0; i < items->count; i++) {
		struct stat st = item_stat(&items->v[i]);

		total += w->entry_size(items->v[i].path, &st);
	}
	return w->begin(w->ctx, total, e);
}

/* Every item, symbolic links last, as dpkg-deb orders them. */
static int
pass_items(struct pass *p, struct payload_list *items, struct err *e)
{
	for (int links = 0; links < 2; links++) {
		for (size_t i = 0; i < items->count; i++) {
			if (S_ISLNK(items->v[i].mode) != links)
				continue;
			if (pass_item(p, &items->v[i], e) < 0 ||
			    process_check_interrupted(e) < 0)
				return -1;
		}
	}
	return 0;
}

int
payload_pass(const struct payload_source *sources, size_t nsources,
    time_t mtime, const struct payload_writer *w, struct payload_result *out,
    struct err *e)
{
	struct items items = { &out->files, NULL, 0 };
	struct pass p = { sources, w, out, NULL, NULL, 0, NULL };
	int r = 0;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; r == 0 && i < nsources; i++)
		r = scan_source(&items, sources, i, mtime, e);
	if (r == 0)
		r = payload_list_merge(&out->files, e);
	if (r == 0)
		r = check_items(&out->files, sources, out, e);
	if (r == 0)
		r = pass_begin(w, &out->files, e);
	if (r == 0) {
		p.elf = w->wants_arch ? elfarch_new() : NULL;
		p.chunk = xmalloc(CHUNK);
		r = pass_items(&p, &out->files, e);
	}
	free(p.digests);
	free(p.chunk);
	elfarch_free(p.elf);
	return r;
}

void
payload_result_release(struct payload_result *r)
{
	payload_list_release(&r->files);
	for (size_t i = 0; i < r->nwarnings; i++)
		free(r->warnings[i]);
	free(r->warnings);
	r->warnings = NULL;
	r->nwarnings = 0;
	free(r->elf_path);
	r->elf_path = NULL;
}

long long
payload_entry_kib(mode_t mode, off_t size, bool counted_already)
{
	if (!S_ISREG(mode) && !S_ISLNK(mode))
		return 1;
	return counted_already ? 0 : ((long long)size + 1023) / 1024;
}
