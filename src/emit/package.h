/* package: what the tree and build emitters share: the templates,
 * rendered once before any rule runs; the description of the package's
 * files that the payload pass goes over; and the control fields set after
 * that pass, as dpkg-gencontrol sets the fields it computes. */
#ifndef WPD_PACKAGE_H
#define WPD_PACKAGE_H

#include "base/err.h"
#include "deb/md5sums.h"
#include "deb/payload.h"
#include "plugin/plugin.h"
#include "plugin/settings.h"
#include "render/render.h"
#include "source/source.h"

/*
 * Renders the four templates, finished (no #DEBHELPER#), and checks the
 * control file; `arch` is the architecture templates see. installed_size
 * is defined, as 0, so that a template printing the field under `{% if
 * installed_size is defined %}` keeps it: package_set_fields() sets its
 * value. Release `out` with render_release(). Returns 0, or -1 with `e`
 * set (STATUS_USAGE: a template is at fault).
 */
int package_render(const struct source *src, const struct plugin *p,
    const struct settings *c, const char *arch, struct rendered *out,
    struct err *e);

/* The package's files: what the rules staged, at the root; the
 * plugin's wazo/ directory at its metadata path (as wazo-plugind copies
 * it after `rules package`); and, when the build stamped a version, the
 * plugin.yml that says it laid over wazo/'s (plugin_stamp.h). */
enum { PACKAGE_SOURCES = 3 };
struct package_payload {
	struct payload_source sources[PACKAGE_SOURCES];
	size_t count;		/* the sources in use */
	char *wazo;		/* owned: the plugin's wazo/ */
	char *metadata;		/* owned: the metadata path, with its '/' */
	char *stamped;		/* owned: the stamped plugin.yml's directory */
};

/*
 * Describes the package staged in `staging` (borrowed: it must outlive
 * `pp`); a stamped plugin.yml is written into the work directory
 * `scratch`, with the mode and time of the plugin's own. Returns 0, or -1
 * with `e` set. Release `pp` with package_payload_release() in both
 * cases.
 */
int package_payload_init(struct package_payload *pp, const struct source *src,
    const struct plugin *p, const struct settings *c, const char *staging,
    const char *scratch, struct err *e);
void package_payload_release(struct package_payload *pp);

/* The payload pass's warnings about `files`, each handed to `warning`
 * (when not NULL) with `ctx`; with `strict`, the first one is an error
 * instead (STATUS_INVALID). Returns 0, or -1 with `e` set. */
int package_payload_warnings(const struct payload_result *files, bool strict,
    void (*warning)(const char *message, void *ctx), void *ctx,
    struct err *e);

/*
 * DEBIAN/conffiles, into `out` (initialized here; the caller releases
 * it): empty unless the conffiles setting is etc; then every regular file
 * under /etc, one absolute path a line, sorted, as dh_installdeb lists
 * them, taken from the payload pass's `files`.
 */
void package_conffiles(const struct settings *c,
    const struct payload_result *files, struct buf *out);

/* DEBIAN/md5sums of the payload pass's `files` (md5sums.h): every
 * regular file but the conffiles, as dh_md5sums leaves them out. */
struct md5sums package_md5sums(const struct settings *c,
    const struct payload_result *files);

/* What DEBIAN/ adds to Installed-Size, as dpkg-gencontrol counts it: the
 * directory, the maintainer scripts and `conffiles` when not empty (the
 * control file and md5sums come after it). */
long long package_debian_kib(const struct rendered *r,
    const struct buf *conffiles);

/*
 * Sets, in the rendered control file, Installed-Size to `installed_kib`
 * (when the template has that field) and, unless `arch` is NULL,
 * Architecture to `arch`.
 */
void package_set_fields(struct rendered *r, long long installed_kib,
    const char *arch);

/*
 * The .deb's file name, PACKAGE_VERSION_ARCH.deb, as dpkg-deb --build
 * names it: from the checked control file's Package, Version (without
 * its epoch) and Architecture, as the templates rendered them and
 * package_set_fields() set them. The caller frees it.
 */
char *package_deb_name(const struct rendered *r);

#endif
