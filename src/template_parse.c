/* template_parse: builds a template's syntax tree from its tokens. */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "template_impl.h"

/* The parser's cursor over the tokens. */
struct parser {
	struct template *t;
	const struct ttoken *tok;
	struct err *e;
};

static const struct ttoken *
peek(const struct parser *p)
{
	return p->tok;
}

static const struct ttoken *
next(struct parser *p)
{
	const struct ttoken *tok = p->tok;

	if (tok->kind != TT_EOF)
		p->tok++;
	return tok;
}

static bool
is_op(const struct ttoken *tok, const char *op)
{
	return tok->kind == TT_OP && strcmp(tok->text, op) == 0;
}

static bool
is_name(const struct ttoken *tok, const char *name)
{
	return tok->kind == TT_NAME && strcmp(tok->text, name) == 0;
}

/* How a token reads in "found ..." messages. */
static const char *
describe(const struct ttoken *tok)
{
	switch (tok->kind) {
	case TT_EOF: return "the end of the template";
	case TT_TEXT: return "template text";
	case TT_VAR_END: return "'}}'";
	case TT_BLOCK_END: return "'%}'";
	case TT_VAR_BEGIN: return "'{{'";
	case TT_BLOCK_BEGIN: return "'{%'";
	case TT_STRING: return "a string";
	default: return tok->text;
	}
}

static void *
fail(struct parser *p, const struct ttoken *tok, const char *expected)
{
	const char *found = describe(tok);
	bool quote = tok->kind == TT_NAME || tok->kind == TT_OP ||
	    tok->kind == TT_INT || tok->kind == TT_FLOAT;

	template_error(p->e, p->t, tok->pos, "expected %s, found %s%s%s",
	    expected, quote ? "'" : "", found, quote ? "'" : "");
	return NULL;
}

static struct texpr *
new_expr(struct parser *p, enum texpr_kind kind, struct tpos pos)
{
	struct texpr *x = arena_alloc(&p->t->arena, sizeof(*x));

	x->kind = kind;
	x->pos = pos;
	return x;
}

/* A growable array of pointers in the arena. */
static void
add_ptr(struct parser *p, void ***array, size_t *count, void *item)
{
	void **bigger = arena_alloc(&p->t->arena, (*count + 1) * sizeof(void *));

	if (*count)
		memcpy(bigger, *array, *count * sizeof(void *));
	bigger[(*count)++] = item;
	*array = bigger;
}

static struct texpr *parse_expression(struct parser *p);
static struct texpr *parse_or(struct parser *p);

static struct texpr *
parse_literal(struct parser *p, const struct ttoken *tok)
{
	struct texpr *x = new_expr(p, TE_LITERAL, tok->pos);
	struct arena *a = &p->t->arena;

	if (tok->kind == TT_STRING) {
		x->literal = tvalue_string(a, tok->text, tok->len);
	} else if (tok->kind == TT_FLOAT) {
		x->literal = tvalue_float(a, strtod(tok->text, NULL));
	} else {
		errno = 0;
		x->literal = tvalue_int(a, strtoll(tok->text, NULL, 10));
		if (errno != 0) {
			template_error(p->e, p->t, tok->pos, "integer %s is "
			    "too large", tok->text);
			return NULL;
		}
	}
	return x;
}

static struct texpr *
parse_list(struct parser *p, struct tpos pos)
{
	struct texpr *x = new_expr(p, TE_LIST, pos);

	while (!is_op(peek(p), "]")) {
		struct texpr *item = parse_expression(p);

		if (item == NULL)
			return NULL;
		add_ptr(p, (void ***)&x->args, &x->count, item);
		if (!is_op(peek(p), ","))
			break;
		next(p);
	}
	if (!is_op(peek(p), "]"))
		return fail(p, peek(p), "',' or ']'");
	next(p);
	return x;
}

static struct texpr *
parse_primary(struct parser *p)
{
	const struct ttoken *tok = next(p);
	struct texpr *x;

	if (tok->kind == TT_STRING || tok->kind == TT_INT ||
	    tok->kind == TT_FLOAT)
		return parse_literal(p, tok);
	if (is_op(tok, "(")) {
		x = parse_expression(p);
		if (x != NULL && !is_op(peek(p), ")"))
			return fail(p, peek(p), "')'");
		next(p);
		return x;
	}
	if (is_op(tok, "["))
		return parse_list(p, tok->pos);
	if (tok->kind != TT_NAME)
		return fail(p, tok, "a value");
	x = new_expr(p, TE_LITERAL, tok->pos);
	if (is_name(tok, "true") || is_name(tok, "True"))
		x->literal = tvalue_bool(&p->t->arena, true);
	else if (is_name(tok, "false") || is_name(tok, "False"))
		x->literal = tvalue_bool(&p->t->arena, false);
	else if (is_name(tok, "none") || is_name(tok, "None"))
		x->literal = tvalue_none(&p->t->arena);
	else {
		x->kind = TE_NAME;
		x->name = tok->text;
	}
	return x;
}

