/* verify: a package's life with the real dpkg in a throwaway root. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/compiler.h"
#include "base/dirtree.h"
#include "base/file.h"
#include "base/xalloc.h"
#include "deb/debinfo.h"
#include "verify/throwroot.h"
#include "verify/verify.h"
#include "verify/verify_depends.h"
#include "verify/verify_pkg.h"

/* A step: what dpkg does, and so what state the packages must be in. */
struct step {
	const char *name;
	enum verify_action action;
};

/* The steps, in order; with --from, the older version first. */
static const struct step plain[] = {
	{ "install", VERIFY_INSTALL_NEW },
	{ "reinstall", VERIFY_INSTALL_NEW },
	{ "remove", VERIFY_REMOVE },
	{ "purge after remove", VERIFY_PURGE },
	{ "install again", VERIFY_INSTALL_NEW },
	{ "purge from installed", VERIFY_PURGE },
};
static const struct step from_old[] = {
	{ "install old", VERIFY_INSTALL_OLD },
	{ "upgrade", VERIFY_INSTALL_NEW },
	{ "downgrade", VERIFY_INSTALL_OLD },
	{ "upgrade again", VERIFY_INSTALL_NEW },
	{ "reinstall", VERIFY_INSTALL_NEW },
	{ "remove", VERIFY_REMOVE },
	{ "purge after remove", VERIFY_PURGE },
	{ "install again", VERIFY_INSTALL_NEW },
	{ "purge from installed", VERIFY_PURGE },
};

struct verify {
	struct verify_job job;
	struct throwroot root;
	struct verify_pkg *pkgs;	/* the DEBs', then --from's */
	size_t npkgs;		/* the DEBs' */
	const struct step *plan;
	size_t nsteps, next;
	struct verify_owned owned;
	struct dirtree_list last;	/* the upper layer after a step */
	struct dirtree_list base;	/* before the first, past Depends */
	struct verify_depends depends;	/* to satisfy first */
	bool depends_pending;		/* the step "dependencies" is next */
	char *ignore;		/* dpkg --ignore-depends=, or NULL */
	struct verify_trace_paths paths;	/* where the rules are */
};

/* The environment of dpkg in the root: a server's, the stand-ins first
 * in PATH, messages in English (what verify_standin reads). */
static char *const env_standins[] = {
	"PATH=" VERIFY_STANDIN_BIN ":/usr/local/sbin:/usr/local/bin:/usr/sbin:"
	"/usr/bin:/sbin:/bin", "HOME=/root", "LC_ALL=C.UTF-8",
	"DEBIAN_FRONTEND=noninteractive", NULL,
};
static char *const env_bare[] = {
	"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
	"HOME=/root", "LC_ALL=C.UTF-8", "DEBIAN_FRONTEND=noninteractive", NULL,
};

/* The Depends of every package (--from's too) that the packages
 * verified together do not satisfy themselves. */
static void
add_depends(struct verify *v)
{
	char **names = xcalloc(v->npkgs + 1, sizeof(*names));

	for (size_t i = 0; i < v->npkgs; i++)
		names[i] = v->pkgs[i].name;
	for (size_t i = 0; i < v->npkgs + (v->job.from != NULL); i++)
		verify_depends_add(&v->depends, v->pkgs[i].depends, names,
		    v->npkgs);
	v->depends_pending = v->depends.count > 0;
	free(names);
}

static int
read_pkgs(struct verify *v, struct err *e)
{
	const struct verify_job *j = &v->job;

	v->pkgs = xcalloc(j->ndebs + 1, sizeof(*v->pkgs));
	for (size_t i = 0; i < j->ndebs; i++, v->npkgs++) {
		if (verify_pkg_read(j->debs[i], &v->pkgs[i], e) < 0)
			return -1;
		for (size_t k = 0; k < i; k++)
			if (strcmp(v->pkgs[k].name, v->pkgs[i].name) == 0)
				return err_set(e, STATUS_USAGE, "%s and %s are "
				    "both %s: give one version (--from the "
				    "other)", j->debs[k], j->debs[i],
				    v->pkgs[i].name);
	}
	if (j->from != NULL) {
		size_t i = 0;

		if (verify_pkg_read(j->from, &v->pkgs[j->ndebs], e) < 0)
			return -1;
		while (i < j->ndebs &&
		    strcmp(v->pkgs[i].name, v->pkgs[j->ndebs].name) != 0)
			i++;
		if (i == j->ndebs)
			return err_set(e, STATUS_USAGE, "--from %s holds %s, "
			    "which none of the packages to verify is", j->from,
			    v->pkgs[j->ndebs].name);
	}
	add_depends(v);
	return 0;
}

