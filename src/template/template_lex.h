/* template_lex: the template engine's lexer, splitting a template into
 * text and tag tokens. Private to src/template/. */
#ifndef WPD_TEMPLATE_LEX_H
#define WPD_TEMPLATE_LEX_H

#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "template/template_pos.h"

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

/* The tokens of a template, ending with TT_EOF; `items` is malloc(3)ed
 * (the caller frees it), their texts live in the arena. */
struct ttoken_list {
	struct ttoken *items;
	size_t count;
};

int template_lex(struct arena *a, const char *name, const char *src,
    size_t len, struct ttoken_list *tokens, struct err *e);

#endif
