/* yaml_doc: a YAML document loaded with libyaml into a tree whose every
 * node remembers its position and the exact text the author wrote. */
#ifndef WPD_YAML_DOC_H
#define WPD_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

/* Bounds that keep hostile documents cheap (see yaml_doc_load()): the
 * file's size, which also bounds the nodes written in it; the nodes that
 * aliases add once expanded (a "billion laughs" document); the nesting. */
#define YDOC_MAX_BYTES (1024 * 1024)
#define YDOC_MAX_ALIAS_NODES 10000
#define YDOC_MAX_DEPTH 64

enum ydoc_kind {
	YDOC_SCALAR,
	YDOC_SEQUENCE,
	YDOC_MAPPING,
};

struct ydoc_pair;

/*
 * A node. An alias is not a node of its own: the container that holds it
 * points at the anchored node, so a node can have several parents.
 */
struct ydoc_node {
	enum ydoc_kind kind;
	struct diag_pos pos;
	/* Scalars: the text as written (after YAML unescaping), which may hold
	 * NUL bytes when the author used "\0"; `len` is its length. */
	char *text;
	size_t len;
	bool plain;	/* written without quotes or block style */
	char *tag;	/* explicit tag, resolved ("tag:yaml.org,2002:str"), or NULL */
	/* Sequences: items[count]; mappings: pairs[count]. */
	struct ydoc_node **items;
	struct ydoc_pair *pairs;
	size_t count;
	size_t cap;
	/* Number of nodes this one stands for once aliases are expanded. */
	unsigned long weight;
	bool open;	/* container still being read */
	struct ydoc_node *next_allocated;
};

struct ydoc_pair {
	struct ydoc_node *key;
	struct ydoc_node *value;
};

struct ydoc {
	struct ydoc_node *root;
	struct ydoc_node *allocated;
};

/*
 * Parses `len` bytes of YAML. On success stores a new document in *out
 * (free it with yaml_doc_free()) and returns 0; problems that still leave a
 * usable tree (duplicate keys) are added to `diags` as errors. When no tree
 * can be built (syntax error, tab indentation, invalid UTF-8, no document
 * or more than one, aliases adding more than YDOC_MAX_ALIAS_NODES
 * nodes, nesting past YDOC_MAX_DEPTH) adds one error naming `path` and
 * returns -1.
 */
int yaml_doc_load(struct ydoc **out, const char *data, size_t len,
    const char *path, struct diag_list *diags);
void yaml_doc_free(struct ydoc *doc);

/* The value of `key` in mapping `map` (the last one, as PyYAML keeps), or
 * NULL; when key_node is not NULL, the key's node is stored there. */
const struct ydoc_node *yaml_doc_get(const struct ydoc_node *map,
    const char *key, const struct ydoc_node **key_node);

/* True when the scalar's text equals the C string `s`. */
bool yaml_doc_text_is(const struct ydoc_node *node, const char *s);

#endif
