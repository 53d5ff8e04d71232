/* elfarch: compiled objects in a payload, found with libmagic, and the
 * Debian architecture they were built for. */
#ifndef WPD_ELFARCH_H
#define WPD_ELFARCH_H

#include <stdbool.h>
#include <stddef.h>

struct elfarch;

/* A detector; libmagic is only loaded once a file looks like ELF. */
struct elfarch *elfarch_new(void);
void elfarch_free(struct elfarch *d);

/*
 * Looks at the first `len` bytes of a file (`path` names it in results).
 * Returns the Debian architecture of an ELF object ("amd64"...; "unknown"
 * for a machine this table lacks), or NULL for anything else. The string
 * is static.
 */
const char *elfarch_detect(struct elfarch *d, const void *head, size_t len);

#endif
