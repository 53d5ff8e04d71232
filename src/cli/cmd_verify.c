/* cmd_verify: `wazo-plugin-deb verify`, a piuparts for plugins: built
 * packages installed, upgraded, removed and purged by the real dpkg in a
 * throwaway root, each step reported on stdout and in the run's record
 * (one step of the reports per dpkg step). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "cli/cli_args.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "cli/cmd.h"
#include "verify/verify.h"

/* The line at *at (a copy, which the caller frees), moving *at past
 * it; NULL at the end of the text. */
static char *
next_line(const char **at)
{
	const char *line = *at, *nl;

	if (line == NULL || *line == '\0')
		return NULL;
	nl = strchr(line, '\n');
	*at = nl ? nl + 1 : NULL;
	return xstrndup(line, nl ? (size_t)(nl - line) : strlen(line));
}

/* Prints each line of `text` after `prefix`. */
static void
print_lines(const char *prefix, const char *text)
{
	char *one;

	while ((one = next_line(&text)) != NULL) {
		printf("%s%s\n", prefix, one);
		free(one);
	}
}

/* The step, readable: its verdict, dpkg's command, status and states,
 * the stand-ins' calls, the changes; dpkg's output when it failed. */
static void
print_step(const struct verify_step_result *r)
{
	printf("%s: %s%s\n  %s: exit %d; %s\n", r->step, r->failure ?
	    "FAILED: " : "ok", r->failure ? r->failure : "", r->command,
	    r->status, r->state);
	for (size_t i = 0; i < r->rules.count; i++)
		printf("  ran: rules %s (exit %d)\n", r->rules.items[i].command,
		    r->rules.items[i].status);
	print_lines("  call: ", r->calls.data);
	print_lines("  not found: ", r->scan.missing.data);
	print_lines("  skipped: Depends: ", r->skipped.data);
	print_lines("  warning: ", r->warnings.data);
	for (size_t i = 0; i < r->nchanges; i++)
		printf("  %s: %s%s%s\n",
		    verify_changes_kind_name(r->changes[i].kind),
		    r->changes[i].path, r->changes[i].what ? ", the " : "",
		    r->changes[i].what ? r->changes[i].what : "");
	if (r->failure != NULL)
		print_lines("  | ", r->output.data);
	fflush(stdout);
}

/* The lines of `text` as a JSON array of strings. */
static void
json_lines(struct buf *out, const char *text)
{
	bool first = true;
	char *one;

	buf_addc(out, '[');
	while ((one = next_line(&text)) != NULL) {
		buf_adds(out, first ? "" : ", ");
		json_add_string(out, one);
		free(one);
		first = false;
	}
	buf_addc(out, ']');
}

/* The step as a member of the document's "verify" array
 * (wazo-plugin-deb-json(5)). */
static void
json_step(struct buf *out, const struct verify_step_result *r)
{
	buf_adds(out, out->len > 1 ? ", {\"step\": " : "{\"step\": ");
	json_add_string(out, r->step);
	buf_addf(out, ", \"ok\": %s, \"failure\": ", r->failure ? "false" :
	    "true");
	json_add_string(out, r->failure);
	buf_adds(out, ", \"command\": ");
	json_add_string(out, r->command);
	buf_addf(out, ", \"exit_status\": %d, \"state\": ", r->status);
	json_add_string(out, r->state);
	buf_adds(out, ", \"rules\": [");
	for (size_t i = 0; i < r->rules.count; i++) {
		const struct verify_rules_call *c = &r->rules.items[i];

		buf_adds(out, i ? ", {\"command\": " : "{\"command\": ");
		json_add_string(out, c->command);
		buf_adds(out, ", \"path\": ");
		json_add_string(out, c->path);
		buf_addf(out, ", \"exit_status\": %d, \"output\": ", c->status);
		json_add_string(out, c->output);
		buf_addc(out, '}');
	}
	buf_adds(out, "], \"calls\": ");
	json_lines(out, r->calls.data);
	buf_adds(out, ", \"not_found\": ");
	json_lines(out, r->scan.missing.data);
	buf_adds(out, ", \"skipped\": ");
	json_lines(out, r->skipped.data);
	buf_adds(out, ", \"warnings\": ");
	json_lines(out, r->warnings.data);
	buf_addf(out, ", \"network\": %s, \"changes\": [",
	    r->scan.network ? "true" : "false");
	for (size_t i = 0; i < r->nchanges; i++) {
		buf_adds(out, i ? ", {\"kind\": " : "{\"kind\": ");
		json_add_string(out,
		    verify_changes_kind_name(r->changes[i].kind));
		buf_adds(out, ", \"path\": ");
		json_add_string(out, r->changes[i].path);
		buf_adds(out, ", \"what\": ");
		json_add_string(out, r->changes[i].what);
		buf_addc(out, '}');
	}
	buf_adds(out, "], \"output\": ");
	json_add_string(out, r->output.data);
	buf_addc(out, '}');
}

