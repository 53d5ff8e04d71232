/* cmd_publish: `wazo-plugin-deb publish`, built packages added to an apt
 * repository that reprepro keeps; prints what each package became and
 * the apt source line of the repository, and records both in the run's
 * document (the "publish" member). */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/json.h"
#include "base/process.h"
#include "cli/cli_args.h"
#include "cli/cli_report.h"
#include "cli/cli_result.h"
#include "cli/cmd.h"
#include "publish/publish.h"

/* The words of `list` as a JSON array of strings. */
static void
json_words(struct buf *out, const char *list)
{
	const char *p = list ? list : "";
	bool first = true;

	buf_addc(out, '[');
	while (*(p += strspn(p, " \t")) != '\0') {
		size_t len = strcspn(p, " \t");
		char *word = xstrndup(p, len);

		buf_adds(out, first ? "" : ", ");
		json_add_string(out, word);
		free(word);
		first = false;
		p += len;
	}
	buf_addc(out, ']');
}

/* "name": value, for a string value or null. */
static void
json_member(struct buf *out, const char *name, const char *value)
{
	buf_addf(out, "%s\"%s\": ", out->len > 1 ? ", " : "", name);
	json_add_string(out, value);
}

/* One package as a member of the "packages" array. */
static void
json_item(struct buf *out, const struct publish_item *it)
{
	struct buf one = BUF_INIT;

	buf_addc(&one, '{');
	json_member(&one, "file", it->deb);
	json_member(&one, "package", it->info.package);
	json_member(&one, "version", it->info.version);
	json_member(&one, "architecture", it->info.architecture);
	json_member(&one, "sha256", it->sha256[0] ? it->sha256 : NULL);
	json_member(&one, "action", it->info.package ?
	    publish_judge_action_name(it->action) : NULL);
	json_member(&one, "reason", it->why);
	json_member(&one, "pool", it->pool);
	buf_addc(&one, '}');
	buf_adds(out, one.data);
	buf_release(&one);
}

/* The "publish" member of the document (wazo-plugin-deb-json(5)). */
static void
record(struct cli_result *result, const struct publish_result *r,
    const char *line)
{
	struct buf out = BUF_INIT;

	buf_addc(&out, '{');
	json_member(&out, "repository", r->repo);
	json_member(&out, "codename", r->codename);
	json_member(&out, "component", r->component);
	buf_adds(&out, ", \"architectures\": ");
	json_words(&out, r->architectures);
	buf_adds(&out, ", \"added_architectures\": ");
	json_words(&out, r->added_archs);
	json_member(&out, "signed_with", r->sign_with);
	json_member(&out, "key", r->key);
	json_member(&out, "source_line", line);
	buf_addf(&out, ", \"created\": %s, \"packages\": [",
	    r->created ? "true" : "false");
	for (size_t i = 0; i < r->nitems; i++) {
		buf_adds(&out, i ? ", " : "");
		json_item(&out, &r->items[i]);
	}
	buf_adds(&out, "]}");
	cli_result_add_member(result, "publish", out.data);
	buf_release(&out);
}

/* `word` quoted for a POSIX shell: in single quotes, each of its own
 * written '\''. The caller frees it. */
static char *
shell_quoted(const char *word)
{
	struct buf out = BUF_INIT;

	buf_addc(&out, '\'');
	for (const char *c = word; *c != '\0'; c++)
		if (*c == '\'')
			buf_adds(&out, "'\\''");
		else
			buf_addc(&out, *c);
	buf_addc(&out, '\'');
	return buf_detach(&out);
}

/* The report on standard output: each package, the repository, the
 * apt source line, and how servers reach it over HTTP. */
static void
print(const struct publish_result *r, const char *line)
{
	const char *key = r->sign_with ? "[signed-by=/etc/apt/keyrings/"
	    "wazo-plugins.gpg]" : "[trusted=yes]";
	char *quoted = shell_quoted(r->repo);

	for (size_t i = 0; i < r->nitems; i++) {
		const struct publish_item *it = &r->items[i];

		printf("%s: %s %s (%s): %s\n",
		    publish_judge_action_name(it->action), it->info.package,
		    it->info.version, it->info.architecture,
		    it->action == PUBLISH_UNCHANGED ? "the same file is "
		    "already in the repository" : it->pool ? it->pool : "");
	}
	printf("repository: %s (%s %s; architectures %s%s%s)\n", r->repo,
	    r->codename, r->component, r->architectures,
	    r->sign_with ? "; signed with " : "; unsigned",
	    r->sign_with ? r->sign_with : "");
	if (*r->added_archs != '\0')
		printf("architectures added:%s\n", r->added_archs);
	printf("apt source: %s\n", line);
	printf("over HTTP: serve %s with any web server (python3 -m "
	    "http.server -d %s 8080)%s%s%s, and use: deb %s http://HOST:8080/ "
	    "%s %s\n", r->repo, quoted, r->key ? ", copy " : "",
	    r->key ? r->key : "", r->key ? " to /etc/apt/keyrings/"
	    "wazo-plugins.gpg on the servers" : "", key, r->codename,
	    r->component);
	free(quoted);
}

/* The files the run wrote: the packages added, the key. */
static int
add_outputs(struct cli_result *result, const struct publish_result *r)
{
	struct err e = ERR_INIT;

	for (size_t i = 0; i < r->nitems; i++) {
		char *path;
		int rc;

		if (r->items[i].action != PUBLISH_ADDED ||
		    r->items[i].pool == NULL)
			continue;
		path = xasprintf("%s/%s", r->repo, r->items[i].pool);
		rc = cli_result_add_output(result, path, "deb", &e);
		free(path);
		if (rc < 0)
			return cli_report_err(&e);
	}
	if (r->key != NULL && cli_result_add_output(result, r->key, "file",
	    &e) < 0)
		return cli_report_err(&e);
	return STATUS_OK;
}

int
cmd_publish(const struct cli_run *run)
{
	const struct cli_args *a = run->args;
	struct publish_job job = {
		.repo = a->repo, .codename = a->codename,
		.component = a->component, .sign_with = a->sign_with,
		.debs = a->debs, .ndebs = a->ndebs,
		.step = cli_report_step, .warning = cli_report_warning,
		.ctx = NULL,
	};
	struct publish_result r;
	struct err e = ERR_INIT;
	char *line = NULL;
	int status;

	process_trap_signals();
	if (publish_run(&job, &r, &e) < 0) {
		status = cli_report_err(&e);
	} else {
		line = publish_source_line(&r);
		status = add_outputs(run->result, &r);
		if (!run->result->json && !run->result->quiet)
			print(&r, line);
	}
	if (r.nitems > 0)
		cli_result_set_package(run->result, r.items[0].info.package,
		    r.items[0].info.version, r.items[0].info.architecture);
	record(run->result, &r, line);
	free(line);
	publish_result_release(&r);
	return status;
}
