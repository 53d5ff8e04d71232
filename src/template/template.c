/* template: parses and renders package templates (a Jinja2 subset); the
 * public API over the engine's private modules, each of which uses only
 * those listed before it:
 *   tvalue            values with Python's semantics
 *   template_pos      positions and the errors naming them
 *   template_lex      tokens
 *   template_cursor   the parser's cursor over the tokens
 *   template_filters  the table of filters and tests
 *   template_expr     expressions: syntax tree and parser
 *   template_parse    statements: syntax tree and parser
 *   template_eval     evaluating expressions
 * This file renders the statements. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "template/template.h"
#include "template/template_eval.h"
#include "template/template_lex.h"
#include "template/template_parse.h"

struct template *
template_parse(const char *name, const char *src, size_t len, struct err *e)
{
	struct template *t = xcalloc(1, sizeof(*t));
	struct ttoken_list tokens = { NULL, 0 };
	struct err local = ERR_INIT;
	int r;

	t->name = xstrdup(name);
	r = template_lex(&t->arena, t->name, src, len, &tokens, &local);
	if (r == 0)
		r = template_parse_build(t, &tokens, &local);
	free(tokens.items);
	if (r < 0) {
		err_set(e, local.status, "%s", local.msg);
		err_release(&local);
		template_free(t);
		return NULL;
	}
	return t;
}

static int render_nodes(struct trender *r, const struct tnode *n,
    struct buf *out);

/* Jinja's `loop` variable for item `i` of `count`. */
static struct tvalue *
loop_value(struct arena *a, size_t i, size_t count)
{
	struct tvalue *loop = tvalue_map(a);

	tvalue_set(a, loop, "index", tvalue_int(a, (long long)i + 1));
	tvalue_set(a, loop, "index0", tvalue_int(a, (long long)i));
	tvalue_set(a, loop, "revindex", tvalue_int(a, (long long)(count - i)));
	tvalue_set(a, loop, "revindex0",
	    tvalue_int(a, (long long)(count - i - 1)));
	tvalue_set(a, loop, "first", tvalue_bool(a, i == 0));
	tvalue_set(a, loop, "last", tvalue_bool(a, i + 1 == count));
	tvalue_set(a, loop, "length", tvalue_int(a, (long long)count));
	return loop;
}

static int
render_for(struct trender *r, const struct tnode *n, struct buf *out)
{
	struct tvalue *v = template_eval(r, n->expr), *items;
	struct tscope item, loop;
	int rc = 0;

	if (v == NULL || (items = template_eval_items(r, n->pos, v)) == NULL)
		return -1;
	if (items->count == 0)
		return render_nodes(r, n->else_body, out);
	item.name = n->var;
	loop.name = "loop";
	loop.next = r->scope;
	item.next = &loop;
	r->scope = &item;
	for (size_t i = 0; rc == 0 && i < items->count; i++) {
		item.value = items->items[i];
		loop.value = loop_value(r->arena, i, items->count);
		rc = render_nodes(r, n->body, out);
	}
	r->scope = loop.next;
	return rc;
}

static int
render_if(struct trender *r, const struct tnode *n, struct buf *out)
{
	for (size_t i = 0; i < n->count; i++) {
		struct tvalue *cond = template_eval(r, n->conditions[i]);

		if (cond == NULL)
			return -1;
		if (tvalue_truthy(cond))
			return render_nodes(r, n->bodies[i], out);
	}
	return render_nodes(r, n->else_body, out);
}

static int
render_nodes(struct trender *r, const struct tnode *n, struct buf *out)
{
	struct tvalue *v;

	for (; n != NULL; n = n->next) {
		switch (n->kind) {
		case TN_TEXT:
			buf_add(out, n->text, n->len);
			break;
		case TN_OUTPUT:
			if ((v = template_eval(r, n->expr)) == NULL)
				return -1;
			tvalue_str(v, out);
			break;
		case TN_IF:
			if (render_if(r, n, out) < 0)
				return -1;
			break;
		case TN_FOR:
			if (render_for(r, n, out) < 0)
				return -1;
			break;
		}
	}
	return 0;
}

int
template_render(const struct template *t, const struct tvalue *context,
    struct buf *out, struct err *e)
{
	struct arena arena = { NULL };
	struct trender r = { t->name, &arena, context, NULL, e };
	int rc = render_nodes(&r, t->root, out);

	arena_release(&arena);
	return rc;
}

void
template_free(struct template *t)
{
	if (t == NULL)
		return;
	arena_release(&t->arena);
	free(t->name);
	free(t);
}