/* Filter arguments: "(" [expression ("," expression)*] ")". */
static bool
parse_arguments(struct parser *p, struct texpr *x)
{
	if (!is_op(peek(p), "("))
		return true;
	next(p);
	while (!is_op(peek(p), ")")) {
		struct texpr *arg = parse_expression(p);

		if (arg == NULL)
			return false;
		add_ptr(p, (void ***)&x->args, &x->count, arg);
		if (!is_op(peek(p), ","))
			break;
		next(p);
	}
	if (!is_op(peek(p), ")"))
		return fail(p, peek(p), "',' or ')'") != NULL;
	next(p);
	return true;
}

static struct texpr *
parse_filter(struct parser *p, struct texpr *value)
{
	const struct ttoken *tok = next(p);
	struct texpr *x;

	if (tok->kind != TT_NAME)
		return fail(p, tok, "a filter name after '|'");
	if (!template_filter_known(tok->text)) {
		template_error(p->e, p->t, tok->pos, "unknown filter '%s'",
		    tok->text);
		return NULL;
	}
	x = new_expr(p, TE_FILTER, tok->pos);
	x->name = tok->text;
	x->left = value;
	return parse_arguments(p, x) ? x : NULL;
}

static struct texpr *
parse_test(struct parser *p, struct texpr *value)
{
	struct texpr *x = new_expr(p, TE_TEST, peek(p)->pos);
	const struct ttoken *tok;

	if (is_name(peek(p), "not")) {
		next(p);
		x->negated = true;
	}
	tok = next(p);
	if (tok->kind != TT_NAME && !is_name(tok, "none"))
		return fail(p, tok, "a test name after 'is'");
	if (!template_test_known(tok->text)) {
		template_error(p->e, p->t, tok->pos, "unknown test '%s'",
		    tok->text);
		return NULL;
	}
	x->name = tok->text;
	x->left = value;
	return x;
}

/* A primary followed by attribute, index, filter and test suffixes. */
static struct texpr *
parse_postfix(struct parser *p)
{
	struct texpr *x = parse_primary(p), *y;

	while (x != NULL) {
		const struct ttoken *tok = peek(p);

		if (is_op(tok, ".")) {
			next(p);
			tok = next(p);
			if (tok->kind != TT_NAME && tok->kind != TT_INT)
				return fail(p, tok, "an attribute name after '.'");
			y = new_expr(p, TE_ATTR, tok->pos);
			y->name = tok->text;
			y->left = x;
			x = y;
		} else if (is_op(tok, "[")) {
			next(p);
			y = new_expr(p, TE_INDEX, tok->pos);
			y->left = x;
			y->right = parse_expression(p);
			if (y->right == NULL)
				return NULL;
			if (!is_op(peek(p), "]"))
				return fail(p, peek(p), "']'");
			next(p);
			x = y;
		} else if (is_op(tok, "|")) {
			next(p);
			x = parse_filter(p, x);
		} else if (is_name(tok, "is")) {
			next(p);
			x = parse_test(p, x);
		} else {
			break;
		}
	}
	return x;
}

static struct texpr *
parse_unary(struct parser *p)
{
	struct texpr *x;

	if (is_op(peek(p), "-") || is_op(peek(p), "+")) {
		const struct ttoken *tok = next(p);

		x = new_expr(p, TE_NEG, tok->pos);
		x->name = tok->text;
		x->left = parse_unary(p);
		return x->left ? x : NULL;
	}
	return parse_postfix(p);
}

static struct texpr *
parse_binary_level(struct parser *p, const char *const *ops,
    struct texpr *(*operand)(struct parser *))
{
	struct texpr *x = operand(p);

	while (x != NULL) {
		const char *const *op;
		struct texpr *y;

		for (op = ops; *op != NULL; op++)
			if (is_op(peek(p), *op))
				break;
		if (*op == NULL)
			break;
		y = new_expr(p, TE_BINARY, next(p)->pos);
		y->name = *op;
		y->left = x;
		y->right = operand(p);
		if (y->right == NULL)
			return NULL;
		x = y;
	}
	return x;
}

static struct texpr *
parse_concat(struct parser *p)
{
	static const char *const ops[] = { "~", NULL };

	return parse_binary_level(p, ops, parse_unary);
}

static struct texpr *
parse_sum(struct parser *p)
{
	static const char *const ops[] = { "+", "-", NULL };

	return parse_binary_level(p, ops, parse_concat);
}

