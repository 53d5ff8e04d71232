/* plugin_stamp: the version a build gives a plugin instead of its own
 * (--version, --version-suffix: 1.2.0+ci.42), and the plugin.yml that
 * says it, every other byte kept. */
#ifndef WPD_PLUGIN_STAMP_H
#define WPD_PLUGIN_STAMP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"
#include "plugin/plugin.h"

/*
 * Gives `p` the version `version` (or its own when NULL) followed by
 * `suffix` (when not NULL); nothing when both are NULL. The result must be
 * a Debian version: else -1 with `e` set (STATUS_USAGE) to a message
 * naming the option at fault. p->version.text then points to the new
 * version (owned by `p`) everywhere it is read: the template context,
 * the changelog, debian/changelog, the .deb's name.
 */
int plugin_stamp_version(struct plugin *p, const char *version,
    const char *suffix, struct err *e);

/* True when plugin_stamp_version() gave `p` a version of its own. */
bool plugin_stamp_changed(const struct plugin *p);

/*
 * Writes into `out` (initialized here) the `len` bytes of the plugin.yml
 * `data` with the top-level version's value replaced by `version`, a
 * valid Debian version: the other bytes as they were, an anchor on the
 * value kept, a tag dropped (the new value is text); written plain when
 * PyYAML would read it as text, else in the value's quotes (single quotes
 * for a plain or block value). -1 with `e` set (STATUS_INVALID) when the
 * YAML cannot be read or has no top-level scalar version.
 */
int plugin_stamp_yaml(const char *data, size_t len, const char *version,
    struct buf *out, struct err *e);

#endif
