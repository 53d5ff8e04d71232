/* elfarch: compiled objects in a payload and their architecture. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/filetype.h"
#include "deb/elfarch.h"

struct elfarch {
	struct filetype *types;
};

struct elfarch *
elfarch_new(void)
{
	struct elfarch *d = xcalloc(1, sizeof(struct elfarch));

	d->types = filetype_new();
	return d;
}

void
elfarch_free(struct elfarch *d)
{
	if (d == NULL)
		return;
	filetype_free(d->types);
	free(d);
}

/* The MIME types libmagic gives ELF objects. */
static const char *const elf_types[] = {
	"application/x-executable", "application/x-pie-executable",
	"application/x-sharedlib", "application/x-object",
};

static bool
is_elf(struct elfarch *d, const void *head, size_t len)
{
	const char *type = filetype_buffer(d->types, head, len);

	for (size_t i = 0; type && i < sizeof(elf_types) / sizeof(*elf_types); i++)
		if (strcmp(type, elf_types[i]) == 0)
			return true;
	return false;
}

static unsigned
read16(const unsigned char *p, bool little)
{
	return little ? (unsigned)(p[0] | p[1] << 8) : (unsigned)(p[0] << 8 | p[1]);
}

static uint32_t
read32(const unsigned char *p, bool little)
{
	return little ? (uint32_t)p[0] | (uint32_t)p[1] << 8 |
	    (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24 :
	    (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/* Debian's name for an ELF header's machine, class, byte order, flags. */
static const char *
debian_name(unsigned machine, bool wide, bool little, uint32_t flags)
{
	switch (machine) {
	case 3: return "i386";
	case 62: return wide ? "amd64" : "x32";
	case 183: return "arm64";
	case 40: return flags & 0x400 ? "armhf" : "armel";
	case 21: return little ? "ppc64el" : "ppc64";
	case 22: return "s390x";
	case 243: return wide ? "riscv64" : "unknown";
	case 8: return wide ? (little ? "mips64el" : "mips64") :
	    (little ? "mipsel" : "mips");
	case 258: return "loong64";
	default: return "unknown";
	}
}

const char *
elfarch_detect(struct elfarch *d, const void *head, size_t len)
{
	const unsigned char *h = head;
	bool wide, little;

	/* Only files that start as ELF does are worth asking libmagic about;
	 * libmagic then says whether it is an object. */
	if (len < 52 || memcmp(h, "\x7f" "ELF", 4) != 0 || !is_elf(d, head, len))
		return NULL;
	wide = h[4] == 2;
	little = h[5] == 1;
	if (wide && len < 64)
		return "unknown";
	return debian_name(read16(h + 18, little), wide, little,
	    read32(h + (wide ? 48 : 36), little));
}
