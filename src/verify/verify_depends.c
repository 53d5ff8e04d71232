/* verify_depends: the packages' Depends, installed in the root by apt. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "verify/verify_depends.h"

/* The length of the package name that `s` starts with. */
static size_t
name_len(const char *s)
{
	return strcspn(s, " \t\n(:[|,");
}

/* Whether an alternative of `relation` names one of `names`. */
static bool
names_one_of(const char *relation, char *const names[], size_t nnames)
{
	const char *alt = relation;

	while (alt != NULL) {
		size_t len;

		alt += strspn(alt, " \t\n");
		len = name_len(alt);
		for (size_t i = 0; i < nnames; i++)
			if (strlen(names[i]) == len &&
			    strncmp(alt, names[i], len) == 0)
				return true;
		alt = strchr(alt, '|');
		alt = alt ? alt + 1 : NULL;
	}
	return false;
}

/* `text` with its runs of white space made one space, trimmed. */
static char *
squeeze(const char *text, size_t len)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < len; i++) {
		bool space = strchr(" \t\n", text[i]) != NULL;

		if (!space)
			buf_addc(&b, text[i]);
		else if (b.len > 0 && b.data[b.len - 1] != ' ')
			buf_addc(&b, ' ');
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

void
verify_depends_add(struct verify_depends *d, const char *field,
    char *const names[], size_t nnames)
{
	const char *rel = field;

	while (rel != NULL && *rel != '\0') {
		const char *comma = strchr(rel, ',');
		char *one = squeeze(rel, comma ? (size_t)(comma - rel) :
		    strlen(rel));
		bool known = one[0] == '\0' || names_one_of(one, names, nnames);

		for (size_t i = 0; !known && i < d->count; i++)
			known = strcmp(d->relations[i], one) == 0;
		if (known) {
			free(one);
		} else {
			d->relations = xreallocarray(d->relations, d->count + 1,
			    sizeof(*d->relations));
			d->relations[d->count++] = one;
		}
		rel = comma ? comma + 1 : NULL;
	}
}

void
verify_depends_release(struct verify_depends *d)
{
	for (size_t i = 0; i < d->count; i++)
		free(d->relations[i]);
	free(d->relations);
	memset(d, 0, sizeof(*d));
}

/* Why apt cannot satisfy a relation, from `apt-get satisfy`'s output:
 * what it says of the command line's dependency ("foo but it is not
 * installable"), else its first error. */
static char *
apt_reason(const char *output)
{
	static const char head[] = "satisfy:command-line : ";
	const char *at = strstr(output, head), *end;

	if (at != NULL) {
		at += strlen(head);
		if (strncmp(at, "Depends: ", 9) == 0)
			at += 9;
		end = strstr(at, "E: ");
		return squeeze(at, end ? (size_t)(end - at) : strlen(at));
	}
	if ((at = strstr(output, "E: ")) != NULL) {
		end = strchr(at, '\n');
		return squeeze(at + 3, end ? (size_t)(end - at - 3) :
		    strlen(at + 3));
	}
	return xstrdup("apt-get gave no reason");
}

/* What apt-get says when it cannot reach a server (not a file: source's
 * missing file). */
static bool
unreachable(const char *output)
{
	static const char *const words[] = { "Failed to fetch http",
	    "Temporary failure resolving", "Could not resolve" };

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(output, words[i]) != NULL)
			return true;
	return false;
}

char *
verify_depends_failure(int status, const char *output, bool network)
{
	char *reason = apt_reason(output);
	char *why = xasprintf("apt-get exited %d: %s%s", status, reason,
	    !network && unreachable(output) ? "; the throwaway root has no "
	    "network (--network allows it)" : "");

	free(reason);
	return why;
}

/* Tries `relation` with apt-get satisfy --simulate: NULL when apt can
 * satisfy it, else apt's reason. */
static char *
simulate(const struct throwroot *t, char *const env[], const char *relation,
    struct buf *log, struct err *e, bool *failed)
{
	char *argv[] = { "apt-get", "satisfy", "--simulate",
	    (char *)relation, NULL };
	struct buf out = BUF_INIT;
	int status = throwroot_run(t, argv, env, &out, e);
	char *why = status > 0 ? apt_reason(out.data) : NULL;

	*failed = status < 0;
	if (why != NULL)
		buf_addf(log, "$ apt-get satisfy --simulate '%s'\n%s", relation,
		    out.data);
	buf_release(&out);
	return why;
}

/* Adds to `shown` the command line `argv`, relations in quotes. */
static void
show(struct buf *shown, char *const argv[], size_t first_quoted)
{
	buf_adds(shown, shown->len ? "; " : "");
	for (size_t i = 0; argv[i] != NULL; i++)
		buf_addf(shown, i == 0 ? "%s" : i >= first_quoted ? " '%s'" :
		    " %s", argv[i]);
}

