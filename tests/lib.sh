# Helpers of the shell tests: TAP output and a scratch directory.
# The test environment sets WAZO_PLUGIN_DEB (the program) and top_srcdir.

: "${WAZO_PLUGIN_DEB:?run the tests through make check}"
: "${top_srcdir:?run the tests through make check}"

# Debian's Python, which tools/install-deps gives python3-jinja2,
# python3-yaml and python3-junitparser (a python3 earlier in PATH may
# lack them).
if [ -x /usr/bin/python3 ]; then
	PYTHON=/usr/bin/python3
else
	PYTHON=python3
fi

tap_count=0
tap_failed=0

# ok NAME: records a passing test.
ok() {
	tap_count=$((tap_count + 1))
	echo "ok $tap_count - $1"
}

# not_ok NAME [DETAILS-FILE]: records a failing test and shows why.
not_ok() {
	tap_count=$((tap_count + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_count - $1"
	if [ -n "${2:-}" ] && [ -f "$2" ]; then
		sed 's/^/# /' "$2"
	fi
}

# await NAME SECONDS COMMAND...: runs COMMAND every tenth of a second
# until it succeeds; after SECONDS, records the failing test NAME (what
# never came) and returns 1.
await() {
	await_name=$1 await_tries=$(($2 * 10))
	shift 2
	while ! "$@"; do
		if [ "$await_tries" -le 0 ]; then
			not_ok "$await_name"
			return 1
		fi
		sleep 0.1
		await_tries=$((await_tries - 1))
	done
	return 0
}

# tap_done: prints the plan; call last.
tap_done() {
	echo "1..$tap_count"
}

# scratch: a fresh directory removed when the test exits.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/wpd-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# run_program OUT ERR ARGS...: runs the program, stores stdout, stderr and
# the exit status (in $status).
run_program() {
	out=$1 err=$2
	shift 2
	status=0
	"$WAZO_PLUGIN_DEB" "$@" >"$out" 2>"$err" || status=$?
}

# expect_output NAME EXPECTED-STATUS EXPECTED-STDERR-FILE [EXPECTED-STDOUT-FILE]
# compares the last run_program with what was expected.
expect_output() {
	name=$1 want_status=$2 want_err=$3 want_out=${4:-}
	report="$scratch/report"
	: >"$report"
	[ "$status" = "$want_status" ] ||
		echo "exit status $status, expected $want_status" >>"$report"
	diff -u "$want_err" "$err" >>"$report" 2>&1 || true
	if [ -n "$want_out" ]; then
		diff -u "$want_out" "$out" >>"$report" 2>&1 || true
	fi
	if [ -s "$report" ]; then
		not_ok "$name" "$report"
	else
		ok "$name"
	fi
}
