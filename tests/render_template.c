/* render_template: renders one template with a context read from YAML,
 * so that the tests can compare the engine with the real Jinja2.
 * Usage: render_template TEMPLATE CONTEXT.yml */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>

#include "render/context.h"
#include "base/file.h"
#include "template/template.h"

int
main(int argc, char **argv)
{
	struct buf src = BUF_INIT, yaml = BUF_INIT, out = BUF_INIT;
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	struct arena arena = { NULL };
	struct ydoc *doc = NULL;
	struct template *t = NULL;
	int status = 1;

	if (argc != 3) {
		fputs("usage: render_template TEMPLATE CONTEXT.yml\n", stderr);
		return 2;
	}
	if (file_read(argv[1], 1 << 20, &src, NULL, &e) < 0 ||
	    file_read(argv[2], 1 << 20, &yaml, NULL, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		goto out;
	}
	if (yaml_doc_load(&doc, yaml.data, yaml.len, argv[2], &diags) < 0) {
		fprintf(stderr, "%s: cannot read the context\n", argv[2]);
		goto out;
	}
	t = template_parse(argv[1], src.data, src.len, &e);
	if (t == NULL || template_render(t, context_yaml_value(&arena,
	    doc->root), &out, &e) < 0) {
		fprintf(stderr, "%s\n", e.msg);
		goto out;
	}
	fwrite(out.data, 1, out.len, stdout);
	status = 0;
out:
	template_free(t);
	yaml_doc_free(doc);
	arena_release(&arena);
	diag_list_release(&diags);
	err_release(&e);
	buf_release(&src);
	buf_release(&yaml);
	buf_release(&out);
	return status;
}
