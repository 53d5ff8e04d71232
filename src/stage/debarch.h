/* debarch: Debian architecture names. */
#ifndef WPD_DEBARCH_H
#define WPD_DEBARCH_H

/* The Debian architecture of this machine, as dpkg-architecture -q
 * DEB_HOST_ARCH names it when not cross-building ("amd64", "arm64"...). */
const char *debarch_host(void);

#endif
