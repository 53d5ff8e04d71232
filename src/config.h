/* config: the settings a package is made with: wazo-plugind's keys, read
 * from a YAML file (--config) and from the command line, which wins. */
#ifndef WPD_CONFIG_H
#define WPD_CONFIG_H

#include "diag.h"
#include "err.h"

enum config_key {
	CONFIG_PACKAGE_PREFIX,	/* default_debian_package_prefix */
	CONFIG_SECTION,		/* debian_package_section */
	CONFIG_METADATA_DIR,	/* metadata_dir */
	CONFIG_BACKUP_RULES_DIR, /* backup_rules_dir */
	CONFIG_TEMPLATE_DIR,	/* template_dir */
	CONFIG_CONTROL_TEMPLATE, /* control_template */
	CONFIG_POSTINST_TEMPLATE, /* postinst_template */
	CONFIG_PRERM_TEMPLATE,	/* prerm_template */
	CONFIG_POSTRM_TEMPLATE,	/* postrm_template */
	CONFIG_MAINTAINER,	/* maintainer */
	CONFIG_KEY_COUNT,
};

/* Every value is a malloc(3)ed string owned by the config; template_dir
 * is NULL until set (the built-in templates are used). */
struct config {
	char *values[CONFIG_KEY_COUNT];
};

/* The contract's defaults. */
void config_init(struct config *c);
void config_release(struct config *c);
const char *config_get(const struct config *c, enum config_key key);
/* The YAML key of a setting ("metadata_dir"...). */
const char *config_key_name(enum config_key key);

/*
 * Sets `key` to `value` after checking it; `origin` names where the value
 * comes from in the message ("--metadata-dir"). Returns 0, or -1 with `e`
 * set (STATUS_USAGE).
 */
int config_set(struct config *c, enum config_key key, const char *value,
    const char *origin, struct err *e);

/*
 * Reads the YAML file `path`: each known key sets its value (values set
 * later on the command line win); unknown keys are ignored (a wazo-plugind
 * configuration file holds many), except likely typos of known ones, which
 * are warned about. Problems go to `diags`; returns -1 with `e` set when
 * the file cannot be read.
 */
int config_load_file(struct config *c, const char *path,
    struct diag_list *diags, struct err *e);

#endif
