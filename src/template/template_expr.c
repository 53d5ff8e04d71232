/* template_expr: reads template expressions (Jinja2's precedence: inline
 * if, or, and, not, comparisons, + -, ~, unary, filters and tests,
 * attribute and index access, literals). */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "template/template_expr.h"

static struct texpr *
new_expr(struct tparser *p, enum texpr_kind kind, struct tpos pos)
{
	struct texpr *x = arena_alloc(p->arena, sizeof(*x));

	x->kind = kind;
	x->pos = pos;
	return x;
}

static struct texpr *parse_or(struct tparser *p);

static struct texpr *
parse_literal(struct tparser *p, const struct ttoken *tok)
{
	struct texpr *x = new_expr(p, TE_LITERAL, tok->pos);
	struct arena *a = p->arena;

	if (tok->kind == TT_STRING) {
		x->literal = tvalue_string(a, tok->text, tok->len);
	} else if (tok->kind == TT_FLOAT) {
		x->literal = tvalue_float(a, strtod(tok->text, NULL));
	} else {
		errno = 0;
		x->literal = tvalue_int(a, strtoll(tok->text, NULL, 10));
		if (errno != 0) {
			template_pos_error(p->e, p->name, tok->pos,
			    "integer %s is too large", tok->text);
			return NULL;
		}
	}
	return x;
}

/* Expressions separated by "," up to `close`, appended to x->args; the
 * cursor is past `close` after. False after an error. */
static bool
parse_sequence(struct tparser *p, struct texpr *x, const char *close,
    const char *expected)
{
	while (!template_cursor_at_op(p, close)) {
		struct texpr *item = template_expr_parse(p);

		if (item == NULL)
			return false;
		template_cursor_add(p, (void ***)&x->args, &x->count, item);
		if (!template_cursor_at_op(p, ","))
			break;
		template_cursor_next(p);
	}
	if (!template_cursor_at_op(p, close))
		return template_cursor_fail(p, template_cursor_peek(p),
		    expected) != NULL;
	template_cursor_next(p);
	return true;
}

static struct texpr *
parse_list(struct tparser *p, struct tpos pos)
{
	struct texpr *x = new_expr(p, TE_LIST, pos);

	return parse_sequence(p, x, "]", "',' or ']'") ? x : NULL;
}

static struct texpr *
parse_primary(struct tparser *p)
{
	const struct ttoken *tok = template_cursor_next(p);
	struct texpr *x;

	if (tok->kind == TT_STRING || tok->kind == TT_INT ||
	    tok->kind == TT_FLOAT)
		return parse_literal(p, tok);
	if (template_cursor_is_op(tok, "(")) {
		x = template_expr_parse(p);
		if (x != NULL && !template_cursor_at_op(p, ")"))
			return template_cursor_fail(p, template_cursor_peek(p),
			    "')'");
		template_cursor_next(p);
		return x;
	}
	if (template_cursor_is_op(tok, "["))
		return parse_list(p, tok->pos);
	if (tok->kind != TT_NAME)
		return template_cursor_fail(p, tok, "a value");
	x = new_expr(p, TE_LITERAL, tok->pos);
	if (strcmp(tok->text, "true") == 0 || strcmp(tok->text, "True") == 0)
		x->literal = tvalue_bool(p->arena, true);
	else if (strcmp(tok->text, "false") == 0 ||
	    strcmp(tok->text, "False") == 0)
		x->literal = tvalue_bool(p->arena, false);
	else if (strcmp(tok->text, "none") == 0 ||
	    strcmp(tok->text, "None") == 0)
		x->literal = tvalue_none(p->arena);
	else {
		x->kind = TE_NAME;
		x->name = tok->text;
	}
	return x;
}

/* Filter arguments: "(" [expression ("," expression)*] ")". */
static bool
parse_arguments(struct tparser *p, struct texpr *x)
{
	if (!template_cursor_at_op(p, "("))
		return true;
	template_cursor_next(p);
	return parse_sequence(p, x, ")", "',' or ')'");
}

/* "filter" or "test", for messages. */
static const char *
kind_word(enum tfilter_kind kind)
{
	return kind == TF_TEST ? "test" : "filter";
}

/* The table's row for the filter (or test) named by `tok`; NULL with the
 * error set when the table has none. */
static const struct tfilter *
find_filter(struct tparser *p, enum tfilter_kind kind,
    const struct ttoken *tok)
{
	const struct tfilter *f = template_filters_find(kind, tok->text);

	if (f == NULL)
		template_pos_error(p->e, p->name, tok->pos, "unknown %s '%s'",
		    kind_word(kind), tok->text);
	return f;
}

/* False (with the error set at `pos`, the name's) when `x` has fewer or
 * more arguments than its row allows. */
