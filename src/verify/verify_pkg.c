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
	if ((p->name = deb_field(deb, "Package", false, e)) == NULL ||
	    (p->version = deb_field(deb, "Version", false, e)) == NULL ||
	    (p->depends = deb_field(deb, "Depends", true, e)) == NULL)
		return -1;
	return 0;
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