/* The packages into the root, and the stand-ins unless bare. */
static int
fill_root(struct verify *v, struct err *e)
{
	size_t n = v->npkgs + (v->job.from != NULL);
	char *dir = throwroot_path(&v->root, VERIFY_STANDIN_DIR);
	char *debs = file_join(dir, "debs");
	int rc = 0;

	if ((mkdir(dir, 0755) < 0 && errno != EEXIST) || mkdir(debs, 0755) < 0)
		rc = err_errno(e, "cannot make %s", debs);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const char *from = i < v->npkgs ? v->job.debs[i] : v->job.from;

		v->pkgs[i].deb = xasprintf(VERIFY_STANDIN_DIR "/debs/%zu.deb",
		    i);
		rc = throwroot_put(&v->root, from, v->pkgs[i].deb, e);
	}
	free(dir);
	free(debs);
	if (rc == 0 && !v->job.bare)
		rc = verify_standin_install(&v->root, e);
	return rc;
}

int
verify_open(const struct verify_job *job, struct verify **out,
    struct err *e)
{
	struct verify *v = xcalloc(1, sizeof(*v));

	*out = v;
	v->job = *job;
	v->root.holder = -1;
	v->root.hold_fd = -1;
	v->owned.metadata_dir = job->metadata_dir;
	v->owned.backup_rules_dir = job->backup_rules_dir;
	v->paths.metadata_dir = job->metadata_dir;
	v->paths.backup_rules_dir = job->backup_rules_dir;
	v->plan = job->from ? from_old : plain;
	v->nsteps = job->from ? WPD_ARRAY_SIZE(from_old) :
	    WPD_ARRAY_SIZE(plain);
	if (read_pkgs(v, e) < 0 ||
	    throwroot_open(&v->root, job->network, e) < 0 ||
	    fill_root(v, e) < 0)
		return -1;
	if (dirtree_list(v->root.upper, &v->base, e) < 0)
		return -1;
	return dirtree_list(v->root.upper, &v->last, e);
}

const char *
verify_package(const struct verify *v)
{
	return v->npkgs > 0 ? v->pkgs[0].name : NULL;
}

const char *
verify_version(const struct verify *v)
{
	return v->npkgs > 0 ? v->pkgs[0].version : NULL;
}

const char *
verify_next(const struct verify *v)
{
	if (v->depends_pending)
		return "dependencies";
	return v->next < v->nsteps ? v->plan[v->next].name : NULL;
}

/* dpkg's environment in the root. */
static char *const *
env_of(const struct verify *v)
{
	return v->job.bare ? env_bare : env_standins;
}

/* Runs argv in the root with dpkg's environment. */
static int
run(const struct verify *v, char *const argv[], struct buf *out,
    struct err *e)
{
	return throwroot_run(&v->root, argv, env_of(v), out, e);
}

/* The state dpkg gives `p`: "ii 1.0", "rc 1.0", or "not-installed". */
static char *
query_state(const struct verify *v, const struct verify_pkg *p, struct err *e)
{
	char *argv[] = { "dpkg-query", "--show",
	    "--showformat=${db:Status-Abbrev}${Version}", p->name, NULL };
	struct buf out = BUF_INIT;
	int status = run(v, argv, &out, e);

	if (status < 0) {
		buf_release(&out);
		return NULL;
	}
	/* A purged package: dpkg knows it no more, or as "un"/"pn". */
	if (status != 0 || strncmp(out.data, "un", 2) == 0 ||
	    strncmp(out.data, "pn", 2) == 0) {
		buf_release(&out);
		return xstrdup("not-installed");
	}
	return buf_detach(&out);
}

/* The state each package must be in after `action`, or NULL when `got`
 * is it. */
