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

/* One entry of the package, kept small (56 bytes, its path in the list's
 * arena): a large tree has many, all listed before the first is written. */
struct item {
	char *path;		/* in the package, no leading "./" */
	off_t size;
	dev_t dev;
	ino_t ino;
	time_t mtime;
	uint32_t nlink;		/* no file system links a file 2^32 times */
	uint32_t order;		/* the source's rank, then the scan's */
	mode_t mode;
	uint16_t source;	/* its source's index */
	bool made_up;		/* a parent directory added here */
};

struct items {
	struct item *v;
	size_t count;
	size_t cap;
	struct arena paths;	/* every item's path */
	const struct payload_source *scanned;	/* the source being listed */
	size_t source;				/* its index */
};

static void
add_item(struct items *items, char *path, size_t source, bool made_up,
    const struct stat *st)
{
	if (items->count == items->cap) {
		items->cap = items->cap ? items->cap * 2 : 256;
		items->v = xreallocarray(items->v, items->cap, sizeof(*items->v));
	}
	items->v[items->count] = (struct item){ path, st->st_size, st->st_dev,
	    st->st_ino, st->st_mtime, (uint32_t)st->st_nlink,
	    (uint32_t)items->count, st->st_mode, (uint16_t)source, made_up };
	items->count++;
}

/* The directories above `prefix`, made up as plain 0755 directories. */
static void
add_parents(struct items *items, size_t source, const char *prefix,
    time_t mtime)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFDIR | 0755;
	st.st_nlink = 1;
	st.st_mtime = mtime;
	add_item(items, arena_strdup(&items->paths, ""), source, true, &st);
	for (const char *p = prefix; (p = strchr(p, '/')) != NULL; p++)
		add_item(items, arena_strndup(&items->paths, prefix,
		    (size_t)(p - prefix)), source, true, &st);
}

/* An entry as the walk finds it: the list sorts them all at once later. */
static int
scan_entry(const char *rel, const struct stat *st, void *ctx, struct err *e)
{
	struct items *items = ctx;

	(void)e;
	add_item(items, arena_join(&items->paths, items->scanned->prefix, rel),
	    items->source, false, st);
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
		add_parents(items, source, src->prefix, mtime);
	return dirtree_walk(src->root, scan_entry, items, e);
}

static int
compare_items(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

/* The entry of the group v[0..n) that stays: the last one a source has;
 * a made-up parent only when no source has its path. */
static size_t
group_winner(const struct item *v, size_t n)
{
	size_t win = n - 1;

	for (size_t i = 0; i < n; i++)
		if (!v[i].made_up)
			win = i;
	return win;
}

static int
refuse_non_dir(const struct item *it, struct err *e)
{
	return err_set(e, STATUS_INVALID, "rules package put a %s at %s, "
	    "where the plugin's metadata directory goes",
	    S_ISLNK(it->mode) ? "symbolic link" : "file", it->path);
}

/* A directory a later source needs (a made-up parent, or a directory of
 * its own) where an earlier source has something else is refused: it
 * would be written through, or silently replaced. */
static int
check_group(const struct item *v, size_t n, size_t win, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		if (i == win)
			continue;
		if (v[i].made_up && !S_ISDIR(v[win].mode))
			return refuse_non_dir(&v[win], e);
		if (!v[i].made_up && v[i].source < v[win].source &&
		    S_ISDIR(v[win].mode) && !S_ISDIR(v[i].mode))
			return refuse_non_dir(&v[i], e);
	}
	return 0;
}

static size_t
group_end(const struct items *items, size_t start)
{
	size_t end = start + 1;

	while (end < items->count &&
	    strcmp(items->v[start].path, items->v[end].path) == 0)
		end++;
	return end;
}

/* Sorts by path; of entries with the same path, one stays (group_winner),
 * once every group is checked. */
