/* publish_judge: the packages of a publish, judged first. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/deb822.h"
#include "base/filehash.h"
#include "base/xalloc.h"
#include "plugin/debrelation.h"
#include "plugin/debversion.h"
#include "publish/publish_conf.h"
#include "publish/publish_judge.h"

const char *
publish_judge_action_name(enum publish_action action)
{
	switch (action) {
	case PUBLISH_ADDED: return "added";
	case PUBLISH_UNCHANGED: return "unchanged";
	case PUBLISH_REFUSED: return "refused";
	}
	return "?";
}

bool
publish_judge_name(const char *s)
{
	if (s == NULL || *s == '\0' || *s == '.' || *s == '-')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("._+-", *s) != NULL))
			return false;
	return true;
}

/* Whether `arch` is "all" or looks like an architecture name. */
static bool
arch_name(const char *arch)
{
	for (const char *c = arch; *c != '\0'; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		    *c == '-'))
			return false;
	return *arch != '\0' && strcmp(arch, "any") != 0 &&
	    strcmp(arch, "source") != 0;
}

/* Checks what reprepro needs of one package's control file. */
static int
check_fields(const char *deb, const struct debinfo *info, struct err *e)
{
	static const char *const needed[] = { "Section", "Priority" };
	const char *why = debversion_check(info->version);

	if (!debrelation_package_name_valid(info->package))
		return err_set(e, STATUS_USAGE, "%s: Package '%s' is no Debian "
		    "package name (lowercase letters, digits, '+', '-' and "
		    "'.', at least two, the first a letter or digit)", deb,
		    info->package);
	if (why != NULL)
		return err_set(e, STATUS_USAGE, "%s: Version '%s': %s", deb,
		    info->version, why);
	if (!arch_name(info->architecture))
		return err_set(e, STATUS_USAGE, "%s: Architecture '%s' is no "
		    "architecture a repository lists", deb, info->architecture);
	for (size_t i = 0; i < 2; i++) {
		char *v = deb822_field(info->control, needed[i]);
		bool empty = v == NULL || *v == '\0';

		free(v);
		if (empty)
			return err_set(e, STATUS_USAGE, "%s: no %s field, which "
			    "reprepro needs to list the package", deb, needed[i]);
	}
	return 0;
}

/* Whether items a and b are the same package, version and architecture. */
static bool
same_id(const struct publish_item *a, const struct publish_item *b)
{
	return strcmp(a->info.package, b->info.package) == 0 &&
	    strcmp(a->info.version, b->info.version) == 0 &&
	    strcmp(a->info.architecture, b->info.architecture) == 0;
}

/* Whether items a and b would be listed under one architecture: the same
 * package, of the same architecture or one of them Architecture: all. */
static bool
same_slot(const struct publish_item *a, const struct publish_item *b)
{
	return strcmp(a->info.package, b->info.package) == 0 &&
	    (strcmp(a->info.architecture, b->info.architecture) == 0 ||
	    strcmp(a->info.architecture, "all") == 0 ||
	    strcmp(b->info.architecture, "all") == 0);
}

/* The item `i` against the ones before it. */
static void
judge_twins(struct publish_item *items, size_t i)
{
	struct publish_item *it = &items[i];

	for (size_t k = 0; k < i; k++) {
		if (same_id(&items[k], it) &&
		    strcmp(items[k].sha256, it->sha256) == 0) {
			it->action = PUBLISH_UNCHANGED;
			return;
		}
		if (same_id(&items[k], it)) {
			it->why = xasprintf("%s %s (%s): %s is another file of "
			    "the same package, version and architecture",
			    it->info.package, it->info.version,
			    it->info.architecture, items[k].deb);
		} else if (same_slot(&items[k], it)) {
			it->why = xasprintf("%s %s (%s) and %s %s (%s) given "
			    "together: a distribution keeps one %s of a "
			    "package under an architecture",
			    items[k].info.package, items[k].info.version,
			    items[k].info.architecture, it->info.package,
			    it->info.version, it->info.architecture,
			    strcmp(items[k].info.version, it->info.version) ==
			    0 ? "file" : "version");
		} else {
			continue;
		}
		it->action = PUBLISH_REFUSED;
		return;
	}
}

int
publish_judge_debs(char *const *debs, size_t n, struct publish_item **items,
    struct err *e)
{
	*items = xcalloc(n ? n : 1, sizeof(**items));
	for (size_t i = 0; i < n; i++)
		(*items)[i].deb = debs[i];
	for (size_t i = 0; i < n; i++) {
		struct publish_item *it = &(*items)[i];
		struct filehash h;

		it->action = PUBLISH_ADDED;
		if (debinfo_read(debs[i], &it->info, e) < 0 ||
		    check_fields(debs[i], &it->info, e) < 0 ||
		    filehash_file(debs[i], &h, e) < 0)
			return -1;
		memcpy(it->sha256, h.sha256, sizeof(it->sha256));
		judge_twins(*items, i);
	}
	return 0;
}

