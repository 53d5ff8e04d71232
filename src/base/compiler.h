/* compiler: attributes used across the project. */
#ifndef WPD_COMPILER_H
#define WPD_COMPILER_H

#if defined(__GNUC__) || defined(__clang__)
#define WPD_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define WPD_NORETURN __attribute__((noreturn))
#else
#define WPD_PRINTF(fmt, args)
#define WPD_NORETURN
#endif

#define WPD_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
