/* cli_result: the record of one run of a command. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/compiler.h"
#include "base/dirtree.h"
#include "base/file.h"
#include "base/filehash.h"
#include "base/xalloc.h"
#include "cli/cli_result.h"
#include "source/source_redact.h"
#include "base/deb822.h"

/*
 * The steps, by the progress key the stages and commands call them by
 * (and, when it matters, the command): their name in the reports and
 * what the log says they do. A step the log does not name is one too
 * short to be worth a line.
 */
static const struct step_kind {
	const char *key;
	const char *command;	/* NULL: any */
	const char *name;
	const char *what;
	bool rules;
	bool shown;
} step_kinds[] = {
	{ "options", NULL, "command line",
	  "reading the options and the configuration", false, false },
	{ "opening", NULL, "open source", "opening the plugin source",
	  false, true },
	{ "validating", NULL, "validate",
	  "checking wazo/plugin.yml and wazo/rules", false, true },
	{ "rendering", NULL, "render",
	  "rendering the control file and maintainer scripts", false, true },
	{ "building", NULL, "rules build",
	  "running wazo/rules build (its output follows)", true, true },
	{ "packaging", NULL, "rules package",
	  "running wazo/rules package into the staging root (its output "
	  "follows)", true, true },
	{ "compressing", NULL, "compress",
	  "writing data.tar and control.tar", false, true },
	{ "writing", "build", "write .deb", "writing the .deb", false, true },
	{ "writing", "install", "write .deb", "writing the .deb", false, true },
	{ "host", NULL, "check host",
	  "checking for root, dpkg's lock and the installed plugins", false,
	  true },
	{ "apt-get", NULL, "apt-get", "running apt-get (its output follows)",
	  false, true },
	{ "dpkg-query", NULL, "read dpkg database",
	  "reading the installed plugins from dpkg's database", false, false },
	{ "writing", "tree", "write tree",
	  "writing the package tree and DEBIAN/", false, true },
	{ "writing", "render", "write DEBIAN",
	  "writing DEBIAN/ with the control file and scripts", false, true },
	{ "debianizing", NULL, "write debian/",
	  "writing debian/ for dpkg-buildpackage", false, true },
	{ "reading", "publish", "read packages",
	  "reading and checking the packages", false, false },
	{ "locking", "publish", "lock repository",
	  "taking the repository's lock (other publishes into it first)",
	  false, true },
	{ "publishing", "publish", "reprepro",
	  "adding the packages with reprepro, which writes and signs the "
	  "indices", false, true },
	{ "exporting key", "publish", "export key",
	  "exporting the public key of the signatures", false, false },
	{ "preparing", "verify", "throwaway root",
	  "making the throwaway root with the packages and stand-ins", false,
	  true },
	{ "dependencies", "verify", "dependencies",
	  "apt-get satisfy of the packages' Depends in the root", false,
	  true },
	{ "install", "verify", "install", "dpkg --install", false, true },
	{ "install old", "verify", "install old",
	  "dpkg --install of the older version", false, true },
	{ "upgrade", "verify", "upgrade",
	  "dpkg --install of the new version over the old", false, true },
	{ "downgrade", "verify", "downgrade",
	  "dpkg --install of the older version over the new", false, true },
	{ "upgrade again", "verify", "upgrade again",
	  "dpkg --install of the new version again", false, true },
	{ "reinstall", "verify", "reinstall",
	  "dpkg --install of the same version", false, true },
	{ "remove", "verify", "remove", "dpkg --remove", false, true },
	{ "purge after remove", "verify", "purge after remove",
	  "dpkg --purge of the removed packages", false, true },
	{ "install again", "verify", "install again",
	  "dpkg --install after the purge", false, true },
	{ "purge from installed", "verify", "purge from installed",
	  "dpkg --purge of the installed packages", false, true },
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
cli_result_init(struct cli_result *r, const char *command)
{
	memset(r, 0, sizeof(*r));
	r->command = command;
	r->valid = -1;
	r->diags = (struct diag_list)DIAG_LIST_INIT;
	buf_init(&r->extra);
	r->started = now();
}

double
cli_result_elapsed(const struct cli_result *r)
{
	return now() - r->started;
}

static const struct step_kind *
find_kind(const struct cli_result *r, const char *key)
{
	for (size_t i = 0; i < WPD_ARRAY_SIZE(step_kinds); i++) {
		const struct step_kind *k = &step_kinds[i];

		if (strcmp(k->key, key) == 0 && (k->command == NULL ||
		    strcmp(k->command, r->command) == 0))
			return k;
	}
	return NULL;
}

const struct cli_step *
cli_result_running(const struct cli_result *r)
{
	if (r->nsteps == 0 || r->steps[r->nsteps - 1].ended)
		return NULL;
	return &r->steps[r->nsteps - 1];
}

struct cli_step *
cli_result_step_end(struct cli_result *r, bool ok)
{
	struct cli_step *s;

	if (cli_result_running(r) == NULL)
		return NULL;
	s = &r->steps[r->nsteps - 1];
	s->ended = true;
	s->ok = ok;
	s->seconds = now() - s->start;
	return s;
}

struct cli_step *
cli_result_step_begin(struct cli_result *r, const char *key)
{
	const struct step_kind *k = find_kind(r, key);
	struct cli_step *s;

	cli_result_step_end(r, true);
	r->steps = xreallocarray(r->steps, r->nsteps + 1, sizeof(*r->steps));
	s = &r->steps[r->nsteps++];
	memset(s, 0, sizeof(*s));
	s->name = k != NULL ? k->name : key;
	s->what = k != NULL ? k->what : NULL;
	s->rules = k != NULL && k->rules;
	s->shown = k == NULL || k->shown;
	s->start = now();
	return s;
}

void
cli_result_step_output(struct cli_result *r, const char *text)
{
	struct cli_step *s = r->nsteps > 0 && !r->steps[r->nsteps - 1].ended ?
	    &r->steps[r->nsteps - 1] : NULL;
	char *joined;

	if (s == NULL)
		return;
	joined = xasprintf("%s%s", s->output ? s->output : "", text);
	free(s->output);
	s->output = joined;
}

void
cli_result_set_error(struct cli_result *r, const char *message)
{
	const struct cli_step *s = cli_result_running(r);

	if (r->error != NULL)
		return;
	r->error = xstrdup(message);
	r->error_step = s != NULL ? s->name : NULL;
}

static void
copy_diag(struct diag_list *to, const struct diag *d)
{
	diag_add(to, d->severity, d->path, d->pos, d->key, "%s", d->message);
}

void
cli_result_add_diags(struct cli_result *r, const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++)
		copy_diag(&r->diags, &diags->items[i]);
}

