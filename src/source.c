/* source: where a plugin comes from, resolved to a plugin root. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "file.h"
#include "source.h"

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

	if (stat(path, &st) < 0)
		return err_errno(e, "cannot open %s %s", what, path);
	if (!S_ISDIR(st.st_mode))
		return err_set(e, STATUS_INVALID, "%s %s is not a directory",
		    what, path);
	return 0;
}

int
source_open(struct source *s, const char *spec, const char *subdirectory,
    struct err *e)
{
	struct stat st;
	char *metadata;

	s->root = s->shown = NULL;
	if (spec == NULL)
		spec = ".";
	if (check_directory(spec, "source", e) < 0)
		return -1;
	if (subdirectory != NULL && *subdirectory != '\0') {
		if (check_subdirectory_text(subdirectory, e) < 0)
			return -1;
		s->root = file_join(spec, subdirectory);
		if (check_directory(s->root, "subdirectory", e) < 0 ||
		    check_inside(spec, s->root, subdirectory, e) < 0) {
			source_close(s);
			return -1;
		}
	} else {
		s->root = xstrdup(spec);
	}
	s->shown = strcmp(s->root, ".") == 0 ? xstrdup("") : xstrdup(s->root);
	metadata = source_path(s, "wazo/plugin.yml");
	if (stat(metadata, &st) < 0 || !S_ISREG(st.st_mode)) {
		err_set(e, STATUS_INVALID, "%s is not a Wazo plugin: it has no "
		    "wazo/plugin.yml", s->shown[0] ? s->shown : ".");
		free(metadata);
		source_close(s);
		return -1;
	}
	free(metadata);
	return 0;
}

void
source_close(struct source *s)
{
	free(s->root);
	free(s->shown);
	s->root = s->shown = NULL;
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
