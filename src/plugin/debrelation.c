/* debrelation: Debian package names and dependency fields. */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "plugin/debrelation.h"
#include "plugin/debversion.h"

bool
debrelation_package_name_valid(const char *name)
{
	const char *p;

	if (!((name[0] >= 'a' && name[0] <= 'z') ||
	    (name[0] >= '0' && name[0] <= '9')))
		return false;
	for (p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '+' || *p == '-' || *p == '.'))
			return false;
	return p - name >= 2;
}

/* A cursor over the field being checked. */
struct scan {
	const char *p;
	char *why;
};

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

static void
skip_space(struct scan *s)
{
	while (is_space(*s->p))
		s->p++;
}

static bool WPD_PRINTF(2, 3)
refuse(struct scan *s, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	s->why = buf_detach(&b);
	return false;
}

/* Copies the run of characters not in `stop` (nor white space). */
static char *
take_word(struct scan *s, const char *stop)
{
	const char *start = s->p;

	while (*s->p && !is_space(*s->p) && strchr(stop, *s->p) == NULL)
		s->p++;
	return xstrndup(start, (size_t)(s->p - start));
}

static bool
check_arch_qualifier(struct scan *s, const char *package)
{
	char *arch;
	bool ok = true;

	s->p++;	/* ':' */
	arch = take_word(s, ",|([<");
	if (arch[0] == '\0')
		ok = refuse(s, "'%s:' lacks an architecture after ':'", package);
	else if (strcmp(arch, "native") == 0)
		ok = refuse(s, "'%s:native' is only allowed in build "
		    "dependencies", package);
	else if (strspn(arch, "abcdefghijklmnopqrstuvwxyz0123456789-") !=
	    strlen(arch))
		ok = refuse(s, "'%s' is not an architecture name", arch);
	free(arch);
	return ok;
}

static const char *const operators[] = { "<<", "<=", ">=", ">>", "=" };

static bool
check_version_restriction(struct scan *s, const char *package)
{
	const char *op = NULL, *why;
	char *version;
	bool ok = true;

	s->p++;	/* '(' */
	skip_space(s);
	for (size_t i = 0; i < WPD_ARRAY_SIZE(operators); i++) {
		if (strncmp(s->p, operators[i], strlen(operators[i])) == 0) {
			op = operators[i];
			break;
		}
	}
	if (op == NULL && (*s->p == '<' || *s->p == '>'))
		return refuse(s, "'%c' in the version restriction of '%s' is "
		    "obsolete: write '%c%c' or '%c='", *s->p, package, *s->p,
		    *s->p, *s->p);
	if (op == NULL)
		return refuse(s, "the version restriction of '%s' needs an "
		    "operator (<<, <=, =, >=, >>)", package);
	s->p += strlen(op);
	skip_space(s);
	version = take_word(s, ")");
	skip_space(s);
	if (*s->p != ')')
		ok = refuse(s, "the version restriction of '%s' is not closed "
		    "with ')'", package);
	else if ((why = debversion_check(version)) != NULL)
		ok = refuse(s, "'%s' in the restriction of '%s' is not a valid "
		    "version: %s", version, package, why);
	else
		s->p++;
	free(version);
	return ok;
}

/* One alternative: name[:arch] [(op version)]. */
static bool
check_alternative(struct scan *s)
{
	char *package;
	bool ok = true;

	skip_space(s);
	package = take_word(s, ",|(:[<");
	if (package[0] == '\0')
		ok = refuse(s, "a package name is missing");
	else if (!debrelation_package_name_valid(package))
		ok = refuse(s, "'%s' is not a valid package name (lowercase "
		    "letters, digits, '+', '-', '.'; two characters at least)",
		    package);
	if (ok && *s->p == ':')
		ok = check_arch_qualifier(s, package);
	skip_space(s);
	if (ok && *s->p == '(')
		ok = check_version_restriction(s, package);
	skip_space(s);
	if (ok && *s->p == '[')
		ok = refuse(s, "architecture restrictions '[...]' belong to "
		    "source packages, not to a binary package's Depends");
	if (ok && *s->p == '<')
		ok = refuse(s, "build profiles '<...>' belong to source "
		    "packages, not to a binary package's Depends");
	if (ok && *s->p && *s->p != ',' && *s->p != '|')
		ok = refuse(s, "unexpected '%c' after '%s'", *s->p, package);
	free(package);
	return ok;
}

bool
debrelation_check(const char *field, size_t *relations, char **why)
{
	struct scan s = { field, NULL };
	size_t count = 1;

	*why = NULL;
	for (;;) {
		if (!check_alternative(&s)) {
			*why = s.why;
			return false;
		}
		if (*s.p == '\0')
			break;
		if (*s.p == ',')
			count++;
		s.p++;
	}
	*relations = count;
	return true;
}
