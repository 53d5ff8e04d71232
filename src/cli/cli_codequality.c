/* cli_codequality: the plugin's problems as a GitLab Code Quality report. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/filehash.h"
#include "base/json.h"
#include "cli/cli_codequality.h"

/* The check a diagnostic comes from: the key it is about, else its file. */
static char *
check_name(const struct diag *d)
{
	const char *base = strrchr(d->path, '/');

	base = base != NULL ? base + 1 : d->path;
	if (d->key != NULL)
		return xasprintf("wazo-plugin-deb/%s/%s", base, d->key);
	return xasprintf("wazo-plugin-deb/%s", base);
}

/*
 * The same finding gets the same fingerprint from run to run, wherever
 * its line moves: the MD5 of its check, file and message, and of how
 * many identical findings came before it in the list.
 */
static void
fingerprint(const struct diag_list *l, size_t i, const char *check,
    const char *path, char hex[33])
{
	const struct diag *d = &l->items[i];
	struct buf text = BUF_INIT;
	size_t same = 0;

	for (size_t j = 0; j < i; j++)
		if (strcmp(l->items[j].path, d->path) == 0 &&
		    strcmp(l->items[j].message, d->message) == 0 &&
		    (l->items[j].key == NULL) == (d->key == NULL) &&
		    (d->key == NULL || strcmp(l->items[j].key, d->key) == 0))
			same++;
	buf_addf(&text, "%s", check);
	buf_add(&text, "", 1);
	buf_addf(&text, "%s", path);
	buf_add(&text, "", 1);
	buf_addf(&text, "%s", d->message);
	buf_add(&text, "", 1);
	buf_addf(&text, "%zu", same);
	filehash_md5(text.data, text.len, hex);
	buf_release(&text);
}

static void
format_finding(const struct diag_list *l, size_t i, struct buf *out)
{
	const struct diag *d = &l->items[i];
	char *check = check_name(d), *path = cli_result_report_path(d->path);
	char *description = d->key != NULL ?
	    xasprintf("%s: %s", d->key, d->message) : xstrdup(d->message);
	char hex[33];

	fingerprint(l, i, check, path, hex);
	buf_adds(out, "{\"type\": \"issue\", \"description\": ");
	json_add_string(out, description);
	buf_adds(out, ", \"check_name\": ");
	json_add_string(out, check);
	buf_addf(out, ", \"fingerprint\": \"%s\", \"severity\": \"%s\", "
	    "\"location\": {\"path\": ", hex,
	    d->severity == DIAG_ERROR ? "critical" : "minor");
	json_add_string(out, path);
	buf_addf(out, ", \"lines\": {\"begin\": %u}}}",
	    d->pos.line > 0 ? d->pos.line : 1);
	free(description);
	free(path);
	free(check);
}

void
cli_codequality_format(const struct cli_result *r, struct buf *out)
{
	bool first = true;

	buf_addc(out, '[');
	for (size_t i = 0; i < r->diags.count; i++) {
		/* A warning about no file has nowhere to be shown. */
		if (r->diags.items[i].path[0] == '\0')
			continue;
		if (!first)
			buf_adds(out, ", ");
		first = false;
		format_finding(&r->diags, i, out);
	}
	buf_adds(out, "]\n");
}
