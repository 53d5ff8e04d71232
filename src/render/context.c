/* context: the variables package templates see. */
#include <config.h>

#include <stdlib.h>

#include "render/context.h"
#include "render/control.h"
#include "plugin/yaml_scalar.h"

static struct tvalue *
scalar_value(struct arena *a, const struct ydoc_node *n)
{
	long long i;
	double f;
	bool b;

	switch (yaml_scalar_type(n)) {
	case YDOC_TYPE_NULL:
		return tvalue_none(a);
	case YDOC_TYPE_BOOL:
		yaml_scalar_bool_value(n, &b);
		return tvalue_bool(a, b);
	case YDOC_TYPE_INT:
		if (yaml_scalar_int_value(n, &i))
			return tvalue_int(a, i);
		break;
	case YDOC_TYPE_FLOAT:
		if (yaml_scalar_float_value(n, &f))
			return tvalue_float(a, f);
		break;
	default:
		break;
	}
	return tvalue_string(a, n->text, n->len);
}

struct tvalue *
context_yaml_value(struct arena *a, const struct ydoc_node *n)
{
	struct tvalue *v;

	switch (n->kind) {
	case YDOC_SEQUENCE:
		v = tvalue_list(a);
		for (size_t i = 0; i < n->count; i++)
			tvalue_append(a, v, context_yaml_value(a, n->items[i]));
		return v;
	case YDOC_MAPPING:
		v = tvalue_map(a);
		for (size_t i = 0; i < n->count; i++)
			if (n->pairs[i].key->kind == YDOC_SCALAR)
				tvalue_set(a, v, n->pairs[i].key->text,
				    context_yaml_value(a, n->pairs[i].value));
		return v;
	default:
		return scalar_value(a, n);
	}
}

char *
context_package_name(const struct plugin *p, const struct settings *c)
{
	return plugin_package_name(settings_get(c, SETTING_PACKAGE_PREFIX),
	    p->name.text, p->namespace.text);
}

char *
context_metadata_path(const struct plugin *p, const struct settings *c)
{
	return xasprintf("%s/%s/%s/wazo",
	    settings_get(c, SETTING_METADATA_DIR), p->namespace.text, p->name.text);
}

char *
context_rules_path(const struct plugin *p, const struct settings *c)
{
	char *meta = context_metadata_path(p, c);
	char *rules = xasprintf("%s/rules", meta);

	free(meta);
	return rules;
}

char *
context_backup_rules_path(const struct plugin *p, const struct settings *c)
{
	return xasprintf("%s/rules.%s.%s", settings_get(c, SETTING_BACKUP_RULES_DIR),
	    p->name.text, p->namespace.text);
}

/* The plugin's debian_depends, then one package per plugin it needs. */
static struct tvalue *
dependency_list(struct arena *a, const struct plugin *p,
    const struct settings *c)
{
	struct tvalue *list = tvalue_list(a);

	for (size_t i = 0; i < p->debian_depends_count; i++)
		tvalue_append(a, list,
		    tvalue_cstring(a, p->debian_depends[i].text));
	for (size_t i = 0; i < p->depends_count; i++) {
		char *name = plugin_package_name(
		    settings_get(c, SETTING_PACKAGE_PREFIX),
		    p->depends[i].name.text, p->depends[i].namespace.text);

		tvalue_append(a, list, tvalue_cstring(a, name));
		free(name);
	}
	return list;
}

static void
set_owned(struct arena *a, struct tvalue *map, const char *key, char *value)
{
	tvalue_set(a, map, key, tvalue_cstring(a, value));
	free(value);
}

/* The loaded value of row `k` (LOADED in the table), or NULL when the
 * plugin holds none (absent, or of the wrong kind). */
static struct tvalue *
loaded_value(struct arena *a, const struct plugin *p,
    const struct plugin_key *k)
{
	const struct plugin_field *f = plugin_keys_field(p, k);

	if (f != NULL)
		return f->text != NULL ? tvalue_cstring(a, f->text) : NULL;
	if (k->kind == PLUGIN_KEY_FORMAT && p->format_known)
		return tvalue_int(a, p->format_version);
	return NULL;
}

/* Every top-level key of plugin.yml, in document order, with the value
 * its row of the table says; the dependency list even when absent. */
static struct tvalue *
plugin_values(struct arena *a, const struct plugin *p,
    const struct settings *c)
{
	struct tvalue *map = tvalue_map(a);

	for (size_t i = 0; i < p->entry_count; i++) {
		const struct plugin_entry *e = &p->entries[i];
		struct tvalue *v = NULL;

		if (e->key == NULL)
			continue;
		if (e->row != NULL && e->row->context == PLUGIN_CONTEXT_LOADED)
			v = loaded_value(a, p, e->row);
		tvalue_set(a, map, e->key,
		    v != NULL ? v : context_yaml_value(a, e->value));
	}
	/* Replaced in place, or added when plugin.yml lacks the key. */
	for (size_t i = 0; i < plugin_keys_count; i++)
		if (plugin_keys[i].context == PLUGIN_CONTEXT_DEPENDENCIES)
			tvalue_set(a, map, plugin_keys[i].name,
			    dependency_list(a, p, c));
	return map;
}

struct tvalue *
context_build(struct arena *a, const struct plugin *p, const struct settings *c,
    const struct context_extras *extras)
{
	struct tvalue *ctx = plugin_values(a, p, c);

	set_owned(a, ctx, "rules_path", context_rules_path(p, c));
	set_owned(a, ctx, "backup_rules_path", context_backup_rules_path(p, c));
	tvalue_set(a, ctx, "debian_package_section",
	    tvalue_cstring(a, settings_get(c, SETTING_SECTION)));
	set_owned(a, ctx, "package", context_package_name(p, c));
	tvalue_set(a, ctx, "architecture",
	    tvalue_cstring(a, extras->architecture));
	tvalue_set(a, ctx, "maintainer",
	    tvalue_cstring(a, settings_get(c, SETTING_MAINTAINER)));
	tvalue_set(a, ctx, "priority", tvalue_cstring(a, "optional"));
	if (extras->installed_size >= 0)
		tvalue_set(a, ctx, "installed_size",
		    tvalue_int(a, extras->installed_size));
	set_owned(a, ctx, "control_description", control_description(
	    p->description.text, p->name.text, p->namespace.text));
	tvalue_set(a, ctx, "metadata_dir",
	    tvalue_cstring(a, settings_get(c, SETTING_METADATA_DIR)));
	tvalue_set(a, ctx, "backup_rules_dir",
	    tvalue_cstring(a, settings_get(c, SETTING_BACKUP_RULES_DIR)));
	if (extras->source_commit != NULL)
		tvalue_set(a, ctx, "source_commit",
		    tvalue_cstring(a, extras->source_commit));
	return ctx;
}
