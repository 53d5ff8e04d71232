/* cli_result: the record of one run of a command, which the runner owns:
 * its steps and how long each took, the error that stopped it, the
 * plugin's diagnostics, the source, the package and the files written.
 * The JSON document of --format=json and the reports of --junit and
 * --codequality are all written from it, the same way for every command
 * (wazo-plugin-deb-json(5)). Nothing here prints. */
#ifndef WPD_CLI_RESULT_H
#define WPD_CLI_RESULT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/err.h"
#include "source/source.h"

/* The version of the document's layout, its "format_version". */
#define CLI_RESULT_FORMAT 1

/* One step of the run. */
struct cli_step {
	const char *name;	/* "rules build": in JSON, JUnit and the log */
	const char *what;	/* what it does, for the log; static */
	bool rules;		/* the plugin's rules run in it */
	bool shown;		/* the log names it (else only the reports) */
	bool ended;
	bool ok;		/* ended without error */
	double start;		/* monotonic seconds */
	double seconds;		/* how long it took, once ended */
	char *output;		/* what the step says (JUnit's system-out) */
};

/* A file the run wrote. */
struct cli_output {
	char *path;
	const char *kind;	/* "deb", or "file" */
	long long size;
	char sha256[65];
	char md5[33];
};

struct cli_result {
	const char *command;
	/* From the command line (cli_result_configure()). */
	bool json, quiet, strict;
	bool log_steps;		/* the log names each step (not --quiet) */
	const char *junit;		/* --junit FILE, or NULL */
	const char *codequality;	/* --codequality FILE, or NULL */
	bool finished;
	int exit_code;
	char *error;			/* the first error's message, or NULL */
	const char *error_step;		/* the step it stopped, or NULL */
	int valid;			/* -1: not validated; else a bool */
	struct diag_list diags;		/* the plugin's, and the warnings */
	bool have_source;
	const char *source_kind;	/* "directory", "archive", "git", NULL */
	char *source_location, *source_subdirectory, *source_ref;
	char *source_commit;
	char *package, *version, *architecture;	/* or NULL */
	struct cli_output *outputs;
	size_t noutputs;
	struct cli_step *steps;
	size_t nsteps;
	struct buf extra;	/* the command's own members, ", \"k\": v" */
	double started;
};

/* Starts the record of a run of the command `command` (static). */
void cli_result_init(struct cli_result *r, const char *command);
void cli_result_release(struct cli_result *r);

/*
 * Begins the step that the progress key `key` names ("opening",
 * "validating", "rendering", "building", "packaging", "compressing",
 * "writing"...; a key the table lacks is a step of that name), ending
 * the running one as done. Returns the new step; it belongs to `r`.
 */
struct cli_step *cli_result_step_begin(struct cli_result *r, const char *key);
/* Ends the running step, `ok` or not; returns it, or NULL when no step
 * was running. */
struct cli_step *cli_result_step_end(struct cli_result *r, bool ok);
/* The running step, or NULL. */
const struct cli_step *cli_result_running(const struct cli_result *r);

/* Appends `text` to what the running step says, which the JUnit report
 * gives as its test case's output. */
void cli_result_step_output(struct cli_result *r, const char *text);
/* Records the error that stops the run (the first one is kept) and the
 * step it stopped. */
void cli_result_set_error(struct cli_result *r, const char *message);
/* Copies `diags` into the record; whether they leave the plugin valid
 * is its `valid` member (-1 until the plugin is validated). */
void cli_result_add_diags(struct cli_result *r, const struct diag_list *diags);
/* A warning that concerns no file (a compiled object in an Architecture:
 * all package...). */
void cli_result_add_warning(struct cli_result *r, const char *message);
/* The source the command line names, as `request` says it and, once
 * opened (else NULL), as `src` is. The location is the one that messages
 * show. */
void cli_result_set_source(struct cli_result *r,
    const struct source_request *request, const struct source *src);
/* The package's name, version and architecture (copied; NULL when
 * unknown), or those a control file gives. */
void cli_result_set_package(struct cli_result *r, const char *name,
    const char *version, const char *architecture);
void cli_result_set_package_control(struct cli_result *r, const char *text);
/* Records the file `path` written, of `kind` (static), with its size and
 * digests; -1 with `e` set when it cannot be read. Only for the JSON
 * document: without --format=json, nothing is recorded or read. */
int cli_result_add_output(struct cli_result *r, const char *path,
    const char *kind, struct err *e);
/* Records every regular file of the tree `dir`, in path order (as
 * cli_result_add_output(), only for the JSON document). */
int cli_result_add_tree(struct cli_result *r, const char *dir,
    struct err *e);
/* Adds the member "name": json (a JSON value) to the document. */
void cli_result_add_member(struct cli_result *r, const char *name,
    const char *json);

/* Ends the run with exit status `status`: the running step ends (failed
 * unless status is 0). */
void cli_result_finish(struct cli_result *r, int status);
/* Seconds since the record began. */
double cli_result_elapsed(const struct cli_result *r);

/* The path of a diagnostic's file as the reports give it: relative to
 * the current directory when it lies below it. The caller frees it. */
char *cli_result_report_path(const char *path);

#endif
