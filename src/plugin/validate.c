/* validate: the rules plugin.yml must follow. */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "plugin/debrelation.h"
#include "plugin/debversion.h"
#include "plugin/lint.h"
#include "plugin/validate.h"
#include "plugin/yaml_scalar.h"

/* The state of one validation. */
struct check {
	const struct plugin *p;
	const struct validate_options *o;
	struct diag_list *diags;
	/* Per row of plugin_keys[]: its field is there and fit for use. */
	bool *usable;
};

static void WPD_PRINTF(5, 6)
report(struct check *c, enum diag_severity severity,
    const struct ydoc_node *node, const char *key, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_add(c->diags, severity, c->p->path,
	    node ? node->pos : c->p->pos, key, "%s", msg.data);
	buf_release(&msg);
}

/*
 * A value bound for the control file must be one line of printable text.
 * Returns false (after reporting) when it is not; `allow_newlines` is for
 * the description, which is folded into the control file's layout.
 */
static bool
check_control_safe(struct check *c, struct plugin_field f, const char *key,
    bool allow_newlines)
{
	for (size_t i = 0; i < f.node->len; i++) {
		unsigned char ch = (unsigned char)f.node->text[i];

		if (ch == '\n' && allow_newlines)
			continue;
		if (ch == '\n' || ch == '\r') {
			report(c, DIAG_ERROR, f.node, key, "contains a line "
			    "break: a value that goes into the control file "
			    "must be one line");
			return false;
		}
		if (ch < 0x20 || ch == 0x7f) {
			report(c, DIAG_ERROR, f.node, key, "contains the control "
			    "character U+%04X, which cannot go into the control "
			    "file", ch);
			return false;
		}
	}
	return true;
}

/* Every required row of the table has its key in plugin.yml. */
static void
check_required(struct check *c)
{
	for (size_t i = 0; i < plugin_keys_count; i++) {
		bool present = false;

		for (size_t j = 0; j < c->p->entry_count && !present; j++)
			present = c->p->entries[j].row == &plugin_keys[i];
		if (plugin_keys[i].required && !present)
			report(c, DIAG_ERROR, NULL, plugin_keys[i].name,
			    "required key is missing");
	}
}

/* The field of row `k`, when present: reports it when unfit for the
 * control file it goes into; true when usable. */
static bool
check_field(struct check *c, const struct plugin_key *k)
{
	const struct plugin_field *f = plugin_keys_field(c->p, k);

	if (f->text == NULL)
		return false;
	if (k->uses & (PLUGIN_USE_CONTROL | PLUGIN_USE_DESCRIPTION))
		return check_control_safe(c, *f, k->name,
		    (k->uses & PLUGIN_USE_DESCRIPTION) != 0);
	return true;
}

/* Every row with a field: fills c->usable. */
static void
check_fields(struct check *c)
{
	for (size_t i = 0; i < plugin_keys_count; i++)
		if (plugin_keys_field(c->p, &plugin_keys[i]) != NULL)
			c->usable[i] = check_field(c, &plugin_keys[i]);
}

/* `f` when check_fields() found it usable, else an absent field. */
static struct plugin_field
usable(const struct check *c, const struct plugin_field *f)
{
	struct plugin_field none = { NULL, NULL };

	for (size_t i = 0; i < plugin_keys_count; i++)
		if (plugin_keys_field(c->p, &plugin_keys[i]) == f)
			return c->usable[i] ? *f : none;
	return none;
}

static void
check_identity(struct check *c, struct plugin_field name,
    struct plugin_field ns, const char *name_key, const char *ns_key)
{
	char *package;

	if (name.text != NULL && !plugin_name_valid(name.text))
		report(c, DIAG_ERROR, name.node, name_key, "'%s' is not a valid "
		    "plugin name: use lowercase letters, digits and '-' "
		    "(^[a-z0-9-]+$)", name.text);
	if (ns.text != NULL && !plugin_namespace_valid(ns.text))
		report(c, DIAG_ERROR, ns.node, ns_key, "'%s' is not a valid "
		    "namespace: use lowercase letters and digits only "
		    "(^[a-z0-9]+$), so that the package name "
		    "<prefix>-<name>-<namespace> splits back", ns.text);
	package = plugin_package_name(c->o->package_prefix, name.text, ns.text);
	if (package != NULL && !debrelation_package_name_valid(package))
		report(c, DIAG_ERROR, name.node, name_key, "the package name "
		    "'%s' is not a valid Debian package name", package);
	free(package);
}

static void
check_version(struct check *c)
{
	struct plugin_field v = usable(c, &c->p->version);
	const char *why;

	if (v.text == NULL)
		return;
	if ((why = debversion_check(v.text)) != NULL)
		report(c, DIAG_ERROR, v.node, "version", "'%s' is not a valid "
		    "Debian version: %s", v.text, why);
}

static void
check_format_version(struct check *c)
{
	const struct plugin *p = c->p;

	if (p->format_node == NULL || !p->format_known)
		return;
	if (p->format_version < 0 || p->format_version > PLUGIN_FORMAT_MAX)
		report(c, DIAG_ERROR, p->format_node, "plugin_format_version",
		    "unsupported plugin_format_version %lld (supported: 0, 1, "
		    "2)", p->format_version);
}

