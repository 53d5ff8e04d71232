/* source: where a plugin comes from, resolved to a plugin root. */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/compiler.h"
#include "base/dirtree.h"
#include "base/file.h"
#include "source/source.h"
#include "source/source_file.h"
#include "source/source_git.h"
#include "source/source_redact.h"

/* Refuses an absolute subdirectory or one with a ".." component. */
static int
check_subdirectory_text(const char *subdirectory, struct err *e)
{
	const char *p = subdirectory;

	if (*p == '/')
		return err_set(e, STATUS_USAGE, "--subdirectory %s: must be a "
		    "path relative to the source", subdirectory);
	while (*p) {
		size_t len = strcspn(p, "/");

		if (len == 2 && strncmp(p, "..", 2) == 0)
			return err_set(e, STATUS_USAGE, "--subdirectory %s: "
			    "must stay inside the source (no '..')",
			    subdirectory);
		p += len;
		p += strspn(p, "/");
	}
	return 0;
}

/* Refuses a root that symbolic links place outside `top`. */
static int
check_inside(const char *top, const char *root, const char *subdirectory,
    struct err *e)
{
	char *real_top = realpath(top, NULL), *real_root = realpath(root, NULL);
	size_t len;
	int r = 0;

	if (real_top == NULL || real_root == NULL) {
		r = err_errno(e, "cannot resolve %s", real_top ? root : top);
	} else {
		len = strlen(real_top);
		if (strcmp(real_top, "/") != 0 &&
		    (strncmp(real_root, real_top, len) != 0 ||
		    (real_root[len] != '/' && real_root[len] != '\0')))
			r = err_set(e, STATUS_INVALID, "--subdirectory %s: "
			    "leads outside the source through a symbolic link",
			    subdirectory);
	}
	free(real_top);
	free(real_root);
	return r;
}

static int
check_directory(const char *path, const char *what, struct err *e)
{
	struct stat st;

	if (stat(path, &st) < 0 && (errno == ENOENT || errno == ENOTDIR))
		return err_set(e, STATUS_USAGE, "%s %s does not exist", what,
		    path);
	if (stat(path, &st) < 0)
		return err_errno(e, "cannot open %s %s", what, path);
	if (!S_ISDIR(st.st_mode))
		return err_set(e, STATUS_INVALID, "%s %s is not a directory",
		    what, path);
	return 0;
}

/* A private directory for what the source unpacks or fetches, held
 * for the run: one a killed run left is removed by a later run. */
static int
make_workdir(struct source *s, struct err *e)
{
	return workdir_private(&s->work, e);
}

static bool
claims_git(const char *spec, const struct source_request *r)
{
	struct stat st;

	return r->ref != NULL || strstr(spec, "://") != NULL ||
	    (stat(spec, &st) < 0 && source_git_looks_like(spec));
}

static int
open_git(struct source *s, const struct source_request *r, const char *spec,
    char **base, char **shown, struct err *e)
{
	if (make_workdir(s, e) < 0)
		return -1;
	*base = file_join(s->work.path, "tree");
	*shown = source_redact(spec);
	return source_git_fetch(spec, r->ref, *base, &s->commit, e);
}

