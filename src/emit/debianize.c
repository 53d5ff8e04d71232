/* debianize: emits a debian/ directory into a plugin's tree. */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/compiler.h"
#include "render/context.h"
#include "render/control.h"
#include "emit/debianize.h"
#include "base/dirtree.h"
#include "stage/docfiles.h"
#include "base/file.h"

static char *
control_text(const struct debianize_job *job)
{
	const struct plugin *p = job->plugin;
	char *package = context_package_name(p, job->settings);
	char *description = control_description(p->description.text,
	    p->name.text, p->namespace.text);
	char *text = xasprintf(
	    "Source: %s\n"
	    "Section: %s\n"
	    "Priority: optional\n"
	    "Maintainer: %s\n"
	    "Build-Depends: debhelper-compat (= 13), dh-sequence-wazo-plugin\n"
	    "Standards-Version: 4.6.2\n"
	    "Rules-Requires-Root: binary-targets\n"
	    "\n"
	    "Package: %s\n"
	    "Architecture: %s\n"
	    "Depends: ${misc:Depends}, ${wazo-plugin:Depends}\n"
	    "Description: %s\n",
	    package, settings_get(job->settings, SETTING_SECTION),
	    settings_get(job->settings, SETTING_MAINTAINER), package,
	    job->architecture, description);

	free(package);
	free(description);
	return text;
}

/* The addon's commands, which need these settings too. */
static const char *const addon_commands[] = {
	"dh_wazo_plugin_build", "dh_wazo_plugin", "dh_wazo_plugin_conffiles",
};

static char *
rules_text(const char *config_name)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "#!/usr/bin/make -f\n"
	    "# The plugin's own wazo/rules build it: the wazo-plugin dh addon\n"
	    "# (dh_wazo_plugin) runs them as wazo-plugind does.\n\n%:\n"
	    "\tdh $@\n");
	for (size_t i = 0; config_name && i < WPD_ARRAY_SIZE(addon_commands);
	    i++)
		buf_addf(&b, "\noverride_%s:\n\t%s --wazo-config=debian/%s\n",
		    addon_commands[i], addon_commands[i], config_name);
	return buf_detach(&b);
}

/* debian/wazo-plugin.yml: the settings that differ from the defaults. */
static char *
settings_text(const struct settings *c)
{
	struct settings defaults;
	struct buf b = BUF_INIT;

	settings_init(&defaults);
	for (int k = 0; k < SETTING_KEY_COUNT; k++) {
		const char *v = settings_get(c, k), *d = settings_get(&defaults, k);

		if (v == NULL || (d != NULL && strcmp(v, d) == 0))
			continue;
		/* A single-quoted YAML scalar: quotes are doubled. */
		buf_addf(&b, "%s: '", settings_key_name(k));
		for (; *v; v++) {
			if (*v == '\'')
				buf_addc(&b, '\'');
			buf_addc(&b, *v);
		}
		buf_adds(&b, "'\n");
	}
	settings_release(&defaults);
	if (b.len == 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b);
}

static int
write_file(const char *dir, const char *name, const char *text,
    unsigned mode, struct err *e)
{
	char *path = file_join(dir, name);
	int r = file_write_atomic(path, text, strlen(text), mode, e);

	free(path);
	return r;
}

static int
fill(const struct debianize_job *job, const char *staged, struct err *e)
{
	static const char config_name[] = "wazo-plugin.yml";
	const char *version = job->plugin->version.text;
	char *settings = settings_text(job->settings);
	char *control = control_text(job);
	char *rules = rules_text(settings ? config_name : NULL);
	char *changelog = docfiles_changelog(job->plugin, job->settings,
	    job->when);
	char *copyright = docfiles_copyright(job->plugin);
	char *source = file_join(staged, "source");
	/* A version without a Debian revision is a native package's. */
	const char *format = strchr(version, '-') ? "3.0 (quilt)\n" :
	    "3.0 (native)\n";
	int r = -1;

	if (chmod(staged, 0755) < 0 || mkdir(source, 0755) < 0)
		err_errno(e, "cannot create %s", source);
	else if (write_file(staged, "control", control, 0644, e) == 0 &&
	    write_file(staged, "rules", rules, 0755, e) == 0 &&
	    write_file(staged, "changelog", changelog, 0644, e) == 0 &&
	    write_file(staged, "copyright", copyright, 0644, e) == 0 &&
	    write_file(source, "format", format, 0644, e) == 0 &&
	    (settings == NULL ||
	    write_file(staged, config_name, settings, 0644, e) == 0))
		r = 0;
	free(settings);
	free(control);
	free(rules);
	free(changelog);
	free(copyright);
	free(source);
	return r;
}

int
debianize_emit(const struct debianize_job *job, struct err *e)
{
	struct err ignored = ERR_INIT;
	char *staged = dirtree_make_sibling(job->dir, e);
	int r;

	if (staged == NULL)
		return -1;
	r = fill(job, staged, e);
	if (r == 0) {
		r = dirtree_install(staged, job->dir, job->force, e);
	} else {
		dirtree_remove(staged, &ignored);
		err_release(&ignored);
	}
	free(staged);
	return r;
}
