/* source_file: opening a file of the plugin without leaving it: a
 * symbolic link on the way that points outside the source is refused,
 * never followed, so that no host file is read through the plugin. */
#ifndef WPD_SOURCE_FILE_H
#define WPD_SOURCE_FILE_H

#include "base/err.h"

/*
 * Opens `relative` (a path inside the plugin root `root`, which messages
 * name `shown_root`: "wazo/plugin.yml") for reading, resolving every
 * component beneath the root: symbolic links
 * that stay inside are followed, one that leads outside is refused
 * (STATUS_INVALID, naming the link and its target), and so is a regular
 * file with several hard links (another name of it may be outside the
 * plugin). Returns the file
 * descriptor (close-on-exec; the caller closes it), or -1 with `e` set;
 * when the file itself cannot be opened (missing, a loop...), `e` has
 * STATUS_SYSTEM and errno tells why.
 */
int source_file_open(const char *root, const char *shown_root,
    const char *relative, struct err *e);

#endif
