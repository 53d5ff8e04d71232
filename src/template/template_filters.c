/* template_filters: the filters and tests of templates, with the semantics
 * Jinja2 (and so Python) gives them, and the table that names them. To add
 * one: write its function, add its row to `table`, test it in
 * tests/check_template.c. */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "template/template_filters.h"
#include "template/template_limits.h"

static struct tvalue * WPD_PRINTF(2, 3)
call_error(const struct tcall *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	template_pos_verror(c->e, c->name, c->pos, fmt, ap);
	va_end(ap);
	return NULL;
}

/*
 * Counts `bytes` more of values computed by the render; false with the
 * error set at c->pos past TEMPLATE_LIMIT_WORK. Every string built and
 * every item made counts, so that what a render computes (and so its
 * memory and time) is bounded whatever its loops and expressions.
 */
bool
template_filters_spend(const struct tcall *c, size_t bytes)
{
	if (c->spent == NULL)
		return true;
	if (bytes <= TEMPLATE_LIMIT_WORK - *c->spent) {
		*c->spent += bytes;
		return true;
	}
	call_error(c, "values computed past %d bytes, the limit of a render",
	    TEMPLATE_LIMIT_WORK);
	return false;
}

/* What making the items of `v` costs: one value per byte of a string at
 * most, per key of a mapping; a list is its own items. */
static size_t
items_cost(const struct tvalue *v)
{
	size_t item = sizeof(struct tvalue) + sizeof(struct tvalue *);

	if (v->kind == TV_STRING)
		return v->len * (item + 2);
	return v->kind == TV_MAP ? v->count * item : 0;
}

/* The items a for loop or a join walks (see tvalue_items()), or NULL with
 * the error "... is not iterable" set at c->pos. */
struct tvalue *
template_filters_items(const struct tcall *c, struct tvalue *v)
{
	struct tvalue *items = tvalue_items(c->arena, v);

	if (items == NULL)
		return call_error(c, "%s is not iterable",
		    tvalue_kind_name(v->kind));
	return items;
}

static struct tvalue *
string_error(const struct tcall *c)
{
	return call_error(c, "string longer than %d bytes, the limit",
	    TEMPLATE_LIMIT_STRING);
}

/* Appends Python's str() of `v` to `b`, a string being built; false with
 * the error set at c->pos when `b` would grow past TEMPLATE_LIMIT_STRING
 * (a string operand is measured before it is copied). */
bool
template_filters_append(const struct tcall *c, const struct tvalue *v,
    struct buf *b)
{
	if (tvalue_str_max(v, b, TEMPLATE_LIMIT_STRING))
		return true;
	string_error(c);
	return false;
}

/* A string value of what `b` holds; releases `b`. NULL with the error
 * set when it is longer than TEMPLATE_LIMIT_STRING or past the render's
 * work. */
static struct tvalue *
buf_value(const struct tcall *c, struct buf *b)
{
	struct tvalue *s = NULL;

	if (b->len > TEMPLATE_LIMIT_STRING)
		string_error(c);
	else if (template_filters_spend(c, b->len))
		s = tvalue_string(c->arena, b->data, b->len);
	buf_release(b);
	return s;
}

/* Python's str() of `v`, as a new string value; NULL with the error set
 * past TEMPLATE_LIMIT_STRING. */
static struct tvalue *
str_value(const struct tcall *c, const struct tvalue *v)
{
	struct buf b = BUF_INIT;

	if (!template_filters_append(c, v, &b)) {
		buf_release(&b);
		return NULL;
	}
	return buf_value(c, &b);
}

/* default(value='', boolean=false), also named d. */
static struct tvalue *
filter_default(const struct tcall *c, struct tvalue *v, struct tvalue **args,
    size_t nargs)
{
	bool boolean = nargs > 1 && tvalue_truthy(args[1]);

	if (v->kind == TV_UNDEFINED || (boolean && !tvalue_truthy(v)))
		return nargs > 0 ? args[0] : tvalue_cstring(c->arena, "");
	return v;
}

/* join(separator=''). */
static struct tvalue *
filter_join(const struct tcall *c, struct tvalue *v, struct tvalue **args,
    size_t nargs)
{
	struct tvalue *items;
	struct buf b = BUF_INIT;

	if (!template_filters_spend(c, items_cost(v)) ||
	    (items = template_filters_items(c, v)) == NULL)
		return NULL;
	for (size_t i = 0; i < items->count; i++) {
		if ((i > 0 && nargs > 0 &&
		    !template_filters_append(c, args[0], &b)) ||
		    !template_filters_append(c, items->items[i], &b)) {
			buf_release(&b);
			return NULL;
		}
	}
	return buf_value(c, &b);
}

