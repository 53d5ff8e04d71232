/* template_cursor: reading a template's tokens one by one, and the
 * "expected ..., found ..." errors of the parser. */
#include <config.h>

#include <string.h>

#include "template/template_cursor.h"
#include "template/template_limits.h"

/* The token at the cursor. */
const struct ttoken *
template_cursor_peek(const struct tparser *p)
{
	return p->tok;
}

/* Returns the token at the cursor and moves past it (never past TT_EOF). */
const struct ttoken *
template_cursor_next(struct tparser *p)
{
	const struct ttoken *tok = p->tok;

	if (tok->kind != TT_EOF)
		p->tok++;
	return tok;
}

bool
template_cursor_is_op(const struct ttoken *tok, const char *op)
{
	return tok->kind == TT_OP && strcmp(tok->text, op) == 0;
}

bool
template_cursor_is_name(const struct ttoken *tok, const char *name)
{
	return tok->kind == TT_NAME && strcmp(tok->text, name) == 0;
}

/* True when the token at the cursor is the operator `op`. */
bool
template_cursor_at_op(const struct tparser *p, const char *op)
{
	return template_cursor_is_op(p->tok, op);
}

/* True when the token at the cursor is the name (or keyword) `name`. */
bool
template_cursor_at_name(const struct tparser *p, const char *name)
{
	return template_cursor_is_name(p->tok, name);
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

/* Sets the error "expected EXPECTED, found TOKEN" at `tok`; returns NULL. */
void *
template_cursor_fail(struct tparser *p, const struct ttoken *tok,
    const char *expected)
{
	const char *found = describe(tok);
	bool quote = tok->kind == TT_NAME || tok->kind == TT_OP ||
	    tok->kind == TT_INT || tok->kind == TT_FLOAT;

	template_pos_error(p->e, p->name, tok->pos, "expected %s, found %s%s%s",
	    expected, quote ? "'" : "", found, quote ? "'" : "");
	return NULL;
}

/*
 * One level more of the expression being read, at `tok` (its operator, or
 * where a nested expression starts). False, with the error set at `tok`,
 * past TEMPLATE_LIMIT_EXPR_DEPTH: the parser and the evaluator recurse
 * once a level, so this bound keeps the stack small. The caller restores
 * p->depth when it has read what it entered.
 */
bool
template_cursor_deeper(struct tparser *p, const struct ttoken *tok)
{
	if (p->depth >= TEMPLATE_LIMIT_EXPR_DEPTH) {
		template_pos_error(p->e, p->name, tok->pos, "expression nested "
		    "deeper than %d levels, the limit", TEMPLATE_LIMIT_EXPR_DEPTH);
		return false;
	}
	p->depth++;
	return true;
}

/* One if or for block more, opened at `tok`: false, with the error set,
 * past TEMPLATE_LIMIT_BLOCK_DEPTH. The caller decrements p->blocks when
 * the block is read. */
bool
template_cursor_enter_block(struct tparser *p, const struct ttoken *tok)
{
	if (p->blocks >= TEMPLATE_LIMIT_BLOCK_DEPTH) {
		template_pos_error(p->e, p->name, tok->pos, "blocks nested "
		    "deeper than %d levels, the limit",
		    TEMPLATE_LIMIT_BLOCK_DEPTH);
		return false;
	}
	p->blocks++;
	return true;
}

/* Appends `item` to *array, a growable array of pointers in the arena;
 * its room doubles whenever `count` reaches a power of two, so a long
 * sequence costs linear memory. */
void
template_cursor_add(struct tparser *p, void ***array, size_t *count,
    void *item)
{
	size_t n = *count;

	if (n == 0 || (n & (n - 1)) == 0) {
		void **bigger = arena_alloc(p->arena,
		    (n ? 2 * n : 1) * sizeof(void *));

		if (n)
			memcpy(bigger, *array, n * sizeof(void *));
		*array = bigger;
	}
	(*array)[(*count)++] = item;
}
