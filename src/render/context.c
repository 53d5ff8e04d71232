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

	switch (ydoc_type(n)) {
	case YDOC_TYPE_NULL:
		return tvalue_none(a);
	case YDOC_TYPE_BOOL:
		ydoc_bool_value(n, &b);
		return tvalue_bool(a, b);
	case YDOC_TYPE_INT:
		if (ydoc_int_value(n, &i))
			return tvalue_int(a, i);
		break;
	case YDOC_TYPE_FLOAT:
		if (ydoc_float_value(n, &f))
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

struct tvalue *
context_build(struct arena *a, const struct plugin *p, const struct settings *c,
    const struct context_extras *extras)
{
	struct tvalue *ctx = context_yaml_value(a, p->root);

	/* Versions stay the text written (wazo-plugin.yml(5)). */
	tvalue_set(a, ctx, "version", tvalue_cstring(a, p->version.text));
	if (p->min_wazo_version.text != NULL)
		tvalue_set(a, ctx, "min_wazo_version",
		    tvalue_cstring(a, p->min_wazo_version.text));
	if (p->max_wazo_version.text != NULL)
		tvalue_set(a, ctx, "max_wazo_version",
		    tvalue_cstring(a, p->max_wazo_version.text));
	if (p->format_node != NULL)
		tvalue_set(a, ctx, "plugin_format_version",
		    tvalue_int(a, p->format_version));
	tvalue_set(a, ctx, "debian_depends", dependency_list(a, p, c));
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
