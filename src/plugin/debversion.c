/* debversion: Debian version strings, as deb-version(5) defines them. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "plugin/debversion.h"

/* A version split into its three parts; the strings are owned. */
struct split_version {
	long epoch;
	char *upstream;
	char *revision;
};

static bool
is_ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static bool
only_chars(const char *s, const char *extra)
{
	for (; *s; s++)
		if (!is_ascii_alnum(*s) && strchr(extra, *s) == NULL)
			return false;
	return true;
}

/* Splits a version; returns a static error sentence or NULL. */
static const char *
split(const char *s, struct split_version *v)
{
	const char *colon = strchr(s, ':'), *upstream = s, *dash;
	char *end;

	v->epoch = 0;
	v->upstream = v->revision = NULL;
	if (*s == '\0')
		return "the version is empty";
	if (strpbrk(s, " \t\n\r\f\v") != NULL)
		return "a version cannot contain white space";
	if (colon != NULL) {
		if (colon == s)
			return "the epoch before ':' is empty";
		errno = 0;
		v->epoch = strtol(s, &end, 10);
		if (end != colon || !isdigit((unsigned char)*s))
			return "the epoch before ':' must be a number";
		if (errno != 0 || v->epoch > INT_MAX)
			return "the epoch before ':' is too big";
		upstream = colon + 1;
		if (*upstream == '\0')
			return "nothing follows the epoch's ':'";
	}
	dash = strrchr(upstream, '-');
	if (dash != NULL && dash[1] == '\0')
		return "the revision after the last '-' is empty";
	v->upstream = dash ? xstrndup(upstream, (size_t)(dash - upstream)) :
	    xstrdup(upstream);
	v->revision = xstrdup(dash ? dash + 1 : "");
	if (v->upstream[0] == '\0')
		return "the upstream version is empty";
	if (!isdigit((unsigned char)v->upstream[0]))
		return "the upstream version must start with a digit";
	if (!only_chars(v->upstream, ".+~-:"))
		return "the upstream version may hold only letters, digits and "
		    "'.+~-:'";
	if (!only_chars(v->revision, ".+~"))
		return "the revision may hold only letters, digits and '.+~'";
	return NULL;
}

static void
split_release(struct split_version *v)
{
	free(v->upstream);
	free(v->revision);
}

const char *
debversion_check(const char *s)
{
	struct split_version v;
	const char *why = split(s, &v);

	split_release(&v);
	return why;
}

/* The sort weight of one non-digit character: '~' before the end of the
 * string, the end before letters, letters before everything else. */
static int
char_weight(char c)
{
	if (c == '~')
		return -1;
	if (c == '\0' || isdigit((unsigned char)c))
		return 0;
	if (isalpha((unsigned char)c))
		return (unsigned char)c;
	return (unsigned char)c + 256;
}

/* Compares two upstream versions or revisions: alternating runs of
 * non-digits (compared by char_weight) and digits (compared as numbers). */
static int
compare_part(const char *a, const char *b)
{
	while (*a || *b) {
		int first_difference = 0;

		while ((*a && !isdigit((unsigned char)*a)) ||
		    (*b && !isdigit((unsigned char)*b))) {
			int wa = char_weight(*a), wb = char_weight(*b);

			if (wa != wb)
				return wa - wb;
			a++;
			b++;
		}
		while (*a == '0')
			a++;
		while (*b == '0')
			b++;
		while (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			if (first_difference == 0)
				first_difference = *a - *b;
			a++;
			b++;
		}
		if (isdigit((unsigned char)*a))
			return 1;
		if (isdigit((unsigned char)*b))
			return -1;
		if (first_difference != 0)
			return first_difference;
	}
	return 0;
}

int
debversion_compare(const char *a, const char *b)
{
	struct split_version va, vb;
	int r;

	split(a, &va);
	split(b, &vb);
	if (va.epoch != vb.epoch)
		r = va.epoch < vb.epoch ? -1 : 1;
	else if ((r = compare_part(va.upstream ? va.upstream : "",
	    vb.upstream ? vb.upstream : "")) == 0)
		r = compare_part(va.revision ? va.revision : "",
		    vb.revision ? vb.revision : "");
	split_release(&va);
	split_release(&vb);
	return r;
}
