/* yaml_doc: a YAML document loaded with libyaml into a positioned tree. */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "plugin/yaml_doc.h"

struct anchor {
	char *name;
	struct ydoc_node *node;
};

/* The state of one load. */
struct loader {
	const char *data;
	size_t len;
	const char *path;
	struct diag_list *diags;
	struct ydoc *doc;
	struct ydoc_node *stack[YDOC_MAX_DEPTH];
	size_t depth;
	struct anchor *anchors;
	size_t anchor_count;
	unsigned documents;
	/* Nodes that aliases add to the document once expanded. */
	unsigned long alias_nodes;
	bool failed;
};

static struct diag_pos
mark_pos(yaml_mark_t mark)
{
	struct diag_pos pos = { (unsigned)mark.line + 1, (unsigned)mark.column + 1 };

	return pos;
}

static int WPD_PRINTF(3, 4)
fail(struct loader *l, struct diag_pos pos, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	if (l->failed)
		return -1;
	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_add(l->diags, DIAG_ERROR, l->path, pos, NULL, "%s", msg.data);
	buf_release(&msg);
	l->failed = true;
	return -1;
}

/* The position of byte `offset`, counting columns in characters. */
static struct diag_pos
offset_pos(const struct loader *l, size_t offset)
{
	struct diag_pos pos = { 1, 1 };

	for (size_t i = 0; i < offset && i < l->len; i++) {
		unsigned char c = (unsigned char)l->data[i];

		if (c == '\n') {
			pos.line++;
			pos.column = 1;
		} else if ((c & 0xc0) != 0x80) {
			pos.column++;
		}
	}
	return pos;
}

/* The start of 1-based line `line` in the input, or NULL. */
static const char *
line_start(const struct loader *l, unsigned line)
{
	const char *p = l->data, *end = l->data + l->len;

	while (--line > 0) {
		p = memchr(p, '\n', (size_t)(end - p));
		if (p == NULL)
			return NULL;
		p++;
	}
	return p;
}

/* libyaml reports a tab in block indentation as "found character that
 * cannot start any token"; say what the author did instead. */
static bool
report_tab_indentation(struct loader *l, unsigned line)
{
	const char *p = line_start(l, line), *end = l->data + l->len;
	struct diag_pos pos = { line, 1 };

	if (p == NULL)
		return false;
	for (; p < end && (*p == ' ' || *p == '\t'); p++, pos.column++) {
		if (*p == '\t') {
			fail(l, pos, "tab character in indentation: "
			    "YAML indents with spaces only");
			return true;
		}
	}
	return false;
}

static int
report_parser_error(struct loader *l, const yaml_parser_t *parser)
{
	struct diag_pos pos;

	if (parser->error == YAML_READER_ERROR) {
		size_t offset = parser->problem_offset;

		/* libyaml points at a bad continuation byte: show the
		 * character that byte was meant to continue. */
		if (strstr(parser->problem, "trailing") != NULL)
			while (offset > 0 &&
			    ((unsigned char)l->data[offset] & 0xc0) != 0xc0)
				offset--;
		pos = offset_pos(l, offset);
		if (strstr(parser->problem, "control") != NULL)
			return fail(l, pos, "control character U+%04X is not "
			    "allowed in YAML", (unsigned)parser->problem_value);
		return fail(l, pos, "invalid UTF-8 (%s): the file must be "
		    "UTF-8 text", parser->problem);
	}
	if (parser->error == YAML_MEMORY_ERROR)
		return fail(l, (struct diag_pos){ 1, 1 }, "out of memory");
	pos = mark_pos(parser->problem_mark);
	if (parser->error == YAML_SCANNER_ERROR &&
	    report_tab_indentation(l, pos.line))
		return -1;
	if (parser->context != NULL)
		return fail(l, pos, "YAML syntax error: %s (%s at line %zu)",
		    parser->problem, parser->context,
		    parser->context_mark.line + 1);
	return fail(l, pos, "YAML syntax error: %s", parser->problem);
}

