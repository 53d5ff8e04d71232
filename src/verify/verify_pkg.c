/* verify_pkg: a package file's name, version and Depends. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/process.h"
#include "base/xalloc.h"
#include "verify/verify_pkg.h"

/* A field of the package `deb`, read by dpkg-deb on the host; "" for an
 * absent field that may be. */
static char *
deb_field(const char *deb, const char *field, bool optional, struct err *e)
{
	char *argv[] = { "dpkg-deb", "--field", (char *)deb, (char *)field,
	    NULL };
	struct buf out = BUF_INIT;
	int status = process_probe(argv, NULL, NULL, &out, e);

	while (out.len > 0 && (out.data[out.len - 1] == '\n' ||
	    out.data[out.len - 1] == ' '))
		out.data[--out.len] = '\0';
	if (status == 0 && (out.len > 0 || optional))
		return out.len > 0 ? buf_detach(&out) :
		    (buf_release(&out), xstrdup(""));
	buf_release(&out);
	if (status >= 0)
		err_set(e, STATUS_USAGE, "%s: not a package dpkg-deb can read",
		    deb);
	return NULL;
}

int
verify_pkg_read(const char *deb, struct verify_pkg *p, struct err *e)
{
	memset(p, 0, sizeof(*p));
	p->file = deb;
	if ((p->name = deb_field(deb, "Package", false, e)) == NULL ||
	    (p->version = deb_field(deb, "Version", false, e)) == NULL ||
	    (p->depends = deb_field(deb, "Depends", true, e)) == NULL)
		return -1;
	return 0;
}

/* The file name of `path`, as the report shows a package. */
static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The dpkg command line of `action` (packages by path or by name), and
 * into *shown as the report shows it (packages by their file's name). */
char **
verify_pkg_dpkg_argv(const struct verify_pkg *pkgs, size_t npkgs,
    const char *ignore, enum verify_action action, char **shown)
{
	char **argv = xcalloc(npkgs + 4, sizeof(*argv));
	struct buf text = BUF_INIT;
	size_t n = 0;

	argv[n++] = xstrdup("dpkg");
	argv[n++] = xstrdup(action == VERIFY_REMOVE ? "--remove" : action == VERIFY_PURGE ?
	    "--purge" : "--install");
	buf_addf(&text, "dpkg %s", argv[1]);
	if (ignore != NULL && (action == VERIFY_INSTALL_NEW ||
	    action == VERIFY_INSTALL_OLD)) {
		argv[n++] = xasprintf("--ignore-depends=%s", ignore);
		buf_addf(&text, " %s", argv[n - 1]);
	}
	for (size_t i = 0; i < npkgs; i++) {
		bool old = action == VERIFY_INSTALL_OLD;

		if (old && i > 0)
			break;
		argv[n++] = xstrdup(old ? pkgs[npkgs].deb :
		    action == VERIFY_INSTALL_NEW ? pkgs[i].deb : pkgs[i].name);
		buf_addf(&text, " %s", old ? base_name(pkgs[npkgs].file) :
		    action == VERIFY_INSTALL_NEW ? base_name(pkgs[i].file) :
		    pkgs[i].name);
	}
	*shown = buf_detach(&text);
	return argv;
}

void
verify_pkg_free_argv(char **argv)
{
	for (size_t i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

void
verify_pkg_release(struct verify_pkg *p)
{
	free(p->name);
	free(p->version);
	free(p->depends);
	free(p->deb);
	memset(p, 0, sizeof(*p));
}