/* The step's warnings, as the run's (stderr, and the reports). */
static void
warn(const char *lines)
{
	char *one;

	while ((one = next_line(&lines)) != NULL) {
		cli_report_warning(one, NULL);
		free(one);
	}
}

/* The rules commands the step ran, with their output, as its JUnit
 * test case's output. */
static void
step_output(struct cli_result *result, const struct verify_step_result *r)
{
	for (size_t i = 0; i < r->rules.count; i++) {
		const struct verify_rules_call *c = &r->rules.items[i];
		char *line = xasprintf("rules %s (exit %d)\n%s", c->command,
		    c->status, c->output);

		cli_result_step_output(result, line);
		free(line);
	}
}

/* The steps, one after the other, until one fails. */
static int
run_steps(const struct cli_run *run, struct verify *v, struct buf *json)
{
	struct err e = ERR_INIT;
	int status = STATUS_OK;

	while (status == STATUS_OK && verify_next(v) != NULL) {
		struct verify_step_result r;

		cli_report_begin(verify_next(v));
		if (verify_step(v, &r, &e) < 0) {
			verify_step_result_release(&r);
			return cli_report_err(&e);
		}
		if (!run->result->json)
			print_step(&r);
		json_step(json, &r);
		step_output(run->result, &r);
		warn(r.warnings.data);
		if (r.failure != NULL) {
			cli_report_error("%s: %s", r.step, r.failure);
			status = STATUS_INVALID;
		}
		verify_step_result_release(&r);
	}
	return status;
}

/* --keep: the root's changes, copied where the report says. */
static int
keep(const struct cli_run *run, struct verify *v, int status)
{
	struct err e = ERR_INIT;
	struct buf member = BUF_INIT;
	char *dir = verify_keep(v, &e);

	if (dir == NULL)
		return status == STATUS_OK ? cli_report_err(&e) :
		    (cli_report_err(&e), status);
	if (!run->result->json)
		printf("kept: %s\n", dir);
	json_add_string(&member, dir);
	cli_result_add_member(run->result, "kept", member.data);
	buf_release(&member);
	free(dir);
	return status;
}

int
cmd_verify(const struct cli_run *run)
{
	const struct cli_args *a = run->args;
	struct verify_job job = {
		.debs = a->debs, .ndebs = a->ndebs, .from = a->from,
		.bare = a->bare, .network = a->verify_network,
		.ignore_depends = a->ignore_depends,
		.metadata_dir = settings_get(&a->config, SETTING_METADATA_DIR),
		.backup_rules_dir = settings_get(&a->config,
		    SETTING_BACKUP_RULES_DIR),
	};
	struct buf json = BUF_INIT;
	struct verify *v = NULL;
	struct err e = ERR_INIT;
	int status;

	buf_addc(&json, '[');
	cli_report_begin("preparing");
	if (verify_open(&job, &v, &e) < 0) {
		status = cli_report_err(&e);
	} else {
		cli_result_set_package(run->result, verify_package(v),
		    verify_version(v), NULL);
		status = run_steps(run, v, &json);
		if (a->keep)
			status = keep(run, v, status);
	}
	buf_addc(&json, ']');
	cli_result_add_member(run->result, "verify", json.data);
	buf_release(&json);
	verify_close(v);
	return status;
}
