/* plugin: wazo/plugin.yml loaded into typed, positioned fields. */
#include <config.h>

#include <fcntl.h>
#include <unistd.h>

#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "plugin/plugin.h"
#include "plugin/yaml_scalar.h"

/* The state of one load: the plugin being filled and where problems go. */
struct load {
	struct plugin *p;
	const struct ydoc_node *root;	/* the top-level mapping */
	struct diag_list *diags;
};

static void
kind_error(struct load *l, const struct ydoc_node *node, const char *key,
    const char *expected)
{
	diag_add(l->diags, DIAG_ERROR, l->p->path, node->pos, key,
	    "expected %s, found %s", expected, yaml_scalar_type_name(yaml_scalar_type(node)));
}

/* A number where a version was meant: wazo-plugind reads it with PyYAML
 * and str(), which can change the text (1.10 becomes 1.1). */
static void
warn_number_version(struct load *l, const struct ydoc_node *node,
    const char *key)
{
	char *python = yaml_scalar_python_str(node);

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

/* Reads a scalar of kind PLUGIN_KEY_TEXT or PLUGIN_KEY_VERSION; `node`
 * may be NULL (absent). */
static struct plugin_field
read_field(struct load *l, const struct ydoc_node *node, const char *key,
    enum plugin_key_kind kind, const char *expected)
{
	struct plugin_field f = { node, NULL };
	enum ydoc_type type;

	if (node == NULL)
		return f;
	type = yaml_scalar_type(node);
	if (type == YDOC_TYPE_STRING) {
		f.text = node->text;
	} else if (kind == PLUGIN_KEY_VERSION &&
	    (type == YDOC_TYPE_INT || type == YDOC_TYPE_FLOAT)) {
		warn_number_version(l, node, key);
		f.text = node->text;
	} else {
		kind_error(l, node, key, expected);
	}
	return f;
}

/* A string inside a list (a dependency's name...). */
static struct plugin_field
read_string(struct load *l, const struct ydoc_node *node, const char *key)
{
	return read_field(l, node, key, PLUGIN_KEY_TEXT, "a string");
}

static void
read_format_version(struct load *l, const struct plugin_key *k,
    const struct ydoc_node *node)
{
	enum ydoc_type type;

	l->p->format_node = node;
	l->p->format_version = 0;
	l->p->format_known = true;
	if (node == NULL)
		return;
	type = yaml_scalar_type(node);
	if (type == YDOC_TYPE_INT && yaml_scalar_int_value(node, &l->p->format_version))
		return;
	l->p->format_known = false;
	if (type == YDOC_TYPE_STRING && node->len > 0 && node->len < 10 &&
	    strspn(node->text, "0123456789") == node->len) {
		diag_add(l->diags, DIAG_WARNING, l->p->path, node->pos,
		    k->name, "\"%s\" is a string: write the "
		    "integer %s, unquoted", node->text, node->text);
		l->p->format_version = strtoll(node->text, NULL, 10);
		l->p->format_known = true;
		return;
	}
	kind_error(l, node, k->name, k->expected);
}

/* The list `node` of key `k`, or NULL (with an error when it is not a
 * list). */
static const struct ydoc_node *
read_list(struct load *l, const struct plugin_key *k,
    const struct ydoc_node *node)
{
	if (node == NULL)
		return NULL;
	if (node->kind == YDOC_SEQUENCE && node->tag == NULL)
		return node;
	kind_error(l, node, k->name, k->expected);
	return NULL;
}

static void
read_debian_depends(struct load *l, const struct plugin_key *k,
    const struct ydoc_node *node)
{
	const struct ydoc_node *list = read_list(l, k, node);

	if (list == NULL)
		return;
	l->p->debian_depends = xcalloc(list->count, sizeof(struct plugin_field));
	l->p->debian_depends_count = list->count;
	for (size_t i = 0; i < list->count; i++) {
		char *key = xasprintf("%s[%zu]", k->name, i);

		l->p->debian_depends[i] = read_string(l, list->items[i], key);
		free(key);
	}
}

static void
read_dependency(struct load *l, const struct ydoc_node *node,
    const char *key, struct plugin_dependency *dep)
{
	char *subkey;

	dep->node = node;
	if (node->kind != YDOC_MAPPING || node->tag != NULL) {
		kind_error(l, node, key, "a mapping with name and namespace");
		return;
	}
	for (size_t i = 0; i < node->count; i++) {
		const struct ydoc_node *k = node->pairs[i].key;

		if (yaml_doc_text_is(k, "name") || yaml_doc_text_is(k, "namespace") ||
		    yaml_doc_text_is(k, "version"))
			continue;
		diag_add(l->diags, DIAG_WARNING, l->p->path, k->pos, key,
		    "unknown key '%s' (a dependency has name, namespace and "
		    "version)", k->kind == YDOC_SCALAR ? k->text : "?");
	}
	for (int i = 0; i < 2; i++) {
		const char *field = i == 0 ? "name" : "namespace";
		const struct ydoc_node *value = yaml_doc_get(node, field, NULL);
		struct plugin_field *f = i == 0 ? &dep->name : &dep->namespace;

		subkey = xasprintf("%s.%s", key, field);
		if (value == NULL)
			diag_add(l->diags, DIAG_ERROR, l->p->path, node->pos,
			    subkey, "required key is missing");
		else
			*f = read_string(l, value, subkey);
		free(subkey);
	}
}

static void
read_depends(struct load *l, const struct plugin_key *k,
    const struct ydoc_node *node)
{
	const struct ydoc_node *list = read_list(l, k, node);

	if (list == NULL)
		return;
	l->p->depends = xcalloc(list->count, sizeof(struct plugin_dependency));
	l->p->depends_count = list->count;
	for (size_t i = 0; i < list->count; i++) {
		char *key = xasprintf("%s[%zu]", k->name, i);

		read_dependency(l, list->items[i], key, &l->p->depends[i]);
		free(key);
	}
}

/* A value as text for people: a scalar's text, a list's scalars joined
 * with ", "; NULL when absent, null or empty. */
static char *
read_prose(const struct ydoc_node *n)
{
	struct buf b = BUF_INIT;

	if (n == NULL || (n->kind == YDOC_SCALAR &&
	    yaml_scalar_type(n) == YDOC_TYPE_NULL))
		return NULL;
	if (n->kind == YDOC_SCALAR) {
		buf_add(&b, n->text, strlen(n->text));
	} else if (n->kind == YDOC_SEQUENCE) {
		for (size_t i = 0; i < n->count; i++)
			if (n->items[i]->kind == YDOC_SCALAR)
				buf_addf(&b, "%s%s", b.len ? ", " : "",
				    n->items[i]->text);
	}
	return b.len ? buf_detach(&b) : (buf_release(&b), NULL);
}

/* The member of `p` at the offset of row `k`'s field. */
static void *
field_of(struct plugin *p, const struct plugin_key *k)
{
	return (char *)p + k->field;
}

/* Reads the value `node` (NULL when absent) of the table's key `k`. */
static void
read_key(struct load *l, const struct plugin_key *k,
    const struct ydoc_node *node)
{
	struct plugin_field *f;
	char **text;

	switch (k->kind) {
	case PLUGIN_KEY_TEXT:
	case PLUGIN_KEY_VERSION:
		f = field_of(l->p, k);
		*f = read_field(l, node, k->name, k->kind, k->expected);
		break;
	case PLUGIN_KEY_FORMAT:
		read_format_version(l, k, node);
		break;
	case PLUGIN_KEY_PLUGINS:
		read_depends(l, k, node);
		break;
	case PLUGIN_KEY_RELATIONS:
		read_debian_depends(l, k, node);
		break;
	case PLUGIN_KEY_PROSE:
		text = field_of(l->p, k);
		*text = read_prose(node);
		break;
	case PLUGIN_KEY_ANY:
		break;
	}
}

/* Every top-level pair, in document order, with its row of the table. */
static void
read_entries(struct load *l)
{
	const struct ydoc_node *root = l->root;

	l->p->entries = xcalloc(root->count, sizeof(struct plugin_entry));
	l->p->entry_count = root->count;
	for (size_t i = 0; i < root->count; i++) {
		struct plugin_entry *e = &l->p->entries[i];

		e->key_node = root->pairs[i].key;
		e->value = root->pairs[i].value;
		if (e->key_node->kind != YDOC_SCALAR)
			continue;
		e->key = e->key_node->text;
		e->row = plugin_keys_find(e->key);
	}
}

static void
read_fields(struct load *l)
{
	read_entries(l);
	for (size_t i = 0; i < plugin_keys_count; i++)
		read_key(l, &plugin_keys[i],
		    yaml_doc_get(l->root, plugin_keys[i].name, NULL));
}

struct plugin *
plugin_load(const char *data, size_t len, const char *path,
    struct diag_list *diags)
{
	struct plugin *p = xcalloc(1, sizeof(*p));
	struct load l = { p, NULL, diags };

	p->path = xstrdup(path);
	if (yaml_doc_load(&p->doc, data, len, path, diags) < 0) {
		plugin_free(p);
		return NULL;
	}
	l.root = p->doc->root;
	p->pos = l.root->pos;
	if (l.root->kind != YDOC_MAPPING || l.root->tag != NULL) {
		diag_add(diags, DIAG_ERROR, path, l.root->pos, NULL,
		    "the top level must be a mapping of keys to values, "
		    "found %s", yaml_scalar_type_name(yaml_scalar_type(l.root)));
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
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	struct plugin *p;

	if (fd < 0) {
		err_errno(e, "cannot open %s", path);
		return NULL;
	}
	p = plugin_load_fd(fd, path, diags, e);
	close(fd);
	return p;
}

struct plugin *
plugin_load_fd(int fd, const char *path, struct diag_list *diags,
    struct err *e)
{
	struct buf data = BUF_INIT;
	struct plugin *p;

	if (file_read_fd(fd, path, YDOC_MAX_BYTES + 1, &data, NULL, e) < 0) {
		buf_release(&data);
		return NULL;
	}
	p = plugin_load(data.data, data.len, path, diags);
	buf_release(&data);
	return p;
}

void
plugin_free(struct plugin *p)
{
	if (p == NULL)
		return;
	yaml_doc_free(p->doc);
	free(p->entries);
	free(p->depends);
	free(p->debian_depends);
	free(p->author);
	free(p->license);
	free(p->stamped_version);
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
