/* publish_repo: reprepro, asked and told. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/process.h"
#include "base/xalloc.h"
#include "publish/publish_repo.h"

#define TRIES_TEXT(n) #n
#define TRIES(n) TRIES_TEXT(n)

/* reprepro's last words when it failed, which say nothing of why. */
#define GENERIC_FAILURE "There have been errors!"

/* Whether the line at `line` (ending at a newline or the end) is worth
 * showing: not empty, not GENERIC_FAILURE. */
static bool
telling(const char *line)
{
	size_t len = strcspn(line, "\n");

	return len > 0 && !(len == strlen(GENERIC_FAILURE) &&
	    strncmp(line, GENERIC_FAILURE, len) == 0);
}

/* The line of reprepro's messages worth showing: its first telling one
 * that says "rror", else its first telling one. */
static void
add_messages(struct buf *msg, const char *text)
{
	const char *first = NULL, *chosen = NULL;

	for (const char *line = text; *line != '\0' && chosen == NULL;) {
		const char *end = line + strcspn(line, "\n");

		if (telling(line)) {
			if (first == NULL)
				first = line;
			if (memmem(line, (size_t)(end - line), "rror", 4))
				chosen = line;
		}
		line = *end == '\n' ? end + 1 : end;
	}
	if (chosen == NULL)
		chosen = first;
	if (chosen != NULL)
		buf_addf(msg, ": %.*s", (int)strcspn(chosen, "\n"), chosen);
}

/* Runs reprepro's command `what` on `dir` with `args` (NULL-terminated,
 * the command among them), its standard output into `out` (NULL: left
 * out, as its progress lines are); its messages go into the error. */
static int
reprepro(const char *dir, const char *what, const char *const *args,
    struct buf *out, struct err *e)
{
	size_t nargs = 0, n = 0;
	const char **argv;
	struct buf errout = BUF_INIT, msg = BUF_INIT, progress = BUF_INIT;
	int status;

	while (args[nargs] != NULL)
		nargs++;
	argv = xcalloc(nargs + 6, sizeof(*argv));
	argv[n++] = "reprepro";
	argv[n++] = "--basedir";
	argv[n++] = dir;
	argv[n++] = "--waitforlock";
	argv[n++] = TRIES(PUBLISH_REPO_LOCK_TRIES);
	for (size_t i = 0; i < nargs; i++)
		argv[n++] = args[i];
	status = process_capture_err((char *const *)argv, NULL, NULL,
	    out ? out : &progress, &errout, e);
	if (status > 0 && process_check_interrupted(e) < 0) {
		/* Its error is the signal's. */
	} else if (status > 0) {
		buf_addf(&msg, "reprepro %s failed (exit status %d) in %s",
		    what, status, dir);
		add_messages(&msg, errout.data);
		err_set(e, STATUS_SYSTEM, "%s", msg.data);
		buf_release(&msg);
	}
	buf_release(&errout);
	buf_release(&progress);
	free(argv);
	return status == 0 ? 0 : -1;
}

/* The next line of `*p` split on tabs or blanks into at most `max`
 * words (pointing into the line, which is cut); how many there are. */
static size_t
split_line(char **p, char **words, size_t max, const char *seps)
{
	char *line = *p, *nl = strchr(line, '\n');
	size_t n = 0;

	if (nl != NULL)
		*nl = '\0';
	*p = nl ? nl + 1 : line + strlen(line);
	while (n < max && *line != '\0') {
		line += strspn(line, seps);
		if (*line == '\0')
			break;
		words[n++] = line;
		line += strcspn(line, seps);
		if (*line != '\0')
			*line++ = '\0';
	}
	return n;
}

int
publish_repo_files(const char *dir, struct publish_repo_file **files,
    size_t *count, struct err *e)
{
	static const char *const args[] = { "_listchecksums", NULL };
	struct buf out = BUF_INIT;
	char *p;

	*files = NULL;
	*count = 0;
	if (reprepro(dir, "_listchecksums", args, &out, e) < 0) {
		buf_release(&out);
		return -1;
	}
	/* "pool/... :1:SHA1 :2:SHA256 MD5 SIZE" */
	for (p = out.data; *p != '\0';) {
		char *w[6];
		size_t n = split_line(&p, w, 6, " ");

		for (size_t i = 1; i < n; i++) {
			if (strncmp(w[i], ":2:", 3) != 0)
				continue;
			*files = xreallocarray(*files, *count + 1,
			    sizeof(**files));
			(*files)[*count].path = xstrdup(w[0]);
			(*files)[(*count)++].sha256 = xstrdup(w[i] + 3);
		}
	}
	buf_release(&out);
	return 0;
}

void
publish_repo_files_free(struct publish_repo_file *files, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(files[i].path);
		free(files[i].sha256);
	}
	free(files);
}

const struct publish_repo_file *
publish_repo_files_find(const struct publish_repo_file *files, size_t count,
    const char *basename)
{
	for (size_t i = 0; i < count; i++) {
		const char *slash = strrchr(files[i].path, '/');

		if (strcmp(slash ? slash + 1 : files[i].path, basename) == 0)
			return &files[i];
	}
	return NULL;
}

int
publish_repo_list(const char *dir, const char *codename,
    const char *component, const char *const *names, size_t nnames,
    struct publish_repo_entry **entries, size_t *count, struct err *e)
{
	struct buf formula = BUF_INIT, out = BUF_INIT;
	const char *args[] = { "--component", component, "--list-format",
	    "${package}\t${$architecture}\t${version}\t${Filename}\n",
	    "listfilter", codename, NULL, NULL };
	char *p;
	int rc;

	*entries = NULL;
	*count = 0;
	for (size_t i = 0; i < nnames; i++)
		buf_addf(&formula, "%sPackage (== %s)", i ? " | " : "",
		    names[i]);
	args[6] = formula.data;
	rc = reprepro(dir, "listfilter", args, &out, e);
	for (p = out.data; rc == 0 && *p != '\0';) {
		char *w[4];
		struct publish_repo_entry *x;

		if (split_line(&p, w, 4, "\t") != 4)
			continue;
		*entries = xreallocarray(*entries, *count + 1,
		    sizeof(**entries));
		x = &(*entries)[(*count)++];
		x->package = xstrdup(w[0]);
		x->architecture = xstrdup(w[1]);
		x->version = xstrdup(w[2]);
		x->filename = xstrdup(w[3]);
	}
	buf_release(&formula);
	buf_release(&out);
	return rc;
}

void
publish_repo_entries_free(struct publish_repo_entry *entries, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(entries[i].package);
		free(entries[i].architecture);
		free(entries[i].version);
		free(entries[i].filename);
	}
	free(entries);
}

int
publish_repo_include(const char *dir, const char *codename,
    const char *component, const char *const *debs, size_t ndebs,
    struct err *e)
{
	const char **args = xcalloc(ndebs + 5, sizeof(*args));
	size_t n = 0;
	int rc;

	args[n++] = "--component";
	args[n++] = component;
	args[n++] = "includedeb";
	args[n++] = codename;
	for (size_t i = 0; i < ndebs; i++)
		args[n++] = debs[i];
	rc = reprepro(dir, "includedeb", args, NULL, e);
	free(args);
	return rc;
}

int
publish_repo_flood(const char *dir, const char *codename, struct err *e)
{
	const char *const args[] = { "flood", codename, NULL };

	return reprepro(dir, "flood", args, NULL, e);
}
