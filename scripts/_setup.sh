# Shared by scripts/run and scripts/test: system libraries Qt needs, and the virtualenv.
# shellcheck shell=bash

# Libraries QtWebEngine loads, and a font that renders Hangul.
SYSTEM_PACKAGES=(
    libnss3 libxkbcommon0 libxkbfile1 libegl1 libgl1 libgbm1 libfontconfig1
    libxcomposite1 libxdamage1 libxrandr2 libxtst6 libdbus-1-3 fonts-noto-cjk
)

setup_system_packages() {
    local missing=()
    for package in "${SYSTEM_PACKAGES[@]}"; do
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