static const char *
comparison_operator(struct parser *p)
{
	static const char *const ops[] = { "==", "!=", "<=", ">=", "<", ">" };
	const struct ttoken *tok = peek(p);

	for (size_t i = 0; i < WPD_ARRAY_SIZE(ops); i++)
		if (is_op(tok, ops[i]))
			return next(p), ops[i];
	if (is_name(tok, "in"))
		return next(p), "in";
	if (is_name(tok, "not") && is_name(tok + 1, "in")) {
		next(p);
		next(p);
		return "not in";
	}
	return NULL;
}

static struct texpr *
parse_compare(struct parser *p)
{
	struct texpr *x = parse_sum(p), *chain;
	size_t nops = 0;
	const char *op;

	if (x == NULL)
		return NULL;
	chain = new_expr(p, TE_COMPARE, x->pos);
	chain->left = x;
	while ((op = comparison_operator(p)) != NULL) {
		struct texpr *right = parse_sum(p);

		if (right == NULL)
			return NULL;
		add_ptr(p, (void ***)&chain->args, &chain->count, right);
		add_ptr(p, (void ***)&chain->ops, &nops, (void *)op);
	}
	return chain->count ? chain : x;
}

static struct texpr *
parse_not(struct parser *p)
{
	if (is_name(peek(p), "not")) {
		struct texpr *x = new_expr(p, TE_NOT, next(p)->pos);

		x->left = parse_not(p);
		return x->left ? x : NULL;
	}
	return parse_compare(p);
}

static struct texpr *
parse_logic(struct parser *p, const char *word, enum texpr_kind kind,
    struct texpr *(*operand)(struct parser *))
{
	struct texpr *x = operand(p);

	while (x != NULL && is_name(peek(p), word)) {
		struct texpr *y = new_expr(p, kind, next(p)->pos);

		y->left = x;
		y->right = operand(p);
		if (y->right == NULL)
			return NULL;
		x = y;
	}
	return x;
}

static struct texpr *
parse_and(struct parser *p)
{
	return parse_logic(p, "and", TE_AND, parse_not);
}

static struct texpr *
parse_or(struct parser *p)
{
	return parse_logic(p, "or", TE_OR, parse_and);
}

/* or-expression ["if" or-expression ["else" expression]] */
static struct texpr *
parse_expression(struct parser *p)
{
	struct texpr *x = parse_or(p), *cond;

	if (x == NULL || !is_name(peek(p), "if"))
		return x;
	cond = new_expr(p, TE_COND, next(p)->pos);
	cond->left = x;
	cond->right = parse_or(p);
	if (cond->right == NULL)
		return NULL;
	if (is_name(peek(p), "else")) {
		next(p);
		cond->third = parse_expression(p);
		if (cond->third == NULL)
			return NULL;
	}
	return cond;
}

/* Statements. */

static struct tnode *parse_body(struct parser *p, const char *const *ends,
    const struct ttoken *opener);

static struct tnode *
new_node(struct parser *p, enum tnode_kind kind, struct tpos pos)
{
	struct tnode *n = arena_alloc(&p->t->arena, sizeof(*n));

	n->kind = kind;
	n->pos = pos;
	return n;
}

static bool
expect_block_end(struct parser *p, const char *after)
{
	char *what;
	bool ok;

	if (peek(p)->kind == TT_BLOCK_END) {
		next(p);
		return true;
	}
	what = xasprintf("'%%}' after '%s'", after);
	ok = fail(p, peek(p), what) != NULL;
	free(what);
	return ok;
}

/* The name of the block tag at the cursor ("{%" NAME), or NULL. */
static const char *
block_name(const struct parser *p)
{
	const struct ttoken *tok = peek(p);

	if (tok->kind != TT_BLOCK_BEGIN || tok[1].kind != TT_NAME)
		return NULL;
	return tok[1].text;
}

/*
 * After "{% else": the else branch, up to "{% END" (END is "endif" or
 * "endfor"), both consumed but for the closing "%}". Stores the branch in
 * *body; false after an error.
 */
static bool
parse_else(struct parser *p, const char *end, const struct ttoken *opener,
    struct tnode **body)
{
	const char *const ends[] = { end, NULL };

	if (!expect_block_end(p, "else"))
		return false;
	*body = parse_body(p, ends, opener);
	if (p->e->msg != NULL)
		return false;
	next(p);	/* {% */
	next(p);	/* END */
	return true;
}

