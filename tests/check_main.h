/* check_main: the main() every Check suite shares. */
#ifndef WPD_CHECK_MAIN_H
#define WPD_CHECK_MAIN_H

#include <check.h>

/* Each tests/check_<module>.c defines the suite of its module. */
Suite *make_suite(void);

#include <stddef.h>

/* A fresh temporary directory; the caller removes it with
 * test_remove_tree() and frees the string. */
char *test_make_dir(void);
/* Writes a file `name` (parent directories created) below `dir`. */
void test_write_file(const char *dir, const char *name, const char *content,
    unsigned mode);
void test_write_bytes(const char *dir, const char *name, const void *data,
    size_t len, unsigned mode);
void test_remove_tree(const char *dir);
/* The contents of `name` below `dir` (or of the path `name` when `dir`
 * is NULL), which must exist; the caller frees them. */
char *test_read_file(const char *dir, const char *name);

/* The names in `dir` but "." and "..", sorted, each followed by ','; the
 * caller frees the string. */
char *test_list_dir(const char *dir);

struct plugin;
/* A plugin loaded from `yaml` (problems ignored); plugin_free() it. */
struct plugin *test_plugin(const char *yaml);
/* Loads `yaml` as "p.yml" and validates it (default prefix, and
 * `wazo_version` or NULL); returns the sorted diagnostics as text, which
 * the caller frees. Stores the plugin in *out (plugin_free() it) or frees
 * it when `out` is NULL. */
char *test_validate(const char *yaml, const char *wazo_version,
    struct plugin **out);

#endif
