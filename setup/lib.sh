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

# axe-core, the accessibility checker the browser tests inject into each page, from the npm
# registry at a pinned version and checksum (no Node.js needed: the tarball holds the script).
AXE_VERSION=4.14.1
AXE_SHA512=1477dafa598d8d065f273d6af302aa203c02e83131707b7fa648cd41bd3d6b734f8c22a0dab86ee6a6f64b8afbe804b214d36db85a2826965edfb3a0b9d546b5
AXE_DIR=var/tools/axe-core-$AXE_VERSION
ensure_axe() {
    if [ -s "$AXE_DIR/axe.min.js" ]; then return; fi
    mkdir -p "$AXE_DIR"
    local tgz="$AXE_DIR/axe-core.tgz"
    curl -fsSL --retry 3 -o "$tgz" "https://registry.npmjs.org/axe-core/-/axe-core-$AXE_VERSION.tgz"
    echo "$AXE_SHA512  $tgz" | sha512sum -c --quiet -
    tar -xzf "$tgz" -C "$AXE_DIR" --strip-components=1 package/axe.min.js package/LICENSE
    rm "$tgz"
}
