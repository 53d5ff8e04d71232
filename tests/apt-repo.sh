# Helpers of the tests and benchmarks that install plugins from an apt
# repository, sourced: the repository, signed with a throwaway key, its
# HTTP server on 127.0.0.1, and apt's sources pointing at it alone. The
# last one changes /etc/apt: call it only in a throwaway root
# (tests/dpkg-root).

# make_repo DIR DEB...: a signed apt repository in DIR (suite test,
# component main) holding DEB..., which replace older versions of the
# same packages. The key is made in $GNUPGHOME on first use, and
# exported to DIR/key.gpg for signed-by.
make_repo() {
	repo_dir=$1
	shift
	mkdir -p "$repo_dir/conf" "$GNUPGHOME"
	chmod 700 "$GNUPGHOME"
	if [ -z "$(gpg --batch --list-secret-keys 2>/dev/null)" ]; then
		gpg --batch --quiet --passphrase '' --quick-gen-key \
			'wazo-plugin-deb tests <tests@example.invalid>' \
			default default never || return 1
	fi
	gpg --batch --export >"$repo_dir/key.gpg" || return 1
	cat >"$repo_dir/conf/distributions" <<DIST
Codename: test
Components: main
Architectures: $(dpkg --print-architecture)
SignWith: yes
DIST
	reprepro --silent -b "$repo_dir" includedeb test "$@"
}

# serve_repo DIR LOG: serves DIR over HTTP on a free port of 127.0.0.1,
# in the background: sets $server (its pid) and $port; fails when no
# port shows in LOG within 30 seconds.
serve_repo() {
	"${PYTHON:-python3}" -u -m http.server --bind 127.0.0.1 --directory "$1" \
		0 >"$2" 2>&1 &
	server=$!
	for _ in $(seq 300); do
		port=$(sed -n 's/^Serving HTTP on .* port \([0-9]*\) .*/\1/p' "$2")
		[ -n "$port" ] && return 0
		sleep 0.1
	done
	return 1
}

# use_repo DIR PORT: apt's only source is the repository DIR served on
# PORT (its key in /etc/apt/keyrings), read by apt-get update.
use_repo() {
	rm -f /etc/apt/sources.list /etc/apt/sources.list.d/*
	mkdir -p /etc/apt/keyrings
	cp "$1/key.gpg" /etc/apt/keyrings/wazo-plugin-deb-tests.gpg
	chmod 644 /etc/apt/keyrings/wazo-plugin-deb-tests.gpg
	echo "deb [signed-by=/etc/apt/keyrings/wazo-plugin-deb-tests.gpg]" \
		"http://127.0.0.1:$2/ test main" \
		>/etc/apt/sources.list.d/wazo-plugin-deb-tests.list
	apt-get update -q
}
