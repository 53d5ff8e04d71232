/* tvalue: template values with Python's semantics. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/pyformat.h"
#include "template/tvalue.h"

static struct tvalue *
new_value(struct arena *a, enum tvalue_kind kind)
{
	struct tvalue *v = arena_alloc(a, sizeof(*v));

	v->kind = kind;
	return v;
}

struct tvalue *
tvalue_undefined(struct arena *a)
{
	return new_value(a, TV_UNDEFINED);
}

struct tvalue *
tvalue_none(struct arena *a)
{
	return new_value(a, TV_NONE);
}

struct tvalue *
tvalue_bool(struct arena *a, bool b)
{
	struct tvalue *v = new_value(a, TV_BOOL);

	v->b = b;
	return v;
}

struct tvalue *
tvalue_int(struct arena *a, long long i)
{
	struct tvalue *v = new_value(a, TV_INT);

	v->i = i;
	return v;
}

struct tvalue *
tvalue_float(struct arena *a, double f)
{
	struct tvalue *v = new_value(a, TV_FLOAT);

	v->f = f;
	return v;
}

struct tvalue *
tvalue_string(struct arena *a, const char *s, size_t len)
{
	struct tvalue *v = new_value(a, TV_STRING);

	v->s = arena_strndup(a, s, len);
	v->len = len;
	return v;
}

struct tvalue *
tvalue_cstring(struct arena *a, const char *s)
{
	return tvalue_string(a, s, strlen(s));
}

struct tvalue *
tvalue_list(struct arena *a)
{
	return new_value(a, TV_LIST);
}

struct tvalue *
tvalue_map(struct arena *a)
{
	return new_value(a, TV_MAP);
}

/* Makes room for one more item or entry (arena memory cannot grow in
 * place, so the array is copied). */
static void *
grow(struct arena *a, void *array, size_t count, size_t *cap, size_t size)
{
	void *bigger;

	if (count < *cap)
		return array;
	*cap = *cap ? *cap * 2 : 4;
	bigger = arena_alloc(a, *cap * size);
	if (count)
		memcpy(bigger, array, count * size);
	return bigger;
}

void
tvalue_append(struct arena *a, struct tvalue *list, struct tvalue *item)
{
	list->items = grow(a, list->items, list->count, &list->cap,
	    sizeof(*list->items));
	list->items[list->count++] = item;
}

void
tvalue_set(struct arena *a, struct tvalue *map, const char *key,
    struct tvalue *value)
{
	for (size_t i = 0; i < map->count; i++) {
		if (strcmp(map->entries[i].key, key) == 0) {
			map->entries[i].value = value;
			return;
		}
	}
	map->entries = grow(a, map->entries, map->count, &map->cap,
	    sizeof(*map->entries));
	map->entries[map->count].key = arena_strdup(a, key);
	map->entries[map->count].value = value;
	map->count++;
}

struct tvalue *
tvalue_get(const struct tvalue *map, const char *key)
{
	if (map->kind != TV_MAP)
		return NULL;
	for (size_t i = 0; i < map->count; i++)
		if (strcmp(map->entries[i].key, key) == 0)
			return map->entries[i].value;
	return NULL;
}

bool
tvalue_truthy(const struct tvalue *v)
{
	switch (v->kind) {
	case TV_UNDEFINED:
	case TV_NONE:
		return false;
	case TV_BOOL:
		return v->b;
	case TV_INT:
		return v->i != 0;
	case TV_FLOAT:
		return v->f != 0;
	case TV_STRING:
		return v->len > 0;
	case TV_LIST:
	case TV_MAP:
		return v->count > 0;
	}
	return false;
}

/* Numbers (booleans count as 0 and 1) compare by value in Python. */
static bool
numeric(const struct tvalue *v, double *d)
{
	if (v->kind == TV_BOOL)
		*d = v->b;
	else if (v->kind == TV_INT)
		*d = (double)v->i;
	else if (v->kind == TV_FLOAT)
		*d = v->f;
	else
		return false;
	return true;
}

bool
tvalue_equal(const struct tvalue *a, const struct tvalue *b)
{
	double x, y;

	if (numeric(a, &x) && numeric(b, &y)) {
		if (a->kind != TV_FLOAT && b->kind != TV_FLOAT)
			return (a->kind == TV_BOOL ? a->b : a->i) ==
			    (b->kind == TV_BOOL ? b->b : b->i);
		return x == y;
	}
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case TV_STRING:
		return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
	case TV_LIST:
		if (a->count != b->count)
			return false;
		for (size_t i = 0; i < a->count; i++)
			if (!tvalue_equal(a->items[i], b->items[i]))
				return false;
		return true;
	case TV_MAP:
		if (a->count != b->count)
			return false;
		for (size_t i = 0; i < a->count; i++) {
			struct tvalue *other = tvalue_get(b, a->entries[i].key);

			if (other == NULL ||
			    !tvalue_equal(a->entries[i].value, other))
				return false;
		}
		return true;
	default:
		return true;	/* undefined, None */
	}
}

/* Python's repr() of a string: single quotes unless the text holds one
 * and no double quote. */
static void
repr_string(const char *s, size_t len, struct buf *out)
{
	char quote = memchr(s, '\'', len) && !memchr(s, '"', len) ? '"' : '\'';

	buf_addc(out, quote);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\' || c == (unsigned char)quote)
			buf_addf(out, "\\%c", c);
		else if (c == '\n')
			buf_adds(out, "\\n");
		else if (c == '\r')
			buf_adds(out, "\\r");
		else if (c == '\t')
			buf_adds(out, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_addf(out, "\\x%02x", c);
		else
			buf_addc(out, (char)c);
	}
	buf_addc(out, quote);
}