/* length, also named count. */
static struct tvalue *
filter_length(const struct tcall *c, struct tvalue *v, struct tvalue **args,
    size_t nargs)
{
	(void)args, (void)nargs;
	switch (v->kind) {
	case TV_STRING:
	case TV_LIST:
	case TV_MAP:
		/* Python's len() of a string counts characters, not bytes */
		return tvalue_int(c->arena, (long long)tvalue_count(v));
	case TV_UNDEFINED:
		return tvalue_int(c->arena, 0);
	default:
		return call_error(c, "%s has no length",
		    tvalue_kind_name(v->kind));
	}
}

/* The string of `v` with each byte passed through `convert`. */
static struct tvalue *
convert_bytes(const struct tcall *c, struct tvalue *v, int (*convert)(int))
{
	struct tvalue *s = str_value(c, v);
	char *text = s ? (char *)s->s : NULL;	/* new, so ours to change */

	for (size_t i = 0; s != NULL && i < s->len; i++)
		text[i] = (char)convert((unsigned char)text[i]);
	return s;
}

/* lower: ASCII letters to lower case. */
static struct tvalue *
filter_lower(const struct tcall *c, struct tvalue *v, struct tvalue **args,
    size_t nargs)
{
	(void)args, (void)nargs;
	return convert_bytes(c, v, tolower);
}

/* upper: ASCII letters to upper case. */
static struct tvalue *
filter_upper(const struct tcall *c, struct tvalue *v, struct tvalue **args,
    size_t nargs)
{
	(void)args, (void)nargs;
	return convert_bytes(c, v, toupper);
}

/* trim: without leading and trailing ASCII white space. */
static struct tvalue *
filter_trim(const struct tcall *c, struct tvalue *v, struct tvalue **args,
    size_t nargs)
{
	struct tvalue *s = str_value(c, v);
	size_t start = 0, end;

	(void)args, (void)nargs;
	if (s == NULL)
		return NULL;
	end = s->len;
	while (start < end && isspace((unsigned char)s->s[start]))
		start++;
	while (end > start && isspace((unsigned char)s->s[end - 1]))
		end--;
	return tvalue_string(c->arena, s->s + start, end - start);
}

/* shquote: quotes a value for a POSIX shell, as Python's shlex.quote()
 * does: as it is when every character is safe, else in single quotes. */
static struct tvalue *
filter_shquote(const struct tcall *c, struct tvalue *v, struct tvalue **args,
    size_t nargs)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-";
	struct tvalue *s = str_value(c, v);
	struct buf b = BUF_INIT;

	(void)args, (void)nargs;
	if (s == NULL)
		return NULL;
	if (s->len > 0 && strspn(s->s, safe) == s->len)
		return s;
	buf_addc(&b, '\'');
	for (size_t i = 0; i < s->len; i++) {
		if (s->s[i] == '\'')
			buf_adds(&b, "'\"'\"'");
		else
			buf_addc(&b, s->s[i]);
	}
	buf_addc(&b, '\'');
	return buf_value(c, &b);
}

/* is defined */
static struct tvalue *
test_defined(const struct tcall *c, struct tvalue *v, struct tvalue **args,
    size_t nargs)
{
	(void)args, (void)nargs;
	return tvalue_bool(c->arena, v->kind != TV_UNDEFINED);
}

/* is undefined */
static struct tvalue *
test_undefined(const struct tcall *c, struct tvalue *v, struct tvalue **args,
    size_t nargs)
{
	(void)args, (void)nargs;
	return tvalue_bool(c->arena, v->kind == TV_UNDEFINED);
}

/* is none */
static struct tvalue *
test_none(const struct tcall *c, struct tvalue *v, struct tvalue **args,
    size_t nargs)
{
	(void)args, (void)nargs;
	return tvalue_bool(c->arena, v->kind == TV_NONE);
}

/* The filters and tests: name, kind, fewest and most arguments, function. */
static const struct tfilter table[] = {
	{ "default", TF_FILTER, 0, 2, filter_default },
	{ "d", TF_FILTER, 0, 2, filter_default },
	{ "join", TF_FILTER, 0, 1, filter_join },
	{ "length", TF_FILTER, 0, 0, filter_length },
	{ "count", TF_FILTER, 0, 0, filter_length },
	{ "lower", TF_FILTER, 0, 0, filter_lower },
	{ "upper", TF_FILTER, 0, 0, filter_upper },
	{ "trim", TF_FILTER, 0, 0, filter_trim },
	{ "shquote", TF_FILTER, 0, 0, filter_shquote },
	{ "defined", TF_TEST, 0, 0, test_defined },
	{ "undefined", TF_TEST, 0, 0, test_undefined },
	{ "none", TF_TEST, 0, 0, test_none },
};

/* The row of the filter (or test) `name`, or NULL when there is none. */
const struct tfilter *
template_filters_find(enum tfilter_kind kind, const char *name)
{
	for (size_t i = 0; i < WPD_ARRAY_SIZE(table); i++)
		if (table[i].kind == kind && strcmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}

/* Row `i` of the table, or NULL past its end: for tests that walk it. */
const struct tfilter *
template_filters_row(size_t i)
{
	return i < WPD_ARRAY_SIZE(table) ? &table[i] : NULL;
}
