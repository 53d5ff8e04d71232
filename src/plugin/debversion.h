/* debversion: Debian version strings, as deb-version(5) defines them. */
#ifndef WPD_DEBVERSION_H
#define WPD_DEBVERSION_H

/* NULL when `s` is a valid version ([epoch:]upstream[-revision]), else a
 * static sentence saying what is wrong. */
const char *debversion_check(const char *s);
/* <0, 0 or >0 as dpkg orders the two valid versions a and b. */
int debversion_compare(const char *a, const char *b);

#endif