void
publish_judge_free(struct publish_item *items, size_t n)
{
	for (size_t i = 0; items != NULL && i < n; i++) {
		debinfo_release(&items[i].info);
		free(items[i].why);
		free(items[i].pool);
	}
	free(items);
}

/* The name reprepro gives the package's file in the pool:
 * NAME_VERSION_ARCH.deb, the version without its epoch. */
static char *
pool_basename(const struct debinfo *info)
{
	const char *colon = strchr(info->version, ':');

	return xasprintf("%s_%s_%s.deb", info->package,
	    colon ? colon + 1 : info->version, info->architecture);
}

/* The version the distribution lists `it` at under `arch`, or NULL. */
static const char *
listed(const struct publish_item *it, const char *arch,
    const struct publish_repo_entry *entries, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(entries[i].package, it->info.package) == 0 &&
		    strcmp(entries[i].architecture, arch) == 0)
			return entries[i].version;
	return NULL;
}

/* Judges `it` against the version listed under `arch`; false when it is
 * not that version there. */
static bool
judge_arch(struct publish_item *it, const char *arch,
    const struct publish_repo_entry *entries, size_t n)
{
	const char *v = listed(it, arch, entries, n);

	if (v != NULL && debversion_compare(v, it->info.version) > 0 &&
	    it->why == NULL)
		it->why = xasprintf("%s %s (%s): the repository holds the "
		    "newer version %s under %s, and keeps one version of a "
		    "package per architecture", it->info.package,
		    it->info.version, it->info.architecture, v, arch);
	return v != NULL && strcmp(v, it->info.version) == 0;
}

/* Judges `it` against the listed versions under each architecture it
 * goes to (an Architecture: all package under every one but "source",
 * which lists source packages): unchanged only when it is there under
 * one at least and all of them. */
static void
judge_listed(struct publish_item *it, const char *archs,
    const struct publish_repo_entry *entries, size_t n)
{
	bool all = strcmp(it->info.architecture, "all") == 0;
	bool everywhere = true, counted = false;
	const char *p = all ? archs : it->info.architecture;

	while (*p != '\0') {
		size_t len = strcspn(p, " \t");
		char *arch = xstrndup(p, len);

		if (strcmp(arch, "source") != 0) {
			counted = true;
			if (!judge_arch(it, arch, entries, n))
				everywhere = false;
		}
		free(arch);
		p += len;
		p += strspn(p, " \t");
	}
	it->action = it->why ? PUBLISH_REFUSED : everywhere && counted ?
	    PUBLISH_UNCHANGED : PUBLISH_ADDED;
}

void
publish_judge_repo(struct publish_item *items, size_t n, const char *archs,
    const struct publish_repo_file *files, size_t nfiles,
    const struct publish_repo_entry *entries, size_t nentries)
{
	for (size_t i = 0; i < n; i++) {
		struct publish_item *it = &items[i];
		char *name;
		const struct publish_repo_file *f;

		if (it->action == PUBLISH_REFUSED)
			continue;
		name = pool_basename(&it->info);
		f = publish_repo_files_find(files, nfiles, name);
		free(name);
		if (f != NULL && strcmp(f->sha256, it->sha256) != 0) {
			it->action = PUBLISH_REFUSED;
			it->why = xasprintf("%s %s (%s): a different file of "
			    "this package, version and architecture is "
			    "already in the repository (%s): publish the new "
			    "build under a new version", it->info.package,
			    it->info.version, it->info.architecture, f->path);
			continue;
		}
		if (it->action == PUBLISH_ADDED)
			judge_listed(it, archs, entries, nentries);
		if (it->action == PUBLISH_UNCHANGED && f != NULL)
			it->pool = xstrdup(f->path);
	}
}

char *
publish_judge_missing_archs(const struct publish_item *items, size_t n,
    const char *have)
{
	struct buf out = BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		const char *arch = items[i].info.architecture;

		if (strcmp(arch, "all") != 0 &&
		    !publish_conf_has_word(have, arch) &&
		    !publish_conf_has_word(out.data, arch))
			buf_addf(&out, " %s", arch);
	}
	return buf_detach(&out);
}

char *
publish_judge_refusals(const struct publish_item *items, size_t n)
{
	struct buf out = BUF_INIT;

	for (size_t i = 0; i < n; i++)
		if (items[i].action == PUBLISH_REFUSED)
			buf_addf(&out, "%s%s", out.len ? "; " : "",
			    items[i].why);
	return out.len ? buf_detach(&out) : (buf_release(&out), NULL);
}
