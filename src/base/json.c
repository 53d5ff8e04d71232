/* json: the few pieces of JSON output the commands need. */
#include <config.h>

#include <stdint.h>

#include "base/json.h"

/* The length of the valid UTF-8 sequence at s, or 0 if it is not one. */
static size_t
utf8_sequence_length(const unsigned char *s)
{
	uint32_t cp;
	size_t len;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

void
json_add_string(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (s == NULL) {
		buf_adds(out, "null");
		return;
	}
	buf_addc(out, '"');
	while (*p) {
		size_t len = utf8_sequence_length(p);

		if (len == 0) {
			buf_adds(out, "\\ufffd");
			p++;
		} else if (*p == '"' || *p == '\\') {
			buf_addc(out, '\\');
			buf_addc(out, (char)*p++);
		} else if (*p == '\n') {
			buf_adds(out, "\\n");
			p++;
		} else if (*p == '\t') {
			buf_adds(out, "\\t");
			p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			buf_addf(out, "\\u%04x", *p++);
		} else {
			buf_add(out, p, len);
			p += len;
		}
	}
	buf_addc(out, '"');
}