static bool
check_arguments(struct tparser *p, const struct texpr *x, struct tpos pos)
{
	const struct tfilter *f = x->filter;
	bool few = x->count < f->min_args;
	size_t bound = few ? f->min_args : f->max_args;

	if (!few && x->count <= f->max_args)
		return true;
	template_pos_error(p->e, p->name, pos, "%s '%s' takes at %s %zu "
	    "argument%s", kind_word(f->kind), f->name, few ? "least" : "most",
	    bound, bound == 1 ? "" : "s");
	return false;
}

static struct texpr *
parse_filter(struct tparser *p, struct texpr *value)
{
	const struct ttoken *tok = template_cursor_next(p);
	struct texpr *x;

	if (tok->kind != TT_NAME)
		return template_cursor_fail(p, tok, "a filter name after '|'");
	x = new_expr(p, TE_FILTER, tok->pos);
	x->name = tok->text;
	x->left = value;
	x->filter = find_filter(p, TF_FILTER, tok);
	if (x->filter == NULL || !parse_arguments(p, x) ||
	    !check_arguments(p, x, tok->pos))
		return NULL;
	return x;
}

static struct texpr *
parse_test(struct tparser *p, struct texpr *value)
{
	struct texpr *x = new_expr(p, TE_TEST, template_cursor_peek(p)->pos);
	const struct ttoken *tok;

	if (template_cursor_at_name(p, "not")) {
		template_cursor_next(p);
		x->negated = true;
	}
	tok = template_cursor_next(p);
	if (tok->kind != TT_NAME && !template_cursor_is_name(tok, "none"))
		return template_cursor_fail(p, tok, "a test name after 'is'");
	x->name = tok->text;
	x->left = value;
	x->filter = find_filter(p, TF_TEST, tok);
	if (x->filter == NULL || !check_arguments(p, x, tok->pos))
		return NULL;
	return x;
}

/* True when `tok` starts an attribute, index, filter or test suffix. */
static bool
is_suffix(const struct ttoken *tok)
{
	return template_cursor_is_op(tok, ".") ||
	    template_cursor_is_op(tok, "[") ||
	    template_cursor_is_op(tok, "|") ||
	    template_cursor_is_name(tok, "is");
}

static struct texpr *
parse_attribute(struct tparser *p, struct texpr *x)
{
	const struct ttoken *tok = template_cursor_next(p);
	struct texpr *y;

	if (tok->kind != TT_NAME && tok->kind != TT_INT)
		return template_cursor_fail(p, tok,
		    "an attribute name after '.'");
	y = new_expr(p, TE_ATTR, tok->pos);
	y->name = tok->text;
	y->left = x;
	return y;
}

static struct texpr *
parse_index(struct tparser *p, struct texpr *x, struct tpos pos)
{
	struct texpr *y = new_expr(p, TE_INDEX, pos);

	y->left = x;
	y->right = template_expr_parse(p);
	if (y->right == NULL)
		return NULL;
	if (!template_cursor_at_op(p, "]"))
		return template_cursor_fail(p, template_cursor_peek(p), "']'");
	template_cursor_next(p);
	return y;
}

/* The suffix at the cursor (see is_suffix()) applied to `x`. */
static struct texpr *
parse_suffix(struct tparser *p, struct texpr *x)
{
	const struct ttoken *tok = template_cursor_next(p);

	if (template_cursor_is_op(tok, "."))
		return parse_attribute(p, x);
	if (template_cursor_is_op(tok, "["))
		return parse_index(p, x, tok->pos);
	if (template_cursor_is_op(tok, "|"))
		return parse_filter(p, x);
	return parse_test(p, x);
}

/* A primary followed by attribute, index, filter and test suffixes, each
 * one level deeper. */
static struct texpr *
parse_postfix(struct tparser *p)
{
	unsigned depth = p->depth;
	struct texpr *x = parse_primary(p);

	while (x != NULL && is_suffix(template_cursor_peek(p))) {
		if (!template_cursor_deeper(p, template_cursor_peek(p)))
			return NULL;
		x = parse_suffix(p, x);
	}
	p->depth = depth;
	return x;
}

static struct texpr *
parse_unary(struct tparser *p)
{
	struct texpr *x;

	if (template_cursor_at_op(p, "-") || template_cursor_at_op(p, "+")) {
		const struct ttoken *tok = template_cursor_next(p);

		if (!template_cursor_deeper(p, tok))
			return NULL;
		x = new_expr(p, TE_NEG, tok->pos);
		x->name = tok->text;
		x->left = parse_unary(p);
		p->depth--;
		return x->left ? x : NULL;
	}
	return parse_postfix(p);
}

/* A left-associative chain of operands joined by one of `ops` (operator
 * tokens; keywords when `words`), each operator one level deeper; each
 * link a node of `kind` that names its operator. */
