/* yaml_scalar: what a YAML 1.1 loader (PyYAML, which wazo-plugind uses)
 * makes of a node: its type, and the text Python's str() gives for it. */
#ifndef WPD_YAML_SCALAR_H
#define WPD_YAML_SCALAR_H

#include <stdbool.h>

#include "plugin/yaml_doc.h"

enum ydoc_type {
	YDOC_TYPE_STRING,
	YDOC_TYPE_NULL,
	YDOC_TYPE_BOOL,
	YDOC_TYPE_INT,
	YDOC_TYPE_FLOAT,
	YDOC_TYPE_TIMESTAMP,
	YDOC_TYPE_LIST,
	YDOC_TYPE_MAPPING,
	YDOC_TYPE_UNKNOWN_TAG,
};

/* The type PyYAML's default resolver gives the node. */
enum ydoc_type yaml_scalar_type(const struct ydoc_node *node);
/* "a string", "an integer", ...: for messages. */
const char *yaml_scalar_type_name(enum ydoc_type type);
/* The value of a YAML 1.1 integer (0b, 0 octal, 0x, base 60, '_'), as
 * PyYAML reads it; false when the node is no integer or does not fit. */
bool yaml_scalar_int_value(const struct ydoc_node *node, long long *value);
/* The value of a float node (base 60, .inf and .nan included) or of a
 * boolean node; false when the node is not of that type. */
bool yaml_scalar_float_value(const struct ydoc_node *node, double *value);
bool yaml_scalar_bool_value(const struct ydoc_node *node, bool *value);
/* The text Python's str() gives for a number node ("1.1" for 1.10), or
 * NULL when the node is no number; the caller frees it. */
char *yaml_scalar_python_str(const struct ydoc_node *node);

#endif
