/* deb822: reading fields of a Debian control paragraph (deb822(5)): a
 * control file, a stanza of a repository's conf/distributions. */
#ifndef WPD_DEB822_H
#define WPD_DEB822_H

/* The line where field `name` (compared without case) starts in `text`,
 * or NULL; `text` is one paragraph, or the first one holding it. */
const char *deb822_find(const char *text, const char *name);
/* The value of field `name` in `text` (its lines, a folded field's
 * joined by one space, without the blanks around them), or NULL; the
 * caller frees it. */
char *deb822_field(const char *text, const char *name);

#endif
