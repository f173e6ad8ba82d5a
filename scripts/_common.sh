# Shared by scripts/run and scripts/test: make sure uv and the project's packages are present.
# Sourced, not run.

ensure_uv() {
    if ! command -v uv >/dev/null 2>&1; then
        echo "==> installing uv" >&2
        python3 -m pip install --quiet --disable-pip-version-check uv \
            || python3 -m pip install --quiet --disable-pip-version-check --user uv
        export PATH="$HOME/.local/bin:$PATH"
    fi
}

# ensure_debs PKG...: install Debian packages that are missing (needs root or sudo).
ensure_debs() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> installing Debian packages: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
}
