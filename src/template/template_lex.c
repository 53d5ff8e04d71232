/* template_lex: splits a template into text and tag tokens, applying
 * Jinja2's default whitespace rules. */
#include <config.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "template/template_lex.h"

/* The lexer's cursor. */
struct lexer {
	struct arena *arena;	/* token texts */
	const char *name;	/* the template's, for messages */
	const char *p;
	const char *end;
	struct tpos pos;
	struct ttoken *tokens;
	size_t count;
	size_t cap;
	bool lstrip_next;	/* the previous tag ended with '-' */
	struct err *e;
};

static void
advance(struct lexer *l, size_t n)
{
	for (; n > 0 && l->p < l->end; n--, l->p++) {
		if (*l->p == '\n') {
			l->pos.line++;
			l->pos.column = 1;
		} else if (((unsigned char)*l->p & 0xc0) != 0x80) {
			l->pos.column++;
		}
	}
}

static bool
starts(const struct lexer *l, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(l->end - l->p) >= n && memcmp(l->p, s, n) == 0;
}

static struct ttoken *
push(struct lexer *l, enum ttoken_kind kind, struct tpos pos,
    const char *text, size_t len)
{
	struct ttoken *tok;

	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->tokens = xreallocarray(l->tokens, l->cap, sizeof(*l->tokens));
	}
	tok = &l->tokens[l->count++];
	tok->kind = kind;
	tok->pos = pos;
	tok->text = arena_strndup(l->arena, text, len);
	tok->len = len;
	return tok;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

/* `{%-`: the text before the tag loses its trailing white space. */
static void
rstrip_previous_text(struct lexer *l)
{
	struct ttoken *tok;

	if (l->count == 0 || l->tokens[l->count - 1].kind != TT_TEXT)
		return;
	tok = &l->tokens[l->count - 1];
	while (tok->len > 0 && is_space(tok->text[tok->len - 1]))
		tok->len--;
}

/* The template data up to the next tag. */
static void
lex_text(struct lexer *l)
{
	struct tpos pos = l->pos;
	const char *start = l->p;

	while (l->p < l->end && !starts(l, "{{") && !starts(l, "{%") &&
	    !starts(l, "{#"))
		advance(l, 1);
	if (l->lstrip_next) {
		while (start < l->p && is_space(*start)) {
			if (*start == '\n') {
				pos.line++;
				pos.column = 1;
			} else {
				pos.column++;
			}
			start++;
		}
		l->lstrip_next = false;
	}
	if (l->p > start)
		push(l, TT_TEXT, pos, start, (size_t)(l->p - start));
}

static int
lex_comment(struct lexer *l)
{
	struct tpos pos = l->pos;

	advance(l, 2);
	if (starts(l, "-"))
		rstrip_previous_text(l);
	while (l->p < l->end && !starts(l, "#}"))
		advance(l, 1);
	if (l->p == l->end)
		return template_pos_error(l->e, l->name, pos,
		    "unterminated comment: expected '#}'");
	l->lstrip_next = l->p[-1] == '-';
	advance(l, 2);
	return 0;
}

static int
lex_string(struct lexer *l)
{
	struct tpos pos = l->pos;
	char quote = *l->p;
	struct buf value = BUF_INIT;

	advance(l, 1);
	while (l->p < l->end && *l->p != quote) {
		char c = *l->p;

		if (c == '\\' && l->p + 1 < l->end) {
			advance(l, 1);
			switch (*l->p) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case '0': c = '\0'; break;
			case '\\': case '\'': case '"': c = *l->p; break;
			default:
				buf_addc(&value, '\\');
				c = *l->p;
				break;
			}
		}
		buf_addc(&value, c);
		advance(l, 1);
	}
	if (l->p == l->end) {
		buf_release(&value);
		return template_pos_error(l->e, l->name, pos,
		    "unterminated string: expected %c", quote);
	}
	advance(l, 1);
	push(l, TT_STRING, pos, value.data, value.len);
	buf_release(&value);
	return 0;
}

static void
lex_number(struct lexer *l)
{
	struct tpos pos = l->pos;
	const char *start = l->p;
	struct buf digits = BUF_INIT;
	bool is_float = false;

	while (l->p < l->end && (isdigit((unsigned char)*l->p) || *l->p == '_'))
		advance(l, 1);
	if (starts(l, ".") && l->p + 1 < l->end &&
	    isdigit((unsigned char)l->p[1])) {
		is_float = true;
		advance(l, 1);
		while (l->p < l->end && (isdigit((unsigned char)*l->p) ||
		    *l->p == '_'))
			advance(l, 1);
	}
	if (l->p < l->end && (*l->p == 'e' || *l->p == 'E')) {
		const char *q = l->p + 1;

		if (q < l->end && (*q == '+' || *q == '-'))
			q++;
		if (q < l->end && isdigit((unsigned char)*q)) {
			is_float = true;
			advance(l, (size_t)(q - l->p));
			while (l->p < l->end && isdigit((unsigned char)*l->p))
				advance(l, 1);
		}
	}
	for (const char *c = start; c < l->p; c++)
		if (*c != '_')
			buf_addc(&digits, *c);
	push(l, is_float ? TT_FLOAT : TT_INT, pos, digits.data, digits.len);
	buf_release(&digits);
}

