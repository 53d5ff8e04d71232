/* template_eval: evaluates template expressions, with the semantics
 * Jinja2 (and so Python) gives them; filters and tests are called through
 * their table (template_filters). */
#include <config.h>

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "template/template_eval.h"

static struct tvalue * WPD_PRINTF(3, 4)
eval_error(struct trender *r, struct tpos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	template_pos_verror(r->e, r->name, pos, fmt, ap);
	va_end(ap);
	return NULL;
}

static struct tvalue *
undefined_error(struct trender *r, struct tpos pos, const struct tvalue *v)
{
	return eval_error(r, pos, "'%s' is undefined", v->s ? v->s : "value");
}

static struct tvalue *
named_undefined(struct trender *r, const char *name)
{
	struct tvalue *v = tvalue_undefined(r->arena);

	v->s = name;
	return v;
}

/* What a filter or test called at `pos` gets from the render. */
static struct tcall
call_at(struct trender *r, struct tpos pos)
{
	struct tcall c = { r->arena, r->name, pos, r->e, &r->spent };

	return c;
}

/* The items a for loop walks (see tvalue_items()); NULL with the error
 * set at `pos` when `v` cannot be iterated. */
struct tvalue *
template_eval_items(struct trender *r, struct tpos pos, struct tvalue *v)
{
	struct tcall c = call_at(r, pos);

	return template_filters_items(&c, v);
}

/* Attribute and index access, with Jinja's fallback from one to the
 * other: a.name reads a mapping's key, a.0 and a[0] a list's item. */
static struct tvalue *
subscript(struct trender *r, struct tpos pos, struct tvalue *obj,
    struct tvalue *key, const char *shown)
{
	if (obj->kind == TV_UNDEFINED)
		return undefined_error(r, pos, obj);
	if (obj->kind == TV_MAP && key->kind == TV_STRING) {
		struct tvalue *v = tvalue_get(obj, key->s);

		return v ? v : named_undefined(r, shown);
	}
	if ((obj->kind == TV_LIST || obj->kind == TV_STRING) &&
	    key->kind == TV_INT) {
		struct tcall c = call_at(r, pos);
		struct tvalue *v;

		/* a string is read up to the character */
		if (!template_filters_spend(&c, obj->kind == TV_STRING ?
		    obj->len : 0))
			return NULL;
		if ((v = tvalue_item(r->arena, obj, key->i)) != NULL)
			return v;
	}
	return named_undefined(r, shown);
}

static struct tvalue *
eval_access(struct trender *r, const struct texpr *x)
{
	struct tvalue *obj = template_eval(r, x->left), *key;

	if (obj == NULL)
		return NULL;
	if (x->kind == TE_ATTR) {
		if (isdigit((unsigned char)x->name[0]))
			key = tvalue_int(r->arena, strtoll(x->name, NULL, 10));
		else
			key = tvalue_cstring(r->arena, x->name);
	} else {
		key = template_eval(r, x->right);
		if (key == NULL)
			return NULL;
	}
	if (obj->kind == TV_UNDEFINED)
		return undefined_error(r, x->left->pos, obj);
	return subscript(r, x->pos, obj, key, x->kind == TE_ATTR ? x->name :
	    "item");
}

static bool
as_number(const struct tvalue *v, double *d, long long *i, bool *is_int)
{
	*is_int = v->kind == TV_INT || v->kind == TV_BOOL;
	*i = v->kind == TV_BOOL ? v->b : v->i;
	*d = v->kind == TV_FLOAT ? v->f : (double)*i;
	return *is_int || v->kind == TV_FLOAT;
}

/* <0, 0, >0 for an ordering comparison; false when Python would refuse. */
static bool
order(const struct tvalue *a, const struct tvalue *b, int *cmp)
{
	double da, db;
	long long ia, ib;
	bool inta, intb;

	if (as_number(a, &da, &ia, &inta) && as_number(b, &db, &ib, &intb)) {
		if (inta && intb)
			*cmp = (ia > ib) - (ia < ib);
		else
			*cmp = (da > db) - (da < db);
		return true;
	}
	if (a->kind == TV_STRING && b->kind == TV_STRING) {
		size_t n = a->len < b->len ? a->len : b->len;
		int c = memcmp(a->s, b->s, n);

		*cmp = c != 0 ? c : (a->len > b->len) - (a->len < b->len);
		return true;
	}
	return false;
}

