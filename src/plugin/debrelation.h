/* debrelation: Debian package names and dependency fields (deb-control(5),
 * "Depends"), as they may appear in a binary package. */
#ifndef WPD_DEBRELATION_H
#define WPD_DEBRELATION_H

#include <stdbool.h>
#include <stddef.h>

/* True when `name` is a valid package name: lowercase letters, digits,
 * '+', '-', '.', at least two characters, starting with a letter or digit. */
bool debrelation_package_name_valid(const char *name);

/*
 * Checks `field` as the value of a binary package's Depends field: a
 * comma-separated list of relations, each a '|'-separated list of
 * alternatives `name[:arch] [(op version)]`. Returns true when valid and
 * stores the number of relations in *relations. Otherwise returns false
 * and stores in *why a malloc(3)ed sentence the caller frees.
 */
bool debrelation_check(const char *field, size_t *relations, char **why);

#endif
