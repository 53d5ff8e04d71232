/* treewriter: a package tree, written by the payload pass (payload.h):
 * the entries of the staging root itself are in place already; the
 * others (the plugin's wazo/ at its metadata path) are put in place
 * below it, replacing what is there, with their modes and times. */
#ifndef WPD_TREEWRITER_H
#define WPD_TREEWRITER_H

#include "base/err.h"
#include "deb/payload.h"

/*
 * Runs the payload pass over `sources` into the tree at `root`: a source
 * whose root is `root` with the prefix "" is in place; made-up parent
 * directories are created (0755) when missing. Entries put in place keep
 * their modes and times (to the second); directories get theirs once
 * filled, so a read-only one is no obstacle. Nothing is written through
 * a symbolic link. Release `out` with payload_result_release() after
 * use, also after an error.
 */
int treewriter_fill(const char *root, const struct payload_source *sources,
    size_t nsources, struct payload_result *out, struct err *e);

#endif
