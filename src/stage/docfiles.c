/* docfiles: the package's copyright, changelog and lintian overrides. */
#include <config.h>

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/compiler.h"
#include "render/context.h"
#include "stage/docfiles.h"
#include "base/file.h"
#include "base/dirtree.h"
#include "base/timestamp.h"

/* mkdir -p with mode 0755 for each created directory. */
static int
make_dirs(const char *path, struct err *e)
{
	char *copy = xstrdup(path);

	for (char *p = copy + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char saved = *p;

			*p = '\0';
			if (mkdir(copy, 0755) < 0 && errno != EEXIST) {
				err_errno(e, "cannot create %s", copy);
				free(copy);
				return -1;
			}
			*p = saved;
			if (saved == '\0')
				break;
		}
	}
	free(copy);
	return 0;
}

/* Licenses whose text Debian ships in /usr/share/common-licenses: the
 * first whose words the plugin's license holds is pointed at. */
static const struct {
	const char *words[2];
	const char *file;
} common_licenses[] = {
	{ { "LGPL", "3" }, "LGPL-3" },
	{ { "LGPL", "2" }, "LGPL-2.1" },
	{ { "LGPL", NULL }, "LGPL" },
	{ { "AGPL", NULL }, NULL },
	{ { "GPL", "3" }, "GPL-3" },
	{ { "GPL", "2" }, "GPL-2" },
	{ { "GPL", NULL }, "GPL" },
	{ { "Apache", "2" }, "Apache-2.0" },
	{ { "MPL", "2" }, "MPL-2.0" },
	{ { "MPL", "1.1" }, "MPL-1.1" },
	{ { "Artistic", NULL }, "Artistic" },
	{ { "GFDL", "1.3" }, "GFDL-1.3" },
	{ { "GFDL", NULL }, "GFDL" },
};

static const char *
common_license_file(const char *license)
{
	for (size_t i = 0; license && i < WPD_ARRAY_SIZE(common_licenses); i++)
		if (strstr(license, common_licenses[i].words[0]) != NULL &&
		    (common_licenses[i].words[1] == NULL ||
		    strstr(license, common_licenses[i].words[1]) != NULL))
			return common_licenses[i].file;
	return NULL;
}

char *
docfiles_copyright(const struct plugin *p)
{
	const char *author = p->author, *license = p->license;
	const char *common = common_license_file(license);
	struct buf text = BUF_INIT;

	buf_addf(&text, 
	    "This package holds the Wazo Platform plugin %s/%s, version %s,\n"
	    "made into a Debian package by wazo-plugin-deb from its wazo/plugin.yml.\n"
	    "\n"
	    "Copyright: %s\n"
	    "License: %s\n",
	    p->namespace.text, p->name.text, p->version.text,
	    author ? author : "the plugin's author (not named in plugin.yml)",
	    license ? license : "not given in plugin.yml; ask the author");
	if (common != NULL)
		buf_addf(&text, "\nOn Debian systems, the complete text of this "
		    "license is in\n/usr/share/common-licenses/%s.\n", common);
	return buf_detach(&text);
}

char *
docfiles_changelog(const struct plugin *p, const struct settings *c,
    time_t when)
{
	char *package = context_package_name(p, c);
	char *date = timestamp_rfc5322(when);
	char *text = xasprintf(
	    "%s (%s) unstable; urgency=medium\n"
	    "\n"
	    "  * Package of the Wazo Platform plugin %s/%s, version %s.\n"
	    "\n"
	    " -- %s  %s\n",
	    package, p->version.text, p->namespace.text, p->name.text,
	    p->version.text, settings_get(c, SETTING_MAINTAINER), date);

	free(package);
	free(date);
	return text;
}

