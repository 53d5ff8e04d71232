/* template_parse: builds a template's syntax tree from its tokens: the
 * statements (text, output, if, for); template_expr.c reads expressions. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "template/template_parse.h"

static struct tnode *parse_body(struct tparser *p, const char *const *ends,
    const struct ttoken *opener);

static struct tnode *
new_node(struct tparser *p, enum tnode_kind kind, struct tpos pos)
{
	struct tnode *n = arena_alloc(p->arena, sizeof(*n));

	n->kind = kind;
	n->pos = pos;
	return n;
}

static bool
expect_block_end(struct tparser *p, const char *after)
{
	char *what;
	bool ok;

	if (template_cursor_peek(p)->kind == TT_BLOCK_END) {
		template_cursor_next(p);
		return true;
	}
	what = xasprintf("'%%}' after '%s'", after);
	ok = template_cursor_fail(p, template_cursor_peek(p), what) != NULL;
	free(what);
	return ok;
}

/* The name of the block tag at the cursor ("{%" NAME), or NULL. */
static const char *
block_name(const struct tparser *p)
{
	const struct ttoken *tok = template_cursor_peek(p);

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
	template_cursor_next(p);	/* {% */
	template_cursor_next(p);	/* END */
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
		struct texpr *cond = template_expr_parse(p);
		struct tnode *body;

		if (cond == NULL || !expect_block_end(p, name))
			return NULL;
		body = parse_body(p, ends, opener);
		if (p->e->msg != NULL)
			return NULL;
		template_cursor_add(p, (void ***)&n->conditions, &nconditions,
		    cond);
		template_cursor_add(p, (void ***)&n->bodies, &n->count, body);
		template_cursor_next(p);	/* {% */
		name = template_cursor_next(p)->text;
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
	const struct ttoken *tok = template_cursor_next(p);

	if (tok->kind != TT_NAME)
		return template_cursor_fail(p, tok,
		    "a loop variable after 'for'");
	n->var = tok->text;
	if (!template_cursor_at_name(p, "in"))
		return template_cursor_fail(p, template_cursor_peek(p), "'in'");
	template_cursor_next(p);
	n->expr = template_expr_parse(p);
	if (n->expr == NULL || !expect_block_end(p, "for"))
		return NULL;
	n->body = parse_body(p, ends, opener);
	if (p->e->msg != NULL)
		return NULL;
	template_cursor_next(p);	/* {% */
	if (strcmp(template_cursor_next(p)->text, "else") == 0 &&
	    !parse_else(p, "endfor", opener, &n->else_body))
		return NULL;
	return expect_block_end(p, "endfor") ? n : NULL;
}

static struct tnode *
parse_output(struct tparser *p)
{
	const struct ttoken *open = template_cursor_next(p);
	struct tnode *n = new_node(p, TN_OUTPUT, open->pos);

	n->expr = template_expr_parse(p);
	if (n->expr == NULL)
		return NULL;
	if (template_cursor_peek(p)->kind != TT_VAR_END)
		return template_cursor_fail(p, template_cursor_peek(p), "'}}'");
	template_cursor_next(p);
	return n;
}

/* The if or for block at `opener`, read by `parse`, one block deeper. */
static struct tnode *
parse_nested(struct tparser *p, const struct ttoken *opener,
    struct tnode *(*parse)(struct tparser *, const struct ttoken *))
{
	struct tnode *n;

	if (!template_cursor_enter_block(p, opener))
		return NULL;
	n = parse(p, opener);
	p->blocks--;
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
	const struct ttoken *opener = template_cursor_next(p);
	const struct ttoken *tok = template_cursor_next(p);

	if (tok->kind != TT_NAME)
		return template_cursor_fail(p, tok, "a tag name after '{%'");
	if (strcmp(tok->text, "if") == 0 || strcmp(tok->text, "for") == 0)
		return parse_nested(p, opener, tok->text[0] == 'i' ? parse_if :
		    parse_for);
	if (strcmp(tok->text, "endif") == 0 || strcmp(tok->text, "endfor") == 0 ||
	    strcmp(tok->text, "else") == 0 || strcmp(tok->text, "elif") == 0)
		template_pos_error(p->e, p->name, tok->pos, "unexpected '%s'",
		    tok->text);
	else
		template_pos_error(p->e, p->name, tok->pos,
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
		const struct ttoken *tok = template_cursor_peek(p);
		const char *name = block_name(p);
		struct tnode *n;

		if (tok->kind == TT_EOF) {
			if (ends == NULL)
				return first;
			template_pos_error(p->e, p->name, opener->pos,
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
			template_cursor_next(p);
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

/* Builds t->root (in t->arena) from the template's tokens. Returns 0, or
 * -1 with `e` set. */
int
template_parse_build(struct template *t, const struct ttoken_list *tokens,
    struct err *e)
{
	struct tparser p = { &t->arena, t->name, tokens->items, e, 0, 0 };

	t->root = parse_body(&p, NULL, NULL);
	return e->msg != NULL ? -1 : 0;
}
