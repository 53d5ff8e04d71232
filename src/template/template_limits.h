/* template_limits: the bounds every template is held to. Templates may
 * come from third parties (--template-dir), so parsing and rendering one
 * stop with a positioned error at these bounds, instead of exhausting the
 * stack, the memory or the disk (see wazo-plugin-deb(1), TEMPLATES). */
#ifndef WPD_TEMPLATE_LIMITS_H
#define WPD_TEMPLATE_LIMITS_H

enum {
	/* Bytes of a template file; a longer one is refused, never cut. */
	TEMPLATE_LIMIT_SOURCE = 1 << 20,
	/* Bytes one render writes (a control file or maintainer script). */
	TEMPLATE_LIMIT_OUTPUT = 1 << 20,
	/* Iterations of all the for loops of one render together. */
	TEMPLATE_LIMIT_ITERATIONS = 1000000,
	/* Levels of an expression: parentheses, unary operators, not,
	 * filters, attributes, indexes, operator and comparison chains. */
	TEMPLATE_LIMIT_EXPR_DEPTH = 100,
	/* Levels of if and for blocks, one inside another. */
	TEMPLATE_LIMIT_BLOCK_DEPTH = 100,
	/* Bytes of any string a render computes. */
	TEMPLATE_LIMIT_STRING = 1 << 20,
	/* Bytes of all the values one render computes together: the
	 * strings it builds, the items of the lists it builds and of the
	 * strings and mappings it iterates. */
	TEMPLATE_LIMIT_WORK = 64 << 20,
};

#endif
