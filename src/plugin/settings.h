/* settings: the settings a package is made with: wazo-plugind's keys, read
 * from a YAML file (--config) and from the command line, which wins. */
#ifndef WPD_SETTINGS_H
#define WPD_SETTINGS_H

#include <stdbool.h>

#include "base/diag.h"
#include "base/err.h"

enum settings_key {
	SETTING_PACKAGE_PREFIX,	/* default_debian_package_prefix */
	SETTING_SECTION,		/* debian_package_section */
	SETTING_METADATA_DIR,	/* metadata_dir */
	SETTING_BACKUP_RULES_DIR, /* backup_rules_dir */
	SETTING_TEMPLATE_DIR,	/* template_dir */
	SETTING_CONTROL_TEMPLATE, /* control_template */
	SETTING_POSTINST_TEMPLATE, /* postinst_template */
	SETTING_PRERM_TEMPLATE,	/* prerm_template */
	SETTING_POSTRM_TEMPLATE,	/* postrm_template */
	SETTING_MAINTAINER,	/* maintainer */
	SETTING_CONFFILES,	/* conffiles: "none" or "etc" */
	SETTING_SANDBOX,		/* sandbox: "auto", "on" or "off" */
	SETTING_NETWORK,		/* network: "on" or "off" (the rules') */
	SETTING_KEY_COUNT,
};

/* Every value is a malloc(3)ed string owned by the config; template_dir
 * is NULL until set (the built-in templates are used). */
struct settings {
	char *values[SETTING_KEY_COUNT];
};

/* The contract's defaults. */
void settings_init(struct settings *c);
void settings_release(struct settings *c);
const char *settings_get(const struct settings *c, enum settings_key key);
/* The YAML key of a setting ("metadata_dir"...). */
const char *settings_key_name(enum settings_key key);
/* Whether every regular file under /etc is a conffile (conffiles: etc);
 * by default (none) no file is, as with wazo-plugind. */
bool settings_etc_conffiles(const struct settings *c);

/*
 * Sets `key` to `value` after checking it; `origin` names where the value
 * comes from in the message ("--metadata-dir"). Returns 0, or -1 with `e`
 * set (STATUS_USAGE).
 */
int settings_set(struct settings *c, enum settings_key key, const char *value,
    const char *origin, struct err *e);

/*
 * Reads the YAML file `path`: each known key sets its value (values set
 * later on the command line win); unknown keys are ignored (a wazo-plugind
 * configuration file holds many), except likely typos of known ones, which
 * are warned about. Problems go to `diags`; returns -1 with `e` set when
 * the file cannot be read.
 */
int settings_load_file(struct settings *c, const char *path,
    struct diag_list *diags, struct err *e);

#endif
