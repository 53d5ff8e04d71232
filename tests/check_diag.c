/* Tests of diag: diagnostics, their order and their two output forms. */
#include <config.h>

#include "check_main.h"
#include "base/diag.h"

static const struct diag_pos at_3_5 = { 3, 5 }, at_1_1 = { 1, 1 },
    at_3_2 = { 3, 2 }, at_10_1 = { 10, 1 };

START_TEST(test_text_form)
{
	struct diag_list list = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;

	diag_add(&list, DIAG_ERROR, "wazo/plugin.yml", at_3_5, "name",
	    "'%s' is wrong", "X");
	diag_add(&list, DIAG_WARNING, "wazo/rules", at_1_1, NULL, "no '#!'");
	diag_format_text(&list, &out);
	ck_assert_str_eq(out.data,
	    "wazo/plugin.yml:3:5: error: name: 'X' is wrong\n"
	    "wazo/rules:1:1: warning: no '#!'\n");
	ck_assert_uint_eq(diag_count(&list, DIAG_ERROR), 1);
	ck_assert_uint_eq(diag_count(&list, DIAG_WARNING), 1);
	buf_release(&out);
	diag_list_release(&list);
}
END_TEST

START_TEST(test_sort_by_file_then_position)
{
	struct diag_list list = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;

	diag_add(&list, DIAG_ERROR, "p.yml", at_10_1, NULL, "a");
	diag_add(&list, DIAG_ERROR, "rules", at_1_1, NULL, "b");
	diag_add(&list, DIAG_WARNING, "p.yml", at_3_5, NULL, "c");
	diag_add(&list, DIAG_ERROR, "p.yml", at_3_2, NULL, "d");
	diag_add(&list, DIAG_ERROR, "p.yml", at_3_5, NULL, "e");
	diag_sort(&list);
	diag_format_text(&list, &out);
	ck_assert_str_eq(out.data,
	    "p.yml:3:2: error: d\n"
	    "p.yml:3:5: warning: c\n"
	    "p.yml:3:5: error: e\n"
	    "p.yml:10:1: error: a\n"
	    "rules:1:1: error: b\n");
	buf_release(&out);
	diag_list_release(&list);
}
END_TEST

START_TEST(test_json_form)
{
	struct diag_list list = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;

	diag_format_json(&list, &out);
	ck_assert_str_eq(out.data, "[]");
	buf_reset(&out);
	diag_add(&list, DIAG_ERROR, "p.yml", at_3_5, "depends[0].name",
	    "say \"hi\"\\\n\x01\xff");
	diag_add(&list, DIAG_WARNING, "rules", at_1_1, NULL, "w");
	diag_format_json(&list, &out);
	ck_assert_str_eq(out.data,
	    "[{\"path\": \"p.yml\", \"line\": 3, \"column\": 5, "
	    "\"severity\": \"error\", \"key\": \"depends[0].name\", "
	    "\"message\": \"say \\\"hi\\\"\\\\\\n\\u0001\\ufffd\"}, "
	    "{\"path\": \"rules\", \"line\": 1, \"column\": 1, "
	    "\"severity\": \"warning\", \"key\": null, \"message\": \"w\"}]");
	buf_release(&out);
	diag_list_release(&list);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("diag");

	tcase_add_test(tc, test_text_form);
	tcase_add_test(tc, test_sort_by_file_then_position);
	tcase_add_test(tc, test_json_form);
	suite_add_tcase(s, tc);
	return s;
}