static struct tvalue *
contains(struct trender *r, struct tpos pos, struct tvalue *item,
    struct tvalue *container, bool *found)
{
	if (container->kind == TV_STRING && item->kind == TV_STRING) {
		*found = item->len == 0 || (container->len >= item->len &&
		    memmem(container->s, container->len, item->s, item->len));
		return container;
	}
	if (container->kind == TV_MAP) {
		*found = item->kind == TV_STRING && tvalue_get(container, item->s);
		return container;
	}
	if (container->kind == TV_UNDEFINED) {
		*found = false;
		return container;
	}
	if (container->kind != TV_LIST)
		return eval_error(r, pos, "'in' needs a list, a mapping or a "
		    "string on its right, not %s",
		    tvalue_kind_name(container->kind));
	*found = false;
	for (size_t i = 0; i < container->count && !*found; i++)
		*found = tvalue_equal(item, container->items[i]);
	return container;
}

/* Compares a (read at apos) with b (at bpos) using `op`. */
static struct tvalue *
compare_pair(struct trender *r, struct tpos apos, struct tpos bpos,
    const char *op, struct tvalue *a, struct tvalue *b, bool *result)
{
	int cmp;

	if (strcmp(op, "==") == 0 || strcmp(op, "!=") == 0) {
		*result = tvalue_equal(a, b) == (op[0] == '=');
		return a;
	}
	if (strcmp(op, "in") == 0 || strcmp(op, "not in") == 0) {
		if (contains(r, bpos, a, b, result) == NULL)
			return NULL;
		*result = *result == (op[0] == 'i');
		return a;
	}
	if (a->kind == TV_UNDEFINED)
		return undefined_error(r, apos, a);
	if (b->kind == TV_UNDEFINED)
		return undefined_error(r, bpos, b);
	if (!order(a, b, &cmp)) {
		eval_error(r, bpos, "cannot compare %s with %s "
		    "using '%s'", tvalue_kind_name(a->kind),
		    tvalue_kind_name(b->kind), op);
		return NULL;
	}
	if (strcmp(op, "<") == 0)
		*result = cmp < 0;
	else if (strcmp(op, "<=") == 0)
		*result = cmp <= 0;
	else if (strcmp(op, ">") == 0)
		*result = cmp > 0;
	else
		*result = cmp >= 0;
	return a;
}

static struct tvalue *
eval_compare(struct trender *r, const struct texpr *x)
{
	struct tvalue *left = template_eval(r, x->left);
	struct tpos left_pos = x->left->pos;

	for (size_t i = 0; left != NULL && i < x->count; i++) {
		struct tvalue *right = template_eval(r, x->args[i]);
		bool result = false;

		if (right == NULL ||
		    compare_pair(r, left_pos, x->args[i]->pos, x->ops[i], left,
		    right, &result) == NULL)
			return NULL;
		if (!result)
			return tvalue_bool(r->arena, false);
		left = right;
		left_pos = x->args[i]->pos;
	}
	return left ? tvalue_bool(r->arena, true) : NULL;
}

/* str(a) followed by str(b), as a new string; NULL with the error set at
 * `pos` past TEMPLATE_LIMIT_STRING. */
static struct tvalue *
concatenate(struct trender *r, struct tpos pos, const struct tvalue *a,
    const struct tvalue *b)
{
	struct tcall c = call_at(r, pos);
	struct buf s = BUF_INIT;
	struct tvalue *v = NULL;

	if (template_filters_append(&c, a, &s) &&
	    template_filters_append(&c, b, &s) &&
	    template_filters_spend(&c, s.len))
		v = tvalue_string(r->arena, s.data, s.len);
	buf_release(&s);
	return v;
}

static struct tvalue *
arithmetic(struct trender *r, const struct texpr *x, struct tvalue *a,
    struct tvalue *b)
{
	double da, db;
	long long ia, ib, sum;
	bool inta, intb;

	if (as_number(a, &da, &ia, &inta) && as_number(b, &db, &ib, &intb)) {
		if (inta && intb) {
			if (x->name[0] == '+' ? __builtin_add_overflow(ia, ib, &sum) :
			    __builtin_sub_overflow(ia, ib, &sum))
				return eval_error(r, x->pos, "integer overflow");
			return tvalue_int(r->arena, sum);
		}
		return tvalue_float(r->arena, x->name[0] == '+' ? da + db :
		    da - db);
	}
	if (x->name[0] == '+' && a->kind == TV_STRING && b->kind == TV_STRING)
		return concatenate(r, x->pos, a, b);
	if (x->name[0] == '+' && a->kind == TV_LIST && b->kind == TV_LIST) {
		struct tcall c = call_at(r, x->pos);
		struct tvalue *v = tvalue_list(r->arena);

		if (!template_filters_spend(&c, (a->count + b->count) *
		    sizeof(struct tvalue *)))
			return NULL;

		for (size_t i = 0; i < a->count; i++)
			tvalue_append(r->arena, v, a->items[i]);
		for (size_t i = 0; i < b->count; i++)
			tvalue_append(r->arena, v, b->items[i]);
		return v;
	}
	eval_error(r, x->pos, "cannot apply '%s' to %s and %s",
	    x->name, tvalue_kind_name(a->kind), tvalue_kind_name(b->kind));
	return NULL;
}

