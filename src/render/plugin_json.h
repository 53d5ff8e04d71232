/* plugin_json: a plugin as `check --format=json` shows it, for tools such
 * as dh_wazo_plugin. */
#ifndef WPD_PLUGIN_JSON_H
#define WPD_PLUGIN_JSON_H

#include <stdbool.h>

#include "base/buf.h"
#include "plugin/plugin.h"
#include "plugin/settings.h"

/*
 * Appends to `out` the JSON object of plugin `p`: the keys plugin_keys[]
 * marks PLUGIN_USE_JSON, in the table's order (null when unusable), then
 * package, depends, metadata_path, rules_path and backup_rules_path (null
 * unless `valid`, except package). Appends null when `p` is NULL.
 */
void plugin_json_add(struct buf *out, const struct plugin *p,
    const struct settings *c, bool valid);

#endif
