/* plugin: wazo/plugin.yml loaded into typed, positioned fields. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "plugin/plugin.h"
#include "plugin/yaml_scalar.h"

/* The state of one load: the plugin being filled and where problems go. */
struct load {
	struct plugin *p;
	struct diag_list *diags;
};

/* What a field accepts. */
enum field_kind {
	FIELD_STRING,	/* text only */
	FIELD_VERSION,	/* text, or a YAML number kept as written */
};

static void
kind_error(struct load *l, const struct ydoc_node *node, const char *key,
    const char *expected)
{
	diag_add(l->diags, DIAG_ERROR, l->p->path, node->pos, key,
	    "expected %s, found %s", expected, ydoc_type_name(ydoc_type(node)));
}

/* A number where a version was meant: wazo-plugind reads it with PyYAML
 * and str(), which can change the text (1.10 becomes 1.1). */
static void
warn_number_version(struct load *l, const struct ydoc_node *node,
    const char *key)
{
	char *python = ydoc_python_str(node);

	if (python != NULL && strcmp(python, node->text) != 0)
		diag_add(l->diags, DIAG_WARNING, l->p->path, node->pos, key,
		    "%s is a YAML number, which wazo-plugind reads as %s: "
		    "quote it (\"%s\") to keep the text", node->text, python,
		    node->text);
	else
		diag_add(l->diags, DIAG_WARNING, l->p->path, node->pos, key,
		    "%s is a YAML number, not text: quote it (\"%s\")",
		    node->text, node->text);
	free(python);
}

/* Reads a scalar field of the given kind; `node` may be NULL (absent). */
static struct plugin_field
read_field(struct load *l, const struct ydoc_node *node, const char *key,
    enum field_kind kind)
{
	struct plugin_field f = { node, NULL };
	enum ydoc_type type;

	if (node == NULL)
		return f;
	type = ydoc_type(node);
	if (type == YDOC_TYPE_STRING) {
		f.text = node->text;
	} else if (kind == FIELD_VERSION &&
	    (type == YDOC_TYPE_INT || type == YDOC_TYPE_FLOAT)) {
		warn_number_version(l, node, key);
		f.text = node->text;
	} else {
		kind_error(l, node, key, kind == FIELD_VERSION ?
		    "a version string" : "a string");
	}
	return f;
}

static struct plugin_field
read_key(struct load *l, const char *key, enum field_kind kind)
{
	return read_field(l, ydoc_get(l->p->root, key, NULL), key, kind);
}

static void
read_format_version(struct load *l)
{
	const struct ydoc_node *node;
	enum ydoc_type type;

	node = ydoc_get(l->p->root, "plugin_format_version", NULL);
	l->p->format_node = node;
	l->p->format_version = 0;
	l->p->format_known = true;
	if (node == NULL)
		return;
	type = ydoc_type(node);
	if (type == YDOC_TYPE_INT && ydoc_int_value(node, &l->p->format_version))
		return;
	l->p->format_known = false;
	if (type == YDOC_TYPE_STRING && node->len > 0 && node->len < 10 &&
	    strspn(node->text, "0123456789") == node->len) {
		diag_add(l->diags, DIAG_WARNING, l->p->path, node->pos,
		    "plugin_format_version", "\"%s\" is a string: write the "
		    "integer %s, unquoted", node->text, node->text);
		l->p->format_version = strtoll(node->text, NULL, 10);
		l->p->format_known = true;
		return;
	}
	kind_error(l, node, "plugin_format_version", "an integer (0, 1 or 2)");
}

/* The list under `key`, or NULL (with an error when it is not a list). */
static const struct ydoc_node *
read_list(struct load *l, const char *key, const char *expected)
{
	const struct ydoc_node *node = ydoc_get(l->p->root, key, NULL);

	if (node == NULL)
		return NULL;
	if (node->kind == YDOC_SEQUENCE && node->tag == NULL)
		return node;
	kind_error(l, node, key, expected);
	return NULL;
}

static void
read_debian_depends(struct load *l)
{
	const struct ydoc_node *list = read_list(l, "debian_depends",
	    "a list of Debian dependencies");

	if (list == NULL)
		return;
	l->p->debian_depends = xcalloc(list->count, sizeof(struct plugin_field));
	l->p->debian_depends_count = list->count;
	for (size_t i = 0; i < list->count; i++) {
		char *key = xasprintf("debian_depends[%zu]", i);

		l->p->debian_depends[i] = read_field(l, list->items[i], key,
		    FIELD_STRING);
		free(key);
	}
}

