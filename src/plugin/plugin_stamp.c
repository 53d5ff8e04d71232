/* plugin_stamp: a plugin's version stamped for a build. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/status.h"
#include "base/xalloc.h"
#include "plugin/debversion.h"
#include "plugin/plugin_stamp.h"
#include "plugin/yaml_scalar.h"

int
plugin_stamp_version(struct plugin *p, const char *version,
    const char *suffix, struct err *e)
{
	const char *base = version ? version : p->version.text;
	const char *why;
	char *stamped;

	if (version == NULL && suffix == NULL)
		return 0;
	if (version != NULL && (why = debversion_check(version)) != NULL)
		return err_set(e, STATUS_USAGE, "--version '%s' is not a Debian "
		    "version: %s", version, why);
	stamped = xasprintf("%s%s", base, suffix ? suffix : "");
	if (suffix != NULL && (why = debversion_check(stamped)) != NULL) {
		err_set(e, STATUS_USAGE, "--version-suffix '%s' makes the "
		    "version '%s', which is not a Debian version: %s", suffix,
		    stamped, why);
		free(stamped);
		return -1;
	}
	free(p->stamped_version);
	p->stamped_version = stamped;
	p->version.text = stamped;
	return 0;
}

bool
plugin_stamp_changed(const struct plugin *p)
{
	return p->stamped_version != NULL;
}

/* Where the value of the top-level `version` lies in the document. */
struct value_span {
	size_t start, end;	/* byte offsets: properties to the value's end */
	yaml_event_type_t type;
	yaml_scalar_style_t style;
	bool found;
};

/* One node at the top mapping's level, a key or a value, in turn. */
static void
top_level_node(const yaml_event_t *ev, bool *want_key, bool *is_version,
    struct value_span *span)
{
	if (*want_key) {
		*is_version = ev->type == YAML_SCALAR_EVENT &&
		    ev->data.scalar.length == 7 &&
		    memcmp(ev->data.scalar.value, "version", 7) == 0;
	} else if (*is_version) {
		/* The last one counts, as PyYAML keeps it. */
		span->start = ev->start_mark.index;
		span->end = ev->end_mark.index;
		span->type = ev->type;
		span->style = ev->type == YAML_SCALAR_EVENT ?
		    ev->data.scalar.style : YAML_ANY_SCALAR_STYLE;
		span->found = true;
	}
	*want_key = !*want_key;
}

/* Finds the top-level version's value; -1 with `e` set when the YAML
 * cannot be read. */
static int
find_version(const char *data, size_t len, struct value_span *span,
    struct err *e)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	bool want_key = true, is_version = false, done = false;
	int depth = 0, r = 0;

	memset(span, 0, sizeof(*span));
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			r = err_set(e, STATUS_INVALID, "plugin.yml cannot be "
			    "read: %s", parser.problem ? parser.problem : "?");
			break;
		}
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			if (depth == 1)
				top_level_node(&ev, &want_key, &is_version, span);
			break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT:
			if (depth == 1)
				top_level_node(&ev, &want_key, &is_version, span);
			depth++;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			depth--;
			break;
		case YAML_DOCUMENT_END_EVENT:
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (r == 0 && (!span->found || span->type == YAML_MAPPING_START_EVENT ||
	    span->type == YAML_SEQUENCE_START_EVENT))
		r = err_set(e, STATUS_INVALID, "plugin.yml has no top-level "
		    "version to replace");
	return r;
}

/* True when PyYAML reads `text`, written plain, as text. */
static bool
plain_is_text(const char *text)
{
	struct ydoc_node n;

	memset(&n, 0, sizeof(n));
	n.kind = YDOC_SCALAR;
	n.text = (char *)text;
	n.len = strlen(text);
	n.plain = true;
	return yaml_scalar_type(&n) == YDOC_TYPE_STRING;
}

int
plugin_stamp_yaml(const char *data, size_t len, const char *version,
    struct buf *out, struct err *e)
{
	struct value_span span;
	size_t at, end;
	bool tagged = false;

	buf_init(out);
	if (find_version(data, len, &span, e) < 0)
		return -1;
	buf_add(out, data, span.start);
	/* Properties first: an anchor stays (aliases may name it), a tag
	 * goes (the value is text now). */
	for (at = span.start; at < span.end && (data[at] == '&' ||
	    data[at] == '!');) {
		size_t word = at;

		while (at < span.end && data[at] != ' ' && data[at] != '\t' &&
		    data[at] != '\n' && data[at] != '\r')
			at++;
		while (at < span.end && (data[at] == ' ' || data[at] == '\t' ||
		    data[at] == '\n' || data[at] == '\r'))
			at++;
		if (data[word] == '&')
			buf_add(out, data + word, at - word);
		else
			tagged = true;
	}
	/* A block scalar's range takes its line breaks: they stay. */
	for (end = span.end; end > at && (data[end - 1] == '\n' ||
	    data[end - 1] == '\r' || data[end - 1] == ' '); end--)
		;
	if (span.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		buf_addf(out, "\"%s\"", version);
	else if (span.type == YAML_SCALAR_EVENT && !tagged &&
	    span.style == YAML_PLAIN_SCALAR_STYLE && plain_is_text(version))
		buf_adds(out, version);
	else
		buf_addf(out, "'%s'", version);
	buf_add(out, data + end, len - end);
	return 0;
}
