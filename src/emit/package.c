/* package: what the tree and build emitters share. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/deb822.h"
#include "base/file.h"
#include "emit/package.h"
#include "render/context.h"
#include "plugin/plugin_stamp.h"
#include "render/control.h"
#include "source/source_file.h"

int
package_render(const struct source *src, const struct plugin *p,
    const struct settings *c, const char *arch, struct rendered *out,
    struct err *e)
{
	struct context_extras extras = { arch, 0, src->commit };
	struct arena a = { NULL };
	int r = render_package(c, context_build(&a, p, c, &extras), true, out,
	    e);

	arena_release(&a);
	return r;
}

/* Gives `path` the mode and times of `like`. */
static int
copy_stat(const char *path, const struct stat *like, struct err *e)
{
	struct timespec times[2] = { like->st_atim, like->st_mtim };

	if (chmod(path, like->st_mode & 07777) < 0 ||
	    utimensat(AT_FDCWD, path, times, 0) < 0)
		return err_errno(e, "cannot set the mode and time of %s", path);
	return 0;
}

/* SCRATCH/stamped/plugin.yml: the plugin's own with the stamped version,
 * in a directory that stands for wazo/ (its mode and time). */
static int
write_stamped(struct package_payload *pp, const struct source *src,
    const struct plugin *p, const char *scratch, struct err *e)
{
	struct buf text = BUF_INIT, stamped = BUF_INIT;
	struct stat file_st, dir_st;
	char *path = NULL;
	int fd = source_file_open(src->root, src->shown, "wazo/plugin.yml", e);
	int r = -1;

	pp->stamped = file_join(scratch, "stamped");
	if (fd < 0)
		goto out;
	if (fstat(fd, &file_st) < 0 || stat(pp->wazo, &dir_st) < 0)
		err_errno(e, "cannot read %s", p->path);
	else if (file_read_fd(fd, p->path, SIZE_MAX, &text, NULL, e) == 0 &&
	    plugin_stamp_yaml(text.data, text.len, p->version.text, &stamped,
	    e) == 0) {
		path = file_join(pp->stamped, "plugin.yml");
		if (mkdir(pp->stamped, 0755) < 0)
			err_errno(e, "cannot create %s", pp->stamped);
		else if (file_write_atomic(path, stamped.data, stamped.len,
		    file_st.st_mode & 07777, e) == 0 &&
		    copy_stat(path, &file_st, e) == 0)
			r = copy_stat(pp->stamped, &dir_st, e);
	}
	close(fd);
out:
	free(path);
	buf_release(&text);
	buf_release(&stamped);
	return r;
}

int
package_payload_init(struct package_payload *pp, const struct source *src,
    const struct plugin *p, const struct settings *c, const char *staging,
    const char *scratch, struct err *e)
{
	pp->wazo = source_path(src, "wazo");
	pp->metadata = context_metadata_path(p, c);
	pp->stamped = NULL;
	pp->sources[0] = (struct payload_source){ staging, "", false };
	pp->sources[1] = (struct payload_source){ pp->wazo, pp->metadata + 1,
	    true };
	pp->count = 2;
	if (!plugin_stamp_changed(p))
		return 0;
	if (write_stamped(pp, src, p, scratch, e) < 0)
		return -1;
	pp->sources[pp->count++] = (struct payload_source){ pp->stamped,
	    pp->metadata + 1, false };
	return 0;
}

void
package_payload_release(struct package_payload *pp)
{
	free(pp->wazo);
	free(pp->metadata);
	free(pp->stamped);
	pp->wazo = pp->metadata = pp->stamped = NULL;
}

int
package_payload_warnings(const struct payload_result *files, bool strict,
    void (*warning)(const char *message, void *ctx), void *ctx,
    struct err *e)
{
	if (strict && files->nwarnings > 0)
		return err_set(e, STATUS_INVALID, "%s (an error with --strict)",
		    files->warnings[0]);
	for (size_t i = 0; warning != NULL && i < files->nwarnings; i++)
		warning(files->warnings[i], ctx);
	return 0;
}

void
package_conffiles(const struct settings *c,
    const struct payload_result *files, struct buf *out)
{
	const unsigned char *md5;
	const char *path;
	size_t at = 0;

	buf_init(out);
	if (!settings_etc_conffiles(c))
		return;
	while (payload_list_next_file(&files->files, &at, &path, &md5)) {
		if (strncmp(path, "etc/", 4) == 0)
			buf_addf(out, "/%s\n", path);
	}
}

struct md5sums
package_md5sums(const struct settings *c, const struct payload_result *files)
{
	return (struct md5sums){ &files->files, settings_etc_conffiles(c) };
}

long long
package_debian_kib(const struct rendered *r, const struct buf *conffiles)
{
	long long kib = payload_entry_kib(S_IFDIR, 0, false);

	for (int f = RENDER_POSTINST; f < RENDER_FILE_COUNT; f++)
		kib += payload_entry_kib(S_IFREG, (off_t)r->files[f].len, false);
	if (conffiles->len > 0)
		kib += payload_entry_kib(S_IFREG, (off_t)conffiles->len, false);
	return kib;
}

void
package_set_fields(struct rendered *r, long long installed_kib,
    const char *arch)
{
	char size[32];

	snprintf(size, sizeof(size), "%lld", installed_kib);
	control_set_field(&r->files[RENDER_CONTROL], "Installed-Size", size);
	if (arch != NULL)
		control_set_field(&r->files[RENDER_CONTROL], "Architecture",
		    arch);
}

char *
package_deb_name(const struct rendered *r)
{
	const char *control = r->files[RENDER_CONTROL].data;
	char *package = deb822_field(control, "Package");
	char *version = deb822_field(control, "Version");
	char *arch = deb822_field(control, "Architecture");
	const char *colon = strchr(version, ':');
	char *name = xasprintf("%s_%s_%s.deb", package,
	    colon ? colon + 1 : version, arch);

	free(package);
	free(version);
	free(arch);
	return name;
}
