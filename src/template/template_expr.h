/* template_expr: the syntax tree of template expressions and their
 * parser. Private to src/template/. */
#ifndef WPD_TEMPLATE_EXPR_H
#define WPD_TEMPLATE_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#include "template/template_cursor.h"
#include "template/template_filters.h"
#include "template/template_pos.h"
#include "template/tvalue.h"

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

/* An expression; it and all it points to live in the parser's arena. */
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

struct texpr *template_expr_parse(struct tparser *p);

#endif
