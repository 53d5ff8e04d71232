/* cli_host: what the commands on this machine's plugins (install, list,
 * uninstall) share: reading the installed plugins with the run's
 * settings, and telling what a change did to them. */
#ifndef WPD_CLI_HOST_H
#define WPD_CLI_HOST_H

#include "base/buf.h"
#include "cli/cli_command.h"
#include "host/host_apt.h"
#include "host/host_plugins.h"

/* The plugins dpkg knows, with the prefix and metadata directory the
 * run's settings give; -1 with `e` set when they cannot be read. */
int cli_host_read(const struct cli_run *run, struct host_plugin_list *out,
    struct err *e);
/* The package of the plugin `ns`/`name`, as the settings name it. The
 * caller frees it. */
char *cli_host_package(const struct cli_run *run, const char *ns,
    const char *name);
/* Appends to the JSON array begun in `out` (holding "[" and the objects
 * so far) one more object: the `n` members `names` with the strings
 * `values` (NULL: null), then `tail` (more members, written as they are:
 * ", \"k\": true"; or ""). */
void cli_host_json_object(struct buf *out, const char *const *names,
    const char *const *values, size_t n, const char *tail);

/*
 * Runs apt-get as `job` says, then reads the plugins into `after` and
 * tells what changed since `before`, also when apt-get failed, which may
 * have changed some: on stdout a line a plugin (installed, upgraded,
 * downgraded, reinstalled, removed, purged), or that nothing changed; in
 * the record, the member "changes" (wazo-plugin-deb-json(5)).
 * `reinstalled` names the package asked to be installed again (same
 * version), or NULL.
 * Returns 0, or -1 with `e` set: apt-get's failure first, else the
 * reading's.
 */
int cli_host_apply(const struct cli_run *run, const struct host_apt_job *job,
    const char *reinstalled, const struct host_plugin_list *before,
    struct host_plugin_list *after, struct err *e);

#endif