static int
sort_and_merge(struct items *items, struct err *e)
{
	size_t kept = 0;

	qsort(items->v, items->count, sizeof(*items->v), compare_items);
	for (size_t i = 0, end; i < items->count; i = end) {
		end = group_end(items, i);
		if (check_group(&items->v[i], end - i,
		    group_winner(&items->v[i], end - i), e) < 0)
			return -1;
	}
	for (size_t i = 0, end; i < items->count; i = end) {
		size_t win;

		end = group_end(items, i);
		win = i + group_winner(&items->v[i], end - i);
		items->v[kept++] = items->v[win];
	}
	items->count = kept;
	return 0;
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
check_items(const struct items *items, const struct payload_source *sources,
    struct payload_result *out, struct err *e)
{
	struct payload_check_inode *linked = NULL;
	size_t nlinked = 0;
	int r = 0;

	for (size_t i = 0; r == 0 && i < items->count; i++) {
		const struct item *it = &items->v[i];

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

/* Hard-linked files: their digest, to list every name in md5sums. */
struct digest {
	dev_t dev;
	ino_t ino;
	char hex[MD5_DIGEST_STRING_LENGTH];
	char *path;		/* the first name seen */
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
disk_path(const struct pass *p, const struct item *it)
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
item_stat(const struct item *it)
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

/* Reads a regular file once: its MD5 into `hex`, its architecture noted,
 * its contents to the writer when it `take`s them. */
static int
read_file(struct pass *p, const struct item *it, const char *disk, bool take,
    char *hex, struct err *e)
{
	int fd = open(disk, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), r = 0;
	off_t total = 0;
	MD5_CTX md5;
	ssize_t n;

	if (fd < 0)
		return err_errno(e, "cannot read %s", disk);
	MD5Init(&md5);
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
		MD5Update(&md5, p->chunk, (size_t)n);
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
	MD5End(&md5, hex);
	return r;
}

static const struct digest *
known_digest(const struct pass *p, const struct item *it)
{
	for (size_t i = 0; i < p->ndigests; i++)
		if (p->digests[i].dev == it->dev && p->digests[i].ino == it->ino)
			return &p->digests[i];
	return NULL;
}

static void
remember_digest(struct pass *p, const struct item *it, const char *hex)
{
	struct digest *d;

	p->digests = xreallocarray(p->digests, p->ndigests + 1,
	    sizeof(*p->digests));
	d = &p->digests[p->ndigests++];
	d->dev = it->dev;
	d->ino = it->ino;
	memcpy(d->hex, hex, MD5_DIGEST_STRING_LENGTH);
	d->path = xstrdup(it->path);
}

/* The writer gets the entry; a regular file is read unless its digest is
 * known and the writer does not take its data. */
static int
pass_entry(struct pass *p, const struct item *it, struct payload_file *f,
    struct err *e)
{
	char hex[MD5_DIGEST_STRING_LENGTH];
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
		if (read_file(p, it, f->disk, take, hex, e) < 0)
			return -1;
		if (it->nlink > 1 && known == NULL)
			remember_digest(p, it, hex);
	}
	buf_addf(&p->out->md5sums, "%s  %s\n", known ? known->hex : hex,
	    it->path);
	return 0;
}

static int
pass_item(struct pass *p, const struct item *it, struct err *e)
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
pass_begin(const struct payload_writer *w, const struct items *items,
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
pass_items(struct pass *p, const struct items *items, struct err *e)
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
	struct items items = { NULL, 0, 0, { NULL }, NULL, 0 };
	struct pass p = { sources, w, out, NULL, NULL, 0, NULL };
	int r = 0;

	memset(out, 0, sizeof(*out));
	buf_init(&out->md5sums);
	for (size_t i = 0; r == 0 && i < nsources; i++)
		r = scan_source(&items, sources, i, mtime, e);
	if (r == 0)
		r = sort_and_merge(&items, e);
	if (r == 0)
		r = check_items(&items, sources, out, e);
	if (r == 0)
		r = pass_begin(w, &items, e);
	if (r == 0) {
		p.elf = w->wants_arch ? elfarch_new() : NULL;
		p.chunk = xmalloc(CHUNK);
		r = pass_items(&p, &items, e);
	}
	arena_release(&items.paths);
	free(items.v);
	for (size_t i = 0; i < p.ndigests; i++)
		free(p.digests[i].path);
	free(p.digests);
	free(p.chunk);
	elfarch_free(p.elf);
	return r;
}

void
payload_result_release(struct payload_result *r)
{
	buf_release(&r->md5sums);
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
