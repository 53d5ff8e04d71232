/* cli_numbers: the numbers options take, read strictly. */
#ifndef WPD_CLI_NUMBERS_H
#define WPD_CLI_NUMBERS_H

/* A whole number from min to max, or -1. */
int cli_numbers_count(const char *s, int min, int max);
/* A byte count with an optional K, M or G (powers of 1024): 0, or -1
 * when `s` is none. */
int cli_numbers_size(const char *s, unsigned long long *out);

#endif