static bool str_max(const struct tvalue *v, struct buf *out, size_t max);
static bool repr_max(const struct tvalue *v, struct buf *out, size_t max);

/* repr() of a list's items (or a mapping's entries), stopping once `out`
 * holds more than `max` bytes. */
static bool
repr_items(const struct tvalue *v, struct buf *out, size_t max)
{
	for (size_t i = 0; i < v->count && out->len <= max; i++) {
		if (i)
			buf_adds(out, ", ");
		if (v->kind == TV_MAP) {
			repr_string(v->entries[i].key,
			    strlen(v->entries[i].key), out);
			buf_adds(out, ": ");
		}
		if (!repr_max(v->kind == TV_MAP ? v->entries[i].value :
		    v->items[i], out, max))
			return false;
	}
	return out->len <= max;
}

static bool
repr_max(const struct tvalue *v, struct buf *out, size_t max)
{
	bool ok;

	switch (v->kind) {
	case TV_STRING:
		if (out->len + v->len > max)
			return false;
		repr_string(v->s, v->len, out);
		return out->len <= max;
	case TV_LIST:
	case TV_MAP:
		buf_addc(out, v->kind == TV_LIST ? '[' : '{');
		ok = repr_items(v, out, max);
		buf_addc(out, v->kind == TV_LIST ? ']' : '}');
		return ok && out->len <= max;
	default:
		return str_max(v, out, max);
	}
}

void
tvalue_repr(const struct tvalue *v, struct buf *out)
{
	repr_max(v, out, SIZE_MAX);
}

static bool
str_max(const struct tvalue *v, struct buf *out, size_t max)
{
	char *f;

	switch (v->kind) {
	case TV_UNDEFINED:
		return true;
	case TV_NONE:
		buf_adds(out, "None");
		break;
	case TV_BOOL:
		buf_adds(out, v->b ? "True" : "False");
		break;
	case TV_INT:
		buf_addf(out, "%lld", v->i);
		break;
	case TV_FLOAT:
		f = pyformat_float_repr(v->f);
		buf_adds(out, f);
		free(f);
		break;
	case TV_STRING:
		if (out->len + v->len > max)
			return false;
		buf_add(out, v->s, v->len);
		break;
	case TV_LIST:
	case TV_MAP:
		return repr_max(v, out, max);
	}
	return out->len <= max;
}

void
tvalue_str(const struct tvalue *v, struct buf *out)
{
	str_max(v, out, SIZE_MAX);
}

bool
tvalue_str_max(const struct tvalue *v, struct buf *out, size_t max)
{
	return str_max(v, out, max);
}

/* The bytes of the character at `at` of the string `v` (a UTF-8 sequence
 * kept whole). */
static size_t
char_size(const struct tvalue *v, size_t at)
{
	size_t n = 1;

	while (at + n < v->len && ((unsigned char)v->s[at + n] & 0xc0) == 0x80)
		n++;
	return n;
}

size_t
tvalue_count(const struct tvalue *v)
{
	size_t n = 0;

	switch (v->kind) {
	case TV_LIST:
	case TV_MAP:
		return v->count;
	case TV_STRING:
		for (size_t i = 0; i < v->len; i++)
			if (((unsigned char)v->s[i] & 0xc0) != 0x80)
				n++;
		return n;
	default:
		return 0;
	}
}

struct tvalue *
tvalue_item(struct arena *a, struct tvalue *v, long long i)
{
	long long n = (long long)tvalue_count(v);
	size_t at = 0;

	if (i < 0)
		i += n;
	if (i < 0 || i >= n || (v->kind != TV_LIST && v->kind != TV_STRING))
		return NULL;
	if (v->kind == TV_LIST)
		return v->items[i];
	for (; i > 0; i--)
		at += char_size(v, at);
	return tvalue_string(a, v->s + at, char_size(v, at));
}

/* The characters of a string, each as a string (UTF-8 sequences kept
 * whole). */
static struct tvalue *
string_items(struct arena *a, const struct tvalue *v)
{
	struct tvalue *list = tvalue_list(a);

	for (size_t i = 0; i < v->len;) {
		size_t n = char_size(v, i);

		tvalue_append(a, list, tvalue_string(a, v->s + i, n));
		i += n;
	}
	return list;
}

/* What Python's iter() walks: a list's items (the list itself), a
 * mapping's keys, a string's characters, nothing for undefined; NULL when
 * `v` cannot be iterated. New values are allocated in `a`. */
struct tvalue *
tvalue_items(struct arena *a, struct tvalue *v)
{
	struct tvalue *list;

	switch (v->kind) {
	case TV_LIST:
		return v;
	case TV_UNDEFINED:
		return tvalue_list(a);
	case TV_MAP:
		list = tvalue_list(a);
		for (size_t i = 0; i < v->count; i++)
			tvalue_append(a, list,
			    tvalue_cstring(a, v->entries[i].key));
		return list;
	case TV_STRING:
		return string_items(a, v);
	default:
		return NULL;
	}
}

const char *
tvalue_kind_name(enum tvalue_kind kind)
{
	switch (kind) {
	case TV_UNDEFINED: return "undefined";
	case TV_NONE: return "None";
	case TV_BOOL: return "a boolean";
	case TV_INT: return "an integer";
	case TV_FLOAT: return "a float";
	case TV_STRING: return "a string";
	case TV_LIST: return "a list";
	case TV_MAP: return "a mapping";
	}
	return "a value";
}
