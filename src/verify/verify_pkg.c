/* verify_pkg: a package file's name, version and Depends. */
#include <config.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/deb822.h"
#include "base/xalloc.h"
#include "deb/debinfo.h"
#include "verify/verify_pkg.h"

int
verify_pkg_read(const char *deb, struct verify_pkg *p, struct err *e)
{
	struct debinfo info;
	int rc = debinfo_read(deb, &info, e);

	memset(p, 0, sizeof(*p));
	p->file = deb;
	if (rc == 0) {
		p->name = info.package;
		p->version = info.version;
		p->depends = deb822_field(info.control, "Depends");
		if (p->depends == NULL)
			p->depends = xstrdup("");
		info.package = info.version = NULL;
	}
	debinfo_release(&info);
	return rc;
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
	argv[n++] = xstrdup(action == VERIFY_REMOVE ? "--remove" :
	    action == VERIFY_PURGE ? "--purge" : "--install");
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
