/* Tests of host_plugins: dpkg-query's lines read into plugins (a stand-in
 * dpkg-query first in PATH), and which plugins depend on which. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "check_main.h"
#include "host/host_plugins.h"

/* The lines the stand-in prints: a plugin with two dependencies, one of
 * them through a version and another plugin, a removed plugin, a name
 * dpkg knows only as such, a package that is not a plugin's, a
 * multi-word name left unpacked. */
static const char dpkg_lines[] =
    "wazo-plugind-four-dependency\t2.0\tii \tinstalled\t\n"
    "wazo-plugind-gone-dependency\t\tun \tnot-installed\t\n"
    "wazo-plugind-cli\t1.0\tii \tinstalled\tpython3\n"
    "wazo-plugind-multi-word-ns\t3\tiU \tunpacked\tcoreutils\n"
    "wazo-plugind-old-dependency\t1.0\trc \tconfig-files\t"
    "wazo-plugind-four-dependency\n"
    "wazo-plugind-one-dependency\t1.0\tii \tinstalled\tcoreutils, "
    "wazo-plugind-two-dependency, wazo-plugind-three-dependency\n"
    "wazo-plugind-three-dependency\t1.0\tii \tinstalled\t"
    "wazo-plugind-four-dependency (>= 1.0) | wazo-plugind-fourbis-x\n"
    "wazo-plugind-two-dependency\t1.0\tii \tinstalled\t\n";

/* A directory whose dpkg-query prints `text` and exits with `status`
 * (its arguments saved in DIR/args), put first in PATH. */
static char *
stand_in(const char *text, int status)
{
	char *dir = test_make_dir(), *path;
	char *script = xasprintf("#!/bin/sh\necho \"$@\" >\"%s/args\"\n"
	    "printf '%%s' '%s'\nexit %d\n", dir, text, status);

	test_write_file(dir, "bin/dpkg-query", script, 0755);
	path = xasprintf("%s/bin:%s", dir, getenv("PATH"));
	setenv("PATH", path, 1);
	free(script);
	free(path);
	return dir;
}

START_TEST(test_read_keeps_the_plugins)
{
	char *dir = stand_in(dpkg_lines, 0), *meta = xasprintf("%s/meta", dir);
	struct host_plugin_list l = HOST_PLUGIN_LIST_INIT;
	struct err e = ERR_INIT;
	const struct host_plugin *p;
	char *args;

	test_write_file(meta, "dependency/one/wazo/plugin.yml", "", 0644);
	ck_assert_int_eq(host_plugins_read("wazo-plugind", meta, &l, &e), 0);
	args = test_read_file(dir, "args");
	ck_assert_ptr_nonnull(strstr(args, " wazo-plugind-*"));
	ck_assert_uint_eq(l.n, 6);	/* not gone, not cli */
	ck_assert_ptr_null(host_plugins_find(&l, "wazo-plugind-gone-dependency"));
	ck_assert_ptr_null(host_plugins_find(&l, "wazo-plugind-cli"));
	p = host_plugins_find(&l, "wazo-plugind-one-dependency");
	ck_assert_str_eq(p->name, "one");
	ck_assert_str_eq(p->namespace, "dependency");
	ck_assert_str_eq(p->version, "1.0");
	ck_assert_str_eq(p->abbrev, "ii");
	ck_assert(p->metadata);
	ck_assert(host_plugins_present(p));
	p = host_plugins_find(&l, "wazo-plugind-multi-word-ns");
	ck_assert_str_eq(p->name, "multi-word");
	ck_assert_str_eq(p->namespace, "ns");
	ck_assert_str_eq(p->state, "unpacked");
	ck_assert(!p->metadata);
	p = host_plugins_find(&l, "wazo-plugind-old-dependency");
	ck_assert_str_eq(p->abbrev, "rc");
	ck_assert(!host_plugins_present(p));
	host_plugins_release(&l);
	ck_assert_uint_eq(l.n, 0);
	test_remove_tree(dir);
	free(args);
	free(meta);
	free(dir);
}
END_TEST

/* The packages host_plugins_dependents() gives for `package`, joined
 * with spaces. */
static char *
dependents(const struct host_plugin_list *l, const char *package)
{
	size_t *idx = xcalloc(l->n + 1, sizeof(*idx));
	size_t n = host_plugins_dependents(l, package, idx);
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < n; i++)
		buf_addf(&b, "%s%s", i ? " " : "", l->items[idx[i]].name);
	free(idx);
	return buf_detach(&b);
}

START_TEST(test_dependents_direct_and_through_others)
{
	char *dir = stand_in(dpkg_lines, 0), *got;
	struct host_plugin_list l = HOST_PLUGIN_LIST_INIT;
	struct err e = ERR_INIT;

	ck_assert_int_eq(host_plugins_read("wazo-plugind", dir, &l, &e), 0);
	/* three by a versioned alternative, one through three; old is
	 * removed and depends on nothing any more. */
	got = dependents(&l, "wazo-plugind-four-dependency");
	ck_assert_str_eq(got, "one three");
	free(got);
	got = dependents(&l, "wazo-plugind-two-dependency");
	ck_assert_str_eq(got, "one");
	free(got);
	got = dependents(&l, "wazo-plugind-one-dependency");
	ck_assert_str_eq(got, "");
	free(got);
	/* A name that only begins another one's is not a dependency. */
	got = dependents(&l, "wazo-plugind-four");
	ck_assert_str_eq(got, "");
	free(got);
	host_plugins_release(&l);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

START_TEST(test_read_nothing_and_failure)
{
	char *dir = stand_in("", 1);
	struct host_plugin_list l = HOST_PLUGIN_LIST_INIT;
	struct err e = ERR_INIT;

	/* dpkg-query finds no package: exit 1, no output. */
	ck_assert_int_eq(host_plugins_read("wazo-plugind", dir, &l, &e), 0);
	ck_assert_uint_eq(l.n, 0);
	test_remove_tree(dir);
	free(dir);
	dir = stand_in("", 2);
	ck_assert_int_eq(host_plugins_read("wazo-plugind", dir, &l, &e), -1);
	ck_assert_int_eq(e.status, STATUS_SYSTEM);
	ck_assert_str_eq(e.msg, "dpkg-query cannot read dpkg's database "
	    "(exit status 2)");
	err_release(&e);
	test_remove_tree(dir);
	free(dir);
}
END_TEST

Suite *
make_suite(void)
{
	Suite *s = suite_create("host_plugins");
	TCase *tc = tcase_create("host_plugins");

	tcase_add_test(tc, test_read_keeps_the_plugins);
	tcase_add_test(tc, test_dependents_direct_and_through_others);
	tcase_add_test(tc, test_read_nothing_and_failure);
	suite_add_tcase(s, tc);
	return s;
}