static void
read_dependency(struct load *l, const struct ydoc_node *node, size_t index,
    struct plugin_dependency *dep)
{
	char *key = xasprintf("depends[%zu]", index);
	char *subkey;

	dep->node = node;
	if (node->kind != YDOC_MAPPING || node->tag != NULL) {
		kind_error(l, node, key, "a mapping with name and namespace");
		free(key);
		return;
	}
	for (size_t i = 0; i < node->count; i++) {
		const struct ydoc_node *k = node->pairs[i].key;

		if (ydoc_text_is(k, "name") || ydoc_text_is(k, "namespace") ||
		    ydoc_text_is(k, "version"))
			continue;
		diag_add(l->diags, DIAG_WARNING, l->p->path, k->pos, key,
		    "unknown key '%s' (a dependency has name, namespace and "
		    "version)", k->kind == YDOC_SCALAR ? k->text : "?");
	}
	for (int i = 0; i < 2; i++) {
		const char *field = i == 0 ? "name" : "namespace";
		const struct ydoc_node *value = ydoc_get(node, field, NULL);
		struct plugin_field *f = i == 0 ? &dep->name : &dep->namespace;

		subkey = xasprintf("%s.%s", key, field);
		if (value == NULL)
			diag_add(l->diags, DIAG_ERROR, l->p->path, node->pos,
			    subkey, "required key is missing");
		else
			*f = read_field(l, value, subkey, FIELD_STRING);
		free(subkey);
	}
	free(key);
}

static void
read_depends(struct load *l)
{
	const struct ydoc_node *list = read_list(l, "depends",
	    "a list of plugins ({name, namespace} mappings)");

	if (list == NULL)
		return;
	l->p->depends = xcalloc(list->count, sizeof(struct plugin_dependency));
	l->p->depends_count = list->count;
	for (size_t i = 0; i < list->count; i++)
		read_dependency(l, list->items[i], i, &l->p->depends[i]);
}

static void
read_fields(struct load *l)
{
	l->p->name = read_key(l, "name", FIELD_STRING);
	l->p->namespace = read_key(l, "namespace", FIELD_STRING);
	l->p->version = read_key(l, "version", FIELD_VERSION);
	l->p->description = read_key(l, "description", FIELD_STRING);
	l->p->min_wazo_version = read_key(l, "min_wazo_version", FIELD_VERSION);
	l->p->max_wazo_version = read_key(l, "max_wazo_version", FIELD_VERSION);
	read_format_version(l);
	read_depends(l);
	read_debian_depends(l);
}

struct plugin *
plugin_load(const char *data, size_t len, const char *path,
    struct diag_list *diags)
{
	struct plugin *p = xcalloc(1, sizeof(*p));
	struct load l = { p, diags };

	p->path = xstrdup(path);
	if (ydoc_load(&p->doc, data, len, path, diags) < 0) {
		plugin_free(p);
		return NULL;
	}
	p->root = p->doc->root;
	if (p->root->kind != YDOC_MAPPING || p->root->tag != NULL) {
		diag_add(diags, DIAG_ERROR, path, p->root->pos, NULL,
		    "the top level must be a mapping of keys to values, "
		    "found %s", ydoc_type_name(ydoc_type(p->root)));
		plugin_free(p);
		return NULL;
	}
	read_fields(&l);
	return p;
}

struct plugin *
plugin_load_file(const char *file, const char *path, struct diag_list *diags,
    struct err *e)
{
	struct buf data = BUF_INIT;
	struct plugin *p;
	if (file_read(file, YDOC_MAX_BYTES + 1, &data, NULL, e) < 0)
		return NULL;
	p = plugin_load(data.data, data.len, path, diags);
	buf_release(&data);
	return p;
}

void
plugin_free(struct plugin *p)
{
	if (p == NULL)
		return;
	ydoc_free(p->doc);
	free(p->depends);
	free(p->debian_depends);
	free(p->path);
	free(p);
}

static bool
only(const char *s, const char *allowed)
{
	return s[0] != '\0' && strspn(s, allowed) == strlen(s);
}

bool
plugin_name_valid(const char *name)
{
	return only(name, "abcdefghijklmnopqrstuvwxyz0123456789-");
}

bool
plugin_namespace_valid(const char *ns)
{
	return only(ns, "abcdefghijklmnopqrstuvwxyz0123456789");
}

char *
plugin_package_name(const char *prefix, const char *name, const char *ns)
{
	if (name == NULL || ns == NULL || !plugin_name_valid(name) ||
	    !plugin_namespace_valid(ns))
		return NULL;
	return xasprintf("%s-%s-%s", prefix, name, ns);
}
