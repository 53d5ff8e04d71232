/* lint: lintian's checks of the Description and Version fields, as
 * plugin.yml decides them (lintian's checks fields/description and
 * fields/version). */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "plugin/lint.h"

char *
lint_synopsis(const char *description, const char *name, const char *ns,
    const char **rest)
{
	const char *p = description ? description : "";
	size_t len;

	while (isspace((unsigned char)*p))
		p++;
	len = strcspn(p, "\n");
	if (rest != NULL)
		*rest = p + len + (p[len] == '\n');
	while (len > 0 && isspace((unsigned char)p[len - 1]))
		len--;
	if (len == 0)
		return xasprintf("Wazo Platform plugin %s/%s", ns, name);
	return xasprintf("%.*s", (int)len, p);
}

/* The state of one lint. */
struct lint {
	const struct plugin *p;
	const char *package;
	struct diag_list *diags;
};

/* A warning on field `f` (the description or the version). */
static void WPD_PRINTF(4, 5)
warn(struct lint *l, const struct plugin_field *f, const char *tag,
    const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_add(l->diags, DIAG_WARNING, l->p->path, f->node ? f->node->pos :
	    l->p->pos, f == &l->p->version ? "version" : "description",
	    "%s (lintian: %s)", msg.data, tag);
	buf_release(&msg);
}

/* Characters, not bytes, as lintian counts them: UTF-8 lead bytes. */
static size_t
width(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* `s` starts with `word`, ignoring case, followed by no word character. */
static bool
starts_with_word(const char *s, const char *word)
{
	size_t len = strlen(word);

	return strncasecmp(s, word, len) == 0 &&
	    !isalnum((unsigned char)s[len]) && s[len] != '_';
}

static bool
starts_with_article(const char *s)
{
	static const char *const articles[] = { "a", "an", "the" };

	for (size_t i = 0; i < 3; i++) {
		size_t len = strlen(articles[i]);

		if (strncasecmp(s, articles[i], len) == 0 &&
		    isspace((unsigned char)s[len]))
			return true;
	}
	return false;
}

/* `s` ends with `tail`. */
static bool
ends_with(const char *s, size_t len, const char *tail)
{
	size_t n = strlen(tail);

	return len >= n && memcmp(s + len - n, tail, n) == 0;
}

/* A full stop that ends the synopsis or a sentence in it, as lintian
 * reads it: its last full stop followed by a space or the end, unless
 * that ends "etc.", "e.g." or an ellipsis. */
static bool
is_sentence(const char *s)
{
	for (size_t i = strlen(s); i > 0; i--) {
		if (s[i - 1] != '.' || (s[i] != '\0' &&
		    !isspace((unsigned char)s[i])))
			continue;
		return !(ends_with(s, i, " etc.") || ends_with(s, i, " e.g.") ||
		    ends_with(s, i, " eg.") || (ends_with(s, i, "...") &&
		    !ends_with(s, i, "....")));
	}
	return false;
}

/* `a` (of length `len`) and `b` have the same letters and digits,
 * ignoring case: how lintian finds a repeated synopsis. */
static bool
same_words(const char *a, size_t len, const char *b)
{
	size_t i = 0;

	for (;; b++, i++) {
		while (i < len && !isalnum((unsigned char)a[i]))
			i++;
		while (*b != '\0' && !isalnum((unsigned char)*b))
			b++;
		if (i == len || *b == '\0')
			return i == len && *b == '\0';
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)*b))
			return false;
	}
}

/* Lowercase, with '-', '_', '/' and '\' as spaces and runs of spaces
 * squeezed: lintian's fuzzy form for comparing with the package name. */
static char *
fuzzy(const char *s)
{
	struct buf out = BUF_INIT;

	for (; *s != '\0'; s++) {
		char ch = strchr("-_/\\ \t", *s) ? ' ' : (char)tolower(
		    (unsigned char)*s);

		if (ch != ' ' || out.len == 0 || out.data[out.len - 1] != ' ')
			buf_addc(&out, ch);
	}
	return buf_detach(&out);
}

static bool
is_package_name(const char *synopsis, const char *package)
{
	char *a = fuzzy(synopsis), *b = fuzzy(package);
	bool same = strcmp(a, b) == 0;

	free(a);
	free(b);
	return same;
}

static void
lint_synopsis_text(struct lint *l, const char *s)
{
	const struct plugin_field *f = &l->p->description;
	size_t len = width(s, strlen(s));

	if (len > LINT_MAX_WIDTH)
		warn(l, f, "synopsis-too-long", "the synopsis (the first line) "
		    "is %zu characters long, more than %d", len,
		    LINT_MAX_WIDTH);
	if (starts_with_word(s, l->package))
		warn(l, f, "description-starts-with-package-name", "the "
		    "synopsis starts with the package name %s", l->package);
	if (starts_with_article(s))
		warn(l, f, "description-synopsis-starts-with-article", "the "
		    "synopsis starts with an article");
	if (is_sentence(s))
		warn(l, f, "synopsis-is-a-sentence", "the synopsis is a "
		    "sentence: drop its full stop");
	if (strpbrk(s, " \t") == NULL)
		warn(l, f, "description-too-short", "the synopsis '%s' is a "
		    "single word", s);
	else if (is_package_name(s, l->package))
		warn(l, f, "description-is-pkg-name", "the synopsis is only "
		    "the package name");
}

/* The lines after the synopsis, as the control file's extended
 * description holds them (each after one space). */
static void
lint_extended(struct lint *l, const char *s, const char *rest)
{
	const struct plugin_field *f = &l->p->description;
	size_t number = 0;

	while (*rest != '\0') {
		size_t len = strcspn(rest, "\n");
		size_t w = 1 + width(rest, len);

		number++;
		if (number == 1 && same_words(rest, len, s))
			warn(l, f, "description-synopsis-is-duplicated", "the "
			    "second line repeats the synopsis");
		if (w > LINT_MAX_WIDTH && strspn(rest, " \t") < len)
			warn(l, f, "extended-description-line-too-long", "line "
			    "%zu after the synopsis takes %zu columns in the "
			    "control file, more than %d", number, w,
			    LINT_MAX_WIDTH);
		rest += len + (rest[len] == '\n');
	}
}

/* The Debian revision: what follows the last '-' of a valid version. */
static void
lint_version(struct lint *l)
{
	const struct plugin_field *f = &l->p->version;
	const char *dash = f->text ? strrchr(f->text, '-') : NULL;
	size_t parts = 1;
	bool empty_part;

	if (dash == NULL)
		return;
	if (strcmp(dash, "-0") == 0)
		warn(l, f, "debian-revision-is-zero", "the Debian revision is "
		    "0: start at 1");
	empty_part = dash[1] == '.' || dash[strlen(dash) - 1] == '.' ||
	    strstr(dash, "..") != NULL;
	for (const char *c = dash; *c != '\0'; c++)
		parts += *c == '.';
	if (empty_part || parts > 3)
		warn(l, f, "debian-revision-not-well-formed", "the Debian "
		    "revision '%s' is not one to three dot-separated parts",
		    dash + 1);
}

void
lint_metadata(const struct plugin *p, const char *package,
    struct diag_list *diags)
{
	struct lint l = { p, package, diags };
	const char *rest;
	char *synopsis = lint_synopsis(p->description.text, p->name.text,
	    p->namespace.text, &rest);

	lint_synopsis_text(&l, synopsis);
	lint_extended(&l, synopsis, rest);
	lint_version(&l);
	free(synopsis);
}