static struct tnode *
parse_if(struct parser *p, const struct ttoken *opener)
{
	static const char *const ends[] = { "elif", "else", "endif", NULL };
	struct tnode *n = new_node(p, TN_IF, opener->pos);
	const char *name = "if";
	size_t nconditions = 0;

	for (;;) {
		struct texpr *cond = parse_expression(p);
		struct tnode *body;

		if (cond == NULL || !expect_block_end(p, name))
			return NULL;
		body = parse_body(p, ends, opener);
		if (p->e->msg != NULL)
			return NULL;
		add_ptr(p, (void ***)&n->conditions, &nconditions, cond);
		add_ptr(p, (void ***)&n->bodies, &n->count, body);
		next(p);	/* {% */
		name = next(p)->text;
		if (strcmp(name, "elif") != 0)
			break;
	}
	if (strcmp(name, "else") == 0 &&
	    !parse_else(p, "endif", opener, &n->else_body))
		return NULL;
	return expect_block_end(p, "endif") ? n : NULL;
}

static struct tnode *
parse_for(struct parser *p, const struct ttoken *opener)
{
	static const char *const ends[] = { "else", "endfor", NULL };
	struct tnode *n = new_node(p, TN_FOR, opener->pos);
	const struct ttoken *tok = next(p);

	if (tok->kind != TT_NAME)
		return fail(p, tok, "a loop variable after 'for'");
	n->var = tok->text;
	if (!is_name(peek(p), "in"))
		return fail(p, peek(p), "'in'");
	next(p);
	n->expr = parse_expression(p);
	if (n->expr == NULL || !expect_block_end(p, "for"))
		return NULL;
	n->body = parse_body(p, ends, opener);
	if (p->e->msg != NULL)
		return NULL;
	next(p);	/* {% */
	if (strcmp(next(p)->text, "else") == 0 &&
	    !parse_else(p, "endfor", opener, &n->else_body))
		return NULL;
	return expect_block_end(p, "endfor") ? n : NULL;
}

static struct tnode *
parse_output(struct parser *p)
{
	const struct ttoken *open = next(p);
	struct tnode *n = new_node(p, TN_OUTPUT, open->pos);

	n->expr = parse_expression(p);
	if (n->expr == NULL)
		return NULL;
	if (peek(p)->kind != TT_VAR_END)
		return fail(p, peek(p), "'}}'");
	next(p);
	return n;
}

static bool
is_end_tag(const char *name, const char *const *ends)
{
	for (; ends != NULL && *ends != NULL; ends++)
		if (strcmp(name, *ends) == 0)
			return true;
	return false;
}

static struct tnode *
parse_block(struct parser *p)
{
	const struct ttoken *opener = next(p), *tok = next(p);

	if (tok->kind != TT_NAME)
		return fail(p, tok, "a tag name after '{%'");
	if (strcmp(tok->text, "if") == 0)
		return parse_if(p, opener);
	if (strcmp(tok->text, "for") == 0)
		return parse_for(p, opener);
	if (strcmp(tok->text, "endif") == 0 || strcmp(tok->text, "endfor") == 0 ||
	    strcmp(tok->text, "else") == 0 || strcmp(tok->text, "elif") == 0)
		template_error(p->e, p->t, tok->pos, "unexpected '%s'",
		    tok->text);
	else
		template_error(p->e, p->t, tok->pos, "unknown tag '%s' "
		    "(supported: if, elif, else, endif, for, endfor)", tok->text);
	return NULL;
}

/*
 * Nodes up to a block tag named in `ends` (left for the caller to read) or,
 * when `ends` is NULL, to the end of the template.
 */
static struct tnode *
parse_body(struct parser *p, const char *const *ends,
    const struct ttoken *opener)
{
	struct tnode *first = NULL, **link = &first;

	for (;;) {
		const struct ttoken *tok = peek(p);
		const char *name = block_name(p);
		struct tnode *n;

		if (tok->kind == TT_EOF) {
			if (ends == NULL)
				return first;
			template_error(p->e, p->t, opener->pos, "'%s' is never "
			    "closed: expected {%% %s %%}", opener[1].text,
			    opener[1].text[0] == 'i' ? "endif" : "endfor");
			return NULL;
		}
		if (name != NULL && is_end_tag(name, ends))
			return first;
		if (tok->kind == TT_TEXT) {
			n = new_node(p, TN_TEXT, tok->pos);
			n->text = tok->text;
			n->len = tok->len;
			next(p);
		} else if (tok->kind == TT_VAR_BEGIN) {
			n = parse_output(p);
		} else {
			n = parse_block(p);
		}
		if (n == NULL)
			return NULL;
		*link = n;
		link = &n->next;
	}
}

int
template_build(struct template *t, const struct ttoken_list *tokens,
    struct err *e)
{
	struct parser p = { t, tokens->items, e };

	t->root = parse_body(&p, NULL, NULL);
	return e->msg != NULL ? -1 : 0;
}
