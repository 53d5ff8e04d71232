/* Tests of template: each syntax element, whitespace rule, filter and
 * error message of the engine, and the table of filters and tests.
 * (tests/templates.test compares whole templates with the real Jinja2.) */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "base/compiler.h"
#include "render/context.h"
#include "template/template.h"
#include "template/template_filters.h"

static const char context_yaml[] =
    "name: hello\nnamespace: demo\ncount: 3\nnothing: ~\nflag: true\n"
    "deps: [a1, b2, c3]\nmap: {k: v}\nempty: []\n";

/* Renders `src`; returns the output, or "ERROR: message". */
static char *
render(const char *src)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct arena arena = { NULL };
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct ydoc *doc;
	struct template *t;

	ck_assert_int_eq(yaml_doc_load(&doc, context_yaml, strlen(context_yaml),
	    "ctx", &diags), 0);
	t = template_parse("t.jinja", src, strlen(src), &e);
	if (t == NULL || template_render(t, context_yaml_value(&arena,
	    doc->root), &out, &e) < 0) {
		ck_assert_int_eq(e.status, STATUS_USAGE);
		buf_reset(&out);
		buf_addf(&out, "ERROR: %s", e.msg);
	}
	err_release(&e);
	template_free(t);
	yaml_doc_free(doc);
	arena_release(&arena);
	diag_list_release(&diags);
	return buf_detach(&out);
}

