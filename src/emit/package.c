/* package: what the tree and build emitters share. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "base/arena.h"
#include "emit/package.h"
#include "render/context.h"
#include "render/control.h"

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

void
package_payload_init(struct package_payload *pp, const struct source *src,
    const struct plugin *p, const struct settings *c, const char *staging)
{
	pp->wazo = source_path(src, "wazo");
	pp->metadata = context_metadata_path(p, c);
	pp->sources[0] = (struct payload_source){ staging, "" };
	pp->sources[1] = (struct payload_source){ pp->wazo, pp->metadata + 1 };
}

void
package_payload_release(struct package_payload *pp)
{
	free(pp->wazo);
	free(pp->metadata);
	pp->wazo = pp->metadata = NULL;
}

long long
package_scripts_kib(const struct rendered *r)
{
	long long kib = payload_entry_kib(S_IFDIR, 0, false);

	for (int f = RENDER_POSTINST; f < RENDER_FILE_COUNT; f++)
		kib += payload_entry_kib(S_IFREG, (off_t)r->files[f].len, false);
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
