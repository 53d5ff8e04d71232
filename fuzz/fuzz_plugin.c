/* fuzz_plugin: libFuzzer entry point over the metadata stages: arbitrary
 * bytes as plugin.yml go through load, validate and both report forms. */
#include <config.h>

#include <stddef.h>
#include <stdint.h>

#include "base/diag.h"
#include "plugin/plugin.h"
#include "plugin/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct validate_options options = { VALIDATE_DEFAULT_PREFIX, "24.10" };
	struct diag_list diags = DIAG_LIST_INIT;
	struct buf out = BUF_INIT;
	struct plugin *p;

	p = plugin_load((const char *)data, size, "wazo/plugin.yml", &diags);
	if (p != NULL)
		validate_metadata(p, &options, &diags);
	diag_sort(&diags);
	diag_format_text(&diags, &out);
	diag_format_json(&diags, &out);
	buf_release(&out);
	diag_list_release(&diags);
	plugin_free(p);
	return 0;
}
