/* template: parses and renders package templates (a Jinja2 subset); the
 * public API over the engine's private modules, each of which uses only
 * those listed before it:
 *   template_limits   the bounds of every template (constants only)
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
#include "template/template_limits.h"
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

/* Jinja's `loop` variable of a loop over `count` items, made once. */
static struct tvalue *
loop_value(struct arena *a, size_t count)
{
	static const char *const keys[] = { "index", "index0", "revindex",
	    "revindex0", "first", "last", "length" };
	struct tvalue *loop = tvalue_map(a);

	for (size_t k = 0; k < WPD_ARRAY_SIZE(keys); k++)
		tvalue_set(a, loop, keys[k], k < 4 || k == 6 ?
		    tvalue_int(a, (long long)count) : tvalue_bool(a, false));
	return loop;
}

/* Sets `loop` (of loop_value()) to item `i` of `count`, in place: no
 * value outlives the iteration that reads it, so none sees the change. */
static void
loop_at(struct tvalue *loop, size_t i, size_t count)
{
	struct tvalue_entry *e = loop->entries;

	e[0].value->i = (long long)i + 1;
	e[1].value->i = (long long)i;
	e[2].value->i = (long long)(count - i);
	e[3].value->i = (long long)(count - i - 1);
	e[4].value->b = i == 0;
	e[5].value->b = i + 1 == count;
}

/* Makes `a` the arena of the values computed from now on; returns the
 * one it replaces. Values never outlive the statement (or loop
 * iteration) that computes them, so each one frees its own. */
static struct arena *
use_arena(struct trender *r, struct arena *a)
{
	struct arena *before = r->arena;

	r->arena = a;
	return before;
}

/* Counts `count` more loop iterations; -1 with the error set at `pos`
 * past TEMPLATE_LIMIT_ITERATIONS. */
static int
count_iterations(struct trender *r, struct tpos pos, size_t count)
{
	if (count <= TEMPLATE_LIMIT_ITERATIONS - r->iterations) {
		r->iterations += count;
		return 0;
	}
	return template_pos_error(r->e, r->name, pos, "loops running more "
	    "than %d times in all, the limit", TEMPLATE_LIMIT_ITERATIONS);
}

/* The body of the loop `n` once per item of `items`; what the body
 * computes lives in arenas of its statements (render_output(), truth()),
 * and the loop variable in r->arena, the loop's. */
static int
render_iterations(struct trender *r, const struct tnode *n,
    const struct tvalue *items, struct buf *out)
{
	struct tscope item = { n->var, NULL, NULL }, loop = { "loop", NULL,
	    r->scope };
	int rc = 0;

	item.next = &loop;
	loop.value = loop_value(r->arena, items->count);
	r->scope = &item;
	for (size_t i = 0; rc == 0 && i < items->count; i++) {
		item.value = items->items[i];
		loop_at(loop.value, i, items->count);
		rc = render_nodes(r, n->body, out);
	}
	r->scope = loop.next;
	return rc;
}

static int
render_for(struct trender *r, const struct tnode *n, struct buf *out)
{
	struct arena held = { NULL }, *outer = use_arena(r, &held);
	struct tvalue *v = template_eval(r, n->expr), *items = NULL;
	int rc = -1;

	/* counted before the items are made */
	if (v != NULL && count_iterations(r, n->pos, tvalue_count(v)) == 0 &&
	    (items = template_eval_items(r, n->pos, v)) != NULL)
		rc = items->count == 0 ? render_nodes(r, n->else_body, out) :
		    render_iterations(r, n, items, out);
	use_arena(r, outer);
	arena_release(&held);
	return rc;
}

/* 1 when `x` is true, 0 when false, -1 after an error. */
static int
truth(struct trender *r, const struct texpr *x)
{
	struct arena scratch = { NULL }, *outer = use_arena(r, &scratch);
	struct tvalue *v = template_eval(r, x);
	int rc = v == NULL ? -1 : tvalue_truthy(v);

	use_arena(r, outer);
	arena_release(&scratch);
	return rc;
}

static int
render_if(struct trender *r, const struct tnode *n, struct buf *out)
{
	for (size_t i = 0; i < n->count; i++) {
		int rc = truth(r, n->conditions[i]);

		if (rc != 0)
			return rc < 0 ? -1 : render_nodes(r, n->bodies[i], out);
	}
	return render_nodes(r, n->else_body, out);
}

static int
output_error(struct trender *r, struct tpos pos)
{
	return template_pos_error(r->e, r->name, pos, "output longer than %d "
	    "bytes, the limit of a rendered file", TEMPLATE_LIMIT_OUTPUT);
}

static int
render_text(struct trender *r, const struct tnode *n, struct buf *out)
{
	if (n->len > r->output_max - out->len)
		return output_error(r, n->pos);
	buf_add(out, n->text, n->len);
	return 0;
}

static int
render_output(struct trender *r, const struct tnode *n, struct buf *out)
{
	struct arena scratch = { NULL }, *outer = use_arena(r, &scratch);
	struct tvalue *v = template_eval(r, n->expr);
	int rc = -1;

	if (v != NULL)
		rc = tvalue_str_max(v, out, r->output_max) ? 0 :
		    output_error(r, n->pos);
	use_arena(r, outer);
	arena_release(&scratch);
	return rc;
}

static int
render_nodes(struct trender *r, const struct tnode *n, struct buf *out)
{
	static int (*const render[])(struct trender *, const struct tnode *,
	    struct buf *) = {
		[TN_TEXT] = render_text,
		[TN_OUTPUT] = render_output,
		[TN_IF] = render_if,
		[TN_FOR] = render_for,
	};

	for (; n != NULL; n = n->next)
		if (render[n->kind](r, n, out) < 0)
			return -1;
	return 0;
}

/* Renders `t`; the output stops with an error at TEMPLATE_LIMIT_OUTPUT
 * bytes more than `out` held, the loops at TEMPLATE_LIMIT_ITERATIONS,
 * the values computed at TEMPLATE_LIMIT_WORK. */
int
template_render(const struct template *t, const struct tvalue *context,
    struct buf *out, struct err *e)
{
	struct trender r = { t->name, NULL, context, NULL, e, 0, 0,
	    out->len + TEMPLATE_LIMIT_OUTPUT };

	return render_nodes(&r, t->root, out);
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
