/* tvalue: the values templates work on, with Python's semantics (what
 * Jinja2 templates expect): None, booleans, integers, floats, strings,
 * lists and ordered mappings, plus Jinja's "undefined". */
#ifndef WPD_TVALUE_H
#define WPD_TVALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"

enum tvalue_kind {
	TV_UNDEFINED,
	TV_NONE,
	TV_BOOL,
	TV_INT,
	TV_FLOAT,
	TV_STRING,
	TV_LIST,
	TV_MAP,
};

struct tvalue;

struct tvalue_entry {
	const char *key;
	struct tvalue *value;
};

/* A value; every value and what it points to lives in an arena. */
struct tvalue {
	enum tvalue_kind kind;
	bool b;
	long long i;
	double f;
	const char *s;		/* strings: NUL-terminated, `len` bytes */
	size_t len;
	struct tvalue **items;	/* lists: items[count] */
	struct tvalue_entry *entries; /* maps: entries[count], in order */
	size_t count;
	size_t cap;
};

struct tvalue *tvalue_undefined(struct arena *a);
struct tvalue *tvalue_none(struct arena *a);
struct tvalue *tvalue_bool(struct arena *a, bool b);
struct tvalue *tvalue_int(struct arena *a, long long i);
struct tvalue *tvalue_float(struct arena *a, double f);
struct tvalue *tvalue_string(struct arena *a, const char *s, size_t len);
struct tvalue *tvalue_cstring(struct arena *a, const char *s);
struct tvalue *tvalue_list(struct arena *a);
struct tvalue *tvalue_map(struct arena *a);
void tvalue_append(struct arena *a, struct tvalue *list, struct tvalue *item);
/* Sets `key` in `map`, replacing an earlier value of the same key. */
void tvalue_set(struct arena *a, struct tvalue *map, const char *key,
    struct tvalue *value);
/* The value of `key` in `map`, or NULL. */
struct tvalue *tvalue_get(const struct tvalue *map, const char *key);

/* The items iterating `v` gives (a list, maybe `v` itself), or NULL when
 * `v` cannot be iterated. */
struct tvalue *tvalue_items(struct arena *a, struct tvalue *v);
/* How many items tvalue_items() gives for `v` (a string's characters);
 * 0 for what cannot be iterated. */
size_t tvalue_count(const struct tvalue *v);
/* Item `i` of what iterating `v`, a list or a string, gives (a string's
 * character is a new string in `a`); a negative `i` counts from the end.
 * NULL out of range, without making the other items. */
struct tvalue *tvalue_item(struct arena *a, struct tvalue *v, long long i);
/* Python's bool(). */
bool tvalue_truthy(const struct tvalue *v);
/* Python's ==. */
bool tvalue_equal(const struct tvalue *a, const struct tvalue *b);
/* Appends Python's str() of the value ("" for undefined). */
void tvalue_str(const struct tvalue *v, struct buf *out);
/* As tvalue_str(), but false once `out` would hold more than `max` bytes
 * (a string that does not fit is not appended; a list or mapping stops
 * after the item that went past). */
bool tvalue_str_max(const struct tvalue *v, struct buf *out, size_t max);
/* Appends Python's repr() of the value. */
void tvalue_repr(const struct tvalue *v, struct buf *out);
/* "a string", "an integer"...: for messages. */
const char *tvalue_kind_name(enum tvalue_kind kind);

#endif
