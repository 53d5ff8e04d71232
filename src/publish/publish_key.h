/* publish_key: the OpenPGP key a repository is signed with, through gpg
 * (its keyring is GNUPGHOME's, as reprepro's SignWith uses): whether
 * its secret key is there, and its public key exported as a binary
 * keyring, what apt's signed-by= and gpgv --keyring read. */
#ifndef WPD_PUBLISH_KEY_H
#define WPD_PUBLISH_KEY_H

#include "base/err.h"

/* 0 when gpg holds the secret key `keyid` (one key only); else -1 with
 * `e` set: STATUS_USAGE when it holds none, or several, STATUS_SYSTEM
 * when gpg cannot be run. */
int publish_key_check(const char *keyid, struct err *e);
/* Writes the public key `keyid` (gpg --export, minimal) to `path`
 * atomically, mode 0644. */
int publish_key_export(const char *keyid, const char *path, struct err *e);

#endif
