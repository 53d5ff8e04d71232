/* Tests of yaml_doc: loading YAML with positions and refusing bad input. */
#include <config.h>

#include <string.h>

#include "check_main.h"
#include "plugin/yaml_doc.h"

/* Loads `text`; returns the diagnostics as text in *out (caller releases). */
static struct ydoc *
load(const char *text, size_t len, struct buf *out)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct ydoc *doc = NULL;
	int r = yaml_doc_load(&doc, text, len, "p.yml", &diags);

	buf_init(out);
	diag_format_text(&diags, out);
	ck_assert_int_eq(r == 0, doc != NULL);
	diag_list_release(&diags);
	return doc;
}

/* Asserts that `text` is refused with exactly the diagnostic `expected`. */
static void
assert_refused(const char *text, size_t len, const char *expected)
{
	struct buf out;
	struct ydoc *doc = load(text, len, &out);

	ck_assert_ptr_null(doc);
	ck_assert_str_eq(out.data, expected);
	buf_release(&out);
}

START_TEST(test_positions_and_text)
{
	const char *text = "# comment\nname: hello\nversion: 1.10\n"
	    "list:\n  - 'quoted'\n  - \"a\\tb\"\nmap: {k: v}\n";
	const struct ydoc_node *v, *k;
	struct buf out;
	struct ydoc *doc = load(text, strlen(text), &out);

	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(out.data, "");
	ck_assert_int_eq(doc->root->kind, YDOC_MAPPING);
	ck_assert_uint_eq(doc->root->pos.line, 2);
	v = yaml_doc_get(doc->root, "name", &k);
	ck_assert_str_eq(v->text, "hello");
	ck_assert_uint_eq(k->pos.line, 2);
	ck_assert_uint_eq(k->pos.column, 1);
	ck_assert_uint_eq(v->pos.column, 7);
	v = yaml_doc_get(doc->root, "version", NULL);
	ck_assert_str_eq(v->text, "1.10");
	ck_assert(v->plain);
	v = yaml_doc_get(doc->root, "list", NULL);
	ck_assert_int_eq(v->kind, YDOC_SEQUENCE);
	ck_assert_uint_eq(v->count, 2);
	ck_assert_str_eq(v->items[0]->text, "quoted");
	ck_assert(!v->items[0]->plain);
	ck_assert_uint_eq(v->items[0]->pos.line, 5);
	ck_assert_uint_eq(v->items[0]->pos.column, 5);
	ck_assert_str_eq(v->items[1]->text, "a\tb");
	v = yaml_doc_get(doc->root, "map", NULL);
	ck_assert_str_eq(yaml_doc_get(v, "k", NULL)->text, "v");
	ck_assert_ptr_null(yaml_doc_get(doc->root, "missing", NULL));
	buf_release(&out);
	yaml_doc_free(doc);
}
END_TEST

START_TEST(test_columns_count_characters)
{
	const char *text = "description: \xc3\xa9t\xc3\xa9\nname: x\n";
	struct buf out;
	struct ydoc *doc = load(text, strlen(text), &out);

	ck_assert_uint_eq(yaml_doc_get(doc->root, "name", NULL)->pos.column, 7);
	ck_assert_str_eq(yaml_doc_get(doc->root, "description", NULL)->text,
	    "\xc3\xa9t\xc3\xa9");
	buf_release(&out);
	yaml_doc_free(doc);
}
END_TEST

START_TEST(test_duplicate_keys_are_errors_but_load)
{
	const char *text = "name: a\nversion: 1\nname: b\n";
	struct buf out;
	struct ydoc *doc = load(text, strlen(text), &out);

	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(out.data, "p.yml:3:1: error: name: duplicate key "
	    "(first defined at line 1)\n");
	/* As PyYAML does, the last value wins. */
	ck_assert_str_eq(yaml_doc_get(doc->root, "name", NULL)->text, "b");
	buf_release(&out);
	yaml_doc_free(doc);
}
END_TEST

START_TEST(test_aliases_share_nodes)
{
	const char *text = "a: &x [1, 2]\nb: *x\n";
	struct buf out;
	struct ydoc *doc = load(text, strlen(text), &out);

	ck_assert_ptr_eq(yaml_doc_get(doc->root, "a", NULL),
	    yaml_doc_get(doc->root, "b", NULL));
	buf_release(&out);
	yaml_doc_free(doc);
}
END_TEST

START_TEST(test_syntax_error)
{
	assert_refused("name: [a\n", 9, "p.yml:2:1: error: YAML syntax error: "
	    "did not find expected ',' or ']' (while parsing a flow sequence "
	    "at line 1)\n");
	assert_refused("a: b: c\n", 8, "p.yml:1:5: error: YAML syntax error: "
	    "mapping values are not allowed in this context\n");
}
END_TEST

START_TEST(test_tab_indentation)
{
	assert_refused("name: a\n\tversion: 1\n", 20, "p.yml:2:1: error: tab "
	    "character in indentation: YAML indents with spaces only\n");
	assert_refused("list:\n  \t- a\n", 12, "p.yml:2:3: error: tab "
	    "character in indentation: YAML indents with spaces only\n");
}
END_TEST

