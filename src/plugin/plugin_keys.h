/* plugin_keys: the one table of plugin.yml's top-level keys. Loading,
 * validation, the template context and `check --format=json` all read it:
 * adding a key is one row here (plus its field in struct plugin when the
 * key is typed) and its test. */
#ifndef WPD_PLUGIN_KEYS_H
#define WPD_PLUGIN_KEYS_H

#include <stdbool.h>
#include <stddef.h>

struct plugin;
struct plugin_field;

/* What a key's value must be, which also says how plugin_load() reads it
 * and where the plugin keeps it. */
enum plugin_key_kind {
	/** A string; kept in a struct plugin_field. */
	PLUGIN_KEY_TEXT,
	/** A string, or a YAML number kept as written (with a warning); kept
	 * in a struct plugin_field. */
	PLUGIN_KEY_VERSION,
	/** An integer: format_version, format_known and format_node. */
	PLUGIN_KEY_FORMAT,
	/** A list of {name, namespace} mappings: depends[]. */
	PLUGIN_KEY_PLUGINS,
	/** A list of Debian dependency strings: debian_depends[]. */
	PLUGIN_KEY_RELATIONS,
	/** Any value, kept as text for people to read (a scalar's text, a
	 * list's scalars joined with ", "); a char * of struct plugin. */
	PLUGIN_KEY_PROSE,
	/** Any value; not loaded, only passed to the templates. */
	PLUGIN_KEY_ANY,
};

/* What a key's value feeds, as flags. Every key reaches the template
 * context; `context` says with which value. */
enum plugin_key_use {
	/** A one-line field of the control file (Package, Version, Depends). */
	PLUGIN_USE_CONTROL = 1 << 0,
	/** The control file's Description, folded: line breaks allowed. */
	PLUGIN_USE_DESCRIPTION = 1 << 1,
	/** The "plugin" object of `check --format=json`. */
	PLUGIN_USE_JSON = 1 << 2,
	/** The package's copyright file. */
	PLUGIN_USE_COPYRIGHT = 1 << 3,
	/** Which rules commands must work (postrm from format 1). */
	PLUGIN_USE_RULES = 1 << 4,
	/** Checked against --wazo-version. */
	PLUGIN_USE_WAZO_VERSION = 1 << 5,
	/** Read by the Wazo plugin market; not used for packaging. */
	PLUGIN_USE_MARKET = 1 << 6,
};

/* The value a key has in the template context. */
enum plugin_key_context {
	/** The value PyYAML loads (context_yaml_value()). */
	PLUGIN_CONTEXT_YAML,
	/** The loaded value: the text as written, the integer read. */
	PLUGIN_CONTEXT_LOADED,
	/** The package's whole dependency list (debian_depends). */
	PLUGIN_CONTEXT_DEPENDENCIES,
};

/* No field in struct plugin (see struct plugin_key's `field`). */
#define PLUGIN_KEY_NO_FIELD ((size_t)-1)

/* One row: one top-level key of plugin.yml. */
struct plugin_key {
	const char *name;
	enum plugin_key_kind kind;
	/* What a value of the wrong kind is told it should be, or NULL when
	 * any value is accepted. */
	const char *expected;
	bool required;
	/* The first plugin_format_version that defines the key. */
	int since_format;
	unsigned uses;			/* enum plugin_key_use flags */
	enum plugin_key_context context;
	/* offsetof() the key's field in struct plugin (a struct plugin_field
	 * for TEXT and VERSION, a char * for PROSE), or PLUGIN_KEY_NO_FIELD. */
	size_t field;
};

/* The table, in the order keys are loaded, checked and suggested. */
extern const struct plugin_key plugin_keys[];
extern const size_t plugin_keys_count;

/* The row of the key named `name`, or NULL for a key the table lacks. */
const struct plugin_key *plugin_keys_find(const char *name);
/* The key of the table that `name` is a likely typo of, or NULL. */
const char *plugin_keys_nearest(const char *name);
/* The plugin's field for key `k` (TEXT and VERSION rows), or NULL. The
 * field belongs to the plugin. */
const struct plugin_field *plugin_keys_field(const struct plugin *p,
    const struct plugin_key *k);
/* The plugin's text for a PROSE row `k`, or NULL (absent, null, empty or
 * not a PROSE row); it belongs to the plugin. */
const char *plugin_keys_prose(const struct plugin *p,
    const struct plugin_key *k);

#endif
