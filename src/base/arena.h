/* arena: memory for many small objects that all die together (a rendered
 * template's syntax tree and values). */
#ifndef WPD_ARENA_H
#define WPD_ARENA_H

#include <stddef.h>

struct arena_block;

/* Zero-initialised `struct arena` is empty and ready; arena_release()
 * frees every allocation at once. Allocation failure aborts (see buf.h). */
struct arena {
	struct arena_block *blocks;
};

void *arena_alloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);
/* "dir/name", or the one of them that is not empty. */
char *arena_join(struct arena *a, const char *dir, const char *name);
void arena_release(struct arena *a);

#endif
