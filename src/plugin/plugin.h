/* plugin: a plugin's metadata, wazo/plugin.yml, loaded with the position
 * of every value and sorted into typed fields. */
#ifndef WPD_PLUGIN_H
#define WPD_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/err.h"
#include "plugin/plugin_keys.h"
#include "plugin/yaml_doc.h"

/* A scalar value of plugin.yml. `node` is the value's node (NULL when the
 * key is absent); `text` is the text as the author wrote it, or NULL when
 * the value has the wrong kind. Both point into the plugin's document. */
struct plugin_field {
	const struct ydoc_node *node;
	const char *text;
};

/* One entry of `depends`: another plugin. */
struct plugin_dependency {
	const struct ydoc_node *node;
	struct plugin_field name;
	struct plugin_field namespace;
};

/* One top-level pair of plugin.yml. */
struct plugin_entry {
	const char *key;	/* the key's text; NULL when it is no scalar */
	const struct ydoc_node *key_node;
	const struct ydoc_node *value;
	const struct plugin_key *row;	/* in plugin_keys[], or NULL */
};

/*
 * A loaded plugin.yml: every top-level pair in document order (duplicates
 * and keys that are no text included), and the keys of plugin_keys[] in
 * typed fields. Readers use these, never the document itself.
 */
struct plugin {
	char *path;			/* plugin.yml as shown to the user */
	struct ydoc *doc;		/* owns the nodes everything points to */
	struct diag_pos pos;		/* the top-level mapping's position */
	struct plugin_entry *entries;
	size_t entry_count;
	struct plugin_field name;
	struct plugin_field namespace;
	struct plugin_field version;
	struct plugin_field description;
	struct plugin_field min_wazo_version;
	struct plugin_field max_wazo_version;
	const struct ydoc_node *format_node;
	/* 0 when absent; meaningless unless format_known (an integer). */
	long long format_version;
	bool format_known;
	struct plugin_dependency *depends;
	size_t depends_count;
	struct plugin_field *debian_depends;
	size_t debian_depends_count;
	/* PLUGIN_KEY_PROSE keys: owned text, or NULL (see plugin_keys.h). */
	char *author;
	char *license;
};

/* The plugin_format_version values this tool supports. */
#define PLUGIN_FORMAT_MAX 2

/*
 * Loads plugin.yml from `len` bytes; `path` names the file in diagnostics.
 * Values of the wrong kind (a list where a string is needed...) are added
 * to `diags` as errors, and numbers written where a version string was
 * meant as warnings. Returns the plugin, or NULL (with an error in `diags`)
 * when the YAML cannot be read or its top level is not a mapping.
 */
struct plugin *plugin_load(const char *data, size_t len, const char *path,
    struct diag_list *diags);
/* As plugin_load(), reading the file at `file`; NULL and `e` set on a
 * system error, NULL and an error in `diags` on an invalid file. */
struct plugin *plugin_load_file(const char *file, const char *path,
    struct diag_list *diags, struct err *e);
void plugin_free(struct plugin *p);

/* True when `name` matches ^[a-z0-9-]+$ (a plugin's name). */
bool plugin_name_valid(const char *name);
/* True when `ns` matches ^[a-z0-9]+$ (a plugin's namespace). */
bool plugin_namespace_valid(const char *ns);
/* The Debian package "<prefix>-<name>-<namespace>", or NULL when name or
 * namespace is missing or invalid. The caller frees the string. */
char *plugin_package_name(const char *prefix, const char *name,
    const char *ns);

#endif
