/* pyformat: Python's text forms of values, which Jinja2 templates and
 * wazo-plugind show. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/pyformat.h"

/* Python's repr() of a float: the shortest digits that read back the same
 * value, fixed notation for decimal exponents from -4 to 15. */
char *
pyformat_float_repr(double v)
{
	char digits[32], *mantissa, *e;
	struct buf b = BUF_INIT;
	int exp, precision;

	if (isnan(v))
		return xstrdup("nan");
	if (isinf(v))
		return xstrdup(v < 0 ? "-inf" : "inf");
	for (precision = 0; precision < 17; precision++) {
		snprintf(digits, sizeof(digits), "%.*e", precision, v);
		if (strtod(digits, NULL) == v)
			break;
	}
	e = strchr(digits, 'e');
	*e = '\0';
	exp = atoi(e + 1);
	mantissa = digits;
	if (*mantissa == '-') {
		buf_addc(&b, '-');
		mantissa++;
	}
	/* mantissa is "d" or "d.ddd"; drop the point to get the digits. */
	if (mantissa[1] == '.')
		memmove(mantissa + 1, mantissa + 2, strlen(mantissa + 2) + 1);
	if (exp < -4 || exp >= 16) {
		buf_addc(&b, mantissa[0]);
		if (mantissa[1] != '\0')
			buf_addf(&b, ".%s", mantissa + 1);
		buf_addf(&b, "e%c%02d", exp < 0 ? '-' : '+', abs(exp));
	} else if (exp < 0) {
		buf_adds(&b, "0.");
		for (int i = -1; i > exp; i--)
			buf_addc(&b, '0');
		buf_adds(&b, mantissa);
	} else {
		size_t ndigits = strlen(mantissa);

		for (int i = 0; i <= exp; i++)
			buf_addc(&b, (size_t)i < ndigits ? mantissa[i] : '0');
		buf_addc(&b, '.');
		buf_adds(&b, (size_t)exp + 1 < ndigits ? mantissa + exp + 1 : "0");
	}
	return buf_detach(&b);
}
