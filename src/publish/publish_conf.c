/* publish_conf: a repository's conf/distributions. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/deb822.h"
#include "base/xalloc.h"
#include "publish/publish_conf.h"

char *
publish_conf_new(const char *codename, const char *component,
    const char *archs, const char *sign_with)
{
	struct buf out = BUF_INIT;

	buf_addf(&out, "Origin: wazo-plugin-deb\nLabel: wazo-plugin-deb\n"
	    "Codename: %s\nArchitectures: %s\nComponents: %s\n"
	    "Description: Wazo Platform plugins published by "
	    "wazo-plugin-deb\n", codename, archs, component);
	if (sign_with != NULL)
		buf_addf(&out, "SignWith: %s\n", sign_with);
	return buf_detach(&out);
}

/* The stanza starting at `p`: its length up to the empty line (or the
 * end) that ends it. */
static size_t
stanza_len(const char *p)
{
	const char *line = p;

	while (*line != '\0') {
		size_t blank = strspn(line, " \t\r");
		const char *nl = strchr(line, '\n');

		if (line[blank] == '\n' || line[blank] == '\0')
			return (size_t)(line - p);
		if (nl == NULL)
			return strlen(p);
		line = nl + 1;
	}
	return (size_t)(line - p);
}

/* The next stanza at or after `p` (empty lines skipped), its copy into
 * *text (the caller frees), or NULL after the last. */
static const char *
next_stanza(const char *p, char **text, size_t *len)
{
	while (*p != '\0') {
		size_t blank = strspn(p, " \t\r");

		if (p[blank] != '\n')
			break;
		p += blank + 1;
	}
	if (*p == '\0' || p[strspn(p, " \t\r")] == '\0')
		return NULL;
	*len = stanza_len(p);
	*text = xstrndup(p, *len);
	return p;
}

/* The stanza of `codename` in `conf` (its start and length), or NULL;
 * the codenames seen go to `names` (may be NULL). */
static const char *
find_stanza(const char *conf, const char *codename, size_t *len,
    struct buf *names)
{
	const char *p = conf;
	char *text;

	while ((p = next_stanza(p, &text, len)) != NULL) {
		char *name = deb822_field(text, "Codename");
		bool found = name != NULL && strcmp(name, codename) == 0;

		if (name != NULL && names != NULL)
			buf_addf(names, "%s%s", names->len ? ", " : "", name);
		free(name);
		free(text);
		if (found)
			return p;
		p += *len;
	}
	return NULL;
}

bool
publish_conf_find(const char *conf, const char *codename,
    struct publish_dist *d, struct buf *names)
{
	size_t len;
	const char *p;
	char *text;

	if (names != NULL)
		buf_reset(names);
	p = find_stanza(conf, codename, &len, names);
	memset(d, 0, sizeof(*d));
	if (p == NULL)
		return false;
	text = xstrndup(p, len);
	d->codename = deb822_field(text, "Codename");
	d->architectures = deb822_field(text, "Architectures");
	d->components = deb822_field(text, "Components");
	d->sign_with = deb822_field(text, "SignWith");
	free(text);
	return true;
}

void
publish_conf_dist_release(struct publish_dist *d)
{
	free(d->codename);
	free(d->architectures);
	free(d->components);
	free(d->sign_with);
	memset(d, 0, sizeof(*d));
}

bool
publish_conf_has_word(const char *list, const char *word)
{
	size_t len = strlen(word);

	for (const char *p = list; p != NULL && *p != '\0';) {
		size_t n;

		p += strspn(p, " \t");
		n = strcspn(p, " \t");
		if (n == len && strncmp(p, word, len) == 0)
			return true;
		p += n;
	}
	return false;
}

bool
publish_conf_add_archs(struct buf *conf, const char *codename,
    const char *more)
{
	size_t len, at;
	const char *p = find_stanza(conf->data, codename, &len, NULL);
	char *text;
	const char *line;
	struct buf out = BUF_INIT;

	if (p == NULL)
		return false;
	text = xstrndup(p, len);
	line = deb822_find(text, "Architectures");
	if (line == NULL) {
		free(text);
		return false;
	}
	/* The end of the field's first line, blanks before it left out. */
	at = (size_t)(p - conf->data) + (size_t)(line - text) +
	    strcspn(line, "\n");
	free(text);
	while (at > 0 && (conf->data[at - 1] == ' ' ||
	    conf->data[at - 1] == '\t' || conf->data[at - 1] == '\r'))
		at--;
	buf_add(&out, conf->data, at);
	buf_adds(&out, more);
	buf_adds(&out, conf->data + at);
	buf_release(conf);
	*conf = out;
	return true;
}