static char *
wrong_state(const struct verify *v, size_t i, enum verify_action action,
    const char *got)
{
	const struct verify_pkg *p = &v->pkgs[i];
	const struct verify_pkg *old = v->job.from ? &v->pkgs[v->npkgs] : NULL;
	const char *want;

	if (action == VERIFY_REMOVE && (strncmp(got, "rc ", 3) == 0 ||
	    strcmp(got, "not-installed") == 0))
		return NULL;
	if (action == VERIFY_REMOVE)
		return xasprintf("%s is %s, not removed (rc)", p->name, got);
	if (action == VERIFY_PURGE)
		return strcmp(got, "not-installed") == 0 ? NULL :
		    xasprintf("%s is %s after purge, not gone", p->name, got);
	if (action == VERIFY_INSTALL_OLD && (old == NULL ||
	    strcmp(old->name, p->name) != 0))
		return NULL;
	want = action == VERIFY_INSTALL_OLD ? old->version : p->version;
	if (strncmp(got, "ii ", 3) == 0 && strcmp(got + 3, want) == 0)
		return NULL;
	return xasprintf("%s is %s, not ii %s", p->name, got, want);
}

/* The states into r->state, the file lists of the installed packages
 * into v->owned, and what is wrong with them into *wrong. */
static int
check_states(struct verify *v, enum verify_action action,
    struct verify_step_result *r, struct buf *wrong, struct err *e)
{
	struct buf states = BUF_INIT;

	for (size_t i = 0; i < v->npkgs; i++) {
		char *state = query_state(v, &v->pkgs[i], e);
		char *bad;

		if (state == NULL) {
			buf_release(&states);
			return -1;
		}
		buf_addf(&states, "%s%s %s", i ? "; " : "", v->pkgs[i].name,
		    state);
		if ((bad = wrong_state(v, i, action, state)) != NULL)
			buf_addf(wrong, "%s%s", wrong->len ? "; " : "", bad);
		if (strncmp(state, "ii", 2) == 0) {
			char *argv[] = { "dpkg-query", "--listfiles",
			    v->pkgs[i].name, NULL };
			struct buf list = BUF_INIT;

			if (run(v, argv, &list, e) == 0)
				verify_changes_own(&v->owned, list.data);
			buf_release(&list);
		}
		free(bad);
		free(state);
	}
	r->state = buf_detach(&states);
	return 0;
}

/* The stand-ins' log, emptied for the next step. */
static int
take_calls(const struct verify *v, struct buf *calls, struct err *e)
{
	char *log = throwroot_path(&v->root, VERIFY_STANDIN_LOG);
	int rc = 0;

	if (!v->job.bare && access(log, F_OK) == 0)
		rc = file_read(log, 1 << 20, calls, NULL, e);
	if (rc == 0 && !v->job.bare)
		rc = file_write_atomic(log, "", 0, 0666, e);
	free(log);
	return rc;
}

/* What the upper layer says of the step: its changes, and after a
 * purge what is left. */
static int
take_changes(struct verify *v, enum verify_action action,
    struct verify_step_result *r, struct err *e)
{
	struct dirtree_list now;

	if (dirtree_list(v->root.upper, &now, e) < 0) {
		dirtree_list_release(&now);
		return -1;
	}
	if (action == VERIFY_PURGE) {
		verify_changes_left(&now, &v->base, &v->owned, &r->changes,
		    &r->nchanges);
		verify_changes_drop_restored(v->root.upper, r->changes,
		    &r->nchanges);
	}
	else
		verify_changes_diff(&v->last, &now, &v->owned, &r->changes,
		    &r->nchanges);
	dirtree_list_release(&v->last);
	v->last = now;
	return 0;
}

/* The host's files an install changed or removed, outside the packages
 * (another package's configuration...): warnings, naming their package. */
static void
warn_host_changes(const struct verify *v, struct verify_step_result *r)
{
	for (size_t i = 0; i < r->nchanges; i++) {
		const struct verify_change *c = &r->changes[i];
		char *argv[] = { "dpkg-query", "--search", c->path, NULL };
		struct buf owner = BUF_INIT;
		struct err ignored = ERR_INIT;

		if (!verify_changes_of_host(c))
			continue;
		if (run(v, argv, &owner, &ignored) != 0 ||
		    strchr(owner.data, ':') == NULL) {
			err_release(&ignored);
			buf_reset(&owner);
			buf_adds(&owner, "no package");
		}
		buf_addf(&r->warnings, "%s %s %s (%.*s's), outside the "
		    "package\n", r->step, verify_changes_kind_name(c->kind),
		    c->path, (int)strcspn(owner.data, ":"), owner.data);
		buf_release(&owner);
	}
}