static const struct {
	const char *src;
	const char *out;
} renders[] = {
	/* text and newlines */
	{ "plain", "plain" },
	{ "one\n", "one" },
	{ "one\n\n", "one\n" },
	{ "a\r\nb\rc", "a\nb\nc" },
	{ "", "" },
	/* output */
	{ "{{ name }}-{{ namespace }}", "hello-demo" },
	{ "{{ count }} {{ nothing }} {{ flag }}", "3 None True" },
	{ "[{{ missing }}]", "[]" },
	{ "{{ deps }} {{ map }} {{ empty }}", "['a1', 'b2', 'c3'] {'k': 'v'} []" },
	/* literals */
	{ "{{ 'it\\'s' }} {{ \"q\\\"\" }} {{ 'a\\nb' }}", "it's q\" a\nb" },
	{ "{{ 12 }} {{ 1.50 }} {{ 2e2 }} {{ -3 }} {{ +4 }}", "12 1.5 200.0 -3 4" },
	{ "{{ true }} {{ False }} {{ none }}", "True False None" },
	{ "{{ [1, 'x'] }}", "[1, 'x']" },
	/* comparisons and logic */
	{ "{{ count > 2 }} {{ count < 2 }} {{ count == 3 }} {{ count != 3 }}",
	  "True False True False" },
	{ "{{ count >= 3 }} {{ count <= 2 }} {{ 1 < count < 5 }}",
	  "True False True" },
	{ "{{ 'b1' in deps }} {{ 'x' not in deps }} {{ 'ell' in name }}",
	  "False True True" },
	{ "{{ 'k' in map }} {{ 'a' in missing }}", "True False" },
	{ "{{ flag and count }} {{ nothing or 'd' }} {{ not flag }}", "3 d False" },
	{ "{{ not count == 3 }}", "False" },
	/* arithmetic and concatenation */
	{ "{{ count + 1 }} {{ count - 4 }} {{ 'a' ~ count ~ nothing }}",
	  "4 -1 a3None" },
	{ "{{ (count + 1) ~ '!' }}", "4!" },
	/* inline if */
	{ "{{ 'y' if flag else 'n' }} [{{ 'y' if nothing }}]", "y []" },
	{ "{{ 'a' if count > 5 else 'b' if count > 2 else 'c' }}", "b" },
	/* access */
	{ "{{ deps[0] }} {{ deps[-1] }} {{ deps.1 }} [{{ deps[9] }}]",
	  "a1 c3 b2 []" },
	{ "{{ map.k }} {{ map['k'] }} [{{ map.nope }}] {{ name[0] }}",
	  "v v [] h" },
	/* tests */
	{ "{{ missing is defined }} {{ name is defined }} {{ nothing is none }}",
	  "False True True" },
	{ "{{ missing is not defined }} {{ missing is undefined }}", "True True" },
	/* if */
	{ "{% if flag %}yes{% endif %}", "yes" },
	{ "{% if nothing %}a{% elif count == 3 %}b{% else %}c{% endif %}", "b" },
	{ "{% if nothing %}a{% elif missing %}b{% else %}c{% endif %}", "c" },
	{ "{% if flag %}{% if count %}nested{% endif %}{% endif %}", "nested" },
	/* for */
	{ "{% for d in deps %}{{ d }}{% endfor %}", "a1b2c3" },
	{ "{% for d in deps %}{{ loop.index }}{{ loop.index0 }}{{ loop.first }}"
	  "{{ loop.last }} {% endfor %}",
	  "10TrueFalse 21FalseFalse 32FalseTrue " },
	{ "{% for d in deps %}{{ loop.revindex }}{{ loop.revindex0 }}"
	  "{{ loop.length }}{% endfor %}", "323213103" },
	{ "{% for d in empty %}x{% else %}none{% endfor %}", "none" },
	{ "{% for k in map %}{{ k }}{% endfor %}{% for c in 'ab' %}[{{ c }}]"
	  "{% endfor %}", "k[a][b]" },
	{ "{% for a in [1, 2] %}{% for b in [3] %}{{ loop.index }}{% endfor %}"
	  "{{ loop.index }}{{ a }}{% endfor %}", "111122" },
	{ "{% for d in deps %}{{ d }}{{ ', ' if not loop.last }}{% endfor %}",
	  "a1, b2, c3" },
	/* whitespace control and newline rules */
	{ "a  {{- name -}}  b", "ahellob" },
	{ "a \n {%- if flag -%} \n b {%- endif %}", "ab" },
	{ "{% if flag %}\nline\n{% endif %}\nend", "\nline\n\nend" },
	{ "x {#- comment -#} y", "xy" },
	{ "x {# comment #} y", "x  y" },
	{ "{%+ if flag %}a{% endif %}", "a" },
	/* filters */
	{ "{{ missing | default('d') }} {{ nothing | default('d') }}", "d None" },
	{ "{{ nothing | default('d', true) }} {{ name | d('x') }}", "d hello" },
	{ "{{ deps | join(', ') }} {{ deps | join }} [{{ missing | join }}]",
	  "a1, b2, c3 a1b2c3 []" },
	{ "{{ deps | length }} {{ name | length }} {{ map | count }} "
	  "{{ missing | length }} {{ '\xc3\xa9t\xc3\xa9' | length }}",
	  "3 5 1 0 3" },
	{ "{{ 'MiX' | lower }} {{ 'MiX' | upper }} [{{ '  t \n' | trim }}]",
	  "mix MIX [t]" },
	{ "{{ name | upper | length }}", "5" },
	{ "{{ '/usr/lib/x' | shquote }} {{ 'a b' | shquote }} {{ '' | shquote }}",
	  "/usr/lib/x 'a b' ''" },
	{ "{{ \"it's; rm -rf /\" | shquote }} {{ count | shquote }}",
	  "'it'\"'\"'s; rm -rf /' 3" },
};

START_TEST(test_renders)
{
	char *got = render(renders[_i].src);

	ck_assert_msg(strcmp(got, renders[_i].out) == 0,
	    "%s\nrendered: [%s]\nexpected: [%s]", renders[_i].src, got,
	    renders[_i].out);
	free(got);
}
END_TEST

