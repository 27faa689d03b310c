#!/bin/sh
# Prepare a machine for skpdesk: system libraries Qt needs (installed when we are root),
# a virtual environment, and the pinned Python packages. Safe to run again.
set -eu
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

need_root_pkgs=""
# Qt's offscreen and xcb platforms load these at run time (the list: scripts/pustaka-qt.txt).
for pkg in $(grep -v '^#' "$(dirname "$0")/pustaka-qt.txt"); do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
        || need_root_pkgs="$need_root_pkgs $pkg"
done
# Debian's python3 needs python3-venv (ensurepip) to create a virtual environment.
if ! "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1; then
    need_root_pkgs="$need_root_pkgs python3-venv"
fi
if [ -n "$need_root_pkgs" ] && command -v dpkg-query >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
        echo "Memasang pustaka sistem:$need_root_pkgs"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need_root_pkgs >/dev/null
    else
        echo "Pustaka sistem berikut belum terpasang:$need_root_pkgs" >&2
        echo "Pasang dengan: sudo apt-get install$need_root_pkgs" >&2
        exit 1
    fi
fi

"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
    echo "skpdesk memerlukan Python 3.11 atau lebih baru." >&2; exit 1; }

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade "pip==26.3"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[dev,postgres]'
