/* fuzz_template: libFuzzer entry point over the template engine: arbitrary
 * bytes as a template (--template-dir lets users supply any), parsed and
 * rendered with a small plugin context. */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "render/context.h"
#include "template/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char context_yaml[] =
    "name: hello\nnamespace: demo\nversion: '1.0'\nplugin_format_version: 1\n"
    "debian_depends: [golang-go, python3]\n"
    "depends: [{name: other, namespace: ns}]\nflag: true\nnothing: ~\n"
    "count: 3\nratio: 2.5\nmapping: {k: v}\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct arena arena = { NULL };
	struct err e = ERR_INIT;
	struct buf out = BUF_INIT;
	struct ydoc *doc;
	struct template *t;

	if (yaml_doc_load(&doc, context_yaml, strlen(context_yaml), "c", &diags) < 0)
		__builtin_trap();
	t = template_parse("fuzz.jinja", (const char *)data, size, &e);
	if (t != NULL)
		template_render(t, context_yaml_value(&arena, doc->root), &out, &e);
	template_free(t);
	err_release(&e);
	buf_release(&out);
	arena_release(&arena);
	yaml_doc_free(doc);
	diag_list_release(&diags);
	return 0;
}
