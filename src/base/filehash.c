/* filehash: a file's size, SHA-256 and MD5. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <md5.h>
#include <sha2.h>
#include <unistd.h>

#include "base/filehash.h"

int
filehash_file(const char *path, struct filehash *h, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	unsigned char chunk[65536];
	SHA2_CTX sha;
	MD5_CTX md5;
	ssize_t n;

	if (fd < 0)
		return err_errno(e, "cannot read %s", path);
	SHA256Init(&sha);
	MD5Init(&md5);
	h->size = 0;
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err_errno(e, "cannot read %s", path);
			close(fd);
			return -1;
		}
		SHA256Update(&sha, chunk, (size_t)n);
		MD5Update(&md5, chunk, (size_t)n);
		h->size += n;
	}
	close(fd);
	SHA256End(&sha, h->sha256);
	MD5End(&md5, h->md5);
	return 0;
}

void
filehash_md5(const void *data, size_t len, char hex[33])
{
	MD5_CTX md5;

	MD5Init(&md5);
	MD5Update(&md5, data, len);
	MD5End(&md5, hex);
}
