/* template_parse: builds a template's syntax tree from its tokens: the
 * statements (text, output, if, for); template_expr.c reads expressions. */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "template/template_impl.h"

const struct ttoken *
tparser_peek(const struct tparser *p)
{
	return p->tok;
}

const struct ttoken *
tparser_next(struct tparser *p)
{
	const struct ttoken *tok = p->tok;

	if (tok->kind != TT_EOF)
		p->tok++;
	return tok;
}

bool
tparser_is_op(const struct ttoken *tok, const char *op)
{
	return tok->kind == TT_OP && strcmp(tok->text, op) == 0;
}

bool
tparser_is_name(const struct ttoken *tok, const char *name)
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

void *
tparser_fail(struct tparser *p, const struct ttoken *tok, const char *expected)
{
	const char *found = describe(tok);
	bool quote = tok->kind == TT_NAME || tok->kind == TT_OP ||
	    tok->kind == TT_INT || tok->kind == TT_FLOAT;

	template_pos_error(p->e, p->t->name, tok->pos, "expected %s, found "
	    "%s%s%s", expected, quote ? "'" : "", found, quote ? "'" : "");
	return NULL;
}


/* Statements. */

static struct tnode *parse_body(struct tparser *p, const char *const *ends,
    const struct ttoken *opener);

static struct tnode *
new_node(struct tparser *p, enum tnode_kind kind, struct tpos pos)
{
	struct tnode *n = arena_alloc(&p->t->arena, sizeof(*n));

	n->kind = kind;
	n->pos = pos;
	return n;
}

static bool
expect_block_end(struct tparser *p, const char *after)
{
	char *what;
	bool ok;

	if (tparser_peek(p)->kind == TT_BLOCK_END) {
		tparser_next(p);
		return true;
	}
	what = xasprintf("'%%}' after '%s'", after);
	ok = tparser_fail(p, tparser_peek(p), what) != NULL;
	free(what);
	return ok;
}

/* The name of the block tag at the cursor ("{%" NAME), or NULL. */
static const char *
block_name(const struct tparser *p)
{
	const struct ttoken *tok = tparser_peek(p);

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
parse_else(struct tparser *p, const char *end, const struct ttoken *opener,
    struct tnode **body)
{
	const char *const ends[] = { end, NULL };

	if (!expect_block_end(p, "else"))
		return false;
	*body = parse_body(p, ends, opener);
	if (p->e->msg != NULL)
		return false;
	tparser_next(p);	/* {% */
	tparser_next(p);	/* END */
	return true;
}

static struct tnode *
parse_if(struct tparser *p, const struct ttoken *opener)
{
	static const char *const ends[] = { "elif", "else", "endif", NULL };
	struct tnode *n = new_node(p, TN_IF, opener->pos);
	const char *name = "if";
	size_t nconditions = 0;

	for (;;) {
		struct texpr *cond = template_parse_expression(p);
		struct tnode *body;

		if (cond == NULL || !expect_block_end(p, name))
			return NULL;
		body = parse_body(p, ends, opener);
		if (p->e->msg != NULL)
			return NULL;
		tparser_add(p, (void ***)&n->conditions, &nconditions, cond);
		tparser_add(p, (void ***)&n->bodies, &n->count, body);
		tparser_next(p);	/* {% */
		name = tparser_next(p)->text;
		if (strcmp(name, "elif") != 0)
			break;
	}
	if (strcmp(name, "else") == 0 &&
	    !parse_else(p, "endif", opener, &n->else_body))
		return NULL;
	return expect_block_end(p, "endif") ? n : NULL;
}

static struct tnode *
parse_for(struct tparser *p, const struct ttoken *opener)
{
	static const char *const ends[] = { "else", "endfor", NULL };
	struct tnode *n = new_node(p, TN_FOR, opener->pos);
	const struct ttoken *tok = tparser_next(p);

	if (tok->kind != TT_NAME)
		return tparser_fail(p, tok, "a loop variable after 'for'");
	n->var = tok->text;
	if (!tparser_is_name(tparser_peek(p), "in"))
		return tparser_fail(p, tparser_peek(p), "'in'");
	tparser_next(p);
	n->expr = template_parse_expression(p);
	if (n->expr == NULL || !expect_block_end(p, "for"))
		return NULL;
	n->body = parse_body(p, ends, opener);
	if (p->e->msg != NULL)
		return NULL;
	tparser_next(p);	/* {% */
	if (strcmp(tparser_next(p)->text, "else") == 0 &&
	    !parse_else(p, "endfor", opener, &n->else_body))
		return NULL;
	return expect_block_end(p, "endfor") ? n : NULL;
}

static struct tnode *
parse_output(struct tparser *p)
{
	const struct ttoken *open = tparser_next(p);
	struct tnode *n = new_node(p, TN_OUTPUT, open->pos);

	n->expr = template_parse_expression(p);
	if (n->expr == NULL)
		return NULL;
	if (tparser_peek(p)->kind != TT_VAR_END)
		return tparser_fail(p, tparser_peek(p), "'}}'");
	tparser_next(p);
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
parse_block(struct tparser *p)
{
	const struct ttoken *opener = tparser_next(p), *tok = tparser_next(p);

	if (tok->kind != TT_NAME)
		return tparser_fail(p, tok, "a tag name after '{%'");
	if (strcmp(tok->text, "if") == 0)
		return parse_if(p, opener);
	if (strcmp(tok->text, "for") == 0)
		return parse_for(p, opener);
	if (strcmp(tok->text, "endif") == 0 || strcmp(tok->text, "endfor") == 0 ||
	    strcmp(tok->text, "else") == 0 || strcmp(tok->text, "elif") == 0)
		template_pos_error(p->e, p->t->name, tok->pos,
		    "unexpected '%s'", tok->text);
	else
		template_pos_error(p->e, p->t->name, tok->pos,
		    "unknown tag '%s' (supported: if, elif, else, endif, for, "
		    "endfor)", tok->text);
	return NULL;
}

/*
 * Nodes up to a block tag named in `ends` (left for the caller to read) or,
 * when `ends` is NULL, to the end of the template.
 */
static struct tnode *
parse_body(struct tparser *p, const char *const *ends,
    const struct ttoken *opener)
{
	struct tnode *first = NULL, **link = &first;

	for (;;) {
		const struct ttoken *tok = tparser_peek(p);
		const char *name = block_name(p);
		struct tnode *n;

		if (tok->kind == TT_EOF) {
			if (ends == NULL)
				return first;
			template_pos_error(p->e, p->t->name, opener->pos,
			    "'%s' is never closed: expected {%% %s %%}",
			    opener[1].text,
			    opener[1].text[0] == 'i' ? "endif" : "endfor");
			return NULL;
		}
		if (name != NULL && is_end_tag(name, ends))
			return first;
		if (tok->kind == TT_TEXT) {
			n = new_node(p, TN_TEXT, tok->pos);
			n->text = tok->text;
			n->len = tok->len;
			tparser_next(p);
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
	struct tparser p = { t, tokens->items, e };

	t->root = parse_body(&p, NULL, NULL);
	return e->msg != NULL ? -1 : 0;
}
