/* settings: the settings a package is made with. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/compiler.h"
#include "plugin/settings.h"
#include "base/file.h"
#include "base/spelling.h"
#include "plugin/yaml_doc.h"
#include "plugin/yaml_scalar.h"

enum value_kind {
	KIND_PREFIX,	/* the start of a package name */
	KIND_SECTION,
	KIND_ABSOLUTE_DIR,
	KIND_PATH,
	KIND_FILE_NAME,
	KIND_MAINTAINER,
	KIND_CONFFILES,	/* which files are conffiles: none, etc */
	KIND_SANDBOX,	/* auto, on, off */
	KIND_ON_OFF,
};

static const struct {
	const char *name;
	const char *fallback;
	enum value_kind kind;
} settings[SETTING_KEY_COUNT] = {
	[SETTING_PACKAGE_PREFIX] = { "default_debian_package_prefix",
	    "wazo-plugind", KIND_PREFIX },
	[SETTING_SECTION] = { "debian_package_section", "wazo-plugind-plugin",
	    KIND_SECTION },
	[SETTING_METADATA_DIR] = { "metadata_dir",
	    "/usr/lib/wazo-plugind/plugins", KIND_ABSOLUTE_DIR },
	[SETTING_BACKUP_RULES_DIR] = { "backup_rules_dir",
	    "/var/lib/wazo-plugind/rules", KIND_ABSOLUTE_DIR },
	[SETTING_TEMPLATE_DIR] = { "template_dir", NULL, KIND_PATH },
	[SETTING_CONTROL_TEMPLATE] = { "control_template", "control.jinja",
	    KIND_FILE_NAME },
	[SETTING_POSTINST_TEMPLATE] = { "postinst_template", "postinst.jinja",
	    KIND_FILE_NAME },
	[SETTING_PRERM_TEMPLATE] = { "prerm_template", "prerm.jinja",
	    KIND_FILE_NAME },
	[SETTING_POSTRM_TEMPLATE] = { "postrm_template", "postrm.jinja",
	    KIND_FILE_NAME },
	[SETTING_MAINTAINER] = { "maintainer",
	    "Wazo Maintainers <dev+pkg@wazo.community>", KIND_MAINTAINER },
	[SETTING_CONFFILES] = { "conffiles", "none", KIND_CONFFILES },
	[SETTING_SANDBOX] = { "sandbox", "auto", KIND_SANDBOX },
	[SETTING_NETWORK] = { "network", "on", KIND_ON_OFF },
};

void
settings_init(struct settings *c)
{
	for (int i = 0; i < SETTING_KEY_COUNT; i++)
		c->values[i] = settings[i].fallback ?
		    xstrdup(settings[i].fallback) : NULL;
}

void
settings_release(struct settings *c)
{
	for (int i = 0; i < SETTING_KEY_COUNT; i++) {
		free(c->values[i]);
		c->values[i] = NULL;
	}
}

const char *
settings_get(const struct settings *c, enum settings_key key)
{
	return c->values[key];
}

const char *
settings_key_name(enum settings_key key)
{
	return settings[key].name;
}

bool
settings_etc_conffiles(const struct settings *c)
{
	return strcmp(c->values[SETTING_CONFFILES], "etc") == 0;
}

static bool
only(const char *s, const char *allowed)
{
	return strspn(s, allowed) == strlen(s);
}

#define LOWER_ALNUM "abcdefghijklmnopqrstuvwxyz0123456789"

/* A path component of ".." or "." lets a value climb out of the package
 * tree; refuse them, and empty components, for absolute directories. */
static const char *
check_absolute_dir(const char *v)
{
	if (v[0] != '/')
		return "must be an absolute path";
	if (strcmp(v, "/") == 0)
		return "cannot be the root directory";
	for (const char *p = v + 1; *p;) {
		size_t len = strcspn(p, "/");

		if (len == 0 || (len == 1 && p[0] == '.') ||
		    (len == 2 && strncmp(p, "..", 2) == 0))
			return "must be a normalized path (no '.', '..' or "
			    "'//' components)";
		p += len;
		if (*p == '/' && p[1] == '\0')
			return "must not end with '/'";
		if (*p == '/')
			p++;
	}
	return NULL;
}

