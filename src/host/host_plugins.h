/* host_plugins: the plugins this machine has, as dpkg's database says
 * (dpkg-query over the packages PREFIX-*), with whether each one's
 * metadata is where wazo-plugind reads it, and which of them depend on
 * which. Reads only. */
#ifndef WPD_HOST_PLUGINS_H
#define WPD_HOST_PLUGINS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err.h"

/* One package PREFIX-NAME-NAMESPACE that dpkg knows, in any state but
 * not-installed. All strings are owned by the list. */
struct host_plugin {
	char *package;
	char *name, *namespace;	/* split back from the package name */
	char *version;
	char *abbrev;		/* dpkg's two letters: "ii", "rc", "iU"... */
	char *state;		/* "installed", "config-files", "half-installed"... */
	char *depends;		/* the Depends field, or "" */
	bool metadata;		/* METADATA_DIR/NAMESPACE/NAME/wazo/plugin.yml */
};

struct host_plugin_list {
	struct host_plugin *items;	/* by package name */
	size_t n;
};

#define HOST_PLUGIN_LIST_INIT { NULL, 0 }

/*
 * Fills `out` with the packages PREFIX-* dpkg knows (dpkg-query -W),
 * with the metadata of each looked for in `metadata_dir`. Returns 0, or
 * -1 with `e` set when dpkg-query cannot be run or fails.
 */
int host_plugins_read(const char *prefix, const char *metadata_dir,
    struct host_plugin_list *out, struct err *e);
void host_plugins_release(struct host_plugin_list *l);

/* The entry of `package`, or NULL. */
const struct host_plugin *host_plugins_find(const struct host_plugin_list *l,
    const char *package);
/* True when the package is unpacked at least (not config-files). */
bool host_plugins_present(const struct host_plugin *p);
/* True when the package is installed and configured (dpkg's "ii"). */
bool host_plugins_installed(const struct host_plugin *p);
/*
 * The present plugins that depend on `package`, directly or through
 * others, in the order of the list: indexes into `l->items` stored in
 * `out` (room for l->n); returns how many.
 */
size_t host_plugins_dependents(const struct host_plugin_list *l,
    const char *package, size_t *out);

#endif
