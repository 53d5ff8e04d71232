/* source_redact: credentials taken out of source locations. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "source/source_redact.h"

/* Where the authority that starts at `p` (just after "://") ends: at the
 * path, query, fragment, white space, a quote or the end. */
static const char *
authority_end(const char *p)
{
	return p + strcspn(p, "/?#\\ \t\r\n'\"<>`");
}

/* The user information's end ('@', the last one of the authority), or
 * NULL when the authority from `p` to `end` has none. */
static const char *
userinfo_end(const char *p, const char *end)
{
	const char *at = NULL;

	for (; p < end; p++)
		if (*p == '@')
			at = p;
	return at;
}

char *
source_redact(const char *text)
{
	struct buf out = BUF_INIT;
	const char *p = text, *scheme;

	while ((scheme = strstr(p, "://")) != NULL) {
		const char *host = scheme + 3;
		const char *end = authority_end(host);
		const char *at = userinfo_end(host, end);

		buf_add(&out, p, (size_t)(host - p));
		if (at != NULL) {
			buf_adds(&out, "***");
			host = at;
		}
		buf_add(&out, host, (size_t)(end - host));
		p = end;
	}
	buf_adds(&out, p);
	return buf_detach(&out);
}

bool
source_redact_needed(const char *text)
{
	char *redacted = source_redact(text);
	bool needed = strcmp(redacted, text) != 0;

	free(redacted);
	return needed;
}