static struct ydoc_node *
new_node(struct loader *l, enum ydoc_kind kind, yaml_mark_t mark,
    const yaml_char_t *tag)
{
	struct ydoc_node *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->pos = mark_pos(mark);
	n->weight = 1;
	n->tag = tag ? xstrdup((const char *)tag) : NULL;
	n->next_allocated = l->doc->allocated;
	l->doc->allocated = n;
	return n;
}

static void
remember_anchor(struct loader *l, const yaml_char_t *name,
    struct ydoc_node *node)
{
	if (name == NULL)
		return;
	l->anchors = xreallocarray(l->anchors, l->anchor_count + 1,
	    sizeof(*l->anchors));
	l->anchors[l->anchor_count].name = xstrdup((const char *)name);
	l->anchors[l->anchor_count].node = node;
	l->anchor_count++;
}

static struct ydoc_node *
find_anchor(const struct loader *l, const char *name)
{
	/* The latest definition wins: YAML lets an anchor be redefined. */
	for (size_t i = l->anchor_count; i-- > 0;)
		if (strcmp(l->anchors[i].name, name) == 0)
			return l->anchors[i].node;
	return NULL;
}

static void
check_duplicate_key(struct loader *l, const struct ydoc_node *map,
    const struct ydoc_node *key)
{
	if (key->kind != YDOC_SCALAR)
		return;
	for (size_t i = 0; i < map->count; i++) {
		const struct ydoc_node *other = map->pairs[i].key;

		if (other->kind == YDOC_SCALAR && other->len == key->len &&
		    memcmp(other->text, key->text, key->len) == 0) {
			diag_add(l->diags, DIAG_ERROR, l->path, key->pos,
			    key->text, "duplicate key (first defined at line %u)",
			    other->pos.line);
			return;
		}
	}
}

static void
append_child(struct ydoc_node *parent, struct ydoc_node *child)
{
	if (parent->kind == YDOC_SEQUENCE) {
		if (parent->count == parent->cap) {
			parent->cap = parent->cap ? parent->cap * 2 : 4;
			parent->items = xreallocarray(parent->items,
			    parent->cap, sizeof(*parent->items));
		}
		parent->items[parent->count++] = child;
		return;
	}
	if (parent->count == parent->cap) {
		parent->cap = parent->cap ? parent->cap * 2 : 4;
		parent->pairs = xreallocarray(parent->pairs, parent->cap,
		    sizeof(*parent->pairs));
	}
	parent->pairs[parent->count].key = child;
	parent->pairs[parent->count].value = NULL;
	parent->count++;
}

/* Adds a finished node to the open container (or makes it the root). */
static int
add_node(struct loader *l, struct ydoc_node *node)
{
	struct ydoc_node *parent;

	if (l->depth == 0) {
		l->doc->root = node;
		return 0;
	}
	parent = l->stack[l->depth - 1];
	parent->weight += node->weight;
	if (parent->kind == YDOC_MAPPING && parent->count > 0 &&
	    parent->pairs[parent->count - 1].value == NULL) {
		parent->pairs[parent->count - 1].value = node;
		return 0;
	}
	if (parent->kind == YDOC_MAPPING)
		check_duplicate_key(l, parent, node);
	append_child(parent, node);
	return 0;
}

static int
open_container(struct loader *l, const yaml_event_t *ev)
{
	bool mapping = ev->type == YAML_MAPPING_START_EVENT;
	const yaml_char_t *anchor = mapping ?
	    ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
	const yaml_char_t *tag = mapping ?
	    ev->data.mapping_start.tag : ev->data.sequence_start.tag;
	struct ydoc_node *n;

	if (l->depth == YDOC_MAX_DEPTH)
		return fail(l, mark_pos(ev->start_mark), "nesting deeper than "
		    "%d levels: refused", YDOC_MAX_DEPTH);
	n = new_node(l, mapping ? YDOC_MAPPING : YDOC_SEQUENCE,
	    ev->start_mark, tag);
	n->open = true;
	remember_anchor(l, anchor, n);
	l->stack[l->depth++] = n;
	return 0;
}

static int
close_container(struct loader *l)
{
	struct ydoc_node *n = l->stack[--l->depth];

	n->open = false;
	return add_node(l, n);
}

