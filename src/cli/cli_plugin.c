/* cli_plugin: the plugin a command names, opened, checked and reported. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/buf.h"
#include "cli/cli_plugin.h"
#include "cli/cli_report.h"
#include "plugin/plugin_stamp.h"
#include "plugin/rules_file.h"
#include "plugin/validate.h"
#include "source/source_file.h"

/* wazo/rules, if there, must not be a link out of the plugin; whether it
 * is there and what it is, rules_file_check() says. */
static int
check_rules_beneath(const struct source *src, struct err *e)
{
	int fd = source_file_open(src->root, src->shown, "wazo/rules", e);

	if (fd >= 0) {
		close(fd);
		return 0;
	}
	if (e->status == STATUS_INVALID)
		return -1;
	err_release(e);
	return 0;
}

int
cli_plugin_check(const struct cli_args *args, const struct source *src,
    struct plugin **plugin, struct diag_list *diags, struct err *e)
{
	struct validate_options vo = {
		settings_get(&args->config, SETTING_PACKAGE_PREFIX),
		args->wazo_version,
	};
	char *file, *shown = source_shown_path(src, "wazo/plugin.yml");
	long long format = 0;
	int fd = source_file_open(src->root, src->shown, "wazo/plugin.yml", e);
	int r = fd < 0 ? -1 : 0;

	*plugin = fd < 0 ? NULL : plugin_load_fd(fd, shown, diags, e);
	if (fd >= 0)
		close(fd);
	if (*plugin == NULL && e->msg != NULL)
		r = -1;
	if (*plugin != NULL) {
		validate_metadata(*plugin, &vo, diags);
		if ((*plugin)->format_known)
			format = (*plugin)->format_version;
	}
	free(shown);
	if (r == 0)
		r = check_rules_beneath(src, e);
	if (r == 0) {
		file = source_path(src, "wazo/rules");
		shown = source_shown_path(src, "wazo/rules");
		r = rules_file_check(file, shown, format, diags, e);
		free(file);
		free(shown);
	}
	diag_sort(diags);
	return r;
}

bool
cli_plugin_valid(const struct cli_args *args, const struct plugin *plugin,
    const struct diag_list *diags)
{
	return plugin != NULL && diag_count(diags, DIAG_ERROR) == 0 &&
	    !(args->strict && diag_count(diags, DIAG_WARNING) > 0);
}

void
cli_plugin_report(struct cli_result *result, const struct diag_list *diags,
    bool valid)
{
	size_t errors = diag_count(diags, DIAG_ERROR);
	size_t warnings = diag_count(diags, DIAG_WARNING);

	result->valid = valid;
	cli_report_diags(diags);
	if (valid)
		return;
	/* Under --strict, warnings alone fail: say so, not "invalid". */
	if (errors == 0 && warnings > 0)
		cli_report_error("the plugin has %zu warning%s, which --strict "
		    "makes %s", warnings, warnings == 1 ? "" : "s",
		    warnings == 1 ? "an error" : "errors");
	else
		cli_report_error("the plugin is invalid: %zu error%s, %zu "
		    "warning%s", errors, errors == 1 ? "" : "s", warnings,
		    warnings == 1 ? "" : "s");
}

void
cli_plugin_set_package(struct cli_result *result, const struct cli_args *args,
    const struct plugin *plugin)
{
	char *name = plugin_package_name(settings_get(&args->config,
	    SETTING_PACKAGE_PREFIX), plugin->name.text, plugin->namespace.text);

	cli_result_set_package(result, name, plugin->version.text, NULL);
	free(name);
}

int
cli_plugin_validate(const struct cli_args *args, struct cli_result *result,
    struct source *src, struct plugin **plugin)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	bool valid;
	int status = -1;

	*plugin = NULL;
	if (cli_plugin_open_source(args, result, src, &e) < 0)
		return cli_report_err(&e);
	cli_report_begin("validating");
	if (cli_plugin_check(args, src, plugin, &diags, &e) < 0) {
		status = cli_report_err(&e);
	} else {
		valid = cli_plugin_valid(args, *plugin, &diags);
		cli_plugin_report(result, &diags, valid);
		if (!valid)
			status = STATUS_INVALID;
		else if (plugin_stamp_version(*plugin, args->version,
		    args->version_suffix, &e) < 0)
			status = cli_report_err(&e);
		else
			cli_plugin_set_package(result, args, *plugin);
	}
	diag_list_release(&diags);
	if (status >= 0) {
		plugin_free(*plugin);
		*plugin = NULL;
		source_close(src);
	}
	return status;
}

int
cli_plugin_open_source(const struct cli_args *args, struct cli_result *result,
    struct source *src, struct err *e)
{
	cli_report_begin("opening");
	cli_result_set_source(result, &args->request, NULL);
	if (source_open(src, &args->request, e) < 0)
		return -1;
	cli_result_set_source(result, &args->request, src);
	/* A CI log then says exactly what was packaged. */
	if (src->commit != NULL && !args->quiet)
		fprintf(stderr, PROGRAM_NAME ": %s at %s is commit %s\n",
		    src->display, args->request.ref ? args->request.ref :
		    "its default branch", src->commit);
	return 0;
}