/* NULL when `v` suits `kind`, else why not. */
static const char *
check_value(enum value_kind kind, const char *v)
{
	for (const char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return "must be one line without control characters";
	switch (kind) {
	case KIND_PREFIX:
		if (v[0] == '\0' || !only(v, LOWER_ALNUM "+-.") ||
		    strchr(LOWER_ALNUM, v[0]) == NULL)
			return "must start a Debian package name: lowercase "
			    "letters, digits, '+', '-', '.', starting with a "
			    "letter or digit";
		return NULL;
	case KIND_SECTION:
		if (v[0] == '\0' || !only(v, LOWER_ALNUM "+-./_"))
			return "must be a Debian section: lowercase letters, "
			    "digits and '+-./_'";
		return NULL;
	case KIND_ABSOLUTE_DIR:
		return check_absolute_dir(v);
	case KIND_PATH:
		return v[0] == '\0' ? "must not be empty" : NULL;
	case KIND_FILE_NAME:
		if (v[0] == '\0' || strchr(v, '/') != NULL)
			return "must be a file name inside template_dir";
		return NULL;
	case KIND_MAINTAINER:
		if (strchr(v, '<') == NULL || v[strlen(v) - 1] != '>' ||
		    v[0] == '<' || v[0] == ' ')
			return "must read 'Full Name <address>'";
		return NULL;
	case KIND_SANDBOX:
		if (strcmp(v, "auto") != 0 && strcmp(v, "on") != 0 &&
		    strcmp(v, "off") != 0)
			return "must be auto (bubblewrap when it can run), on "
			    "or off";
		return NULL;
	case KIND_ON_OFF:
		if (strcmp(v, "on") != 0 && strcmp(v, "off") != 0)
			return "must be on or off";
		return NULL;
	case KIND_CONFFILES:
		if (strcmp(v, "none") != 0 && strcmp(v, "etc") != 0)
			return "must be none (no conffiles) or etc (every file "
			    "under /etc)";
		return NULL;
	}
	return NULL;
}

int
settings_set(struct settings *c, enum settings_key key, const char *value,
    const char *origin, struct err *e)
{
	const char *why = check_value(settings[key].kind, value);

	if (why != NULL)
		return err_set(e, STATUS_USAGE, "%s '%s': %s", origin, value,
		    why);
	free(c->values[key]);
	c->values[key] = xstrdup(value);
	return 0;
}

static int
find_key(const char *name)
{
	for (int i = 0; i < SETTING_KEY_COUNT; i++)
		if (strcmp(settings[i].name, name) == 0)
			return i;
	return -1;
}

static void
warn_if_typo(const char *path, const struct ydoc_node *k,
    struct diag_list *diags)
{
	const char *names[SETTING_KEY_COUNT], *nearest;

	for (int i = 0; i < SETTING_KEY_COUNT; i++)
		names[i] = settings[i].name;
	nearest = spelling_nearest(k->text, names, SETTING_KEY_COUNT);
	if (nearest != NULL)
		diag_add(diags, DIAG_WARNING, path, k->pos, k->text,
		    "unknown key, ignored; did you mean '%s'?", nearest);
}

static void
load_setting(struct settings *c, const char *path, int key,
    const struct ydoc_node *k, const struct ydoc_node *v,
    struct diag_list *diags)
{
	const char *why;

	if (v->kind != YDOC_SCALAR || yaml_scalar_type(v) != YDOC_TYPE_STRING) {
		diag_add(diags, DIAG_ERROR, path, v->pos, k->text, "expected a "
		    "string, found %s", yaml_scalar_type_name(yaml_scalar_type(v)));
		return;
	}
	why = check_value(settings[key].kind, v->text);
	if (why != NULL || strlen(v->text) != v->len) {
		diag_add(diags, DIAG_ERROR, path, v->pos, k->text, "'%s' %s",
		    v->text, why ? why : "must not hold NUL bytes");
		return;
	}
	free(c->values[key]);
	c->values[key] = xstrdup(v->text);
}

int
settings_load_file(struct settings *c, const char *path,
    struct diag_list *diags, struct err *e)
{
	struct buf data = BUF_INIT;
	struct ydoc *doc;
	const struct ydoc_node *root;

	if (file_read(path, YDOC_MAX_BYTES + 1, &data, NULL, e) < 0)
		return -1;
	if (yaml_doc_load(&doc, data.data, data.len, path, diags) < 0) {
		buf_release(&data);
		return 0;
	}
	buf_release(&data);
	root = doc->root;
	if (root->kind != YDOC_MAPPING) {
		diag_add(diags, DIAG_ERROR, path, root->pos, NULL, "the top level "
		    "must be a mapping of keys to values, found %s",
		    yaml_scalar_type_name(yaml_scalar_type(root)));
		yaml_doc_free(doc);
		return 0;
	}
	for (size_t i = 0; i < root->count; i++) {
		const struct ydoc_node *k = root->pairs[i].key;
		int key = k->kind == YDOC_SCALAR ? find_key(k->text) : -1;

		if (key >= 0)
			load_setting(c, path, key, k, root->pairs[i].value,
			    diags);
		else if (k->kind == YDOC_SCALAR)
			warn_if_typo(path, k, diags);
	}
	yaml_doc_free(doc);
	return 0;
}
