#!/bin/sh
# make bundle: freeze skpdesk (PyInstaller one-folder), smoke-run the frozen binary, print its
# size and start-up against the budgets, and compile the NSIS installer script as a check.
# Expects the venv of `make` with the bundle extra installed.
set -eu
VENV=${VENV:-.venv}
BIN=$VENV/bin
DIST=dist/skpdesk
BUILD=build
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

# makensis compiles Windows installers on Linux too (Debian package nsis).
if ! command -v makensis >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Memasang nsis (makensis)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nsis >/dev/null
    else
        echo "makensis tidak ditemukan. Pasang dengan: sudo apt-get install nsis" >&2
        exit 1
    fi
fi

now() { date +%s; }
t0=$(now)
echo "== PyInstaller: $DIST"
"$BIN/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath "$BUILD/pyinstaller" installer/skpdesk.spec
t1=$(now)

echo "== smoke run of the frozen binary"
# Judged by its report file and exit code, as on Windows (windowed exe, no stdout there).
"$BIN/python" installer/smoke.py "$DIST" --laporan "$BUILD/selftest.txt"
t2=$(now)

echo "== makensis: installer/skpdesk.nsi"
# A real compile of the per-user installer from this bundle (a Linux bundle, so the .exe is
# only a check and is not shipped), and of the all-users variant from a stub folder.
defines=$("$BIN/python" installer/version.py)
# shellcheck disable=SC2086
makensis -V2 -WX $defines -DBUNDLE_DIR="$PWD/$DIST" \
    -DOUTFILE="$PWD/$BUILD/skpdesk-setup-check.exe" installer/skpdesk.nsi
mkdir -p "$BUILD/nsis-stub"
printf 'stub' > "$BUILD/nsis-stub/skpdesk.exe"
# shellcheck disable=SC2086
makensis -V2 -WX -DALLUSERS $defines -DBUNDLE_DIR="$PWD/$BUILD/nsis-stub" \
    -DOUTFILE="$PWD/$BUILD/skpdesk-setup-allusers-check.exe" installer/skpdesk.nsi
t3=$(now)

echo "== budgets (DESIGN.md §4)"
"$BIN/python" bench/bundle.py "$DIST" --installer "$BUILD/skpdesk-setup-check.exe"
t4=$(now)
echo "== time: freeze $((t1 - t0)) s, smoke $((t2 - t1)) s, makensis $((t3 - t2)) s," \
    "bench $((t4 - t3)) s; total $((t4 - t0)) s"
echo "(installer size measured from the Linux bundle: indicative of the Windows one)"
