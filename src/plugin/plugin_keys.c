/* plugin_keys: the one table of plugin.yml's top-level keys. */
#include <config.h>

#include <stddef.h>
#include <string.h>

#include "base/compiler.h"
#include "base/spelling.h"
#include "plugin/plugin_keys.h"
#include "plugin/plugin_model.h"

#define FIELD(member) offsetof(struct plugin, member)
#define NONE PLUGIN_KEY_NO_FIELD

/*
 * Columns: name, kind, what a wrong value should be, required, first
 * format version, uses, value in the template context, field. The order
 * is the order of loading, of the checks and of the suggestions for
 * typos; JSON shows its keys in this order too.
 */
const struct plugin_key plugin_keys[] = {
	{ "name", PLUGIN_KEY_TEXT, "a string", true, 0,
	  PLUGIN_USE_CONTROL | PLUGIN_USE_JSON | PLUGIN_USE_COPYRIGHT,
	  PLUGIN_CONTEXT_YAML, FIELD(name) },
	{ "namespace", PLUGIN_KEY_TEXT, "a string", true, 0,
	  PLUGIN_USE_CONTROL | PLUGIN_USE_JSON | PLUGIN_USE_COPYRIGHT,
	  PLUGIN_CONTEXT_YAML, FIELD(namespace) },
	{ "version", PLUGIN_KEY_VERSION, "a version string", true, 0,
	  PLUGIN_USE_CONTROL | PLUGIN_USE_JSON | PLUGIN_USE_COPYRIGHT,
	  PLUGIN_CONTEXT_LOADED, FIELD(version) },
	{ "description", PLUGIN_KEY_TEXT, "a string", false, 0,
	  PLUGIN_USE_DESCRIPTION, PLUGIN_CONTEXT_YAML, FIELD(description) },
	{ "plugin_format_version", PLUGIN_KEY_FORMAT,
	  "an integer (0, 1 or 2)", false, 0,
	  PLUGIN_USE_JSON | PLUGIN_USE_RULES, PLUGIN_CONTEXT_LOADED, NONE },
	{ "depends", PLUGIN_KEY_PLUGINS,
	  "a list of plugins ({name, namespace} mappings)", false, 0,
	  PLUGIN_USE_CONTROL, PLUGIN_CONTEXT_YAML, NONE },
	{ "debian_depends", PLUGIN_KEY_RELATIONS,
	  "a list of Debian dependencies", false, 0,
	  PLUGIN_USE_CONTROL, PLUGIN_CONTEXT_DEPENDENCIES, NONE },
	{ "min_wazo_version", PLUGIN_KEY_VERSION, "a version string", false, 2,
	  PLUGIN_USE_WAZO_VERSION, PLUGIN_CONTEXT_LOADED,
	  FIELD(min_wazo_version) },
	{ "max_wazo_version", PLUGIN_KEY_VERSION, "a version string", false, 2,
	  PLUGIN_USE_WAZO_VERSION, PLUGIN_CONTEXT_LOADED,
	  FIELD(max_wazo_version) },
	/* used by the Wazo plugin market, not for packaging */
	{ "display_name", PLUGIN_KEY_ANY, NULL, false, 0,
	  PLUGIN_USE_MARKET, PLUGIN_CONTEXT_YAML, NONE },
	{ "author", PLUGIN_KEY_PROSE, NULL, false, 0,
	  PLUGIN_USE_MARKET | PLUGIN_USE_COPYRIGHT, PLUGIN_CONTEXT_YAML,
	  FIELD(author) },
	{ "tags", PLUGIN_KEY_ANY, NULL, false, 0,
	  PLUGIN_USE_MARKET, PLUGIN_CONTEXT_YAML, NONE },
	{ "homepage", PLUGIN_KEY_ANY, NULL, false, 0,
	  PLUGIN_USE_MARKET, PLUGIN_CONTEXT_YAML, NONE },
	{ "icon", PLUGIN_KEY_ANY, NULL, false, 0,
	  PLUGIN_USE_MARKET, PLUGIN_CONTEXT_YAML, NONE },
	{ "screenshots", PLUGIN_KEY_ANY, NULL, false, 0,
	  PLUGIN_USE_MARKET, PLUGIN_CONTEXT_YAML, NONE },
	{ "license", PLUGIN_KEY_PROSE, NULL, false, 0,
	  PLUGIN_USE_MARKET | PLUGIN_USE_COPYRIGHT, PLUGIN_CONTEXT_YAML,
	  FIELD(license) },
	{ "short_description", PLUGIN_KEY_ANY, NULL, false, 0,
	  PLUGIN_USE_MARKET, PLUGIN_CONTEXT_YAML, NONE },
	{ "color", PLUGIN_KEY_ANY, NULL, false, 0,
	  PLUGIN_USE_MARKET, PLUGIN_CONTEXT_YAML, NONE },
};

const size_t plugin_keys_count = WPD_ARRAY_SIZE(plugin_keys);

const struct plugin_key *
plugin_keys_find(const char *name)
{
	for (size_t i = 0; i < plugin_keys_count; i++)
		if (strcmp(name, plugin_keys[i].name) == 0)
			return &plugin_keys[i];
	return NULL;
}

const char *
plugin_keys_nearest(const char *name)
{
	const char *names[WPD_ARRAY_SIZE(plugin_keys)];

	for (size_t i = 0; i < plugin_keys_count; i++)
		names[i] = plugin_keys[i].name;
	return spelling_nearest(name, names, plugin_keys_count);
}

const struct plugin_field *
plugin_keys_field(const struct plugin *p, const struct plugin_key *k)
{
	if (k->kind != PLUGIN_KEY_TEXT && k->kind != PLUGIN_KEY_VERSION)
		return NULL;
	return (const struct plugin_field *)((const char *)p + k->field);
}

const char *
plugin_keys_prose(const struct plugin *p, const struct plugin_key *k)
{
	if (k->kind != PLUGIN_KEY_PROSE)
		return NULL;
	return *(char *const *)((const char *)p + k->field);
}