static bool
claims_directory(const char *spec, const struct source_request *r)
{
	struct stat st;

	(void)r;
	return stat(spec, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
open_directory(struct source *s, const struct source_request *r,
    const char *spec, char **base, char **shown, struct err *e)
{
	(void)s, (void)r, (void)e;
	*base = xstrdup(spec);
	*shown = strcmp(spec, ".") == 0 ? xstrdup("") : xstrdup(spec);
	return 0;
}

static bool
claims_archive(const char *spec, const struct source_request *r)
{
	struct stat st;

	(void)r;
	return stat(spec, &st) == 0 && source_archive_recognized(spec);
}

/* An archive, unpacked. */
static int
open_archive(struct source *s, const struct source_request *r,
    const char *spec, char **base, char **shown, struct err *e)
{
	char *tree, *only = NULL;
	struct dirent *ent;
	int count = 0;
	DIR *d;

	if (make_workdir(s, e) < 0)
		return -1;
	tree = file_join(s->work.path, "tree");
	if (mkdir(tree, 0755) < 0 ||
	    source_archive_unpack(spec, tree, &r->limits, e) < 0) {
		if (e->msg == NULL)
			err_errno(e, "cannot create %s", tree);
		free(tree);
		return -1;
	}
	/* A single top-level directory (GitHub, GitLab) is the root. */
	d = opendir(tree);
	while (d != NULL && (ent = readdir(d)) != NULL) {
		if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
			continue;
		count++;
		free(only);
		only = xstrdup(ent->d_name);
	}
	if (d != NULL)
		closedir(d);
	if (count == 1) {
		char *top = file_join(tree, only);
		struct stat st;

		if (lstat(top, &st) == 0 && S_ISDIR(st.st_mode)) {
			*base = top;
			*shown = file_join(spec, only);
			free(tree);
			free(only);
			return 0;
		}
		free(top);
	}
	free(only);
	*base = tree;
	*shown = xstrdup(spec);
	return 0;
}

/*
 * The kinds of source, tried in order: the first that claims SPEC opens
 * it into *base (the path to open) and *shown (the path messages name).
 * A new kind is a row here and its module beside this one.
 */
static const struct source_kind {
	bool (*claims)(const char *spec, const struct source_request *r);
	int (*open)(struct source *s, const struct source_request *r,
	    const char *spec, char **base, char **shown, struct err *e);
} kinds[] = {
	{ claims_git, open_git },
	{ claims_directory, open_directory },
	{ claims_archive, open_archive },
};

static int
open_kind(struct source *s, const struct source_request *r, const char *spec,
    char **base, char **shown, struct err *e)
{
	struct stat st;

	for (size_t i = 0; i < WPD_ARRAY_SIZE(kinds); i++)
		if (kinds[i].claims(spec, r))
			return kinds[i].open(s, r, spec, base, shown, e);
	if (stat(spec, &st) < 0 && (errno == ENOENT || errno == ENOTDIR))
		return err_set(e, STATUS_USAGE, "source %s does not exist",
		    s->display);
	if (stat(spec, &st) < 0)
		return err_errno(e, "cannot open source %s", s->display);
	return err_set(e, STATUS_INVALID, "%s is not a Wazo plugin: neither a "
	    "directory, nor an archive, nor a git repository", s->display);
}

/* The plugin's wazo/plugin.yml must be there, as a file of the plugin
 * (not through a link out of it). */
static int
check_metadata_file(const struct source *s, struct err *e)
{
	const char *shown = s->shown[0] ? s->shown : ".";
	const char *what = NULL;
	int fd = source_file_open(s->root, s->shown, "wazo/plugin.yml", e);
	struct stat st;

	if (fd >= 0) {
		if (fstat(fd, &st) == 0 && !S_ISREG(st.st_mode))
			what = S_ISDIR(st.st_mode) ? "its wazo/plugin.yml is a "
			    "directory, not a file" : "its wazo/plugin.yml is not a "
			    "regular file";
		close(fd);
		if (what == NULL)
			return 0;
	} else if (e->status == STATUS_INVALID) {
		return -1;
	} else if (errno == ELOOP) {
		what = "its wazo/plugin.yml is a symbolic link loop";
	} else if (errno == ENOENT || errno == ENOTDIR) {
		what = "it has no wazo/plugin.yml";
	} else {
		return -1;
	}
	err_release(e);
	return err_set(e, STATUS_INVALID, "%s is not a Wazo plugin: %s", shown,
	    what);
}

int
source_open(struct source *s, const struct source_request *r, struct err *e)
{
	const char *spec = r->spec ? r->spec : ".";
	const char *sub = r->subdirectory;
	char *base = NULL, *shown = NULL;
	int rc = -1;

	memset(s, 0, sizeof(*s));
	s->work = (struct workdir)WORKDIR_INIT;
	s->display = source_redact(spec);
	if (open_kind(s, r, spec, &base, &shown, e) < 0)
		goto out;
	if (sub != NULL && *sub != '\0') {
		if (check_subdirectory_text(sub, e) < 0)
			goto out;
		s->root = file_join(base, sub);
		s->shown = file_join(shown, sub);
		if (check_directory(s->root, "subdirectory", e) < 0 ||
		    check_inside(base, s->root, sub, e) < 0)
			goto out;
	} else {
		s->root = xstrdup(base);
		s->shown = xstrdup(shown);
	}
	rc = check_metadata_file(s, e);
out:
	free(base);
	free(shown);
	if (rc < 0)
		source_close(s);
	return rc;
}

void
source_close(struct source *s)
{
	workdir_remove(&s->work);
	free(s->commit);
	free(s->root);
	free(s->shown);
	free(s->display);
	memset(s, 0, sizeof(*s));
	s->work = (struct workdir)WORKDIR_INIT;
}

char *
source_path(const struct source *s, const char *relative)
{
	return file_join(s->root, relative);
}

char *
source_shown_path(const struct source *s, const char *relative)
{
	return file_join(s->shown, relative);
}
