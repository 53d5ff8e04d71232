/* Tests of render: the four package files from the templates. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check_main.h"
#include "render/context.h"
#include "render/render.h"

static const char plugin_yaml[] =
    "name: hello\nnamespace: demo\nversion: \"1.0\"\n"
    "plugin_format_version: 1\ndebian_depends: [golang-go]\n";

/* Renders the plugin above with `c`; returns 0 or -1 (e set). */
static int
render_with(const struct settings *c, bool finish, struct rendered *r,
    struct err *e)
{
	struct context_extras extras = { "all", 7, NULL };
	struct diag_list diags = DIAG_LIST_INIT;
	struct arena a = { NULL };
	struct plugin *p = plugin_load(plugin_yaml, strlen(plugin_yaml), "p",
	    &diags);
	int rc = render_package(c, context_build(&a, p, c, &extras), finish, r,
	    e);

	arena_release(&a);
	plugin_free(p);
	diag_list_release(&diags);
	return rc;
}

START_TEST(test_builtin_templates)
{
	struct settings c;
	struct rendered r;
	struct err e = ERR_INIT;

	settings_init(&c);
	ck_assert_int_eq(render_with(&c, false, &r, &e), 0);
	ck_assert_str_eq(r.files[RENDER_CONTROL].data,
	    "Package: wazo-plugind-hello-demo\n"
	    "Version: 1.0\n"
	    "Architecture: all\n"
	    "Maintainer: Wazo Maintainers <dev+pkg@wazo.community>\n"
	    "Installed-Size: 7\n"
	    "Depends: golang-go\n"
	    "Section: wazo-plugind-plugin\n"
	    "Priority: optional\n"
	    "Description: Wazo Platform plugin demo/hello\n"
	    " This package holds the Wazo Platform plugin demo/hello.\n");
	for (int f = RENDER_POSTINST; f < RENDER_FILE_COUNT; f++) {
		ck_assert(strncmp(r.files[f].data, "#!/bin/sh\n", 10) == 0);
		ck_assert_ptr_nonnull(strstr(r.files[f].data, "\n#DEBHELPER#\n"));
		ck_assert(r.files[f].data[r.files[f].len - 1] == '\n');
	}
	ck_assert_ptr_nonnull(strstr(r.files[RENDER_POSTINST].data,
	    "RULES=/usr/lib/wazo-plugind/plugins/demo/hello/wazo/rules\n"));
	ck_assert_ptr_nonnull(strstr(r.files[RENDER_POSTRM].data,
	    "\t\t\"$BACKUP\" postrm\n"));
	render_release(&r);
	ck_assert_int_eq(render_with(&c, true, &r, &e), 0);
	for (int f = RENDER_POSTINST; f < RENDER_FILE_COUNT; f++)
		ck_assert_ptr_null(strstr(r.files[f].data, "#DEBHELPER#"));
	render_release(&r);
	settings_release(&c);
}
END_TEST

START_TEST(test_file_names_and_modes)
{
	ck_assert_str_eq(render_file_name(RENDER_CONTROL), "control");
	ck_assert_str_eq(render_file_name(RENDER_PRERM), "prerm");
	ck_assert_uint_eq(render_file_mode(RENDER_CONTROL), 0644);
	ck_assert_uint_eq(render_file_mode(RENDER_POSTINST), 0755);
}
END_TEST