static int
add_scalar(struct loader *l, const yaml_event_t *ev)
{
	struct ydoc_node *n = new_node(l, YDOC_SCALAR, ev->start_mark,
	    ev->data.scalar.tag);

	n->text = xstrndup((const char *)ev->data.scalar.value,
	    ev->data.scalar.length);
	n->len = ev->data.scalar.length;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	remember_anchor(l, ev->data.scalar.anchor, n);
	return add_node(l, n);
}

static int
add_alias(struct loader *l, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct ydoc_node *target = find_anchor(l, name);

	if (target == NULL)
		return fail(l, mark_pos(ev->start_mark),
		    "alias *%s refers to no anchor", name);
	if (target->open)
		return fail(l, mark_pos(ev->start_mark),
		    "alias *%s refers to a node that contains it", name);
	/* Each use copies the whole anchored node, aliases included: the sum
	 * of the weights used is what expansion adds to the written nodes. */
	l->alias_nodes += target->weight;
	if (l->alias_nodes > YDOC_MAX_ALIAS_NODES)
		return fail(l, mark_pos(ev->start_mark), "aliases expand this "
		    "document by more than %d nodes: refused (a \"billion "
		    "laughs\" document?)", YDOC_MAX_ALIAS_NODES);
	return add_node(l, target);
}

static int
handle_event(struct loader *l, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (l->documents > 0)
			return fail(l, mark_pos(ev->start_mark),
			    "more than one YAML document: plugin.yml must "
			    "hold exactly one");
		return 0;
	case YAML_DOCUMENT_END_EVENT:
		l->documents++;
		return 0;
	case YAML_SCALAR_EVENT:
		return add_scalar(l, ev);
	case YAML_ALIAS_EVENT:
		return add_alias(l, ev);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return open_container(l, ev);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_container(l);
	default:
		return 0;
	}
}

static int
parse_events(struct loader *l)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;

	if (!yaml_parser_initialize(&parser))
		return fail(l, (struct diag_pos){ 1, 1 }, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)l->data,
	    l->len);
	while (!done && !l->failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(l, &parser);
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		handle_event(l, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (!l->failed && l->doc->root == NULL)
		fail(l, (struct diag_pos){ 1, 1 },
		    "no YAML document: the file is empty");
	return l->failed ? -1 : 0;
}

int
yaml_doc_load(struct ydoc **out, const char *data, size_t len, const char *path,
    struct diag_list *diags)
{
	struct loader l = { 0 };

	l.data = data;
	l.len = len;
	l.path = path;
	l.diags = diags;
	l.doc = xcalloc(1, sizeof(*l.doc));
	*out = NULL;
	if (len > YDOC_MAX_BYTES)
		fail(&l, (struct diag_pos){ 1, 1 }, "larger than %d bytes: "
		    "refused", YDOC_MAX_BYTES);
	else
		parse_events(&l);
	for (size_t i = 0; i < l.anchor_count; i++)
		free(l.anchors[i].name);
	free(l.anchors);
	if (l.failed) {
		yaml_doc_free(l.doc);
		return -1;
	}
	*out = l.doc;
	return 0;
}

void
yaml_doc_free(struct ydoc *doc)
{
	struct ydoc_node *n, *next;

	if (doc == NULL)
		return;
	for (n = doc->allocated; n != NULL; n = next) {
		next = n->next_allocated;
		free(n->text);
		free(n->tag);
		free(n->items);
		free(n->pairs);
		free(n);
	}
	free(doc);
}

bool
yaml_doc_text_is(const struct ydoc_node *node, const char *s)
{
	return node->kind == YDOC_SCALAR && strlen(s) == node->len &&
	    memcmp(node->text, s, node->len) == 0;
}

const struct ydoc_node *
yaml_doc_get(const struct ydoc_node *map, const char *key,
    const struct ydoc_node **key_node)
{
	if (map == NULL || map->kind != YDOC_MAPPING)
		return NULL;
	for (size_t i = map->count; i-- > 0;) {
		if (yaml_doc_text_is(map->pairs[i].key, key)) {
			if (key_node != NULL)
				*key_node = map->pairs[i].key;
			return map->pairs[i].value;
		}
	}
	return NULL;
}
