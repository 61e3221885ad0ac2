# Shared by setup/run and setup/test: install missing Debian packages, nothing else.

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else echo "setup: need root (or sudo) to install: $*" >&2; exit 1
    fi
}

# Installs each package whose test command ($1=package, $2=shell test) fails.
ensure_packages() {
    local missing=()
    while [ $# -gt 1 ]; do
        if ! eval "$2" >/dev/null 2>&1; then missing+=("$1"); fi
        shift 2
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "setup: installing ${missing[*]}"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
    fi
}

has_pg_server='ls /usr/lib/postgresql/*/bin/pg_ctl'