START_TEST(test_template_dir_overrides_what_it_holds)
{
	char *dir = test_make_dir();
	struct settings c;
	struct rendered r;
	struct err e = ERR_INIT;
	struct stat st;

	test_write_file(dir, "postinst.jinja", "#!/bin/sh\n# {{ name }}\n"
	    "exit 0", 0644);
	settings_init(&c);
	ck_assert_int_eq(settings_set(&c, SETTING_TEMPLATE_DIR, dir, "t", &e), 0);
	ck_assert_int_eq(render_with(&c, false, &r, &e), 0);
	ck_assert_str_eq(r.files[RENDER_POSTINST].data,
	    "#!/bin/sh\n# hello\nexit 0\n");
	ck_assert_ptr_nonnull(strstr(r.files[RENDER_PRERM].data, "uninstall"));
	ck_assert_int_eq(render_write(&r, dir, &e), 0);
	for (int f = 0; f < RENDER_FILE_COUNT; f++) {
		char *path = xasprintf("%s/%s", dir, render_file_name(f));

		ck_assert_int_eq(stat(path, &st), 0);
		ck_assert_uint_eq(st.st_mode & 07777, render_file_mode(f));
		ck_assert_int_eq(st.st_size, (off_t)r.files[f].len);
		free(path);
	}
	render_release(&r);
	settings_release(&c);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

/* `len` bytes of text: lines of 'x'. */
static char *
text_of(size_t len)
{
	char *s = xmalloc(len + 1);

	memset(s, 'x', len);
	for (size_t i = 79; i < len; i += 80)
		s[i] = '\n';
	s[len] = '\0';
	return s;
}

/* A template of 1 MiB, the limit, is read whole. */
START_TEST(test_template_of_the_limit)
{
	char *dir = test_make_dir(), *text = text_of(1 << 20);
	struct settings c;
	struct rendered r;
	struct err e = ERR_INIT;

	test_write_file(dir, "postinst.jinja", text, 0644);
	settings_init(&c);
	ck_assert_int_eq(settings_set(&c, SETTING_TEMPLATE_DIR, dir, "t", &e), 0);
	ck_assert_int_eq(render_with(&c, false, &r, &e), 0);
	ck_assert_uint_eq(r.files[RENDER_POSTINST].len, (1 << 20) + 1);
	render_release(&r);
	settings_release(&c);
	test_remove_tree(dir);
	free(dir);
	free(text);
}
END_TEST

/* Renders with one broken template in a template dir; returns the error
 * with the directory's path cut away. */
static char *
error_with(const char *file, const char *content, const char *name_key)
{
	char *dir = test_make_dir(), *msg;
	struct settings c;
	struct rendered r;
	struct err e = ERR_INIT;

	test_write_file(dir, file, content, 0644);
	settings_init(&c);
	ck_assert_int_eq(settings_set(&c, SETTING_TEMPLATE_DIR, dir, "t", &e), 0);
	if (name_key != NULL)
		ck_assert_int_eq(settings_set(&c, SETTING_CONTROL_TEMPLATE, name_key,
		    "t", &e), 0);
	ck_assert_int_eq(render_with(&c, false, &r, &e), -1);
	ck_assert_int_eq(e.status, STATUS_USAGE);
	msg = xstrdup(strncmp(e.msg, dir, strlen(dir)) == 0 ?
	    e.msg + strlen(dir) : e.msg);
	err_release(&e);
	settings_release(&c);
	test_remove_tree(dir);
	free(dir);
	return msg;
}

START_TEST(test_errors)
{
	char *msg = error_with("prerm.jinja", "#!/bin/sh\n{% if x %}\n", NULL);
	char *big = text_of((1 << 20) + 1);

	ck_assert_str_eq(msg, "/prerm.jinja:2:1: 'if' is never closed: "
	    "expected {% endif %}");
	free(msg);
	msg = error_with("control.jinja", "Package: {{ name }}\n\n", NULL);
	ck_assert_str_eq(msg, "/control.jinja: the Version field is missing or "
	    "empty");
	free(msg);
	msg = error_with("postinst.jinja", big, NULL);
	ck_assert_str_eq(msg, "/postinst.jinja: template larger than 1048576 "
	    "bytes, the limit of a template file: refused");
	free(msg);
	free(big);
	msg = error_with("other.jinja", "x", "mine.jinja");
	ck_assert_str_eq(msg, "no template mine.jinja: neither template_dir nor "
	    "the built-in templates hold it");
	free(msg);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("render");

	tcase_add_test(tc, test_builtin_templates);
	tcase_add_test(tc, test_file_names_and_modes);
	tcase_add_test(tc, test_template_dir_overrides_what_it_holds);
	tcase_add_test(tc, test_template_of_the_limit);
	tcase_add_test(tc, test_errors);
	suite_add_tcase(s, tc);
	return s;
}
