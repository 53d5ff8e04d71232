# Helpers of the tests and benchmarks that install plugins from an apt
# repository, sourced: the repository, signed with a throwaway key, its
# HTTP server on 127.0.0.1, and apt's sources pointing at it alone. The
# last one changes /etc/apt: call it only in a throwaway root
# (tests/dpkg-root).

# make_repo DIR DEB...: publishes DEB... with `wazo-plugin-deb publish`
# ($WAZO_PLUGIN_DEB) into the signed apt repository DIR (suite test,
# component main; made on first use), where they replace older versions
# of the same packages. The key is made in $GNUPGHOME on first use; publish
# exports it to DIR/key.gpg for signed-by.
make_repo() {
	repo_dir=$1
	shift
	mkdir -p "$GNUPGHOME"
	chmod 700 "$GNUPGHOME"
	if [ -z "$(gpg --batch --list-secret-keys 2>/dev/null)" ]; then
		gpg --batch --quiet --passphrase '' --quick-gen-key \
			'wazo-plugin-deb tests <tests@example.invalid>' \
			default default never || return 1
	fi
	repo_key=$(gpg --batch --with-colons --list-secret-keys |
		awk -F: '$1 == "fpr" { print $10; exit }')
	"${WAZO_PLUGIN_DEB:?}" publish -q --repo "$repo_dir" --codename test \
		--sign-with "$repo_key" "$@"
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
