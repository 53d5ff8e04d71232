/* rules_file: checks that wazo/rules can run as wazo-plugind runs it. */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "base/file.h"
#include "plugin/rules_file.h"

/* How much of the file the content checks read. */
#define RULES_READ_LIMIT (256 * 1024)

static const struct diag_pos file_start = { 1, 1 };

static bool
is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* True when `word` appears as a whole word outside '#' comment lines. */
static bool
mentions_word(const char *text, size_t len, const char *word)
{
	size_t wlen = strlen(word);
	const char *end = text + len;

	for (const char *line = text; line < end;) {
		const char *eol = memchr(line, '\n', (size_t)(end - line));
		const char *p = line;

		if (eol == NULL)
			eol = end;
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		for (; p < eol && *p != '#'; p++) {
			if ((size_t)(eol - p) >= wlen &&
			    memcmp(p, word, wlen) == 0 &&
			    (p == line || !is_word_char(p[-1])) &&
			    (p + wlen == eol || !is_word_char(p[wlen])))
				return true;
		}
		line = eol + 1;
	}
	return false;
}

static void
check_content(const struct buf *text, const char *path,
    long long format_version, struct diag_list *diags)
{
	if (memchr(text->data, '\0', text->len) != NULL)
		return;	/* a compiled program: nothing to read */
	if (text->len < 2 || memcmp(text->data, "#!", 2) != 0)
		diag_add(diags, DIAG_WARNING, path, file_start, NULL,
		    "no '#!' line: start the file with its interpreter "
		    "(#!/bin/sh) so that it runs the same everywhere");
	if (format_version >= 1 &&
	    !mentions_word(text->data, text->len, "postrm"))
		diag_add(diags, DIAG_WARNING, path, file_start, NULL,
		    "plugin_format_version %lld makes package removal run "
		    "'rules postrm', but this file never mentions postrm: "
		    "removal fails unless it accepts unknown commands",
		    format_version);
}

int
rules_file_check(const char *file, const char *path,
    long long format_version, struct diag_list *diags, struct err *e)
{
	struct buf text = BUF_INIT;
	struct stat st;

	if (stat(file, &st) < 0) {
		if (errno == ELOOP) {
			diag_add(diags, DIAG_ERROR, path, file_start, NULL, "a "
			    "symbolic link loop: wazo/rules must be an executable "
			    "file");
			return 0;
		}
		if (errno != ENOENT && errno != ENOTDIR)
			return err_errno(e, "cannot examine %s", path);
		diag_add(diags, DIAG_ERROR, path, file_start, NULL, "missing: a "
		    "plugin needs an executable wazo/rules");
		return 0;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_add(diags, DIAG_ERROR, path, file_start, NULL,
		    "not a regular file: wazo/rules must be an executable file");
		return 0;
	}
	if ((st.st_mode & S_IXUSR) == 0)
		diag_add(diags, DIAG_ERROR, path, file_start, NULL,
		    "not executable: wazo-plugind runs it directly; "
		    "fix with: chmod +x %s", path);
	if (file_read(file, RULES_READ_LIMIT, &text, NULL, e) < 0)
		return -1;
	check_content(&text, path, format_version, diags);
	buf_release(&text);
	return 0;
}
