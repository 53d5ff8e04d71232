/* yaml_scalar: how a YAML 1.1 loader (PyYAML) types a node. */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/pyformat.h"
#include "plugin/yaml_scalar.h"

#define TAG_PREFIX "tag:yaml.org,2002:"

/* PyYAML's implicit resolvers (resolver.py), as POSIX extended regexes. */
static const struct {
	enum ydoc_type type;
	const char *pattern;
} implicit_types[] = {
	{ YDOC_TYPE_BOOL, "^(yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|"
	    "FALSE|on|On|ON|off|Off|OFF)$" },
	{ YDOC_TYPE_FLOAT, "^([-+]?[0-9][0-9_]*\\.[0-9_]*([eE][-+][0-9]+)?|"
	    "\\.[0-9_]+([eE][-+][0-9]+)?|"
	    "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|"
	    "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$" },
	{ YDOC_TYPE_INT, "^([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|"
	    "[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$" },
	{ YDOC_TYPE_NULL, "^(~|null|Null|NULL|)$" },
	{ YDOC_TYPE_TIMESTAMP, "^([0-9]{4}-[0-9]{2}-[0-9]{2}|"
	    "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:"
	    "[0-9]{2}(\\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)$" },
};

/* Compiled once, on first use, and kept for the life of the process. */
static regex_t compiled[WPD_ARRAY_SIZE(implicit_types)];
static bool compiled_ready;

static void
compile_patterns(void)
{
	for (size_t i = 0; i < WPD_ARRAY_SIZE(implicit_types); i++)
		if (regcomp(&compiled[i], implicit_types[i].pattern,
		    REG_EXTENDED | REG_NOSUB) != 0)
			abort();	/* a bug in the table above */
	compiled_ready = true;
}

static const struct {
	const char *tag;
	enum ydoc_type type;
} explicit_tags[] = {
	{ TAG_PREFIX "str", YDOC_TYPE_STRING },
	{ TAG_PREFIX "null", YDOC_TYPE_NULL },
	{ TAG_PREFIX "bool", YDOC_TYPE_BOOL },
	{ TAG_PREFIX "int", YDOC_TYPE_INT },
	{ TAG_PREFIX "float", YDOC_TYPE_FLOAT },
	{ TAG_PREFIX "timestamp", YDOC_TYPE_TIMESTAMP },
	{ TAG_PREFIX "seq", YDOC_TYPE_LIST },
	{ TAG_PREFIX "map", YDOC_TYPE_MAPPING },
	{ "!", YDOC_TYPE_STRING },
};

static enum ydoc_type
explicit_type(const char *tag)
{
	for (size_t i = 0; i < WPD_ARRAY_SIZE(explicit_tags); i++)
		if (strcmp(tag, explicit_tags[i].tag) == 0)
			return explicit_tags[i].type;
	return YDOC_TYPE_UNKNOWN_TAG;
}

enum ydoc_type
yaml_scalar_type(const struct ydoc_node *node)
{
	if (node->tag != NULL)
		return explicit_type(node->tag);
	if (node->kind == YDOC_SEQUENCE)
		return YDOC_TYPE_LIST;
	if (node->kind == YDOC_MAPPING)
		return YDOC_TYPE_MAPPING;
	if (!node->plain || memchr(node->text, '\0', node->len) != NULL)
		return YDOC_TYPE_STRING;
	if (!compiled_ready)
		compile_patterns();
	for (size_t i = 0; i < WPD_ARRAY_SIZE(implicit_types); i++)
		if (regexec(&compiled[i], node->text, 0, NULL, 0) == 0)
			return implicit_types[i].type;
	return YDOC_TYPE_STRING;
}

const char *
yaml_scalar_type_name(enum ydoc_type type)
{
	switch (type) {
	case YDOC_TYPE_STRING: return "a string";
	case YDOC_TYPE_NULL: return "null (no value)";
	case YDOC_TYPE_BOOL: return "a boolean";
	case YDOC_TYPE_INT: return "an integer";
	case YDOC_TYPE_FLOAT: return "a float";
	case YDOC_TYPE_TIMESTAMP: return "a date";
	case YDOC_TYPE_LIST: return "a list";
	case YDOC_TYPE_MAPPING: return "a mapping";
	case YDOC_TYPE_UNKNOWN_TAG: break;
	}
	return "a value with an unknown tag";
}

