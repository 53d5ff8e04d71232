/* diag: positioned diagnostics about a plugin's files. */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/json.h"

void
diag_add(struct diag_list *list, enum diag_severity severity,
    const char *path, struct diag_pos pos, const char *key,
    const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	struct diag *d;
	va_list ap;

	if (list->count == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 8;
		list->items = xreallocarray(list->items, list->cap,
		    sizeof(*list->items));
	}
	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	d = &list->items[list->count];
	d->path = xstrdup(path);
	d->pos = pos;
	d->severity = severity;
	d->key = key ? xstrdup(key) : NULL;
	d->message = buf_detach(&msg);
	d->seq = list->count++;
}

size_t
diag_count(const struct diag_list *list, enum diag_severity severity)
{
	size_t n = 0;

	for (size_t i = 0; i < list->count; i++)
		if (list->items[i].severity == severity)
			n++;
	return n;
}

/* The index of the first diagnostic about the same file as `d`. */
static size_t
file_rank(const struct diag_list *list, const struct diag *d)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (strcmp(list->items[i].path, d->path) == 0)
			break;
	return i;
}

struct sort_key {
	size_t rank;
	struct diag diag;
};

static int
compare_sort_keys(const void *a, const void *b)
{
	const struct sort_key *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->diag.pos.line != y->diag.pos.line)
		return x->diag.pos.line < y->diag.pos.line ? -1 : 1;
	if (x->diag.pos.column != y->diag.pos.column)
		return x->diag.pos.column < y->diag.pos.column ? -1 : 1;
	return x->diag.seq < y->diag.seq ? -1 : x->diag.seq > y->diag.seq;
}

void
diag_sort(struct diag_list *list)
{
	struct sort_key *keys;

	if (list->count < 2)
		return;
	keys = xcalloc(list->count, sizeof(*keys));
	for (size_t i = 0; i < list->count; i++) {
		keys[i].rank = file_rank(list, &list->items[i]);
		keys[i].diag = list->items[i];
	}
	qsort(keys, list->count, sizeof(*keys), compare_sort_keys);
	for (size_t i = 0; i < list->count; i++) {
		list->items[i] = keys[i].diag;
		list->items[i].seq = i;
	}
	free(keys);
}

static const char *
severity_name(enum diag_severity severity)
{
	return severity == DIAG_ERROR ? "error" : "warning";
}

void
diag_format_text(const struct diag_list *list, struct buf *out)
{
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];

		buf_addf(out, "%s:%u:%u: %s: ", d->path, d->pos.line,
		    d->pos.column, severity_name(d->severity));
		if (d->key != NULL)
			buf_addf(out, "%s: ", d->key);
		buf_addf(out, "%s\n", d->message);
	}
}

void
diag_format_json(const struct diag_list *list, struct buf *out)
{
	buf_addc(out, '[');
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];

		buf_adds(out, i ? ", {\"path\": " : "{\"path\": ");
		json_add_string(out, d->path);
		buf_addf(out, ", \"line\": %u, \"column\": %u, \"severity\": ",
		    d->pos.line, d->pos.column);
		json_add_string(out, severity_name(d->severity));
		buf_adds(out, ", \"key\": ");
		json_add_string(out, d->key);
		buf_adds(out, ", \"message\": ");
		json_add_string(out, d->message);
		buf_addc(out, '}');
	}
	buf_addc(out, ']');
}

void
diag_list_release(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].path);
		free(list->items[i].key);
		free(list->items[i].message);
	}
	free(list->items);
	list->items = NULL;
	list->count = list->cap = 0;
}
