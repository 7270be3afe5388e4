# Shared by scripts/run and scripts/test: system libraries Qt needs, the virtualenv, and
# the page checkers the tests run (Nu HTML Checker on Java, axe-core in chromium).
# shellcheck shell=bash

# Libraries QtWebEngine loads, and a font that renders Hangul.
SYSTEM_PACKAGES=(
    libnss3 libxkbcommon0 libxkbfile1 libegl1 libgl1 libgbm1 libfontconfig1
    libxcomposite1 libxdamage1 libxrandr2 libxtst6 libdbus-1-3 fonts-noto-cjk
)
# What the xcb platform plugin needs to open a real window on an X11 or XWayland desktop.
DESKTOP_SYSTEM_PACKAGES=(
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0
)
# Java for vnu.jar, and Debian's browser for axe-core: the tests never download one.
TEST_SYSTEM_PACKAGES=(default-jre-headless chromium)
VALIDATORS_DIR=tools/validators

install_debian_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        echo "Please install these system packages: ${missing[*]}" >&2
        return 0
    fi
    echo "== installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

setup_system_packages() {
    install_debian_packages "${SYSTEM_PACKAGES[@]}"
}

setup_desktop_packages() {
    install_debian_packages "${DESKTOP_SYSTEM_PACKAGES[@]}"
}

setup_validators() {
    install_debian_packages "${TEST_SYSTEM_PACKAGES[@]}"
    if ! command -v npm >/dev/null; then
        echo "Please install Node.js and npm: the HTML and accessibility checks need them" >&2
        return 0
    fi
    # npm ci only when the lock file changed since the last install: it empties
    # node_modules first, which costs seconds on every run for nothing. No install
    # scripts: vnu-jar's would fetch a Java runtime when none is found, and the tests
    # run vnu.jar on Debian's Java themselves.
    local stamp="$VALIDATORS_DIR/node_modules/.installed-lock"
    if ! cmp -s "$VALIDATORS_DIR/package-lock.json" "$stamp" 2>/dev/null; then
        echo "== installing the page checkers (npm ci in $VALIDATORS_DIR)"
        (cd "$VALIDATORS_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
        cp "$VALIDATORS_DIR/package-lock.json" "$stamp"
    fi
}

setup_venv() {
    local extra=$1
    local python=${PYTHON:-python3}
    if [ ! -x .venv/bin/python ]; then
        echo "== creating .venv"
        "$python" -m venv .venv
    fi
    echo "== installing deskeditor ($extra)"
    if [ "$extra" = test ]; then
        .venv/bin/pip install -q --disable-pip-version-check -e '.[test]'
    else
        .venv/bin/pip install -q --disable-pip-version-check -e .
    fi
}