static const struct {
	const char *src;
	const char *error;
} errors[] = {
	{ "{{ name", "t.jinja:1:1: unterminated tag: expected '}}'" },
	{ "ok\n{% if flag %}x", "t.jinja:2:1: 'if' is never closed: expected "
	  "{% endif %}" },
	{ "{% for d in deps %}", "t.jinja:1:1: 'for' is never closed: expected "
	  "{% endfor %}" },
	{ "{% endif %}", "t.jinja:1:4: unexpected 'endif'" },
	{ "{% if x %}{% else %}{% elif y %}{% endif %}",
	  "t.jinja:1:24: unexpected 'elif'" },
	{ "{% set x = 1 %}", "t.jinja:1:4: unknown tag 'set' (supported: if, "
	  "elif, else, endif, for, endfor)" },
	{ "{{ name | nope }}", "t.jinja:1:11: unknown filter 'nope'" },
	{ "{{ name is odd }}", "t.jinja:1:12: unknown test 'odd'" },
	{ "{{ 'abc }}", "t.jinja:1:4: unterminated string: expected '" },
	{ "{{ name count }}", "t.jinja:1:9: expected '}}', found 'count'" },
	{ "{{ }}", "t.jinja:1:4: expected a value, found '}}'" },
	{ "{% for 1 in deps %}", "t.jinja:1:8: expected a loop variable after "
	  "'for', found '1'" },
	{ "{% for d deps %}", "t.jinja:1:10: expected 'in', found 'deps'" },
	{ "{% if flag %}a{% endif flag %}", "t.jinja:1:24: expected '%}' after "
	  "'endif', found 'flag'" },
	{ "{% if flag }}", "t.jinja:1:12: expected '%}' after 'if', found '}}'" },
	{ "{# comment", "t.jinja:1:1: unterminated comment: expected '#}'" },
	{ "{{ name ! 1 }}", "t.jinja:1:9: unexpected character '!'" },
	{ "{{ (name }}", "t.jinja:1:10: expected ')', found '}}'" },
	{ "{{ deps[0 }}", "t.jinja:1:11: expected ']', found '}}'" },
	{ "{{ [1, 2 }}", "t.jinja:1:10: expected ',' or ']', found '}}'" },
	{ "{{ name | join(',' }}", "t.jinja:1:20: expected ',' or ')', found "
	  "'}}'" },
	{ "{{ 99999999999999999999 }}", "t.jinja:1:4: integer "
	  "99999999999999999999 is too large" },
	/* argument counts, checked when parsing (even in a branch not taken) */
	{ "{{ name | default(1, 2, 3) }}", "t.jinja:1:11: filter 'default' "
	  "takes at most 2 arguments" },
	{ "{{ name | join(1, 2) }}", "t.jinja:1:11: filter 'join' takes at "
	  "most 1 argument" },
	{ "{{ name | upper() }}{{ name | upper(1) }}", "t.jinja:1:31: filter "
	  "'upper' takes at most 0 arguments" },
	{ "{% if false %}\n  {{ x | d(1, [2], 'a' ~ 3) }}{% endif %}",
	  "t.jinja:2:10: filter 'd' takes at most 2 arguments" },
	/* errors found while rendering */
	{ "line\n  {{ count < 'a' }}", "t.jinja:2:14: cannot compare an "
	  "integer with a string using '<'" },
	{ "{{ missing.attr }}", "t.jinja:1:4: 'missing' is undefined" },
	{ "{{ missing > 1 }}", "t.jinja:1:4: 'missing' is undefined" },
	{ "{{ 1 < missing }}", "t.jinja:1:8: 'missing' is undefined" },
	{ "{{ nothing | default(0) > 0 }}", "t.jinja:1:27: cannot compare None "
	  "with an integer using '>'" },
	{ "{{ count | join }}", "t.jinja:1:12: an integer is not iterable" },
	{ "{% for x in count %}{% endfor %}", "t.jinja:1:1: an integer is not "
	  "iterable" },
	{ "{{ count | length }}", "t.jinja:1:12: an integer has no length" },
	{ "{{ name - 1 }}", "t.jinja:1:9: cannot apply '-' to a string and an "
	  "integer" },
	{ "{{ -name }}", "t.jinja:1:4: cannot apply unary '-' to a string" },
	{ "{{ 'a' in count }}", "t.jinja:1:11: 'in' needs a list, a mapping or "
	  "a string on its right, not an integer" },
};

