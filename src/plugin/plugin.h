/* plugin: a plugin's metadata, wazo/plugin.yml, loaded with the position
 * of every value and sorted into typed fields. */
#ifndef WPD_PLUGIN_H
#define WPD_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/err.h"
#include "plugin/plugin_keys.h"
#include "plugin/plugin_model.h"
#include "plugin/yaml_doc.h"

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
/* As plugin_load_file(), from the open file `fd` (left open). */
struct plugin *plugin_load_fd(int fd, const char *path,
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
