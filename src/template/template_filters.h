/* template_filters: the table of the filters (`value | name(args)`) and
 * tests (`value is name`) templates can use: each row names one, bounds
 * its number of arguments and points at its function. The parser reads
 * the table to accept a name and check its arguments; the evaluator calls
 * the row's function. Private to src/template/. */
#ifndef WPD_TEMPLATE_FILTERS_H
#define WPD_TEMPLATE_FILTERS_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "template/template_pos.h"
#include "template/tvalue.h"

enum tfilter_kind {
	TF_FILTER,	/* value | name(args) */
	TF_TEST,	/* value is [not] name */
};

/* Where a filter or test runs: what it allocates, where it reports. */
struct tcall {
	struct arena *arena;	/* the render's: results live here */
	const char *name;	/* the template's, for messages */
	struct tpos pos;	/* the filter's (or test's) name */
	struct err *e;
	size_t *spent;		/* the render's work so far; NULL: no bound */
};

/*
 * Applies a filter (or test) to `v` with its `nargs` evaluated arguments
 * (min_args <= nargs <= max_args, as the parser checked). Returns the
 * result (a test returns a boolean), or NULL with c->e set.
 */
typedef struct tvalue *tfilter_fn(const struct tcall *c, struct tvalue *v,
    struct tvalue **args, size_t nargs);

/* One row of the table. */
struct tfilter {
	const char *name;
	enum tfilter_kind kind;
	size_t min_args;
	size_t max_args;
	tfilter_fn *apply;
};

const struct tfilter *template_filters_find(enum tfilter_kind kind,
    const char *name);
const struct tfilter *template_filters_row(size_t i);
bool template_filters_spend(const struct tcall *c, size_t bytes);
bool template_filters_append(const struct tcall *c, const struct tvalue *v,
    struct buf *b);
struct tvalue *template_filters_items(const struct tcall *c,
    struct tvalue *v);

#endif