/* The step "dependencies": the packages' Depends installed by apt; the
 * upper layer after it is what the purges are judged against. */
static int
depends_step(struct verify *v, struct verify_step_result *r, struct err *e)
{
	struct verify_depends_result d;
	int rc;

	v->depends_pending = false;
	r->step = "dependencies";
	rc = verify_depends_satisfy(&v->root, env_of(v), &v->depends,
	    v->job.ignore_depends, &d, e);
	r->command = d.command, d.command = NULL;
	r->state = d.installed, d.installed = NULL;
	r->status = d.status;
	buf_add(&r->output, d.output.data, d.output.len);
	if (rc == 0 && d.status != 0)
		r->failure = verify_depends_failure(d.status,
		    d.output.data + d.satisfy_from, v->job.network);
	else if (rc == 0 && d.unmet.len > 0 && !v->job.ignore_depends)
		r->failure = xasprintf("cannot satisfy Depends: %.*s "
		    "(--ignore-depends goes on without)", (int)d.unmet.len - 1,
		    d.unmet.data);
	else if (rc == 0 && d.unmet.len > 0)
		buf_add(&r->skipped, d.unmet.data, d.unmet.len);
	if (rc == 0 && r->failure == NULL)
		v->ignore = d.ignore, d.ignore = NULL;
	for (char *c = r->failure; c != NULL && *c != '\0'; c++)
		*c = *c == '\n' ? ';' : *c;
	verify_depends_result_release(&d);
	if (rc < 0 || take_calls(v, &r->calls, e) < 0)
		return -1;
	dirtree_list_release(&v->last);
	dirtree_list_release(&v->base);
	if (dirtree_list(v->root.upper, &v->last, e) < 0)
		return -1;
	return dirtree_list(v->root.upper, &v->base, e);
}

int
verify_step(struct verify *v, struct verify_step_result *r, struct err *e)
{
	const struct step *s;
	char **argv;
	struct buf wrong = BUF_INIT;
	int rc = -1;

	verify_step_result_init(r);
	if (v->depends_pending)
		return depends_step(v, r, e);
	s = &v->plan[v->next++];
	argv = verify_pkg_dpkg_argv(v->pkgs, v->npkgs, v->ignore, s->action,
	    &r->command);
	r->step = s->name;
	r->status = verify_trace_run(&v->root, argv, env_of(v), &v->paths,
	    &r->output, &r->rules, e);
	if (r->status >= 0 && take_calls(v, &r->calls, e) == 0 &&
	    check_states(v, s->action, r, &wrong, e) == 0 &&
	    take_changes(v, s->action, r, e) == 0) {
		verify_standin_scan(r->output.data, &r->scan);
		r->failure = verify_step_judge(r, s->action == VERIFY_PURGE,
		    wrong.data);
		if (s->action == VERIFY_INSTALL_NEW ||
		    s->action == VERIFY_INSTALL_OLD)
			warn_host_changes(v, r);
		rc = 0;
	}
	buf_release(&wrong);
	verify_pkg_free_argv(argv);
	return rc;
}

char *
verify_keep(const struct verify *v, struct err *e)
{
	char *dir = dirtree_private_dir(e);

	if (dir != NULL && dirtree_copy(v->root.upper, dir, e) < 0) {
		free(dir);
		return NULL;
	}
	return dir;
}

void
verify_close(struct verify *v)
{
	if (v == NULL)
		return;
	throwroot_close(&v->root);
	for (size_t i = 0; v->pkgs != NULL && i <= v->job.ndebs; i++)
		verify_pkg_release(&v->pkgs[i]);
	free(v->pkgs);
	verify_depends_release(&v->depends);
	dirtree_list_release(&v->base);
	free(v->ignore);
	verify_changes_owned_release(&v->owned);
	dirtree_list_release(&v->last);
	free(v);
}
