/* render: the package's control file and maintainer scripts, rendered
 * from the templates (the built-in ones or --template-dir). */
#ifndef WPD_RENDER_H
#define WPD_RENDER_H

#include <stdbool.h>

#include "base/buf.h"
#include "plugin/settings.h"
#include "base/err.h"
#include "template/tvalue.h"

enum render_file {
	RENDER_CONTROL,
	RENDER_POSTINST,
	RENDER_PRERM,
	RENDER_POSTRM,
	RENDER_FILE_COUNT,
};

/* The rendered files; release with render_release(). */
struct rendered {
	struct buf files[RENDER_FILE_COUNT];
};

/* "control", "postinst"...: the file's name in DEBIAN/. */
const char *render_file_name(enum render_file f);
/* 0644 for control, 0755 for the scripts. */
unsigned render_file_mode(enum render_file f);

/*
 * Renders the four templates with `context`. A template comes from the
 * config's template_dir when that holds it, else from the built-in set.
 * `finish` removes the #DEBHELPER# token, as dh_installdeb does when
 * there is nothing to put in its place. The control file is checked.
 * Returns 0, or -1 with `e` set (STATUS_USAGE for a template error,
 * STATUS_SYSTEM when a template cannot be read).
 */
int render_package(const struct settings *c, const struct tvalue *context,
    bool finish, struct rendered *out, struct err *e);

/* Writes the rendered files into the existing directory `dir`. */
int render_write(const struct rendered *r, const char *dir, struct err *e);

void render_release(struct rendered *r);

#endif
