/* cli_numbers: the numbers options take. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>

#include "cli/cli_numbers.h"

int
cli_numbers_count(const char *s, int min, int max)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || v < min || v > max)
		return -1;
	return (int)v;
}

int
cli_numbers_size(const char *s, unsigned long long *out)
{
	char *end;
	unsigned long long v;
	int shift = 0;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (*end == 'K' || *end == 'k')
		shift = 10;
	else if (*end == 'M' || *end == 'm')
		shift = 20;
	else if (*end == 'G' || *end == 'g')
		shift = 30;
	if (shift)
		end++;
	if (*end != '\0' || errno != 0 || v == 0 || v > (~0ULL >> shift))
		return -1;
	*out = v << shift;
	return 0;
}
