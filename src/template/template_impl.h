/* template_impl: the template engine's own types, shared by its lexer,
 * parser and renderer; not for the rest of the program. */
#ifndef WPD_TEMPLATE_IMPL_H
#define WPD_TEMPLATE_IMPL_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/err.h"
#include "template/template_filters.h"
#include "template/template_pos.h"
#include "template/tvalue.h"

enum ttoken_kind {
	TT_TEXT,		/* template data between tags */
	TT_VAR_BEGIN,		/* {{ */
	TT_VAR_END,		/* }} */
	TT_BLOCK_BEGIN,		/* {% */
	TT_BLOCK_END,		/* %} */
	TT_NAME,
	TT_STRING,		/* text holds the unescaped value */
	TT_INT,
	TT_FLOAT,
	TT_OP,			/* operators and punctuation */
	TT_EOF,
};

struct ttoken {
	enum ttoken_kind kind;
	struct tpos pos;
	const char *text;	/* arena string */
	size_t len;
};

struct ttoken_list {
	struct ttoken *items;
	size_t count;
};

enum texpr_kind {
	TE_LITERAL,
	TE_NAME,
	TE_LIST,
	TE_ATTR,	/* a.name */
	TE_INDEX,	/* a[b] */
	TE_FILTER,	/* a | name(args) */
	TE_TEST,	/* a is [not] name */
	TE_NOT,
	TE_NEG,
	TE_BINARY,	/* + - ~ */
	TE_COMPARE,	/* chains of == != < <= > >= in, not in */
	TE_AND,
	TE_OR,
	TE_COND,	/* a if b else c */
};

struct texpr {
	enum texpr_kind kind;
	struct tpos pos;
	struct tvalue *literal;
	const char *name;	/* names, attributes, filters, tests, ops */
	const struct tfilter *filter;	/* TE_FILTER, TE_TEST: its row */
	struct texpr *left;
	struct texpr *right;
	struct texpr *third;	/* TE_COND: the else branch, or NULL */
	struct texpr **args;	/* lists, filter arguments, comparands */
	const char **ops;	/* TE_COMPARE: one per comparand */
	size_t count;
	bool negated;		/* TE_TEST */
};

enum tnode_kind {
	TN_TEXT,
	TN_OUTPUT,
	TN_IF,
	TN_FOR,
};

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

struct template {
	struct arena arena;
	char *name;
	struct tnode *root;
};

/* Splits the template text into tokens (in t->arena). */
int template_lex(struct template *t, const char *src, size_t len,
    struct ttoken_list *tokens, struct err *e);
/* The parser's cursor over the tokens. */
struct tparser {
	struct template *t;
	const struct ttoken *tok;
	struct err *e;
};

const struct ttoken *tparser_peek(const struct tparser *p);
const struct ttoken *tparser_next(struct tparser *p);
bool tparser_is_op(const struct ttoken *tok, const char *op);
bool tparser_is_name(const struct ttoken *tok, const char *name);
/* Sets the error "expected EXPECTED, found TOKEN"; returns NULL. */
void *tparser_fail(struct tparser *p, const struct ttoken *tok,
    const char *expected);
/* Appends `item` to an arena array of pointers. */
void tparser_add(struct tparser *p, void ***array, size_t *count, void *item);
/* Reads an expression at the cursor; NULL with the error set. */
struct texpr *template_parse_expression(struct tparser *p);

/* Builds t->root from the tokens. */
int template_build(struct template *t, const struct ttoken_list *tokens,
    struct err *e);
/* Evaluates an expression against the render's variables. */
struct trender;
struct tvalue *template_eval(struct trender *r, const struct texpr *x);
/* The items a for loop walks; NULL (error set) when there are none. */
struct tvalue *template_eval_items(struct trender *r, struct tpos pos,
    struct tvalue *v);

/* A variable bound by a for loop. */
struct tscope {
	const char *name;
	struct tvalue *value;
	struct tscope *next;
};

/* The state of one render. */
struct trender {
	const struct template *t;
	struct arena *arena;
	const struct tvalue *context;
	struct tscope *scope;
	struct err *e;
};

#endif
