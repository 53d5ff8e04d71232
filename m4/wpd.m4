# Local macros of dh-wazo-plugin.

# WPD_REQUIRE_PKG(VARIABLE-PREFIX, PKG-CONFIG-MODULE, HUMAN-NAME, DEBIAN-PACKAGE)
# Finds a library through pkg-config, or stops naming the package to install.
AC_DEFUN([WPD_REQUIRE_PKG], [
  PKG_CHECK_MODULES([$1], [$2], [],
    [AC_MSG_ERROR([$3 was not found (pkg-config module $2).
On Debian, install it with: apt-get install $4])])
])

# WPD_TRY_CFLAGS(VARIABLE, FLAG...)
# Appends to VARIABLE each FLAG the C compiler accepts.
AC_DEFUN([WPD_TRY_CFLAGS], [
  for wpd_flag in $2; do
    AC_MSG_CHECKING([whether $CC accepts $wpd_flag])
    wpd_saved_cflags=$CFLAGS
    CFLAGS="$CFLAGS -Werror $wpd_flag"
    AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
      [AC_MSG_RESULT([yes]); $1="$$1 $wpd_flag"],
      [AC_MSG_RESULT([no])])
    CFLAGS=$wpd_saved_cflags
  done
])

# WPD_COMPILER_WARNINGS: warnings on by default, --disable-warnings turns
# the extra ones off (-Wall -Wextra always stay).
AC_DEFUN([WPD_COMPILER_WARNINGS], [
  AC_ARG_ENABLE([warnings],
    [AS_HELP_STRING([--disable-warnings], [only -Wall -Wextra])],
    [], [enable_warnings=yes])
  WARN_CFLAGS="-Wall -Wextra"
  AS_IF([test "x$enable_warnings" = xyes], [
    WPD_TRY_CFLAGS([WARN_CFLAGS], [-Wshadow -Wformat=2 -Wmissing-prototypes -Wstrict-prototypes -Wvla -Wpointer-arith -Wundef -Wcast-align -Wnull-dereference])
  ])
  AC_SUBST([WARN_CFLAGS])
])

# WPD_SANITIZERS: --enable-sanitizers builds everything with AddressSanitizer
# and UndefinedBehaviorSanitizer, and makes undefined behaviour fatal.
AC_DEFUN([WPD_SANITIZERS], [
  AC_ARG_ENABLE([sanitizers],
    [AS_HELP_STRING([--enable-sanitizers], [build with AddressSanitizer and UndefinedBehaviorSanitizer])],
    [], [enable_sanitizers=no])
  SANITIZER_CFLAGS=
  AS_IF([test "x$enable_sanitizers" = xyes], [
    SANITIZER_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
    wpd_saved_cflags=$CFLAGS
    CFLAGS="$CFLAGS $SANITIZER_CFLAGS"
    AC_MSG_CHECKING([whether $CC links with $SANITIZER_CFLAGS])
    AC_LINK_IFELSE([AC_LANG_PROGRAM([], [])], [AC_MSG_RESULT([yes])],
      [AC_MSG_ERROR([$CC cannot build with sanitizers])])
    CFLAGS=$wpd_saved_cflags
  ])
  AC_SUBST([SANITIZER_CFLAGS])
])
