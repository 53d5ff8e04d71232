/* debfile: the .deb container (deb(5)): an ar archive, written with
 * libarchive as dpkg-deb lays it out, holding debian-binary,
 * control.tar.<ext> and data.tar.<ext>. */
#ifndef WPD_DEBFILE_H
#define WPD_DEBFILE_H

#include <time.h>

#include "deb/compress.h"
#include "base/err.h"
#include "render/render.h"

/* Writes control.tar.<ext> into `fd`: ./control, ./md5sums (when not
 * empty) and the maintainer scripts. */
int debfile_control_tar(int fd, const struct rendered *r, const char *md5sums,
    const struct compress_options *o, time_t mtime, struct err *e);

/* Writes the ar archive into `out`: debian-binary, then the members read
 * from `control_fd` and `data_fd` (from their start). */
int debfile_write(int out, int control_fd, int data_fd,
    enum compression kind, time_t mtime, struct err *e);

#endif
