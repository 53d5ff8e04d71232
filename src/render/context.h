/* context: the variables package templates see, built from plugin.yml
 * and the configuration (wazo-plugin-deb(1), TEMPLATE CONTEXT). */
#ifndef WPD_CONTEXT_H
#define WPD_CONTEXT_H

#include "base/arena.h"
#include "plugin/settings.h"
#include "plugin/plugin.h"
#include "template/tvalue.h"
#include "plugin/yaml_doc.h"

/* What the package's templates get beyond plugin.yml and the config. */
struct context_extras {
	const char *architecture;	/* "all", "amd64"... */
	long long installed_size;	/* KiB, or -1 when not known yet */
	const char *source_commit;	/* the git commit packaged, or NULL */
};

/* A YAML node as the value PyYAML would load: typed scalars, lists,
 * mappings with text keys. */
struct tvalue *context_yaml_value(struct arena *a, const struct ydoc_node *n);

/*
 * The template context of a valid plugin: every top-level key of
 * plugin.yml with its value (version, min_wazo_version and
 * max_wazo_version as the text written, plugin_format_version as the
 * integer read); debian_depends replaced by the package's whole
 * dependency list; rules_path, backup_rules_path and
 * debian_package_section as wazo-plugind names them; and package,
 * architecture, maintainer, priority, installed_size (when known),
 * control_description, metadata_dir, backup_rules_dir and source_commit
 * (for a git source).
 */
struct tvalue *context_build(struct arena *a, const struct plugin *p,
    const struct settings *c, const struct context_extras *extras);

/* The paths and names the package is made of; the caller frees them. */
char *context_package_name(const struct plugin *p, const struct settings *c);
/* "<metadata_dir>/<namespace>/<name>/wazo": where an installed plugin's
 * wazo/ directory is found. */
char *context_metadata_path(const struct plugin *p, const struct settings *c);
char *context_rules_path(const struct plugin *p, const struct settings *c);
char *context_backup_rules_path(const struct plugin *p,
    const struct settings *c);

#endif
