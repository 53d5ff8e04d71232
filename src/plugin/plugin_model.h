/* plugin_model: what a loaded plugin.yml is made of (struct plugin and
 * its fields), apart from the functions that load it, so that the table
 * of keys (plugin_keys.c) can address the fields without depending on the
 * loader. */
#ifndef WPD_PLUGIN_MODEL_H
#define WPD_PLUGIN_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "plugin/yaml_doc.h"

struct plugin_key;

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
	/* The version a build stamped (plugin_stamp.h), which version.text
	 * then points to; NULL when the plugin keeps its own. */
	char *stamped_version;
};

#endif