START_TEST(test_errors)
{
	char *got = render(errors[_i].src), *want;

	want = xasprintf("ERROR: %s", errors[_i].error);
	ck_assert_msg(strcmp(got, want) == 0, "%s\ngot:      %s\nexpected: %s",
	    errors[_i].src, got, want);
	free(want);
	free(got);
}
END_TEST

/* 390,625 bytes: 'hello' joined with itself, squared twice. */
#define BIG "((('hello'|join('hello'))|join('hello'|join('hello')))|join(" \
    "('hello'|join('hello'))|join('hello'|join('hello'))))"
/* 100 characters, to loop over. */
#define HUNDRED "('0123456789'|join('0123456789'))"

/* The reproducers of hostile templates: `head`, `unit` `n` times, then
 * `tail`; each stops at a limit with this error, instead of exhausting
 * the stack, the memory or the time. */
static const struct {
	const char *head;
	const char *unit;
	size_t n;
	const char *tail;
	const char *error;
} limits[] = {
	/* six joins: a string of 1.5e11 bytes */
	{ "{{ " BIG "|join(" BIG ") }}", "", 0, "", "t.jinja:1:118: string "
	  "longer than 1048576 bytes, the limit" },
	{ "{{ " BIG " ~ " BIG " ~ " BIG " }}", "", 0, "", "t.jinja:1:234: "
	  "string longer than 1048576 bytes, the limit" },
	{ "{{ " BIG " + " BIG " + " BIG " }}", "", 0, "", "t.jinja:1:234: "
	  "string longer than 1048576 bytes, the limit" },
	{ "{{ [" BIG ", " BIG ", " BIG "]|join }}", "", 0, "", "t.jinja:1:350: "
	  "string longer than 1048576 bytes, the limit" },
	/* five loops of 100 in one another: 10^10 iterations */
	{ "{% for a in " HUNDRED " %}{% for b in " HUNDRED " %}{% for c in "
	  HUNDRED " %}{% for d in " HUNDRED " %}{% for e in " HUNDRED " %}x"
	  "{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}", "", 0,
	  "", "t.jinja:1:193: loops running more than 1000000 times in all, "
	  "the limit" },
	{ "{% for a in " HUNDRED " %}{% for b in " HUNDRED " %}", "x", 200,
	  "{% endfor %}{% endfor %}", "t.jinja:1:97: output longer than "
	  "1048576 bytes, the limit of a rendered file" },
	{ "{% for a in " HUNDRED " %}{% for b in " HUNDRED " %}{{ " BIG
	  " }}{% endfor %}{% endfor %}", "", 0, "", "t.jinja:1:97: output "
	  "longer than 1048576 bytes, the limit of a rendered file" },
	/* the values a render computes: 64 MiB in all */
	{ "{% for a in " HUNDRED " %}{% for b in " HUNDRED " %}{% if " BIG
	  " %}{% endif %}{% endfor %}{% endfor %}", "", 0, "", "t.jinja:1:158: values computed past "
	  "67108864 bytes, the limit of a render" },
	{ "{% for a in " HUNDRED " %}{% for b in " HUNDRED " %}{% if " BIG
	  "[-1] %}{% endif %}{% endfor %}{% endfor %}", "", 0, "", "t.jinja:1:216: values computed past "
	  "67108864 bytes, the limit of a render" },
	{ "{{ [" BIG, ", " BIG, 199, "] | length }}", "t.jinja:1:17195: values computed past "
	  "67108864 bytes, the limit of a render" },
	{ "{{ ", "(", 20000, "1 }}", "t.jinja:1:104: expression nested deeper "
	  "than 100 levels, the limit" },
	{ "{{ ", "-", 100000, "1 }}", "t.jinja:1:103: expression nested "
	  "deeper than 100 levels, the limit" },
	{ "{{ ", "+", 100000, "1 }}", "t.jinja:1:103: expression nested "
	  "deeper than 100 levels, the limit" },
	{ "{{ 1", " ~ 1", 100000, " }}", "t.jinja:1:402: expression nested "
	  "deeper than 100 levels, the limit" },
	{ "{{ ", "not ", 100000, "1 }}", "t.jinja:1:400: expression nested "
	  "deeper than 100 levels, the limit" },
	{ "{{ 'a'", "|lower", 100000, " }}", "t.jinja:1:601: expression "
	  "nested deeper than 100 levels, the limit" },
	{ "{{ name", ".a", 100000, " }}", "t.jinja:1:206: expression nested "
	  "deeper than 100 levels, the limit" },
	{ "{{ name", "[0]", 100000, " }}", "t.jinja:1:303: expression nested "
	  "deeper than 100 levels, the limit" },
	{ "{{ name", " is defined", 100000, " }}", "t.jinja:1:1098: expression "
	  "nested deeper than 100 levels, the limit" },
	{ "{{ 1", " < 1", 10000, " }}", "t.jinja:1:402: expression nested "
	  "deeper than 100 levels, the limit" },
	{ "{{ 1", " and 1", 100000, " }}", "t.jinja:1:600: expression nested "
	  "deeper than 100 levels, the limit" },
	{ "{{ 1", " if 1 else 1", 100000, " }}", "t.jinja:1:1204: expression "
	  "nested deeper than 100 levels, the limit" },
	{ "{{ ", "[", 100000, " }}", "t.jinja:1:104: expression nested "
	  "deeper than 100 levels, the limit" },
	{ "", "{% if 1 %}", 20000, "x", "t.jinja:1:1001: blocks nested deeper "
	  "than 100 levels, the limit" },
	{ "", "{% for a in 'a' %}", 20000, "x", "t.jinja:1:1801: blocks nested "
	  "deeper than 100 levels, the limit" },
};

