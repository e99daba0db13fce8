#!/usr/bin/env bash
# Build czt-desktop for this system with PyInstaller (the command behind `make dist`):
#
#   dist/czt-desktop/                          one-folder bundle (run dist/czt-desktop/czt-desktop)
#   dist/czt-desktop-<ver>-<os>-<arch>[.exe]   one-file executable
#   dist/czt-desktop-<ver>-linux-<arch>.tar.gz Linux: the bundle + .desktop file, AppStream
#                                              metainfo, hicolor icons, licences, install.sh
#
# then runs `czt-desktop --self-test` in the one-folder bundle and fails if it fails, and
# on Linux prints the bundle's glibc floor (glibc_floor.py), which the archive's
# README.txt states. Environment: PY (default .venv/bin/python), CZT_BUNDLE
# (onedir|onefile|both, default both), CZT_SKIP_SELF_TEST=1, CZT_NO_ARCHIVE=1,
# CZT_GLIBC_MAX=X.Y (fail if the bundle needs a newer glibc). Needs the project venv
# (make setup). The release build for Linux runs this inside Debian 11:
# build_portable.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
export CZT_BUNDLE=${CZT_BUNDLE:-both}
PYINSTALLER_PIN="pyinstaller==6.22.3"  # same pin as pyproject's [dist] extra

say() { printf '\n== %s\n' "$*"; }

[ -x "$PY" ] || { echo "no $PY: run 'make setup' first (or set PY=path/to/python)"; exit 2; }
version=$("$PY" -c 'import czt_desktop; print(czt_desktop.__version__)')

say "PyInstaller"
if ! "$PY" -c 'import PyInstaller' 2>/dev/null; then
    "$PY" -m pip install --quiet -e '.[dist]' 2>/dev/null || true
    "$PY" -c 'import PyInstaller' 2>/dev/null || "$PY" -m pip install --quiet "$PYINSTALLER_PIN"
fi
"$PY" -m PyInstaller --version

if [ "$(uname -s)" = "Linux" ]; then
    # Tools the spec's size reductions use (build_spec/slimming.py) and the metadata
    # validators. Without them the build still works, only bigger / unvalidated.
    need=()
    command -v strip >/dev/null && command -v readelf >/dev/null || need+=(binutils)
    command -v icupkg >/dev/null || need+=(icu-devtools)
    command -v cc >/dev/null || need+=(gcc)
    command -v appstreamcli >/dev/null || need+=(appstream)
    command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
    if [ ${#need[@]} -gt 0 ]; then
        if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
            say "installing build tools: ${need[*]}"
            DEBIAN_FRONTEND=noninteractive apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
                "${need[@]}" >/dev/null
        else
            echo "optional build tools missing: sudo apt-get install ${need[*]}"
        fi
    fi
fi

say "building ($CZT_BUNDLE)"
started=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller build_spec/czt_desktop.spec
echo "PyInstaller took $(( $(date +%s) - started )) s"

bundle=dist/czt-desktop
exe=$bundle/czt-desktop
[ -x "$exe.exe" ] && exe=$exe.exe
if [ -d "$bundle" ] && [ "${CZT_SKIP_SELF_TEST:-0}" != 1 ]; then
    say "self-test of $bundle"
    home=$(mktemp -d)
    # LANG: a C locale makes Qt warn and guess the text encoding.
    LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen CZT_DESKTOP_HOME="$home" "$exe" --self-test
    rm -rf "$home"
fi

if [ "$(uname -s)" = "Linux" ] && [ -d "$bundle" ]; then
    say "glibc floor${CZT_GLIBC_MAX:+ (at most $CZT_GLIBC_MAX)}"
    "$PY" build_spec/glibc_floor.py ${CZT_GLIBC_MAX:+--max "$CZT_GLIBC_MAX"} "$bundle"
fi

if [ "$(uname -s)" = "Linux" ] && [ -d "$bundle" ] && [ "${CZT_NO_ARCHIVE:-0}" != 1 ]; then
    arch=$(uname -m)
    name="czt-desktop-$version-linux-$arch"
    stage="build/archive/$name"
    say "archive dist/$name.tar.gz"
    rm -rf "$stage"
    mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/licenses"
    cp -a "$bundle" "$stage/czt-desktop"
    cp build_spec/org.cztdesktop.Timeline.desktop "$stage/share/applications/"
    cp build_spec/org.cztdesktop.Timeline.metainfo.xml "$stage/share/metainfo/"
    for png in resources/icons/czt-desktop-*.png; do
        size=${png##*-}; size=${size%.png}
        mkdir -p "$stage/share/icons/hicolor/${size}x${size}/apps"
        cp "$png" "$stage/share/icons/hicolor/${size}x${size}/apps/org.cztdesktop.Timeline.png"
    done
    mkdir -p "$stage/share/icons/hicolor/scalable/apps"
    cp resources/icons/czt-desktop.svg \
        "$stage/share/icons/hicolor/scalable/apps/org.cztdesktop.Timeline.svg"
    cp -a "$bundle/_internal/licenses/." "$stage/licenses/"
    cp build_spec/install.sh "$stage/install.sh"
    # README.txt states the glibc this build needs and the systems that have it.
    # (the build system's glibc if higher: the bundle is only known to run there and on
    # newer systems).
    "$PY" build_spec/glibc_floor.py --readme build_spec/README-linux.txt \
        --at-least "$(getconf GNU_LIBC_VERSION | awk '{print $2}')" "$bundle" \
        > "$stage/README.txt"
    # The museum kiosk: its systemd user unit (install.sh --kiosk) and its guide.
    cp build_spec/czt-desktop-kiosk.service "$stage/"
    cp docs/KIOSK.md "$stage/KIOSK.md"
    chmod +x "$stage/install.sh"
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate "$stage/share/applications/org.cztdesktop.Timeline.desktop"
        echo "desktop file: valid"
    fi
    if command -v appstreamcli >/dev/null; then
        appstreamcli validate --no-net --explain \
            "$stage/share/metainfo/org.cztdesktop.Timeline.metainfo.xml"
    fi
    # Stable order and owners, so two builds of the same bundle give the same listing.
    tar --sort=name --owner=0 --group=0 --numeric-owner -C build/archive \
        -czf "dist/$name.tar.gz" "$name"
fi

say "done"
du -sh "$bundle" 2>/dev/null || true
ls -l dist | grep -v '^total' || true
