/* arena: memory for many small objects that all die together. */
#include <config.h>

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"

#define BLOCK_SIZE 16384

struct arena_block {
	struct arena_block *next;
	size_t used;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

static size_t
align_up(size_t n)
{
	size_t a = alignof(max_align_t);

	return (n + a - 1) / a * a;
}

void *
arena_alloc(struct arena *a, size_t size)
{
	struct arena_block *b = a->blocks;
	void *p;

	size = align_up(size ? size : 1);
	if (b == NULL || b->size - b->used < size) {
		size_t block = size > BLOCK_SIZE ? size : BLOCK_SIZE;

		b = xmalloc(sizeof(*b) + block);
		b->size = block;
		b->used = 0;
		b->next = a->blocks;
		a->blocks = b;
	}
	p = b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_join(struct arena *a, const char *dir, const char *name)
{
	size_t dlen = strlen(dir), nlen = strlen(name);
	char *p;

	if (dlen == 0 || nlen == 0)
		return arena_strdup(a, dlen ? dir : name);
	p = arena_alloc(a, dlen + 1 + nlen + 1);
	memcpy(p, dir, dlen);
	p[dlen] = '/';
	memcpy(p + dlen + 1, name, nlen + 1);
	return p;
}

void
arena_release(struct arena *a)
{
	struct arena_block *b, *next;

	for (b = a->blocks; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->blocks = NULL;
}
