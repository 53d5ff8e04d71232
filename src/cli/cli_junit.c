/* cli_junit: the run as a JUnit XML report. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli/cli_junit.h"
#include "plugin/plugin_keys.h"

/* Appends `s` as XML text or attribute value; control characters XML
 * forbids become '?'. */
static void
add_xml(struct buf *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\n': buf_adds(out, "&#10;"); break;
		case '\t': buf_adds(out, "&#9;"); break;
		default:
			buf_addc(out, *p < 0x20 || *p == 0x7f ? '?' : (char)*p);
		}
	}
}

/* The file name of a diagnostic's path, which names its test case the
 * same way wherever the plugin lies. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return path[0] == '\0' ? "warnings" : slash ? slash + 1 : path;
}

/* The test case a diagnostic belongs to: "plugin.yml: KEY" for a key,
 * else its file's name. The caller frees it. */
static char *
case_of(const struct diag *d)
{
	if (d->key != NULL)
		return xasprintf("%s: %s", base_name(d->path), d->key);
	return xstrdup(base_name(d->path));
}

/* The test cases of the checks: one per key of the table (once the
 * plugin was validated), then one per other key or file with problems. */
struct cases {
	char **names;
	size_t count;
};

static void
add_case(struct cases *c, const char *name)
{
	for (size_t i = 0; i < c->count; i++)
		if (strcmp(c->names[i], name) == 0)
			return;
	c->names = xreallocarray(c->names, c->count + 1, sizeof(*c->names));
	c->names[c->count++] = xstrdup(name);
}

static void
list_cases(const struct cli_result *r, struct cases *c)
{
	if (r->valid >= 0)
		for (size_t i = 0; i < plugin_keys_count; i++) {
			char *name = xasprintf("plugin.yml: %s",
			    plugin_keys[i].name);

			add_case(c, name);
			free(name);
		}
	for (size_t i = 0; i < r->diags.count; i++) {
		char *name = case_of(&r->diags.items[i]);

		add_case(c, name);
		free(name);
	}
}

static void
diag_line(const struct diag *d, struct buf *out)
{
	if (d->path[0] != '\0')
		buf_addf(out, "%s:%u:%u: ", d->path, d->pos.line, d->pos.column);
	buf_addf(out, "%s: ", d->severity == DIAG_ERROR ? "error" : "warning");
	if (d->key != NULL)
		buf_addf(out, "%s: ", d->key);
	buf_addf(out, "%s\n", d->message);
}

static bool
fails(const struct cli_result *r, const struct diag *d)
{
	return d->severity == DIAG_ERROR || r->strict;
}

/* One check's test case: failed when one of its diagnostics fails the
 * plugin, with its file, line and message; its warnings otherwise. */
static void
format_check(const struct cli_result *r, const char *name, struct buf *out,
    size_t *failures)
{
	const struct diag *first = NULL, *failed = NULL;
	struct buf text = BUF_INIT, msg = BUF_INIT;

	for (size_t i = 0; i < r->diags.count; i++) {
		const struct diag *d = &r->diags.items[i];
		char *c = case_of(d);

		if (strcmp(c, name) == 0) {
			first = first ? first : d;
			if (failed == NULL && fails(r, d))
				failed = d;
			diag_line(d, &text);
		}
		free(c);
	}
	buf_addf(out, "    <testcase classname=\"wazo-plugin-deb.%s.validate\" "
	    "name=\"", r->command);
	add_xml(out, name);
	buf_adds(out, "\" time=\"0\"");
	if (first != NULL && first->path[0] != '\0') {
		buf_adds(out, " file=\"");
		add_xml(out, first->path);
		buf_addf(out, "\" line=\"%u\"", first->pos.line);
	}
	if (first == NULL) {
		buf_adds(out, "/>\n");
		return;
	}
	buf_adds(out, ">\n");
	if (failed != NULL) {
		diag_line(failed, &msg);
		msg.data[--msg.len] = '\0';
		buf_adds(out, "      <failure type=\"error\" message=\"");
		add_xml(out, msg.data);
		buf_adds(out, "\">");
		(*failures)++;
	} else {
		buf_adds(out, "      <system-out>");
	}
	add_xml(out, text.data);
	buf_adds(out, failed ? "</failure>\n" : "</system-out>\n");
	buf_adds(out, "    </testcase>\n");
	buf_release(&text);
	buf_release(&msg);
}

/* A step's test case, failed with the run's error when it stopped it. */
static void
format_step(const struct cli_result *r, const struct cli_step *s,
    struct buf *out, size_t *failures)
{
	const char *msg = r->error != NULL ? r->error : "failed";

	buf_addf(out, "    <testcase classname=\"wazo-plugin-deb.%s\" name=\"",
	    r->command);
	add_xml(out, s->name);
	buf_addf(out, "\" time=\"%.3f\"", s->seconds);
	if (s->ok && s->output == NULL) {
		buf_adds(out, "/>\n");
		return;
	}
	buf_adds(out, ">\n");
	if (!s->ok) {
		buf_adds(out, "      <failure type=\"");
		add_xml(out, s->name);
		buf_adds(out, "\" message=\"");
		add_xml(out, msg);
		buf_adds(out, "\">");
		add_xml(out, msg);
		buf_addf(out, "&#10;exit status %d</failure>\n", r->exit_code);
		(*failures)++;
	}
	if (s->output != NULL) {
		buf_adds(out, "      <system-out>");
		add_xml(out, s->output);
		buf_adds(out, "</system-out>\n");
	}
	buf_adds(out, "    </testcase>\n");
}

/* The checks' test cases, once; returns how many. */
static size_t
format_checks(const struct cli_result *r, struct cases *c, struct buf *out,
    size_t *failures)
{
	size_t n = c->count;

	for (size_t j = 0; j < c->count; j++) {
		format_check(r, c->names[j], out, failures);
		free(c->names[j]);
	}
	c->count = 0;
	return n;
}

void
cli_junit_format(const struct cli_result *r, struct buf *out)
{
	struct buf cases = BUF_INIT;
	struct cases checks = { NULL, 0 };
	size_t failures = 0, tests = r->nsteps;
	double total = 0;

	list_cases(r, &checks);
	for (size_t i = 0; i < r->nsteps; i++) {
		format_step(r, &r->steps[i], &cases, &failures);
		total += r->steps[i].seconds;
		/* The checks come under the step that made them: validate,
		 * or for a configuration at fault, the last one. */
		if (strcmp(r->steps[i].name, "validate") == 0 ||
		    i + 1 == r->nsteps)
			tests += format_checks(r, &checks, &cases, &failures);
	}
	buf_adds(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<testsuites>\n  <testsuite name=\"");
	add_xml(out, r->package != NULL ? r->package : r->source_location ?
	    r->source_location : r->command);
	buf_addf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
	    "skipped=\"0\" time=\"%.3f\">\n", tests, failures, total);
	buf_add(out, cases.data, cases.len);
	buf_adds(out, "  </testsuite>\n</testsuites>\n");
	free(checks.names);
	buf_release(&cases);
}