static struct tvalue *
eval_binary(struct trender *r, const struct texpr *x)
{
	struct tvalue *a = template_eval(r, x->left), *b;

	if (a == NULL || (b = template_eval(r, x->right)) == NULL)
		return NULL;
	if (x->name[0] != '~')
		return arithmetic(r, x, a, b);
	return concatenate(r, x->pos, a, b);
}

static struct tvalue *
eval_negation(struct trender *r, const struct texpr *x)
{
	struct tvalue *v = template_eval(r, x->left);
	double d;
	long long i;
	bool is_int;

	if (v == NULL)
		return NULL;
	if (!as_number(v, &d, &i, &is_int))
		return eval_error(r, x->pos, "cannot apply unary '%s' to %s",
		    x->name, tvalue_kind_name(v->kind));
	if (x->name[0] == '+')
		return is_int ? tvalue_int(r->arena, i) : v;
	if (is_int)
		return i == LLONG_MIN ? eval_error(r, x->pos, "integer "
		    "overflow") : tvalue_int(r->arena, -i);
	return tvalue_float(r->arena, -d);
}

/* A filter, or a test, through its row of the table. */
static struct tvalue *
eval_filter(struct trender *r, const struct texpr *x)
{
	struct tvalue *v = template_eval(r, x->left), *result;
	struct tvalue **args = arena_alloc(r->arena,
	    (x->count + 1) * sizeof(*args));
	struct tcall c = call_at(r, x->pos);

	if (v == NULL)
		return NULL;
	for (size_t i = 0; i < x->count; i++)
		if ((args[i] = template_eval(r, x->args[i])) == NULL)
			return NULL;
	result = x->filter->apply(&c, v, args, x->count);
	if (result == NULL || x->kind != TE_TEST)
		return result;
	return tvalue_bool(r->arena, tvalue_truthy(result) != x->negated);
}

static struct tvalue *
lookup(struct trender *r, const char *name)
{
	struct tvalue *v;

	for (struct tscope *s = r->scope; s != NULL; s = s->next)
		if (strcmp(s->name, name) == 0)
			return s->value;
	v = tvalue_get(r->context, name);
	return v ? v : named_undefined(r, name);
}

/* The value of `x`, allocated in r->arena (or a literal of the tree); NULL
 * with r->e set when Jinja2 would raise an error. */
struct tvalue *
template_eval(struct trender *r, const struct texpr *x)
{
	struct tvalue *a, *list;

	switch (x->kind) {
	case TE_LITERAL:
		return x->literal;
	case TE_NAME:
		return lookup(r, x->name);
	case TE_LIST:
		list = tvalue_list(r->arena);
		for (size_t i = 0; i < x->count; i++) {
			if ((a = template_eval(r, x->args[i])) == NULL)
				return NULL;
			tvalue_append(r->arena, list, a);
		}
		return list;
	case TE_ATTR:
	case TE_INDEX:
		return eval_access(r, x);
	case TE_FILTER:
	case TE_TEST:
		return eval_filter(r, x);
	case TE_NOT:
		a = template_eval(r, x->left);
		return a ? tvalue_bool(r->arena, !tvalue_truthy(a)) : NULL;
	case TE_NEG:
		return eval_negation(r, x);
	case TE_BINARY:
		return eval_binary(r, x);
	case TE_COMPARE:
		return eval_compare(r, x);
	case TE_AND:
	case TE_OR:
		a = template_eval(r, x->left);
		if (a == NULL || tvalue_truthy(a) == (x->kind == TE_OR))
			return a;
		return template_eval(r, x->right);
	case TE_COND:
		a = template_eval(r, x->right);
		if (a == NULL)
			return NULL;
		if (tvalue_truthy(a))
			return template_eval(r, x->left);
		return x->third ? template_eval(r, x->third) :
		    named_undefined(r, NULL);
	}
	return NULL;
}
