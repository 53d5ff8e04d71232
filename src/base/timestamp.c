/* timestamp: the time a package is made at. */
#include <config.h>

#include <errno.h>
#include <stdlib.h>

#include "base/buf.h"
#include "base/timestamp.h"

int
timestamp_get(time_t *out, struct err *e)
{
	return timestamp_parse(getenv("SOURCE_DATE_EPOCH"), out, e);
}

int
timestamp_parse(const char *sde, time_t *out, struct err *e)
{
	char *end;
	long long v;

	if (sde == NULL) {
		*out = time(NULL);
		return 0;
	}
	/* Set but empty is malformed, as dpkg-deb holds it, rather than a
	 * silent "now" that makes a build unreproducible. */
	if (*sde == '\0')
		return err_set(e, STATUS_USAGE, "SOURCE_DATE_EPOCH is set but "
		    "empty: unset it, or set it to a number of seconds");
	errno = 0;
	v = strtoll(sde, &end, 10);
	if (*end != '\0' || errno != 0 || v < 0 || sde[0] == '-' ||
	    sde[0] == '+' || sde[0] == ' ')
		return err_set(e, STATUS_USAGE, "SOURCE_DATE_EPOCH '%s' is not "
		    "a number of seconds", sde);
	*out = (time_t)v;
	return 0;
}

char *
timestamp_rfc5322(time_t t)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;

	gmtime_r(&t, &tm);
	return xasprintf("%s, %02d %s %04d %02d:%02d:%02d +0000",
	    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}