static void
check_depends(struct check *c)
{
	for (size_t i = 0; i < c->p->depends_count; i++) {
		const struct plugin_dependency *d = &c->p->depends[i];
		char *name_key = xasprintf("depends[%zu].name", i);
		char *ns_key = xasprintf("depends[%zu].namespace", i);

		if ((d->name.text == NULL ||
		    check_control_safe(c, d->name, name_key, false)) &&
		    (d->namespace.text == NULL ||
		    check_control_safe(c, d->namespace, ns_key, false)))
			check_identity(c, d->name, d->namespace, name_key, ns_key);
		free(name_key);
		free(ns_key);
	}
}

static void
check_debian_depends(struct check *c)
{
	for (size_t i = 0; i < c->p->debian_depends_count; i++) {
		struct plugin_field f = c->p->debian_depends[i];
		char *key = xasprintf("debian_depends[%zu]", i);
		size_t relations;
		char *why;

		if (f.text == NULL || !check_control_safe(c, f, key, false)) {
			free(key);
			continue;
		}
		if (!debrelation_check(f.text, &relations, &why)) {
			report(c, DIAG_ERROR, f.node, key, "'%s' is not a valid "
			    "Debian dependency: %s", f.text, why);
			free(why);
		} else if (relations > 1) {
			report(c, DIAG_WARNING, f.node, key, "'%s' holds %zu "
			    "dependencies: give each its own list entry",
			    f.text, relations);
		}
		free(key);
	}
}

/* A Wazo version bound; true when present and valid. */
static bool
check_wazo_bound(struct check *c, struct plugin_field f, const char *key)
{
	const char *why;

	if (f.text == NULL)
		return false;
	if ((why = debversion_check(f.text)) != NULL) {
		report(c, DIAG_ERROR, f.node, key, "'%s' is not a valid version: "
		    "%s", f.text, why);
		return false;
	}
	return true;
}

static void
check_wazo_versions(struct check *c)
{
	struct plugin_field min = c->p->min_wazo_version;
	struct plugin_field max = c->p->max_wazo_version;
	const char *wazo = c->o->wazo_version;
	bool min_ok = check_wazo_bound(c, min, "min_wazo_version");
	bool max_ok = check_wazo_bound(c, max, "max_wazo_version");

	if (min_ok && max_ok && debversion_compare(min.text, max.text) > 0)
		report(c, DIAG_ERROR, max.node, "max_wazo_version", "%s is "
		    "lower than min_wazo_version %s", max.text, min.text);
	if (wazo == NULL)
		return;
	if (min_ok && debversion_compare(wazo, min.text) < 0)
		report(c, DIAG_ERROR, min.node, "min_wazo_version", "the plugin "
		    "needs Wazo %s or later; --wazo-version is %s", min.text,
		    wazo);
	if (max_ok && debversion_compare(wazo, max.text) > 0)
		report(c, DIAG_ERROR, max.node, "max_wazo_version", "the plugin "
		    "supports Wazo up to %s; --wazo-version is %s", max.text,
		    wazo);
}

static void
check_keys(struct check *c)
{
	for (size_t i = 0; i < c->p->entry_count; i++) {
		const struct plugin_entry *entry = &c->p->entries[i];
		const char *suggestion;

		if (entry->key == NULL) {
			report(c, DIAG_ERROR, entry->key_node, NULL, "a key must "
			    "be text, found %s",
			    yaml_scalar_type_name(yaml_scalar_type(entry->key_node)));
			continue;
		}
		if (entry->row != NULL)
			continue;
		suggestion = plugin_keys_nearest(entry->key);
		if (suggestion != NULL)
			report(c, DIAG_WARNING, entry->key_node, entry->key,
			    "unknown key; did you mean '%s'?", suggestion);
		else
			report(c, DIAG_WARNING, entry->key_node, entry->key,
			    "unknown key, ignored");
	}
}

/* What lintian would flag in the package, once name, namespace and
 * version are fit for it. */
static void
check_lint(struct check *c)
{
	const struct plugin *p = c->p;
	char *package;

	if (usable(c, &p->name).text == NULL ||
	    usable(c, &p->namespace).text == NULL ||
	    usable(c, &p->version).text == NULL ||
	    debversion_check(p->version.text) != NULL ||
	    diag_count(c->diags, DIAG_ERROR) > 0)
		return;
	package = plugin_package_name(c->o->package_prefix, p->name.text,
	    p->namespace.text);
	lint_metadata(p, package, c->diags);
	free(package);
}

void
validate_metadata(const struct plugin *p,
    const struct validate_options *options, struct diag_list *diags)
{
	struct check c = { p, options, diags,
	    xcalloc(plugin_keys_count, sizeof(bool)) };

	check_required(&c);
	check_fields(&c);
	check_identity(&c, usable(&c, &p->name), usable(&c, &p->namespace),
	    "name", "namespace");
	check_version(&c);
	check_format_version(&c);
	check_depends(&c);
	check_debian_depends(&c);
	check_wazo_versions(&c);
	check_keys(&c);
	check_lint(&c);
	free(c.usable);
}
