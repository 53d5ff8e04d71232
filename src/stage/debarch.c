/* debarch: Debian architecture names. */
#include <config.h>

#include "stage/debarch.h"

const char *
debarch_host(void)
{
	/* The architecture this program was compiled for, which is the one
	 * dpkg runs as on the machine that installed it. */
#if defined(__x86_64__) && defined(__ILP32__)
	return "x32";
#elif defined(__x86_64__)
	return "amd64";
#elif defined(__i386__)
	return "i386";
#elif defined(__aarch64__)
	return "arm64";
#elif defined(__arm__) && defined(__ARM_PCS_VFP)
	return "armhf";
#elif defined(__arm__)
	return "armel";
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
	return "ppc64el";
#elif defined(__powerpc64__)
	return "ppc64";
#elif defined(__s390x__)
	return "s390x";
#elif defined(__riscv) && __riscv_xlen == 64
	return "riscv64";
#elif defined(__mips__) && defined(__MIPSEL__) && defined(__LP64__)
	return "mips64el";
#elif defined(__mips__) && defined(__MIPSEL__)
	return "mipsel";
#elif defined(__loongarch64)
	return "loong64";
#else
	return "unknown";
#endif
}