/* The packages apt-get set up ("Setting up NAME (VERSION) ..."). */
static char *
setup_lines(const char *output)
{
	static const char words[] = "Setting up ";
	struct buf b = BUF_INIT;
	const char *at = output;

	while ((at = strstr(at, words)) != NULL) {
		const char *name = at + strlen(words);
		size_t len = name_len(name);
		const char *v = name + len;

		at = name;
		if (strncmp(v, " (", 2) != 0 || strchr(v, ')') == NULL)
			continue;
		v += 2;
		buf_addf(&b, "%s%.*s ii %.*s", b.len ? "; " : "", (int)len,
		    name, (int)strcspn(v, ")"), v);
	}
	return buf_detach(&b);
}

/* Installs the relations apt can satisfy, all at once. */
static int
install(const struct throwroot *t, char *const env[], char **met,
    size_t nmet, struct verify_depends_result *r, struct buf *shown,
    struct err *e)
{
	char **argv = xcalloc(nmet + 5, sizeof(*argv));
	size_t n = 0;

	argv[n++] = "apt-get";
	argv[n++] = "satisfy";
	argv[n++] = "--yes";
	argv[n++] = "--no-install-recommends";
	for (size_t i = 0; i < nmet; i++)
		argv[n++] = met[i];
	show(shown, argv, 4);
	r->satisfy_from = r->output.len;
	r->status = throwroot_run(t, argv, env, &r->output, e);
	free(argv);
	return r->status < 0 ? -1 : 0;
}

/* Tries each relation; those apt cannot satisfy into `unmet` with their
 * reasons, the others into `met`. */
static int
sort_out(const struct throwroot *t, char *const env[], char **rels,
    size_t n, char **met, size_t *nmet, char **unmet, char **why,
    size_t *nunmet, struct buf *log, struct err *e)
{
	*nmet = *nunmet = 0;
	for (size_t i = 0; i < n; i++) {
		bool failed;
		char *reason = simulate(t, env, rels[i], log, e, &failed);

		if (failed)
			return -1;
		if (reason == NULL) {
			met[(*nmet)++] = rels[i];
		} else {
			why[*nunmet] = reason;
			unmet[(*nunmet)++] = rels[i];
		}
	}
	return 0;
}

/* The unmet relations, with their reasons, into r->unmet, and their
 * packages into r->ignore. */
static void
record_unmet(char **unmet, char **why, size_t n,
    struct verify_depends_result *r)
{
	struct buf names = BUF_INIT;

	for (size_t i = 0; i < n; i++) {
		const char *alt = unmet[i];

		buf_addf(&r->unmet, "%s (apt: %s)\n", unmet[i], why[i]);
		while (alt != NULL) {
			alt += strspn(alt, " ");
			buf_addf(&names, "%s%.*s", names.len ? "," : "",
			    (int)name_len(alt), alt);
			alt = strchr(alt, '|');
			alt = alt ? alt + 1 : NULL;
		}
	}
	r->ignore = names.len > 0 ? buf_detach(&names) :
	    (buf_release(&names), NULL);
}

int
verify_depends_satisfy(const struct throwroot *t, char *const env[],
    const struct verify_depends *d, bool go_on,
    struct verify_depends_result *r, struct err *e)
{
	char *update[] = { "apt-get", "update", NULL };
	size_t n = d->count, nmet, nunmet;
	char **met = xcalloc(n + 1, sizeof(char *));
	char **unmet = xcalloc(n + 1, sizeof(char *));
	char **why = xcalloc(n + 1, sizeof(char *));
	struct buf shown = BUF_INIT, log = BUF_INIT;
	int rc;

	memset(r, 0, sizeof(*r));
	buf_init(&r->output);
	buf_init(&r->unmet);
	rc = sort_out(t, env, d->relations, n, met, &nmet, unmet, why,
	    &nunmet, &log, e);
	if (rc == 0 && nunmet > 0) {
		/* The host's lists lack it: refresh them, in the root only. */
		size_t before = nmet, again = 0;

		show(&shown, update, 2);
		buf_reset(&log);
		for (size_t i = 0; i < nunmet; i++)
			free(why[i]);
		if (throwroot_run(t, update, env, &r->output, e) < 0) {
			rc = -1;
		} else {
			rc = sort_out(t, env, unmet, nunmet, met + before,
			    &nmet, unmet, why, &again, &log, e);
			nmet += before;
		}
		nunmet = again;
	}
	buf_add(&r->output, log.data, log.len);
	if (rc == 0 && nmet > 0 && (nunmet == 0 || go_on))
		rc = install(t, env, met, nmet, r, &shown, e);
	record_unmet(unmet, why, nunmet, r);
	for (size_t i = 0; i < nunmet; i++)
		free(why[i]);
	r->installed = setup_lines(r->output.data);
	r->command = shown.len ? buf_detach(&shown) :
	    (buf_release(&shown), xstrdup("nothing to install"));
	free(met), free(unmet), free(why);
	buf_release(&log);
	return rc;
}

void
verify_depends_result_release(struct verify_depends_result *r)
{
	free(r->command);
	free(r->installed);
	buf_release(&r->output);
	buf_release(&r->unmet);
	free(r->ignore);
	memset(r, 0, sizeof(*r));
}
