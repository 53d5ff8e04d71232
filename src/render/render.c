/* render: the control file and maintainer scripts, from templates. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "render/builtin_templates.h"
#include "render/control.h"
#include "base/file.h"
#include "render/render.h"
#include "template/template.h"
#include "template/template_limits.h"

static const struct {
	const char *name;
	enum settings_key template_key;
	unsigned mode;
} files[RENDER_FILE_COUNT] = {
	[RENDER_CONTROL] = { "control", SETTING_CONTROL_TEMPLATE, 0644 },
	[RENDER_POSTINST] = { "postinst", SETTING_POSTINST_TEMPLATE, 0755 },
	[RENDER_PRERM] = { "prerm", SETTING_PRERM_TEMPLATE, 0755 },
	[RENDER_POSTRM] = { "postrm", SETTING_POSTRM_TEMPLATE, 0755 },
};

const char *
render_file_name(enum render_file f)
{
	return files[f].name;
}

unsigned
render_file_mode(enum render_file f)
{
	return files[f].mode;
}

/* The template file at `path` into `text`; one longer than
 * TEMPLATE_LIMIT_SOURCE is refused, never cut. */
static int
read_template(const char *path, struct buf *text, struct err *e)
{
	int truncated;

	if (file_read(path, TEMPLATE_LIMIT_SOURCE, text, &truncated, e) < 0)
		return -1;
	if (truncated)
		return err_set(e, STATUS_USAGE, "%s: template larger than %d "
		    "bytes, the limit of a template file: refused",
		    path, TEMPLATE_LIMIT_SOURCE);
	return 0;
}

/* The template's text into `text` and its name for messages into *shown
 * (caller frees). */
static int
load_template(const struct settings *c, enum render_file f, struct buf *text,
    char **shown, struct err *e)
{
	const char *dir = settings_get(c, SETTING_TEMPLATE_DIR);
	const char *name = settings_get(c, files[f].template_key);
	struct stat st;

	if (dir != NULL) {
		char *path = file_join(dir, name);

		if (stat(path, &st) == 0 || errno != ENOENT) {
			*shown = path;
			return read_template(path, text, e);
		}
		free(path);
	}
	for (size_t i = 0; i < builtin_template_count; i++) {
		if (strcmp(builtin_templates[i].name, name) == 0) {
			buf_adds(text, builtin_templates[i].text);
			*shown = xasprintf("(built-in)/%s", name);
			return 0;
		}
	}
	*shown = NULL;
	return err_set(e, STATUS_USAGE, "no template %s: neither template_dir "
	    "nor the built-in templates hold it", name);
}

/* dh_installdeb replaces #DEBHELPER# with the helpers' snippets; with no
 * helper, with nothing. */
static void
remove_debhelper_token(struct buf *b)
{
	static const char token[] = "#DEBHELPER#";
	const size_t len = sizeof(token) - 1;
	char *p;

	while ((p = strstr(b->data, token)) != NULL) {
		memmove(p, p + len, (size_t)(b->data + b->len - (p + len)) + 1);
		b->len -= len;
	}
}

static int
render_one(const struct settings *c, const struct tvalue *context,
    enum render_file f, bool finish, struct buf *out, struct err *e)
{
	struct buf text = BUF_INIT;
	struct template *t;
	char *shown = NULL;
	int r = load_template(c, f, &text, &shown, e);

	if (r == 0 && (t = template_parse(shown, text.data, text.len, e)) != NULL) {
		r = template_render(t, context, out, e);
		template_free(t);
	} else {
		r = -1;
	}
	/* Files end with a newline, whatever the template's last line. */
	if (r == 0 && (out->len == 0 || out->data[out->len - 1] != '\n'))
		buf_addc(out, '\n');
	if (r == 0 && finish)
		remove_debhelper_token(out);
	if (r == 0 && f == RENDER_CONTROL)
		r = control_check(out->data, out->len, shown, e);
	free(shown);
	buf_release(&text);
	return r;
}

int
render_package(const struct settings *c, const struct tvalue *context,
    bool finish, struct rendered *out, struct err *e)
{
	for (int f = 0; f < RENDER_FILE_COUNT; f++)
		buf_init(&out->files[f]);
	for (int f = 0; f < RENDER_FILE_COUNT; f++) {
		if (render_one(c, context, f, finish, &out->files[f], e) < 0) {
			render_release(out);
			return -1;
		}
	}
	return 0;
}

int
render_write(const struct rendered *r, const char *dir, struct err *e)
{
	for (int f = 0; f < RENDER_FILE_COUNT; f++) {
		char *path = file_join(dir, files[f].name);
		int rc = file_write_atomic(path, r->files[f].data,
		    r->files[f].len, files[f].mode, e);

		free(path);
		if (rc < 0)
			return -1;
	}
	return 0;
}

void
render_release(struct rendered *r)
{
	for (int f = 0; f < RENDER_FILE_COUNT; f++)
		buf_release(&r->files[f]);
}
