/* cmd_build: `wazo-plugin-deb build`, the main job: from a plugin source
 * to a finished .deb, written directly. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"
#include "emit/deb.h"
#include "base/timestamp.h"

static const struct cli_command_info build_command = {
	"build", CMD_BUILD, "[OPTIONS] [SOURCE] [-o DIR]",
	"Validate the plugin in SOURCE, run its 'rules build' and 'rules\n"
	"package', and write DIR/<package>_<version>_<arch>.deb directly:\n"
	"the same package as 'tree' then 'dpkg-deb --build' makes.\n",
};

/* The compression, level, threads and time of the job, from the options. */
static int
job_options(const struct cli_args *args, struct deb_job *job, struct err *e)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int kind = args->compression ? compression_parse(args->compression) :
	    COMPRESS_XZ;

	job->compress.kind = (enum compression)kind;
	job->compress.level = args->level >= 0 ? args->level :
	    compression_default_level(job->compress.kind);
	if (job->compress.level > compression_max_level(job->compress.kind) ||
	    (job->compress.level < 1 && job->compress.kind == COMPRESS_ZSTD))
		return err_set(e, STATUS_USAGE, "-z %d is out of range for %s "
		    "(%d to %d)", job->compress.level,
		    compression_name(job->compress.kind),
		    job->compress.kind == COMPRESS_ZSTD ? 1 : 0,
		    compression_max_level(job->compress.kind));
	job->compress.threads = args->threads ? args->threads :
	    cores > 0 ? (unsigned)cores : 1;
	job->arch = args->arch ? args->arch : "auto";
	/* The rules see the option's time as $SOURCE_DATE_EPOCH too. */
	job->source_date_epoch = args->source_date_epoch;
	return timestamp_parse(args->source_date_epoch ?
	    args->source_date_epoch : getenv("SOURCE_DATE_EPOCH"),
	    &job->mtime, e);
}

int
cmd_build(int argc, char **argv)
{
	struct cli_args args;
	struct err e = ERR_INIT;
	struct source src;
	struct plugin *plugin;
	struct deb_job job = { 0 };
	char *path = NULL;
	int status = cli_parse_args(&build_command, argc, argv, &args);

	if (status < 0 && job_options(&args, &job, &e) < 0)
		status = cli_report_err(&e);
	if (status < 0)
		status = cli_validate_for_packaging(&args, &src, &plugin);
	if (status >= 0) {
		cli_args_release(&args);
		return status;
	}
	cli_start_packaging();
	job.src = &src;
	job.plugin = plugin;
	job.settings = &args.config;
	job.output_dir = args.output ? args.output : ".";
	job.progress = cli_report_step;
	job.warning = cli_report_warning;
	job.ctx = &args.quiet;
	status = deb_emit(&job, &path, &e) < 0 ? cli_report_err(&e) : STATUS_OK;
	if (status == STATUS_OK) {
		cli_report_progress(args.quiet, "done");
		printf("%s\n", path);
	}
	free(path);
	return cli_end_packaging(&args, &src, plugin, status);
}
