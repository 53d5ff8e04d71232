/* validate: the rules plugin.yml must follow (the contract in
 * wazo-plugin.yml(5)), checked on a loaded plugin. */
#ifndef WPD_VALIDATE_H
#define WPD_VALIDATE_H

#include "base/diag.h"
#include "plugin/plugin.h"

#define VALIDATE_DEFAULT_PREFIX "wazo-plugind"

struct validate_options {
	/* Prefix of generated package names (default_debian_package_prefix). */
	const char *package_prefix;
	/* A valid Debian version to check min/max_wazo_version against, or
	 * NULL. */
	const char *wazo_version;
};

/* Checks every metadata rule on `p` and adds what breaks them to `diags`:
 * errors for what wazo-plugind or dpkg would refuse, warnings for likely
 * mistakes (unknown keys, several dependencies in one entry). */
void validate_metadata(const struct plugin *p,
    const struct validate_options *options, struct diag_list *diags);

#endif