/* gzip -9n of `text`, with libarchive: no name, no timestamp. */
static int
gzip_text(const char *text, struct buf *out, struct err *e)
{
	struct archive *a = archive_write_new();
	struct archive_entry *entry = archive_entry_new();
	size_t cap = strlen(text) + 1024, used = 0;
	int r = 0;

	buf_grow(out, cap);
	archive_write_set_format_raw(a);
	archive_write_add_filter_gzip(a);
	archive_write_set_filter_option(a, "gzip", "compression-level", "9");
	archive_write_set_filter_option(a, "gzip", "timestamp", NULL);
	archive_write_set_bytes_in_last_block(a, 1);
	archive_entry_set_filetype(entry, AE_IFREG);
	archive_entry_set_pathname(entry, "changelog");
	if (archive_write_open_memory(a, out->data, cap, &used) != ARCHIVE_OK ||
	    archive_write_header(a, entry) != ARCHIVE_OK ||
	    archive_write_data(a, text, strlen(text)) < 0 ||
	    archive_write_close(a) != ARCHIVE_OK)
		r = err_set(e, STATUS_SYSTEM, "cannot compress the changelog: %s",
		    archive_error_string(a));
	out->len = used;
	archive_entry_free(entry);
	archive_write_free(a);
	return r;
}

/* The lintian overrides for the files the plugin installs under etc/. */
static int
etc_overrides(const char *pkgdir, const char *package, struct buf *out,
    struct err *e)
{
	char *etc = file_join(pkgdir, "etc");
	struct dirtree_list files;
	struct stat st;
	bool first = true;

	if (lstat(etc, &st) < 0 || !S_ISDIR(st.st_mode)) {
		free(etc);
		return 0;
	}
	if (dirtree_list(etc, &files, e) < 0) {
		free(etc);
		return -1;
	}
	for (size_t i = 0; i < files.count; i++) {
		if (S_ISDIR(files.entries[i].st.st_mode))
			continue;
		if (first)
			buf_adds(out, "# A Wazo plugin's files under /etc are no "
			    "conffiles: they must leave with\n# the plugin, as "
			    "with packages that wazo-plugind makes.\n");
		first = false;
		buf_addf(out, "%s: file-in-etc-not-marked-as-conffile "
		    "[etc/%s]\n", package, files.entries[i].path);
	}
	dirtree_list_release(&files);
	free(etc);
	return 0;
}

/* wazo-plugind lists installed plugins by their section, which Debian
 * does not know: say so, when the package uses it. */
static void
section_override(const struct settings *c, const char *package,
    struct buf *out)
{
	if (strcmp(settings_get(c, SETTING_SECTION), "wazo-plugind-plugin") != 0)
		return;
	buf_addf(out, "# wazo-plugind finds installed plugins by this "
	    "section.\n%s: unknown-section wazo-plugind-plugin\n", package);
}

static int
write_in(const char *dir, const char *name, const void *data, size_t len,
    struct err *e)
{
	char *path = file_join(dir, name);
	int r = make_dirs(dir, e);

	if (r == 0)
		r = file_write_atomic(path, data, len, 0644, e);
	free(path);
	return r;
}

int
docfiles_write(const char *pkgdir, const struct plugin *p,
    const struct settings *c, time_t when, struct err *e)
{
	char *package = context_package_name(p, c);
	char *doc = xasprintf("%s/usr/share/doc/%s", pkgdir, package);
	char *overrides_dir = xasprintf("%s/usr/share/lintian/overrides", pkgdir);
	char *copyright = docfiles_copyright(p);
	char *changelog = docfiles_changelog(p, c, when);
	struct buf gz = BUF_INIT, overrides = BUF_INIT;
	bool revision = strchr(p->version.text, '-') != NULL;
	int r = write_in(doc, "copyright", copyright, strlen(copyright), e);

	if (r == 0)
		r = gzip_text(changelog, &gz, e);
	if (r == 0)
		r = write_in(doc, revision ? "changelog.Debian.gz" :
		    "changelog.gz", gz.data, gz.len, e);
	/* With conffiles: etc, the files under etc/ are marked. */
	if (r == 0 && !settings_etc_conffiles(c))
		r = etc_overrides(pkgdir, package, &overrides, e);
	section_override(c, package, &overrides);
	if (r == 0 && overrides.len > 0)
		r = write_in(overrides_dir, package, overrides.data,
		    overrides.len, e);
	buf_release(&gz);
	buf_release(&overrides);
	free(copyright);
	free(changelog);
	free(overrides_dir);
	free(doc);
	free(package);
	return r;
}
