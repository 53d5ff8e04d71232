/* publish_key: the repository's signing key, through gpg. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/file.h"
#include "base/process.h"
#include "publish/publish_key.h"

/* How many lines of gpg's --with-colons listing `out` start "sec:". */
static size_t
count_secret(const char *out)
{
	size_t n = 0;

	for (const char *p = out; p != NULL && *p != '\0';) {
		if (strncmp(p, "sec:", 4) == 0)
			n++;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return n;
}

int
publish_key_check(const char *keyid, struct err *e)
{
	char *argv[] = { "gpg", "--batch", "--with-colons",
	    "--list-secret-keys", "--", (char *)keyid, NULL };
	struct buf out = BUF_INIT;
	int status = process_probe(argv, NULL, NULL, &out, e);
	size_t n = count_secret(out.data);

	buf_release(&out);
	if (status < 0)
		return -1;
	if (status == 0 && n == 1)
		return 0;
	if (n > 1)
		return err_set(e, STATUS_USAGE, "--sign-with %s names %zu "
		    "secret keys of gpg: name one (its fingerprint)", keyid, n);
	return err_set(e, STATUS_USAGE, "--sign-with %s: gpg has no such "
	    "secret key (gpg --list-secret-keys; GNUPGHOME=%s)", keyid,
	    getenv("GNUPGHOME") ? getenv("GNUPGHOME") : "~/.gnupg");
}

int
publish_key_export(const char *keyid, const char *path, struct err *e)
{
	char *argv[] = { "gpg", "--batch", "--export", "--export-options",
	    "export-minimal", "--", (char *)keyid, NULL };
	struct buf out = BUF_INIT, errout = BUF_INIT;
	int status = process_capture_err(argv, NULL, NULL, &out, &errout, e);
	int rc = -1;

	if (status > 0 || (status == 0 && out.len == 0))
		err_set(e, STATUS_SYSTEM, "gpg --export %s failed (exit status "
		    "%d): %.*s", keyid, status, (int)strcspn(errout.data, "\n"),
		    errout.data);
	else if (status == 0)
		rc = file_write_atomic(path, out.data, out.len, 0644, e);
	buf_release(&out);
	buf_release(&errout);
	return rc;
}