/* `head`, `unit` `n` times, `tail`. */
static char *
repeated(const char *head, const char *unit, size_t n, const char *tail)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, head);
	for (size_t i = 0; i < n; i++)
		buf_adds(&b, unit);
	buf_adds(&b, tail);
	return buf_detach(&b);
}

START_TEST(test_limits)
{
	char *src = repeated(limits[_i].head, limits[_i].unit, limits[_i].n,
	    limits[_i].tail);
	char *got = render(src), *want;

	want = xasprintf("ERROR: %s", limits[_i].error);
	ck_assert_msg(strcmp(got, want) == 0, "%.200s\ngot:      %s\n"
	    "expected: %s", src, got, want);
	free(want);
	free(got);
	free(src);
}
END_TEST

/* Just within the limits, templates render: `head`, `open` `n` times,
 * `middle`, `close` `n` times, `tail` gives `out`. */
static const struct {
	const char *head;
	const char *open;
	size_t n;
	const char *middle;
	const char *close;
	const char *tail;
	const char *out;
} within[] = {
	{ "{{ ", "(", 99, "1", ")", " }}", "1" },
	{ "{{ 1", " < 2", 98, "", "", " }}", "False" },
	{ "", "{% if 1 %}", 100, "x", "{% endif %}", "", "x" },
	/* 900,100 iterations */
	{ "{% for a in " HUNDRED " %}{% for b in " HUNDRED " %}{% for c in "
	  "('012345678'|join('0123456789')) %}{% endfor %}{% endfor %}"
	  "{% endfor %}.", "", 0, "", "", "", "." },
};

START_TEST(test_within_limits)
{
	char *open = repeated(within[_i].head, within[_i].open, within[_i].n,
	    within[_i].middle);
	char *src = repeated(open, within[_i].close, within[_i].n,
	    within[_i].tail);
	char *got = render(src);

	ck_assert_str_eq(got, within[_i].out);
	free(got);
	free(src);
	free(open);
}
END_TEST

/* A template applying row `f` to 'MiX' with `nargs` arguments, all 1
 * (tests take none in the syntax). */
