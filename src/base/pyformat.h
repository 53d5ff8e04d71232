/* pyformat: Python's text forms of values, which Jinja2 templates and
 * wazo-plugind show. */
#ifndef WPD_PYFORMAT_H
#define WPD_PYFORMAT_H

/* Python's repr() (and str()) of a float: the shortest digits that read
 * back the same value, as "1.1", "1e+16", "inf". The caller frees it. */
char *pyformat_float_repr(double v);

#endif
