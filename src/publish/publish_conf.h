/* publish_conf: a repository's conf/distributions, which reprepro reads
 * (reprepro(1), "conf/distributions"): written on first use, read to
 * find the distribution a publish goes to, and given an architecture a
 * package needs. Text in, text out: the caller reads and writes the
 * file. */
#ifndef WPD_PUBLISH_CONF_H
#define WPD_PUBLISH_CONF_H

#include <stdbool.h>

#include "base/buf.h"

/* One distribution (stanza) of conf/distributions, its fields as
 * written (NULL when absent); owns them. */
struct publish_dist {
	char *codename;
	char *architectures;	/* "amd64 arm64" */
	char *components;	/* "main contrib" */
	char *sign_with;	/* a key, "yes", or NULL: unsigned */
};

/* The text of a new conf/distributions with one distribution: `codename`
 * holding `component`, for the architectures `archs` (words), signed with
 * `sign_with` (NULL: unsigned). The caller frees it. */
char *publish_conf_new(const char *codename, const char *component,
    const char *archs, const char *sign_with);
/* Finds the distribution `codename` in the text `conf` into `d` (release
 * it with publish_conf_dist_release()); false when there is none, and
 * then `names` (may be NULL) holds the codenames there are, separated
 * by ", ". */
bool publish_conf_find(const char *conf, const char *codename,
    struct publish_dist *d, struct buf *names);
void publish_conf_dist_release(struct publish_dist *d);
/* Whether the white-space separated `list` holds `word`. */
bool publish_conf_has_word(const char *list, const char *word);
/* Appends the words `more` (" arm64 armhf") to the Architectures line of
 * the distribution `codename` in `conf`; false when it has no such line
 * or is not there. */
bool publish_conf_add_archs(struct buf *conf, const char *codename,
    const char *more);

#endif
