/* control: the package's control file. */
#include <config.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/compiler.h"
#include "base/deb822.h"
#include "plugin/lint.h"
#include "render/control.h"

/* Appends the lines of `text` from `start` as extended description lines,
 * without the empty lines that end it. */
static void
add_extended(struct buf *out, const char *start)
{
	const char *end = start + strlen(start);

	while (end > start && isspace((unsigned char)end[-1]))
		end--;
	while (start < end) {
		const char *eol = memchr(start, '\n', (size_t)(end - start));
		size_t len = eol ? (size_t)(eol - start) : (size_t)(end - start);
		bool blank = true;

		for (size_t i = 0; i < len; i++)
			if (!isspace((unsigned char)start[i]))
				blank = false;
		if (blank)
			buf_adds(out, "\n .");
		else
			buf_addf(out, "\n %.*s", (int)len, start);
		start += len + (eol != NULL);
	}
}

char *
control_description(const char *description, const char *name,
    const char *ns)
{
	struct buf out = BUF_INIT;
	const char *rest;
	char *synopsis = lint_synopsis(description, name, ns, &rest);
	size_t before;

	/* The synopsis lint.c checks, so that check warns about this one. */
	buf_adds(&out, synopsis);
	free(synopsis);
	before = out.len;
	add_extended(&out, rest);
	if (out.len > before)
		buf_adds(&out, "\n .");
	buf_addf(&out, "\n This package holds the Wazo Platform plugin %s/%s.",
	    ns, name);
	return buf_detach(&out);
}

static const char *const required_fields[] = {
	"Package", "Version", "Architecture", "Maintainer", "Description",
};

static bool
valid_field_name(const char *name, size_t len)
{
	if (len == 0 || name[0] == '#' || name[0] == '-')
		return false;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)name[i] <= 0x20 ||
		    (unsigned char)name[i] >= 0x7f || name[i] == ':')
			return false;
	return true;
}

/* Whether field `name` appears before `line_start` in `text`. */
static bool
seen_before(const char *text, const char *line_start, const char *name,
    size_t len)
{
	for (const char *p = text; p < line_start;) {
		if (strncasecmp(p, name, len) == 0 && p[len] == ':')
			return true;
		p = strchr(p, '\n');
		if (p == NULL)
			break;
		p++;
	}
	return false;
}

int
control_check(const char *text, size_t len, const char *path, struct err *e)
{
	const char *p = text, *end = text + len;
	unsigned line = 0;
	bool ended = false;

	if (memchr(text, '\0', len) != NULL)
		return err_set(e, STATUS_USAGE, "%s: holds a NUL byte", path);
	if (len == 0 || text[len - 1] != '\n')
		return err_set(e, STATUS_USAGE, "%s: must end with a newline",
		    path);
	for (; p < end; p = strchr(p, '\n') + 1) {
		size_t n = (size_t)(strchr(p, '\n') - p);
		size_t name_len = strcspn(p, ":\n");

		line++;
		if (n == 0) {
			ended = true;	/* trailing empty lines are harmless */
			continue;
		}
		if (ended)
			return err_set(e, STATUS_USAGE, "%s:%u: an empty line "
			    "splits the control file in two paragraphs", path,
			    line);
		if (*p == ' ' || *p == '\t') {
			if (line == 1)
				return err_set(e, STATUS_USAGE, "%s:1: starts "
				    "with a continuation line", path);
			if (strspn(p, " \t") == n)
				return err_set(e, STATUS_USAGE, "%s:%u: a "
				    "continuation line holds only white space "
				    "(write ' .' for an empty line)", path, line);
			continue;
		}
		if (name_len >= n || !valid_field_name(p, name_len))
			return err_set(e, STATUS_USAGE, "%s:%u: expected "
			    "'Field: value', found '%.*s'", path, line, (int)n, p);
		if (seen_before(text, p, p, name_len))
			return err_set(e, STATUS_USAGE, "%s:%u: field %.*s "
			    "appears twice", path, line, (int)name_len, p);
	}
	for (size_t i = 0; i < WPD_ARRAY_SIZE(required_fields); i++) {
		char *value = deb822_field(text, required_fields[i]);

		if (value == NULL || value[0] == '\0') {
			free(value);
			return err_set(e, STATUS_USAGE, "%s: the %s field is "
			    "missing or empty", path, required_fields[i]);
		}
		free(value);
	}
	return 0;
}

bool
control_set_field(struct buf *text, const char *name, const char *value)
{
	const char *p = deb822_find(text->data, name), *end;
	struct buf out = BUF_INIT;

	if (p == NULL)
		return false;
	end = strchr(p, '\n');
	while (end != NULL && (end[1] == ' ' || end[1] == '\t'))
		end = strchr(end + 1, '\n');
	buf_add(&out, text->data, (size_t)(p - text->data) + strlen(name) + 1);
	buf_addf(&out, " %s", value);
	if (end != NULL)
		buf_adds(&out, end);
	buf_release(text);
	*text = out;
	return true;
}
