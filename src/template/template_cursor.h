/* template_cursor: the parser's cursor over a template's tokens, shared by
 * the expression parser (template_expr) and the statement parser
 * (template_parse). Private to src/template/. */
#ifndef WPD_TEMPLATE_CURSOR_H
#define WPD_TEMPLATE_CURSOR_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "template/template_lex.h"

/* The parser's state; what it builds lives in `arena`. */
struct tparser {
	struct arena *arena;
	const char *name;		/* the template's, for messages */
	const struct ttoken *tok;	/* the next one; the last is TT_EOF */
	struct err *e;
	unsigned depth;		/* levels of the expression being read */
	unsigned blocks;	/* if and for blocks around the cursor */
};

const struct ttoken *template_cursor_peek(const struct tparser *p);
const struct ttoken *template_cursor_next(struct tparser *p);
bool template_cursor_is_op(const struct ttoken *tok, const char *op);
bool template_cursor_is_name(const struct ttoken *tok, const char *name);
bool template_cursor_at_op(const struct tparser *p, const char *op);
bool template_cursor_at_name(const struct tparser *p, const char *name);
void *template_cursor_fail(struct tparser *p, const struct ttoken *tok,
    const char *expected);
bool template_cursor_deeper(struct tparser *p, const struct ttoken *tok);
bool template_cursor_enter_block(struct tparser *p,
    const struct ttoken *tok);
void template_cursor_add(struct tparser *p, void ***array, size_t *count,
    void *item);

#endif