void
cli_result_add_warning(struct cli_result *r, const char *message)
{
	/* No file: a path of "" stands for none (the document says null). */
	diag_add(&r->diags, DIAG_WARNING, "", (struct diag_pos){ 0, 0 }, NULL,
	    "%s", message);
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
cli_result_set_source(struct cli_result *r,
    const struct source_request *request, const struct source *src)
{
	free(r->source_location);
	free(r->source_subdirectory);
	free(r->source_ref);
	free(r->source_commit);
	r->have_source = true;
	/* The source as messages show it: the place to hide what a reader
	 * of the reports must not see. */
	r->source_location = src != NULL && src->display != NULL ?
	    xstrdup(src->display) : source_redact(request->spec ? request->spec :
	    ".");
	r->source_subdirectory = dup_or_null(request->subdirectory);
	r->source_ref = dup_or_null(request->ref);
	r->source_commit = src != NULL ? dup_or_null(src->commit) : NULL;
	r->source_kind = NULL;
	if (src != NULL)
		r->source_kind = src->commit != NULL ? "git" :
		    src->work.path != NULL ? "archive" : "directory";
}

void
cli_result_set_package(struct cli_result *r, const char *name,
    const char *version, const char *architecture)
{
	/* The new values may be the old ones. */
	char *n = dup_or_null(name), *v = dup_or_null(version);
	char *a = dup_or_null(architecture);

	free(r->package);
	free(r->version);
	free(r->architecture);
	r->package = n;
	r->version = v;
	r->architecture = a;
}

void
cli_result_set_package_control(struct cli_result *r, const char *text)
{
	char *name = deb822_field(text, "Package");
	char *version = deb822_field(text, "Version");
	char *arch = deb822_field(text, "Architecture");

	cli_result_set_package(r, name, version, arch);
	free(name);
	free(version);
	free(arch);
}

int
cli_result_add_output(struct cli_result *r, const char *path,
    const char *kind, struct err *e)
{
	struct filehash h;
	struct cli_output *o;

	/* Only the JSON document lists the outputs: without it, the file
	 * (a whole .deb, or a tree) is not read again to hash it. */
	if (!r->json)
		return 0;
	if (filehash_file(path, &h, e) < 0)
		return -1;
	r->outputs = xreallocarray(r->outputs, r->noutputs + 1,
	    sizeof(*r->outputs));
	o = &r->outputs[r->noutputs++];
	o->path = xstrdup(path);
	o->kind = kind;
	o->size = h.size;
	memcpy(o->sha256, h.sha256, sizeof(o->sha256));
	memcpy(o->md5, h.md5, sizeof(o->md5));
	return 0;
}

int
cli_result_add_tree(struct cli_result *r, const char *dir, struct err *e)
{
	struct dirtree_list l;
	int rc;

	if (!r->json)
		return 0;
	rc = dirtree_list(dir, &l, e);
	for (size_t i = 0; rc == 0 && i < l.count; i++) {
		char *path;

		if (!S_ISREG(l.entries[i].st.st_mode))
			continue;
		path = file_join(dir, l.entries[i].path);
		rc = cli_result_add_output(r, path, "file", e);
		free(path);
	}
	dirtree_list_release(&l);
	return rc;
}

void
cli_result_add_member(struct cli_result *r, const char *name,
    const char *json)
{
	buf_addf(&r->extra, ", \"%s\": %s", name, json);
}

void
cli_result_finish(struct cli_result *r, int status)
{
	cli_result_step_end(r, status == 0);
	r->exit_code = status;
	r->finished = true;
}

char *
cli_result_report_path(const char *path)
{
	char *cwd = getcwd(NULL, 0);
	size_t len = cwd != NULL ? strlen(cwd) : 0;
	const char *rel = path;

	if (cwd != NULL && path[0] == '/' && strncmp(path, cwd, len) == 0 &&
	    path[len] == '/')
		rel = path + len + 1;
	while (strncmp(rel, "./", 2) == 0)
		rel += 2;
	free(cwd);
	return xstrdup(rel);
}

void
cli_result_release(struct cli_result *r)
{
	free(r->error);
	diag_list_release(&r->diags);
	free(r->source_location);
	free(r->source_subdirectory);
	free(r->source_ref);
	free(r->source_commit);
	free(r->package);
	free(r->version);
	free(r->architecture);
	for (size_t i = 0; i < r->noutputs; i++)
		free(r->outputs[i].path);
	free(r->outputs);
	for (size_t i = 0; i < r->nsteps; i++)
		free(r->steps[i].output);
	free(r->steps);
	buf_release(&r->extra);
}
