/* Tests of plugin_keys: every row of the table is loaded, validated and
 * reaches the template context. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "render/context.h"

/* A value of the row's kind that passes every check. */
static const char *
sample_value(const struct plugin_key *k)
{
	/* A one-word synopsis would draw lintian's description-too-short. */
	if (strcmp(k->name, "description") == 0)
		return "Says hello";
	switch (k->kind) {
	case PLUGIN_KEY_TEXT:
		return "hello";
	case PLUGIN_KEY_VERSION:
		return "\"1.0\"";
	case PLUGIN_KEY_FORMAT:
		return "1";
	case PLUGIN_KEY_PLUGINS:
		return "[{name: other, namespace: ns}]";
	case PLUGIN_KEY_RELATIONS:
		return "[golang-go]";
	default:
		return "Someone";
	}
}

/* A plugin.yml with every key of the table; the caller frees it. */
static char *
every_key_yaml(void)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < plugin_keys_count; i++)
		buf_addf(&b, "%s: %s\n", plugin_keys[i].name,
		    sample_value(&plugin_keys[i]));
	return buf_detach(&b);
}

/* The entry of row `k` in the plugin's pairs, or NULL. */
static const struct plugin_entry *
entry_of(const struct plugin *p, const struct plugin_key *k)
{
	for (size_t i = 0; i < p->entry_count; i++)
		if (p->entries[i].row == k)
			return &p->entries[i];
	return NULL;
}

static void
assert_row_loaded(const struct plugin *p, const struct plugin_key *k)
{
	const struct plugin_entry *e = entry_of(p, k);
	const struct plugin_field *f = plugin_keys_field(p, k);

	ck_assert_msg(e != NULL && strcmp(e->key, k->name) == 0, "%s: no "
	    "entry", k->name);
	if (f != NULL)
		ck_assert_msg(f->text != NULL && f->node == e->value,
		    "%s: no field", k->name);
	if (k->kind == PLUGIN_KEY_PROSE)
		ck_assert_str_eq(plugin_keys_prose(p, k), "Someone");
	if (k->kind == PLUGIN_KEY_FORMAT)
		ck_assert(p->format_known && p->format_version == 1 &&
		    p->format_node == e->value);
	if (k->kind == PLUGIN_KEY_PLUGINS)
		ck_assert_uint_eq(p->depends_count, 1);
	if (k->kind == PLUGIN_KEY_RELATIONS)
		ck_assert_uint_eq(p->debian_depends_count, 1);
}

START_TEST(test_every_row_is_loaded_validated_and_in_the_context)
{
	struct context_extras extras = { "all", -1, NULL };
	struct arena a = { NULL };
	struct settings c;
	char *yaml = every_key_yaml();
	struct plugin *p;
	char *diags = test_validate(yaml, NULL, &p);
	struct tvalue *ctx;

	ck_assert_str_eq(diags, "");
	ck_assert_uint_eq(p->entry_count, plugin_keys_count);
	settings_init(&c);
	ctx = context_build(&a, p, &c, &extras);
	for (size_t i = 0; i < plugin_keys_count; i++) {
		assert_row_loaded(p, &plugin_keys[i]);
		ck_assert_msg(tvalue_get(ctx, plugin_keys[i].name) != NULL,
		    "%s: not in the context", plugin_keys[i].name);
		/* the template context keeps document order */
		ck_assert_str_eq(ctx->entries[i].key, plugin_keys[i].name);
	}
	arena_release(&a);
	settings_release(&c);
	plugin_free(p);
	free(diags);
	free(yaml);
}
END_TEST

START_TEST(test_required_rows)
{
	struct buf want = BUF_INIT;
	struct plugin *p;
	char *diags = test_validate("{}", NULL, &p);

	for (size_t i = 0; i < plugin_keys_count; i++)
		if (plugin_keys[i].required)
			buf_addf(&want, "p.yml:1:1: error: %s: required key is "
			    "missing\n", plugin_keys[i].name);
	ck_assert_str_eq(diags, want.data);
	ck_assert_ptr_nonnull(strstr(diags, "name: required"));
	plugin_free(p);
	free(diags);
	buf_release(&want);
}
END_TEST

/* Every row that says what it expects reports a value of the wrong kind
 * with that text. */
START_TEST(test_wrong_kinds_use_the_expected_column)
{
	const struct plugin_key *k = &plugin_keys[_i];
	char *yaml = xasprintf("%s: {a: 1}\n", k->name);
	char *want = xasprintf("p.yml:1:%zu: error: %s: expected %s, found a "
	    "mapping\n", strlen(k->name) + 3, k->name, k->expected);
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf text = BUF_INIT;
	struct plugin *p = plugin_load(yaml, strlen(yaml), "p.yml", &diags);

	diag_format_text(&diags, &text);
	if (k->expected != NULL)
		ck_assert_str_eq(text.data, want);
	else
		ck_assert_str_eq(text.data, "");
	plugin_free(p);
	diag_list_release(&diags);
	buf_release(&text);
	free(want);
	free(yaml);
}
END_TEST

/* A typo of a row's name (two letters swapped) gets it suggested. */
START_TEST(test_typos_get_the_row_suggested)
{
	const struct plugin_key *k = &plugin_keys[_i];
	char *typo = xstrdup(k->name), *yaml, *want, *diags;
	struct plugin *p;

	typo[1] = k->name[2];
	typo[2] = k->name[1];
	yaml = xasprintf("%s: 1\n", typo);
	want = xasprintf("p.yml:1:1: warning: %s: unknown key; did you mean "
	    "'%s'?\n", typo, k->name);
	diags = test_validate(yaml, NULL, &p);
	ck_assert_ptr_nonnull(strstr(diags, want));
	ck_assert_str_eq(plugin_keys_nearest(typo), k->name);
	ck_assert_ptr_eq(plugin_keys_find(k->name), k);
	ck_assert_ptr_null(plugin_keys_find(typo));
	plugin_free(p);
	free(diags);
	free(want);
	free(yaml);
	free(typo);
}
END_TEST

START_TEST(test_columns)
{
	for (size_t i = 0; i < plugin_keys_count; i++) {
		const struct plugin_key *k = &plugin_keys[i];
		bool typed = k->kind == PLUGIN_KEY_TEXT ||
		    k->kind == PLUGIN_KEY_VERSION || k->kind == PLUGIN_KEY_PROSE;

		ck_assert_msg(typed == (k->field != PLUGIN_KEY_NO_FIELD),
		    "%s: field", k->name);
		ck_assert_int_le(k->since_format, PLUGIN_FORMAT_MAX);
		ck_assert_msg(!(k->uses & PLUGIN_USE_MARKET) || !k->required,
		    "%s: market keys are optional", k->name);
	}
	ck_assert_int_eq(plugin_keys_find("min_wazo_version")->since_format, 2);
	ck_assert_int_eq(plugin_keys_find("version")->since_format, 0);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("plugin_keys");
	TCase *tc = tcase_create("plugin_keys");

	tcase_add_test(tc, test_every_row_is_loaded_validated_and_in_the_context);
	tcase_add_test(tc, test_required_rows);
	tcase_add_loop_test(tc, test_wrong_kinds_use_the_expected_column, 0,
	    (int)plugin_keys_count);
	tcase_add_loop_test(tc, test_typos_get_the_row_suggested, 0,
	    (int)plugin_keys_count);
	tcase_add_test(tc, test_columns);
	suite_add_tcase(s, tc);
	return s;
}
