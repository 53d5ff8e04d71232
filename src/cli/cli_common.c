/* cli_common: the steps every command starts with: load the plugin,
 * validate it, and report the problems. */
#include <config.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "base/process.h"

int
cli_check_plugin(const struct cli_args *args, const struct source *src,
    struct plugin **plugin, struct diag_list *diags, struct err *e)
{
	struct validate_options vo = {
		settings_get(&args->config, SETTING_PACKAGE_PREFIX),
		args->wazo_version,
	};
	char *file = source_path(src, "wazo/plugin.yml");
	char *shown = source_shown_path(src, "wazo/plugin.yml");
	long long format = 0;
	int r = 0;

	*plugin = plugin_load_file(file, shown, diags, e);
	if (*plugin == NULL && e->msg != NULL)
		r = -1;
	if (*plugin != NULL) {
		validate_metadata(*plugin, &vo, diags);
		if ((*plugin)->format_known)
			format = (*plugin)->format_version;
	}
	free(file);
	free(shown);
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
cli_print_diagnostics(const struct diag_list *diags, bool valid)
{
	struct buf out = BUF_INIT;
	size_t errors = diag_count(diags, DIAG_ERROR);
	size_t warnings = diag_count(diags, DIAG_WARNING);

	diag_format_text(diags, &out);
	fwrite(out.data, 1, out.len, stderr);
	buf_release(&out);
	if (!valid)
		cli_report_error("the plugin is invalid: %zu error%s, %zu warning%s",
		    errors, errors == 1 ? "" : "s", warnings,
		    warnings == 1 ? "" : "s");
}

int
cli_validate_for_packaging(const struct cli_args *args, struct source *src,
    struct plugin **plugin)
{
	struct diag_list diags = DIAG_LIST_INIT;
	struct err e = ERR_INIT;
	bool valid;
	int status = -1;

	*plugin = NULL;
	cli_report_progress(args->quiet, "validating");
	if (cli_open_source(args, src, &e) < 0)
		return cli_report_err(&e);
	if (cli_check_plugin(args, src, plugin, &diags, &e) < 0) {
		status = cli_report_err(&e);
	} else {
		valid = cli_plugin_valid(args, *plugin, &diags);
		cli_print_diagnostics(&diags, valid);
		if (!valid)
			status = STATUS_INVALID;
	}
	diag_list_release(&diags);
	if (status >= 0) {
		plugin_free(*plugin);
		*plugin = NULL;
		source_close(src);
	}
	return status;
}

void
cli_start_packaging(void)
{
	/* As dpkg-buildpackage does: files get the modes packages expect. */
	umask(022);
	process_trap_signals();
}

int
cli_end_packaging(struct cli_args *args, struct source *src,
    struct plugin *plugin, int status)
{
	int sig = process_interrupted();

	plugin_free(plugin);
	source_close(src);
	cli_args_release(args);
	if (sig != 0) {
		/* Die of the signal, as the caller expects, once cleaned up. */
		signal(sig, SIG_DFL);
		raise(sig);
	}
	return status;
}

int
cli_open_source(const struct cli_args *args, struct source *src,
    struct err *e)
{
	if (source_open(src, &args->request, e) < 0)
		return -1;
	/* A CI log then says exactly what was packaged. */
	if (src->commit != NULL && !args->quiet)
		fprintf(stderr, PROGRAM_NAME ": %s at %s is commit %s\n",
		    args->source, args->request.ref ? args->request.ref :
		    "its default branch", src->commit);
	return 0;
}