static char *
call_source(const struct tfilter *f, size_t nargs)
{
	struct buf src = BUF_INIT;

	buf_addf(&src, "{{ 'MiX' %s %s", f->kind == TF_TEST ? "is" : "|",
	    f->name);
	for (size_t i = 0; i < nargs; i++)
		buf_adds(&src, i == 0 ? "(1" : ", 1");
	buf_adds(&src, nargs > 0 ? ") }}" : " }}");
	return buf_detach(&src);
}

/* Each row of the table is found by its name, and a template reaches its
 * function: rendering `'MiX' | NAME(1...)` (or `'MiX' is NAME`) gives
 * what calling the row's function gives. */
START_TEST(test_table_row_is_reachable)
{
	const struct tfilter *f = template_filters_row((size_t)_i);
	struct arena arena = { NULL };
	struct err e = ERR_INIT;
	struct tcall call = { &arena, "t.jinja", { 1, 1 }, &e, NULL };
	struct tvalue *args[4], *result;
	struct buf want = BUF_INIT;
	char *src, *got;

	ck_assert_ptr_nonnull(f);
	ck_assert_ptr_eq(template_filters_find(f->kind, f->name), f);
	ck_assert_uint_le(f->min_args, f->max_args);
	ck_assert_uint_le(f->min_args, WPD_ARRAY_SIZE(args));
	ck_assert(f->kind == TF_FILTER || f->max_args == 0);
	for (size_t i = 0; i < f->min_args; i++)
		args[i] = tvalue_int(&arena, 1);
	result = f->apply(&call, tvalue_cstring(&arena, "MiX"), args,
	    f->min_args);
	ck_assert_msg(result != NULL, "%s: %s", f->name, e.msg);
	tvalue_str(result, &want);
	src = call_source(f, f->min_args);
	got = render(src);
	ck_assert_msg(strcmp(got, want.data) == 0, "%s\nrendered: [%s]\n"
	    "expected: [%s]", src, got, want.data);
	free(got);
	free(src);
	buf_release(&want);
	arena_release(&arena);
}
END_TEST

/* One argument more than a filter's row allows (or one fewer than it
 * needs) is an error of template_parse(), at the filter's name. */
START_TEST(test_table_bounds_arguments_when_parsing)
{
	const struct tfilter *f = template_filters_row((size_t)_i);

	for (int most = 1; most >= 0 && f->kind == TF_FILTER; most--) {
		size_t bound = most ? f->max_args : f->min_args;
		char *src, *want;
		struct err e = ERR_INIT;

		if (!most && f->min_args == 0)
			break;
		src = call_source(f, most ? bound + 1 : bound - 1);
		ck_assert_ptr_null(template_parse("t.jinja", src, strlen(src),
		    &e));
		want = xasprintf("t.jinja:1:12: filter '%s' takes at %s %zu "
		    "argument%s", f->name, most ? "most" : "least", bound,
		    bound == 1 ? "" : "s");
		ck_assert_str_eq(e.msg, want);
		free(want);
		free(src);
		err_release(&e);
	}
}
END_TEST

/* The number of rows of the table of filters and tests. */
static int
table_rows(void)
{
	int n = 0;

	while (template_filters_row((size_t)n) != NULL)
		n++;
	return n;
}

Suite *
make_suite(void)
{
	Suite *s = suite_create("template");
	TCase *tc = tcase_create("template");

	tcase_add_loop_test(tc, test_renders, 0, WPD_ARRAY_SIZE(renders));
	tcase_add_loop_test(tc, test_errors, 0, WPD_ARRAY_SIZE(errors));
	tcase_add_loop_test(tc, test_limits, 0, WPD_ARRAY_SIZE(limits));
	tcase_add_loop_test(tc, test_within_limits, 0, WPD_ARRAY_SIZE(within));
	tcase_add_loop_test(tc, test_table_row_is_reachable, 0, table_rows());
	tcase_add_loop_test(tc, test_table_bounds_arguments_when_parsing, 0,
	    table_rows());
	suite_add_tcase(s, tc);
	return s;
}
