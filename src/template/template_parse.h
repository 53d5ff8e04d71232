/* template_parse: the syntax tree of a template's statements (text,
 * output, if, for) and their parser. Private to src/template/. */
#ifndef WPD_TEMPLATE_PARSE_H
#define WPD_TEMPLATE_PARSE_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "template/template_expr.h"
#include "template/template_lex.h"

enum tnode_kind {
	TN_TEXT,
	TN_OUTPUT,
	TN_IF,
	TN_FOR,
};

/* A statement; the next one of its body follows `next`. */
struct tnode {
	enum tnode_kind kind;
	struct tpos pos;
	struct tnode *next;
	const char *text;	/* TN_TEXT */
	size_t len;
	struct texpr *expr;	/* TN_OUTPUT, TN_FOR (what to loop over) */
	/* TN_IF: conditions[count] with bodies[count]; else_body or NULL. */
	struct texpr **conditions;
	struct tnode **bodies;
	size_t count;
	struct tnode *else_body;
	const char *var;	/* TN_FOR: the loop variable */
	struct tnode *body;	/* TN_FOR */
};

/* A parsed template: its tree (and the tokens' texts) live in `arena`;
 * `name` is malloc(3)ed. template_free() releases all. */
struct template {
	struct arena arena;
	char *name;
	struct tnode *root;
};

int template_parse_build(struct template *t, const struct ttoken_list *tokens,
    struct err *e);

#endif
