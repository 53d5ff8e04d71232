/* Tests of yaml_scalar: YAML 1.1 typing as PyYAML does it. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "base/compiler.h"
#include "plugin/yaml_scalar.h"

/* The first value of a one-key document. */
static const struct ydoc_node *
value_of(const char *text, struct ydoc **doc)
{
	struct diag_list diags = DIAG_LIST_INIT;

	ck_assert_int_eq(yaml_doc_load(doc, text, strlen(text), "p", &diags), 0);
	diag_list_release(&diags);
	return (*doc)->root->pairs[0].value;
}

static const struct {
	const char *yaml;
	enum ydoc_type type;
} types[] = {
	{ "v: hello", YDOC_TYPE_STRING },
	{ "v: '1.0'", YDOC_TYPE_STRING },
	{ "v: \"true\"", YDOC_TYPE_STRING },
	{ "v: 1.0.1", YDOC_TYPE_STRING },
	{ "v: 09", YDOC_TYPE_STRING },
	{ "v: 1e5", YDOC_TYPE_STRING },
	{ "v: !!str 12", YDOC_TYPE_STRING },
	{ "v:", YDOC_TYPE_NULL },
	{ "v: ~", YDOC_TYPE_NULL },
	{ "v: Null", YDOC_TYPE_NULL },
	{ "v: yes", YDOC_TYPE_BOOL },
	{ "v: Off", YDOC_TYPE_BOOL },
	{ "v: TRUE", YDOC_TYPE_BOOL },
	{ "v: 12", YDOC_TYPE_INT },
	{ "v: -3", YDOC_TYPE_INT },
	{ "v: 010", YDOC_TYPE_INT },
	{ "v: 0x1F", YDOC_TYPE_INT },
	{ "v: 0b101", YDOC_TYPE_INT },
	{ "v: 1:20", YDOC_TYPE_INT },
	{ "v: 1_000", YDOC_TYPE_INT },
	{ "v: !!int 7", YDOC_TYPE_INT },
	{ "v: 1.10", YDOC_TYPE_FLOAT },
	{ "v: 24.10", YDOC_TYPE_FLOAT },
	{ "v: .5", YDOC_TYPE_FLOAT },
	{ "v: 1.5e+3", YDOC_TYPE_FLOAT },
	{ "v: 1:20.5", YDOC_TYPE_FLOAT },
	{ "v: .inf", YDOC_TYPE_FLOAT },
	{ "v: .NaN", YDOC_TYPE_FLOAT },
	{ "v: 2024-01-31", YDOC_TYPE_TIMESTAMP },
	{ "v: 2024-1-3 10:00:00", YDOC_TYPE_TIMESTAMP },
	{ "v: [a]", YDOC_TYPE_LIST },
	{ "v: {a: b}", YDOC_TYPE_MAPPING },
	{ "v: !custom x", YDOC_TYPE_UNKNOWN_TAG },
};

START_TEST(test_types)
{
	struct ydoc *doc;
	const struct ydoc_node *v = value_of(types[_i].yaml, &doc);

	ck_assert_msg(yaml_scalar_type(v) == types[_i].type, "%s: got %s",
	    types[_i].yaml, yaml_scalar_type_name(yaml_scalar_type(v)));
	yaml_doc_free(doc);
}
END_TEST

static const struct {
	const char *yaml;
	const char *python;
} python_strings[] = {
	{ "v: 1.10", "1.1" },
	{ "v: 24.10", "24.1" },
	{ "v: 20.10", "20.1" },
	{ "v: 1.0", "1.0" },
	{ "v: 2.", "2.0" },
	{ "v: 0.1", "0.1" },
	{ "v: -1.50", "-1.5" },
	{ "v: 1.5e+3", "1500.0" },
	{ "v: 1.0e+16", "1e+16" },
	{ "v: 1.5e-5", "1.5e-05" },
	{ "v: 0.0001", "0.0001" },
	{ "v: 123456789.123", "123456789.123" },
	{ "v: 1:20.5", "80.5" },
	{ "v: .inf", "inf" },
	{ "v: -.inf", "-inf" },
	{ "v: .nan", "nan" },
	{ "v: 010", "8" },
	{ "v: 0x1F", "31" },
	{ "v: 0b101", "5" },
	{ "v: 1:20", "80" },
	{ "v: 1_000", "1000" },
	{ "v: +7", "7" },
	{ "v: -0", "0" },
};

START_TEST(test_python_str)
{
	struct ydoc *doc;
	const struct ydoc_node *v = value_of(python_strings[_i].yaml, &doc);
	char *s = yaml_scalar_python_str(v);

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, python_strings[_i].python);
	free(s);
	yaml_doc_free(doc);
}
END_TEST

START_TEST(test_no_python_str_for_text)
{
	struct ydoc *doc;
	const struct ydoc_node *v = value_of("v: '1.10'", &doc);
	long long i;

	ck_assert_ptr_null(yaml_scalar_python_str(v));
	ck_assert(!yaml_scalar_int_value(v, &i));
	yaml_doc_free(doc);
}
END_TEST

START_TEST(test_huge_integer_does_not_fit)
{
	struct ydoc *doc;
	const struct ydoc_node *v = value_of("v: 99999999999999999999999", &doc);
	long long i;

	ck_assert_int_eq(yaml_scalar_type(v), YDOC_TYPE_INT);
	ck_assert(!yaml_scalar_int_value(v, &i));
	ck_assert_ptr_null(yaml_scalar_python_str(v));
	yaml_doc_free(doc);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("yaml_scalar");
	TCase *tc = tcase_create("yaml_scalar");

	tcase_add_loop_test(tc, test_types, 0, WPD_ARRAY_SIZE(types));
	tcase_add_loop_test(tc, test_python_str, 0,
	    WPD_ARRAY_SIZE(python_strings));
	tcase_add_test(tc, test_no_python_str_for_text);
	tcase_add_test(tc, test_huge_integer_does_not_fit);
	suite_add_tcase(s, tc);
	return s;
}
