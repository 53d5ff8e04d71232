/* archname: Debian architecture names, as dpkg knows them. */
#include <config.h>

#include <string.h>

#include "base/buf.h"
#include "base/process.h"
#include "plugin/archname.h"

/* True when `list` (one name a line) has a line that is `name`. */
static bool
list_has(const char *list, const char *name)
{
	size_t len = strlen(name);

	while (*list != '\0') {
		size_t line = strcspn(list, "\n");

		if (line == len && memcmp(list, name, len) == 0)
			return true;
		list += line;
		list += *list == '\n';
	}
	return false;
}

int
archname_known(const char *name, bool *known, struct err *e)
{
	char *argv[] = { "dpkg-architecture", "-L", NULL };
	struct buf out = BUF_INIT;
	int status = process_capture(argv, NULL, NULL, &out, e);

	*known = false;
	if (status > 0)
		err_set(e, STATUS_SYSTEM, "dpkg-architecture -L, asked for the "
		    "architectures dpkg knows, failed with exit status %d",
		    status);
	else if (status == 0)
		*known = list_has(out.data, name);
	buf_release(&out);
	return status == 0 ? 0 : -1;
}

/* The words `use` takes besides dpkg's architectures, and how a message
 * lists them. */
static const struct {
	const char *words[2];
	const char *listed;
} uses[] = {
	[ARCHNAME_BINARY] = { { "auto", "all" }, "auto, all" },
	[ARCHNAME_CONTROL] = { { "all", "any" }, "all, any" },
};

/* True when `value` may be an architecture name at all. */
static bool
looks_like_arch(const char *value)
{
	size_t len = strlen(value);

	return len > 0 &&
	    strspn(value, "abcdefghijklmnopqrstuvwxyz0123456789-") == len;
}

int
archname_check(const char *value, enum archname_use use, struct err *e)
{
	bool known = false;

	for (size_t i = 0; i < 2; i++)
		if (strcmp(value, uses[use].words[i]) == 0)
			return 0;
	if (looks_like_arch(value) && archname_known(value, &known, e) < 0)
		return -1;
	if (known)
		return 0;
	return err_set(e, STATUS_USAGE, "must be %s or an architecture that "
	    "dpkg knows (dpkg-architecture -L), not '%s'", uses[use].listed,
	    value);
}