static struct texpr *
parse_chain(struct tparser *p, const char *const *ops, bool words,
    enum texpr_kind kind, struct texpr *(*operand)(struct tparser *))
{
	unsigned depth = p->depth;
	struct texpr *x = operand(p);

	while (x != NULL) {
		const char *const *op;
		struct texpr *y;

		for (op = ops; *op != NULL; op++)
			if (words ? template_cursor_at_name(p, *op) :
			    template_cursor_at_op(p, *op))
				break;
		if (*op == NULL)
			break;
		if (!template_cursor_deeper(p, template_cursor_peek(p)))
			return NULL;
		y = new_expr(p, kind, template_cursor_next(p)->pos);
		y->name = *op;
		y->left = x;
		y->right = operand(p);
		if (y->right == NULL)
			return NULL;
		x = y;
	}
	p->depth = depth;
	return x;
}

static struct texpr *
parse_concat(struct tparser *p)
{
	static const char *const ops[] = { "~", NULL };

	return parse_chain(p, ops, false, TE_BINARY, parse_unary);
}

static struct texpr *
parse_sum(struct tparser *p)
{
	static const char *const ops[] = { "+", "-", NULL };

	return parse_chain(p, ops, false, TE_BINARY, parse_concat);
}

/* The comparison operator at the cursor, read, its token in *at; or
 * NULL. */
static const char *
comparison_operator(struct tparser *p, const struct ttoken **at)
{
	static const char *const ops[] = { "==", "!=", "<=", ">=", "<", ">" };
	const struct ttoken *tok = template_cursor_peek(p);

	*at = tok;
	for (size_t i = 0; i < WPD_ARRAY_SIZE(ops); i++)
		if (template_cursor_is_op(tok, ops[i]))
			return template_cursor_next(p), ops[i];
	if (template_cursor_is_name(tok, "in"))
		return template_cursor_next(p), "in";
	if (template_cursor_is_name(tok, "not") &&
	    template_cursor_is_name(tok + 1, "in")) {
		template_cursor_next(p);
		template_cursor_next(p);
		return "not in";
	}
	return NULL;
}

/* A chain of comparisons, each comparand one level deeper (the chain is
 * evaluated in a loop, but bounded as other chains are). */
static struct texpr *
parse_compare(struct tparser *p)
{
	unsigned depth = p->depth;
	struct texpr *x = parse_sum(p), *chain;
	const struct ttoken *tok;
	size_t nops = 0;
	const char *op;

	if (x == NULL)
		return NULL;
	chain = new_expr(p, TE_COMPARE, x->pos);
	chain->left = x;
	while ((op = comparison_operator(p, &tok)) != NULL) {
		struct texpr *right;

		if (!template_cursor_deeper(p, tok) || (right = parse_sum(p)) ==
		    NULL)
			return NULL;
		template_cursor_add(p, (void ***)&chain->args, &chain->count,
		    right);
		template_cursor_add(p, (void ***)&chain->ops, &nops,
		    (void *)op);
	}
	p->depth = depth;
	return chain->count ? chain : x;
}

static struct texpr *
parse_not(struct tparser *p)
{
	if (template_cursor_at_name(p, "not")) {
		const struct ttoken *tok = template_cursor_next(p);
		struct texpr *x = new_expr(p, TE_NOT, tok->pos);

		if (!template_cursor_deeper(p, tok))
			return NULL;
		x->left = parse_not(p);
		p->depth--;
		return x->left ? x : NULL;
	}
	return parse_compare(p);
}

static struct texpr *
parse_and(struct tparser *p)
{
	static const char *const ops[] = { "and", NULL };

	return parse_chain(p, ops, true, TE_AND, parse_not);
}

static struct texpr *
parse_or(struct tparser *p)
{
	static const char *const ops[] = { "or", NULL };

	return parse_chain(p, ops, true, TE_OR, parse_and);
}

/* or-expression ["if" or-expression ["else" expression]] */
static struct texpr *
parse_conditional(struct tparser *p)
{
	struct texpr *x = parse_or(p), *cond;

	if (x == NULL || !template_cursor_at_name(p, "if"))
		return x;
	cond = new_expr(p, TE_COND, template_cursor_next(p)->pos);
	cond->left = x;
	cond->right = parse_or(p);
	if (cond->right == NULL)
		return NULL;
	if (template_cursor_at_name(p, "else")) {
		template_cursor_next(p);
		cond->third = template_expr_parse(p);
		if (cond->third == NULL)
			return NULL;
	}
	return cond;
}

/* An expression, one level deeper than where it starts (in parentheses,
 * a list, arguments, an index or an else branch). */
struct texpr *
template_expr_parse(struct tparser *p)
{
	unsigned depth = p->depth;
	struct texpr *x;

	if (!template_cursor_deeper(p, template_cursor_peek(p)))
		return NULL;
	x = parse_conditional(p);
	p->depth = depth;
	return x;
}