/* The text without '_' and without its sign; *negative tells the sign. */
static char *
strip_number(const struct ydoc_node *node, bool *negative)
{
	struct buf b = BUF_INIT;
	const char *p = node->text;

	*negative = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	for (; *p; p++)
		if (*p != '_')
			buf_addc(&b, *p);
	return buf_detach(&b);
}

/* Parses digits in `base` into *value; false on overflow or a bad digit. */
static bool
parse_digits(const char *s, int base, long long *value)
{
	char *end;
	unsigned long long v;

	if (*s == '\0')
		return false;
	v = strtoull(s, &end, base);
	if (*end != '\0' || v > LLONG_MAX)
		return false;
	*value = (long long)v;
	return true;
}

/* "1:20:30" in base 60, as an integer. */
static bool
parse_base60(const char *s, long long *value)
{
	long long v = 0;

	for (;;) {
		char *end;
		long digit;

		errno = 0;
		digit = strtol(s, &end, 10);
		if (end == s || errno != 0 || v > (LLONG_MAX - digit) / 60)
			return false;
		v = v * 60 + digit;
		if (*end == '\0')
			break;
		s = end + 1;
	}
	*value = v;
	return true;
}

bool
yaml_scalar_int_value(const struct ydoc_node *node, long long *value)
{
	bool negative, ok;
	char *s;

	if (yaml_scalar_type(node) != YDOC_TYPE_INT || node->tag != NULL)
		return false;
	s = strip_number(node, &negative);
	if (strncmp(s, "0b", 2) == 0)
		ok = parse_digits(s + 2, 2, value);
	else if (strncmp(s, "0x", 2) == 0)
		ok = parse_digits(s + 2, 16, value);
	else if (strchr(s, ':') != NULL)
		ok = parse_base60(s, value);
	else if (s[0] == '0' && s[1] != '\0')
		ok = parse_digits(s + 1, 8, value);
	else
		ok = parse_digits(s, 10, value);
	free(s);
	if (ok && negative)
		*value = -*value;
	return ok;
}

static double
float_of(const struct ydoc_node *node)
{
	bool negative;
	char *s = strip_number(node, &negative);
	double v = 0;

	if (strchr(s, ':') != NULL) {
		/* "1:20.5" in base 60; the resolver made sure of the form. */
		for (char *p = s, *end;; p = end + 1) {
			v = v * 60 + strtod(p, &end);
			if (*end != ':')
				break;
		}
	} else if (s[0] == '.' && (s[1] == 'i' || s[1] == 'I')) {
		v = INFINITY;
	} else if (s[0] == '.' && (s[1] == 'n' || s[1] == 'N')) {
		v = NAN;
	} else {
		v = strtod(s, NULL);
	}
	free(s);
	return negative ? -v : v;
}

char *
yaml_scalar_python_str(const struct ydoc_node *node)
{
	long long i;

	if (node->kind != YDOC_SCALAR || node->tag != NULL)
		return NULL;
	switch (yaml_scalar_type(node)) {
	case YDOC_TYPE_INT:
		return yaml_scalar_int_value(node, &i) ? xasprintf("%lld", i) : NULL;
	case YDOC_TYPE_FLOAT:
		return pyformat_float_repr(float_of(node));
	default:
		return NULL;
	}
}

bool
yaml_scalar_float_value(const struct ydoc_node *node, double *value)
{
	if (yaml_scalar_type(node) != YDOC_TYPE_FLOAT || node->tag != NULL)
		return false;
	*value = float_of(node);
	return true;
}

bool
yaml_scalar_bool_value(const struct ydoc_node *node, bool *value)
{
	if (yaml_scalar_type(node) != YDOC_TYPE_BOOL || node->tag != NULL)
		return false;
	/* yes, Yes, YES, true, True, TRUE, on, On, ON */
	*value = strchr("yYtT", node->text[0]) != NULL ||
	    (node->text[0] != '\0' && strchr("nN", node->text[1]) != NULL);
	return true;
}