static const char *const operators[] = {
	"==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]", ".", ",", "|",
	"~", "+", "-", "=",
};

/* The inside of a tag opened at `start`, up to and including `close`
 * ("}}" or "%}"). */
static int
lex_tag(struct lexer *l, struct tpos start, const char *close,
    enum ttoken_kind end_kind)
{
	const char *other = close[0] == '}' ? "%}" : "}}";

	for (;;) {
		struct tpos pos = l->pos;
		size_t i;

		while (l->p < l->end && is_space(*l->p))
			advance(l, 1);
		pos = l->pos;
		if (l->p == l->end)
			return template_pos_error(l->e, l->name, start,
			    "unterminated tag: expected '%s'", close);
		if (*l->p == '-' && l->p + 1 < l->end &&
		    strncmp(l->p + 1, close, 2) == 0) {
			l->lstrip_next = true;
			advance(l, 3);
			push(l, end_kind, pos, close, 2);
			return 0;
		}
		if (starts(l, close)) {
			advance(l, 2);
			push(l, end_kind, pos, close, 2);
			return 0;
		}
		if (starts(l, other)) {
			/* Never valid here: end the tag so that the parser
			 * reports it where it stands. */
			push(l, TT_OP, pos, other, 2);
			advance(l, 2);
			return 0;
		}
		if (*l->p == '\'' || *l->p == '"') {
			if (lex_string(l) < 0)
				return -1;
			continue;
		}
		if (isdigit((unsigned char)*l->p)) {
			lex_number(l);
			continue;
		}
		if (isalpha((unsigned char)*l->p) || *l->p == '_') {
			const char *name = l->p;

			while (l->p < l->end && (isalnum((unsigned char)*l->p) ||
			    *l->p == '_'))
				advance(l, 1);
			push(l, TT_NAME, pos, name, (size_t)(l->p - name));
			continue;
		}
		for (i = 0; i < WPD_ARRAY_SIZE(operators); i++)
			if (starts(l, operators[i]))
				break;
		if (i == WPD_ARRAY_SIZE(operators))
			return template_pos_error(l->e, l->name, pos,
			    "unexpected character '%c'", *l->p);
		push(l, TT_OP, pos, operators[i], strlen(operators[i]));
		advance(l, strlen(operators[i]));
	}
}

static int
lex_tag_start(struct lexer *l)
{
	bool block = starts(l, "{%");
	struct tpos pos = l->pos;

	advance(l, 2);
	if (starts(l, "-")) {
		rstrip_previous_text(l);
		advance(l, 1);
	} else if (starts(l, "+")) {
		advance(l, 1);
	}
	push(l, block ? TT_BLOCK_BEGIN : TT_VAR_BEGIN, pos, block ? "{%" : "{{",
	    2);
	return lex_tag(l, pos, block ? "%}" : "}}",
	    block ? TT_BLOCK_END : TT_VAR_END);
}

/* Jinja2 reads "\r\n" and "\r" as "\n", and drops the single newline
 * that ends the template (keep_trailing_newline is off by default). */
static char *
normalize_newlines(const char *src, size_t len, size_t *out_len)
{
	char *text = xmalloc(len + 1);
	size_t n = 0;

	for (size_t i = 0; i < len; i++) {
		if (src[i] == '\r') {
			text[n++] = '\n';
			if (i + 1 < len && src[i + 1] == '\n')
				i++;
		} else {
			text[n++] = src[i];
		}
	}
	if (n > 0 && text[n - 1] == '\n')
		n--;
	text[n] = '\0';
	*out_len = n;
	return text;
}

/*
 * Splits the template `src` (`len` bytes, named `name` in messages) into
 * tokens: tokens->items is malloc(3)ed and set even after an error (the
 * caller frees it), the token texts are allocated in `a`. Returns 0, or -1
 * with `e` set.
 */
int
template_lex(struct arena *a, const char *name, const char *src, size_t len,
    struct ttoken_list *tokens, struct err *e)
{
	struct lexer l = { 0 };
	size_t text_len;
	char *text = normalize_newlines(src, len, &text_len);
	int r = 0;

	l.arena = a;
	l.name = name;
	l.p = text;
	l.end = text + text_len;
	l.pos.line = l.pos.column = 1;
	l.e = e;
	while (r == 0 && l.p < l.end) {
		lex_text(&l);
		if (l.p == l.end)
			break;
		r = starts(&l, "{#") ? lex_comment(&l) : lex_tag_start(&l);
	}
	if (r == 0)
		push(&l, TT_EOF, l.pos, "", 0);
	free(text);
	tokens->items = l.tokens;
	tokens->count = l.count;
	return r;
}
