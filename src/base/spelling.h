/* spelling: finds the word a misspelt key was probably meant to be. */
#ifndef WPD_SPELLING_H
#define WPD_SPELLING_H

#include <stddef.h>

/* The word of `words[count]` that `word` is a likely typo of (at most two
 * edits, and few for short words), or NULL. */
const char *spelling_nearest(const char *word, const char *const *words,
    size_t count);

#endif
