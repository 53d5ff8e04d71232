/* plugin_json: a plugin as `check --format=json` shows it. */
#include <config.h>

#include <stdlib.h>

#include "base/json.h"
#include "render/context.h"
#include "render/plugin_json.h"

static void
add_member(struct buf *out, const char *name, const char *value)
{
	buf_addf(out, ", \"%s\": ", name);
	json_add_string(out, value);
}

/* The value of row `k`, which has a field or is the format version. */
static void
add_key_value(struct buf *out, const struct plugin *p,
    const struct plugin_key *k)
{
	const struct plugin_field *f = plugin_keys_field(p, k);

	if (f != NULL)
		json_add_string(out, f->text);
	else if (k->kind == PLUGIN_KEY_FORMAT && p->format_known)
		buf_addf(out, "%lld", p->format_version);
	else
		buf_adds(out, "null");
}

/* The table's keys for JSON, each followed by ", ". */
static void
add_keys(struct buf *out, const struct plugin *p)
{
	for (size_t i = 0; i < plugin_keys_count; i++) {
		if (!(plugin_keys[i].uses & PLUGIN_USE_JSON))
			continue;
		buf_addf(out, "\"%s\": ", plugin_keys[i].name);
		add_key_value(out, p, &plugin_keys[i]);
		buf_adds(out, ", ");
	}
}

/* The package's whole dependency list, as the templates get it. */
static void
add_dependencies(struct buf *out, const struct plugin *p,
    const struct settings *c)
{
	struct arena a = { NULL };
	struct context_extras extras = { "all", -1, NULL };
	struct tvalue *ctx = context_build(&a, p, c, &extras);
	struct tvalue *deps = tvalue_get(ctx, "debian_depends");

	buf_addc(out, '[');
	for (size_t i = 0; i < deps->count; i++) {
		if (i > 0)
			buf_adds(out, ", ");
		json_add_string(out, deps->items[i]->s);
	}
	buf_addc(out, ']');
	arena_release(&a);
}

/* The package's dependencies and paths: null unless the plugin is valid. */
static void
add_package_members(struct buf *out, const struct plugin *p,
    const struct settings *c, bool valid)
{
	char *rules = NULL, *backup = NULL, *meta = NULL;

	if (valid) {
		rules = context_rules_path(p, c);
		backup = context_backup_rules_path(p, c);
		meta = context_metadata_path(p, c);
	}
	buf_adds(out, ", \"depends\": ");
	if (valid)
		add_dependencies(out, p, c);
	else
		buf_adds(out, "null");
	add_member(out, "metadata_path", meta);
	add_member(out, "rules_path", rules);
	add_member(out, "backup_rules_path", backup);
	add_member(out, "conffiles", settings_get(c, SETTING_CONFFILES));
	free(rules);
	free(backup);
	free(meta);
}

void
plugin_json_add(struct buf *out, const struct plugin *p,
    const struct settings *c, bool valid)
{
	char *package;

	if (p == NULL) {
		buf_adds(out, "null");
		return;
	}
	package = context_package_name(p, c);
	buf_addc(out, '{');
	add_keys(out, p);
	buf_adds(out, "\"package\": ");
	json_add_string(out, package);
	add_package_members(out, p, c, valid);
	buf_addc(out, '}');
	free(package);
}
