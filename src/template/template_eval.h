/* template_eval: evaluates template expressions against a render's
 * variables. Private to src/template/. */
#ifndef WPD_TEMPLATE_EVAL_H
#define WPD_TEMPLATE_EVAL_H

#include "base/arena.h"
#include "base/err.h"
#include "template/template_expr.h"
#include "template/template_pos.h"
#include "template/tvalue.h"

/* A variable bound by a for loop; the innermost comes first. */
struct tscope {
	const char *name;
	struct tvalue *value;
	struct tscope *next;
};

/* The state of one render. */
struct trender {
	const char *name;		/* the template's, for messages */
	struct arena *arena;		/* the values computed */
	const struct tvalue *context;	/* a mapping: the variables */
	struct tscope *scope;		/* loop variables, or NULL */
	struct err *e;
	size_t iterations;		/* of every loop so far */
	size_t spent;			/* bytes of values computed so far */
	size_t output_max;		/* the output's length at most */
};

struct tvalue *template_eval(struct trender *r, const struct texpr *x);
struct tvalue *template_eval_items(struct trender *r, struct tpos pos,
    struct tvalue *v);

#endif