START_TEST(test_tab_after_colon_is_fine)
{
	struct buf out;
	struct ydoc *doc = load("name:\thello\n", 12, &out);

	ck_assert_str_eq(yaml_doc_get(doc->root, "name", NULL)->text, "hello");
	buf_release(&out);
	yaml_doc_free(doc);
}
END_TEST

START_TEST(test_invalid_utf8)
{
	assert_refused("name: ok\nversion: \xff\n", 19, "p.yml:2:10: error: "
	    "invalid UTF-8 (invalid leading UTF-8 octet): the file must be "
	    "UTF-8 text\n");
	assert_refused("a: \xc3\n", 5, "p.yml:1:4: error: invalid UTF-8 "
	    "(invalid trailing UTF-8 octet): the file must be UTF-8 text\n");
	assert_refused("a: \xe9", 4, "p.yml:1:4: error: invalid UTF-8 "
	    "(incomplete UTF-8 octet sequence): the file must be UTF-8 text\n");
}
END_TEST

START_TEST(test_control_character_in_input)
{
	assert_refused("a: b\x07\n", 6, "p.yml:1:5: error: control character "
	    "U+0007 is not allowed in YAML\n");
	assert_refused("a: b\0c\n", 7, "p.yml:1:5: error: control character "
	    "U+0000 is not allowed in YAML\n");
}
END_TEST

START_TEST(test_one_document_only)
{
	assert_refused("a: 1\n---\nb: 2\n", 14, "p.yml:2:1: error: more than "
	    "one YAML document: plugin.yml must hold exactly one\n");
	assert_refused("", 0, "p.yml:1:1: error: no YAML document: the file "
	    "is empty\n");
	assert_refused("# only a comment\n", 17, "p.yml:1:1: error: no YAML "
	    "document: the file is empty\n");
}
END_TEST

START_TEST(test_billion_laughs_fails_fast)
{
	const char *text =
	    "a: &a [x, x, x, x, x, x, x, x, x]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
	    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	    "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
	    "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n";

	assert_refused(text, strlen(text), "p.yml:5:8: error: aliases expand "
	    "this document by more than 10000 nodes: refused (a \"billion "
	    "laughs\" document?)\n");
}
END_TEST

/* A document that is merely large, with no alias, is no billion laughs:
 * the file's size bounds it. */
START_TEST(test_many_nodes_without_aliases)
{
	struct buf text = BUF_INIT, out;
	struct ydoc *doc;

	buf_adds(&text, "tags: [");
	for (int i = 0; i < 3 * YDOC_MAX_ALIAS_NODES; i++)
		buf_adds(&text, i ? ", t" : "t");
	buf_adds(&text, "]\n");
	doc = load(text.data, text.len, &out);
	ck_assert_ptr_nonnull(doc);
	ck_assert_str_eq(out.data, "");
	ck_assert_uint_eq(yaml_doc_get(doc->root, "tags", NULL)->count,
	    3 * YDOC_MAX_ALIAS_NODES);
	yaml_doc_free(doc);
	buf_release(&out);
	buf_release(&text);
}
END_TEST

START_TEST(test_bad_aliases)
{
	assert_refused("a: *nowhere\n", 12, "p.yml:1:4: error: alias *nowhere "
	    "refers to no anchor\n");
	assert_refused("a: &x [*x]\n", 11, "p.yml:1:8: error: alias *x refers "
	    "to a node that contains it\n");
}
END_TEST

START_TEST(test_deep_nesting_refused)
{
	struct buf text = BUF_INIT;

	for (int i = 0; i < YDOC_MAX_DEPTH + 1; i++)
		buf_addc(&text, '[');
	for (int i = 0; i < YDOC_MAX_DEPTH + 1; i++)
		buf_addc(&text, ']');
	assert_refused(text.data, text.len, "p.yml:1:65: error: nesting deeper "
	    "than 64 levels: refused\n");
	buf_release(&text);
}
END_TEST

START_TEST(test_size_limit)
{
	struct buf text = BUF_INIT;

	buf_adds(&text, "a: \"");
	while (text.len <= YDOC_MAX_BYTES)
		buf_adds(&text, "xxxxxxxxxxxxxxxx");
	buf_adds(&text, "\"\n");
	assert_refused(text.data, text.len, "p.yml:1:1: error: larger than "
	    "1048576 bytes: refused\n");
	buf_release(&text);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("yaml_doc");
	TCase *tc = tcase_create("yaml_doc");

	tcase_add_test(tc, test_positions_and_text);
	tcase_add_test(tc, test_columns_count_characters);
	tcase_add_test(tc, test_duplicate_keys_are_errors_but_load);
	tcase_add_test(tc, test_aliases_share_nodes);
	tcase_add_test(tc, test_syntax_error);
	tcase_add_test(tc, test_tab_indentation);
	tcase_add_test(tc, test_tab_after_colon_is_fine);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_control_character_in_input);
	tcase_add_test(tc, test_one_document_only);
	tcase_add_test(tc, test_billion_laughs_fails_fast);
	tcase_add_test(tc, test_many_nodes_without_aliases);
	tcase_add_test(tc, test_bad_aliases);
	tcase_add_test(tc, test_deep_nesting_refused);
	tcase_add_test(tc, test_size_limit);
	suite_add_tcase(s, tc);
	return s;
}
