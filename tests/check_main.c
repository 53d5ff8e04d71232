/* check_main: the main() every Check suite shares, and test helpers. */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "check_main.h"
#include "base/file.h"
#include "plugin/plugin.h"
#include "plugin/validate.h"

char *
test_make_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/wpd-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");

	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

void
test_write_file(const char *dir, const char *name, const char *content,
    unsigned mode)
{
	test_write_bytes(dir, name, content, strlen(content), mode);
}

void
test_write_bytes(const char *dir, const char *name, const void *data,
    size_t len, unsigned mode)
{
	char *path = xasprintf("%s/%s", dir, name);
	char *slash = strrchr(path, '/');
	FILE *f;

	/* Create `dir` and the parent directories of `name`. */
	mkdir(dir, 0755);
	for (char *p = path + strlen(dir) + 1; p < slash; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	}
	*slash = '\0';
	mkdir(path, 0755);
	*slash = '/';
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(path, mode), 0);
	free(path);
}

void
test_remove_tree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

char *
test_read_file(const char *dir, const char *name)
{
	char *path = dir ? xasprintf("%s/%s", dir, name) : xstrdup(name);
	struct buf b = BUF_INIT;
	struct err e = ERR_INIT;

	ck_assert_msg(file_read(path, 1 << 20, &b, NULL, &e) == 0, "%s", e.msg);
	free(path);
	return buf_detach(&b);
}

char *
test_list_dir(const char *dir)
{
	struct dirent **names;
	struct buf b = BUF_INIT;
	int n = scandir(dir, &names, NULL, alphasort);

	ck_assert_int_ge(n, 0);
	for (int i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") != 0 &&
		    strcmp(names[i]->d_name, "..") != 0)
			buf_addf(&b, "%s,", names[i]->d_name);
		free(names[i]);
	}
	free(names);
	return buf_detach(&b);
}

struct plugin *
test_plugin(const char *yaml)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct plugin *p = plugin_load(yaml, strlen(yaml), "p", &diags);

	ck_assert_ptr_nonnull(p);
	diag_list_release(&diags);
	return p;
}

char *
test_validate(const char *yaml, const char *wazo_version, struct plugin **out)
{
	struct validate_options o = { VALIDATE_DEFAULT_PREFIX, wazo_version };
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf text = BUF_INIT;
	struct plugin *p = plugin_load(yaml, strlen(yaml), "p.yml", &diags);

	ck_assert_ptr_nonnull(p);
	validate_metadata(p, &o, &diags);
	diag_sort(&diags);
	diag_format_text(&diags, &text);
	diag_list_release(&diags);
	if (out != NULL)
		*out = p;
	else
		plugin_free(p);
	return buf_detach(&text);
}

int
main(void)
{
	SRunner *runner = srunner_create(make_suite());
	int failed;

	srunner_run_all(runner, CK_ENV);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
