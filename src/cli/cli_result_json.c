/* cli_result_json: the record of a run as the JSON document of
 * --format=json (wazo-plugin-deb-json(5)). */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "cli/cli_result.h"
#include "cli/cli_result_json.h"

/* The diagnostics, each with its file ("file", and "path" as format 0
 * of check's document called it; null for a warning about no file). */
static void
format_diags(const struct diag_list *l, struct buf *out)
{
	buf_addc(out, '[');
	for (size_t i = 0; i < l->count; i++) {
		const struct diag *d = &l->items[i];
		const char *file = d->path[0] ? d->path : NULL;

		buf_adds(out, i ? ", {\"file\": " : "{\"file\": ");
		json_add_string(out, file);
		buf_adds(out, ", \"path\": ");
		json_add_string(out, file);
		if (file != NULL)
			buf_addf(out, ", \"line\": %u, \"column\": %u",
			    d->pos.line, d->pos.column);
		else
			buf_adds(out, ", \"line\": null, \"column\": null");
		buf_addf(out, ", \"severity\": \"%s\", \"key\": ",
		    d->severity == DIAG_ERROR ? "error" : "warning");
		json_add_string(out, d->key);
		buf_adds(out, ", \"message\": ");
		json_add_string(out, d->message);
		buf_addc(out, '}');
	}
	buf_addc(out, ']');
}

static void
format_source(const struct cli_result *r, struct buf *out)
{
	if (!r->have_source) {
		buf_adds(out, "null");
		return;
	}
	buf_adds(out, "{\"kind\": ");
	json_add_string(out, r->source_kind);
	buf_adds(out, ", \"location\": ");
	json_add_string(out, r->source_location);
	buf_adds(out, ", \"subdirectory\": ");
	json_add_string(out, r->source_subdirectory);
	buf_adds(out, ", \"ref\": ");
	json_add_string(out, r->source_ref);
	buf_adds(out, ", \"commit\": ");
	json_add_string(out, r->source_commit);
	buf_addc(out, '}');
}

static void
format_package(const struct cli_result *r, struct buf *out)
{
	if (r->package == NULL) {
		buf_adds(out, "null");
		return;
	}
	buf_adds(out, "{\"name\": ");
	json_add_string(out, r->package);
	buf_adds(out, ", \"version\": ");
	json_add_string(out, r->version);
	buf_adds(out, ", \"architecture\": ");
	json_add_string(out, r->architecture);
	buf_addc(out, '}');
}

static void
format_outputs(const struct cli_result *r, struct buf *out)
{
	buf_addc(out, '[');
	for (size_t i = 0; i < r->noutputs; i++) {
		const struct cli_output *o = &r->outputs[i];

		buf_adds(out, i ? ", {\"path\": " : "{\"path\": ");
		json_add_string(out, o->path);
		buf_addf(out, ", \"kind\": \"%s\", \"size\": %lld, "
		    "\"sha256\": \"%s\", \"md5\": \"%s\"}", o->kind, o->size,
		    o->sha256, o->md5);
	}
	buf_addc(out, ']');
}

static void
format_steps(const struct cli_result *r, struct buf *out)
{
	buf_addc(out, '[');
	for (size_t i = 0; i < r->nsteps; i++) {
		const struct cli_step *s = &r->steps[i];

		buf_adds(out, i ? ", {\"name\": " : "{\"name\": ");
		json_add_string(out, s->name);
		buf_addf(out, ", \"ok\": %s, \"seconds\": %.3f}",
		    s->ok ? "true" : "false", s->seconds);
	}
	buf_addc(out, ']');
}

void
cli_result_json_format(const struct cli_result *r, struct buf *out)
{
	buf_addf(out, "{\"format_version\": %d, \"command\": ",
	    CLI_RESULT_FORMAT);
	json_add_string(out, r->command);
	buf_addf(out, ", \"ok\": %s, \"exit_code\": %d, \"error\": ",
	    r->exit_code == 0 ? "true" : "false", r->exit_code);
	if (r->error != NULL) {
		buf_adds(out, "{\"message\": ");
		json_add_string(out, r->error);
		buf_adds(out, ", \"step\": ");
		json_add_string(out, r->error_step);
		buf_addc(out, '}');
	} else {
		buf_adds(out, "null");
	}
	buf_addf(out, ", \"valid\": %s, \"diagnostics\": ", r->valid < 0 ?
	    "null" : r->valid ? "true" : "false");
	format_diags(&r->diags, out);
	buf_adds(out, ", \"source\": ");
	format_source(r, out);
	buf_adds(out, ", \"package\": ");
	format_package(r, out);
	buf_adds(out, ", \"outputs\": ");
	format_outputs(r, out);
	buf_adds(out, ", \"steps\": ");
	format_steps(r, out);
	buf_add(out, r->extra.data, r->extra.len);
	buf_adds(out, "}\n");
}

