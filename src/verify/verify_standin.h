/* verify_standin: the stand-in Wazo host in the throwaway root. Real
 * plugins' rules restart services and reload Asterisk, which a root
 * without a running system cannot do: the commands of a documented list
 * are replaced, first in PATH and at their own paths, by scripts that log
 * their arguments and succeed; those a Wazo server lacks (sudo) fail as
 * they would there.
 * And what dpkg's output says of a step: the maintainer script that
 * failed (and so the rules command), the commands not found, the
 * network reached for. */
#ifndef WPD_VERIFY_STANDIN_H
#define WPD_VERIFY_STANDIN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/err.h"
#include "verify/throwroot.h"

/* Where the stand-ins live in the root, and their log. */
#define VERIFY_STANDIN_DIR "/.wazo-verify"
#define VERIFY_STANDIN_BIN VERIFY_STANDIN_DIR "/bin"
#define VERIFY_STANDIN_LOG VERIFY_STANDIN_DIR "/calls"

/* The commands that log and succeed, and those that fail as missing. */
extern const char *const verify_standin_commands[];
extern const size_t verify_standin_ncommands;
extern const char *const verify_standin_missing[];
extern const size_t verify_standin_nmissing;

/* Writes the stand-ins into VERIFY_STANDIN_BIN of the root `t`
 * (created), and those of the services at the paths rules may call them
 * by (/usr/bin/systemctl, /usr/sbin/service, /usr/sbin/invoke-rc.d,
 * /usr/sbin/asterisk...), over the host's in the root's upper layer. */
int verify_standin_install(const struct throwroot *t, struct err *e);

/* What dpkg's output says of a step. */
struct verify_scan {
	/* The failed rules command ("rules postrm failed (postrm exited
	 * 1)"), or NULL. */
	char *failed;
	struct buf missing;	/* commands not found, one a line */
	bool network;		/* a command reached for the network */
};

void verify_standin_scan(const char *output, struct verify_scan *s);
void verify_standin_scan_release(struct verify_scan *s);

#endif
