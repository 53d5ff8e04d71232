/* host_plugins: the plugins this machine has, from dpkg's database. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/file.h"
#include "base/process.h"
#include "base/xalloc.h"
#include "host/host_plugins.h"

/* One line per package: the fields below, tab-separated. */
#define QUERY_FORMAT "${Package}\\t${Version}\\t${db:Status-Abbrev}\\t" \
    "${db:Status-Status}\\t${Depends}\\n"
#define FIELDS 5

/* Splits `line` at tabs into `fields` (pointers into it); true when it
 * has exactly FIELDS of them. */
static bool
split_fields(char *line, char **fields)
{
	size_t n = 0;

	fields[n++] = line;
	for (char *p = line; *p != '\0'; p++) {
		if (*p != '\t')
			continue;
		if (n == FIELDS)
			return false;
		*p = '\0';
		fields[n++] = p + 1;
	}
	return n == FIELDS;
}

/* NAME and NAMESPACE from PREFIX-NAME-NAMESPACE (the namespace has no
 * dash); false for a package of another shape. */
static bool
split_package(const char *package, const char *prefix, char **name,
    char **ns)
{
	size_t plen = strlen(prefix);
	const char *rest, *dash;

	if (strncmp(package, prefix, plen) != 0 || package[plen] != '-')
		return false;
	rest = package + plen + 1;
	dash = strrchr(rest, '-');
	if (dash == NULL || dash == rest || dash[1] == '\0')
		return false;
	*name = xstrndup(rest, (size_t)(dash - rest));
	*ns = xstrdup(dash + 1);
	return true;
}

/* Whether METADATA_DIR/NS/NAME/wazo/plugin.yml is there. */
static bool
has_metadata(const char *metadata_dir, const char *ns, const char *name)
{
	char *path = xasprintf("%s/%s/%s/wazo/plugin.yml", metadata_dir, ns,
	    name);
	bool there = access(path, F_OK) == 0;

	free(path);
	return there;
}

/* Adds the package of one line of dpkg-query's output, unless dpkg only
 * knows its name (not-installed) or it is not a plugin's. */
static void
add_line(struct host_plugin_list *l, char *line, const char *prefix,
    const char *metadata_dir)
{
	char *f[FIELDS], *name, *ns, *abbrev;
	struct host_plugin *p;
	size_t len;

	if (!split_fields(line, f) || strcmp(f[3], "not-installed") == 0 ||
	    !split_package(f[0], prefix, &name, &ns))
		return;
	abbrev = xstrdup(f[2]);
	len = strlen(abbrev);
	while (len > 0 && abbrev[len - 1] == ' ')
		abbrev[--len] = '\0';
	l->items = xreallocarray(l->items, l->n + 1, sizeof(*l->items));
	p = &l->items[l->n++];
	*p = (struct host_plugin){
		.package = xstrdup(f[0]), .name = name, .namespace = ns,
		.version = xstrdup(f[1]), .abbrev = abbrev,
		.state = xstrdup(f[3]), .depends = xstrdup(f[4]),
		.metadata = has_metadata(metadata_dir, ns, name),
	};
}

int
host_plugins_read(const char *prefix, const char *metadata_dir,
    struct host_plugin_list *out, struct err *e)
{
	char *pattern = xasprintf("%s-*", prefix);
	char *argv[] = { "dpkg-query", "--show", "--showformat=" QUERY_FORMAT,
	    pattern, NULL };
	struct buf text = BUF_INIT;
	int status = process_probe(argv, NULL, NULL, &text, e);
	char *line, *next;

	free(pattern);
	*out = (struct host_plugin_list)HOST_PLUGIN_LIST_INIT;
	/* Exit 1 and no output: no package matches. */
	if (status < 0 || (status != 0 && (status != 1 || text.len > 0))) {
		buf_release(&text);
		return status < 0 ? -1 : err_set(e, STATUS_SYSTEM, "dpkg-query "
		    "cannot read dpkg's database (exit status %d)", status);
	}
	for (line = text.data; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		add_line(out, line, prefix, metadata_dir);
	}
	buf_release(&text);
	return 0;
}

void
host_plugins_release(struct host_plugin_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct host_plugin *p = &l->items[i];

		free(p->package);
		free(p->name);
		free(p->namespace);
		free(p->version);
		free(p->abbrev);
		free(p->state);
		free(p->depends);
	}
	free(l->items);
	*l = (struct host_plugin_list)HOST_PLUGIN_LIST_INIT;
}

const struct host_plugin *
host_plugins_find(const struct host_plugin_list *l, const char *package)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].package, package) == 0)
			return &l->items[i];
	return NULL;
}

bool
host_plugins_present(const struct host_plugin *p)
{
	return strcmp(p->state, "config-files") != 0 &&
	    strcmp(p->state, "not-installed") != 0;
}

bool
host_plugins_installed(const struct host_plugin *p)
{
	return strcmp(p->abbrev, "ii") == 0;
}

/* Whether the Depends field `depends` names `package` (in any
 * alternative, with or without a version or an architecture). */
static bool
depends_on(const char *depends, const char *package)
{
	size_t len = strlen(package);
	const char *p = depends;

	while (*p != '\0') {
		p += strspn(p, " ,|");
		if (strncmp(p, package, len) == 0 &&
		    strchr(" ,|(:", p[len]) != NULL)
			return true;
		p += strcspn(p, ",|");
	}
	return false;
}

size_t
host_plugins_dependents(const struct host_plugin_list *l,
    const char *package, size_t *out)
{
	bool *marked = xcalloc(l->n ? l->n : 1, sizeof(*marked));
	size_t n = 0;
	bool grew = true;

	/* Until no more: a plugin that depends on `package` or on one
	 * already marked. */
	while (grew) {
		grew = false;
		for (size_t i = 0; i < l->n; i++) {
			const struct host_plugin *p = &l->items[i];
			bool hit = depends_on(p->depends, package);

			for (size_t j = 0; !hit && j < l->n; j++)
				hit = marked[j] && depends_on(p->depends,
				    l->items[j].package);
			if (marked[i] || !hit || !host_plugins_present(p) ||
			    strcmp(p->package, package) == 0)
				continue;
			marked[i] = grew = true;
		}
	}
	for (size_t i = 0; i < l->n; i++)
		if (marked[i])
			out[n++] = i;
	free(marked);
	return n;
}
