#!/usr/bin/env bash
# Proof that the built bundle needs no Python and only the documented system libraries:
# make a minimal Debian (debootstrap --variant=minbase, cached), add only the packages
# README-linux.txt lists as needed, copy the bundle in and run its self-test there.
#
#   build_spec/check_standalone.sh [BUNDLE_DIR] [--xvfb] [--suite SUITE[,SUITE...]]
#
# BUNDLE_DIR defaults to dist/czt-desktop. --xvfb also runs the self-test on a real X
# server (Xvfb, Qt's xcb plugin) inside the minimal system. --suite names the Debian
# releases to check in, one after the other (default: CZT_SUITE, else bookworm; the
# portable build is checked with --suite bullseye,bookworm). In each, the bundle's
# glibc floor (glibc_floor.py) must not be above the system's glibc.
# Needs root (debootstrap, chroot) and the Debian mirror apt already uses. Environment:
# CZT_SUITE, CZT_MIRROR (default: the first Debian URI in apt's sources),
# CZT_ROOTFS_CACHE (default /var/cache/czt-desktop/rootfs).
# Exit status: 0 when every check passed in every suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=build_spec/debian_root.sh
. build_spec/debian_root.sh

# What a target system needs besides glibc (keep in step with README-linux.txt):
# Qt's GUI library links libGL and libEGL (GLVND); libxcb comes with them.
RUNTIME_PACKAGES=(libgl1 libegl1 libxcb1)
XVFB_PACKAGES=(xvfb xauth)
# Libraries only Qt's Wayland plugin needs (loaded only in a Wayland session).
WAYLAND_ONLY='^libwayland-(client|cursor)\.so'

bundle=dist/czt-desktop
xvfb=0
suites=${CZT_SUITE:-bookworm}
while [ $# -gt 0 ]; do
    case "$1" in
        --xvfb) xvfb=1 ;;
        --suite) suites=${2:?"--suite needs names, e.g. --suite bullseye,bookworm"}; shift ;;
        --suite=*) suites=${1#--suite=} ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) bundle=$1 ;;
    esac
    shift
done
debian_root_requirements check_standalone
cache=${CZT_ROOTFS_CACHE:-/var/cache/czt-desktop/rootfs}
[ -x "$bundle/czt-desktop" ] || { echo "no bundle at $bundle: run build_spec/build.sh"; exit 2; }
mirror=$(debian_mirror)
# Python of this machine, for the decompressed copies and the glibc floor (the test
# system has none, by design).
py=${PY:-.venv/bin/python}
[ -x "$py" ] || py=python3
failures=0
ok() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }

work=
cleanup() {
    if [ -n "$work" ]; then
        debian_root_unmount "$work"
        rm -rf "$work"
    fi
    work=
}
trap cleanup EXIT

in_root() {
    chroot "$work" /usr/bin/env -i LANG=C.UTF-8 HOME=/root PATH=/usr/bin:/bin "$@"
}

# The minimal SUITE with the packages a target needs, cached; prints its folder.
test_system() {
    local suite=$1 layer
    shift
    debian_root_make "$cache/$suite-minbase" "$suite" "$mirror" "$cache/debootstrap.log" >&2
    # Named after the packages: an empty stamp says it is complete.
    layer=$cache/$suite-$(printf '%s\n' "$@" | sort | sha1sum | cut -c1-12)
    if ! debian_root_ready "$layer" ""; then
        echo "adding $* to a copy of it" >&2
        rm -rf "$layer"
        cp -a "$cache/$suite-minbase" "$layer"
        rm -f "$layer/.complete"
        chroot "$layer" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
            DEBIAN_FRONTEND=noninteractive sh -c \
            "apt-get update -qq && apt-get install -y -qq --no-install-recommends $* \
             && apt-get clean" > "$cache/apt.log" 2>&1 \
            || { tail -20 "$cache/apt.log" >&2; return 1; }
        : > "$layer/.complete"
    fi
    printf '%s\n' "$layer"
}

# Every check in a minimal Debian SUITE; counts what failed in $failures.
check_in() {
    local suite=$1 started layer pythons glibc floor packed=0 unresolved missing wayland
    started=$(date +%s)
    printf '\n== Debian %s\n' "$suite"
    local packages=("${RUNTIME_PACKAGES[@]}")
    [ "$xvfb" = 1 ] && packages+=("${XVFB_PACKAGES[@]}")
    mkdir -p "$cache"
    layer=$(test_system "$suite" "${packages[@]}") \
        || { fail "Debian $suite: the test system could not be made"; return; }

    work=$(mktemp -d "$cache/run.XXXXXX")
    cp -a "$layer/." "$work/"
    rm -f "$work/.complete"
    mkdir -p "$work/opt"
    cp -a "$bundle" "$work/opt/czt-desktop"
    echo "test system: Debian $suite minbase + ${packages[*]} ($(du -sh "$work" | cut -f1))"
    mount -t proc proc "$work/proc"

    pythons=$(in_root sh -c 'ls -d /usr/bin/python* /usr/lib/python3* /usr/local/bin/python* \
        2>/dev/null' || true)
    if [ -z "$pythons" ]; then
        ok "no Python in the test system"
    else
        fail "the test system has Python: $pythons"
    fi

    glibc=$(in_root ldd --version 2>/dev/null | awk 'NR == 1 {print $NF}' || true)
    ok "glibc of the test system: $glibc"
    if floor=$("$py" build_spec/glibc_floor.py --max "$glibc" "$bundle" 2>&1); then
        ok "$(printf '%s\n' "$floor" | head -1), not above $glibc"
    else
        fail "the bundle needs a newer glibc than $glibc has:"
        printf '%s\n' "$floor" | sed 's/^/      /'
    fi

    # The libraries the bundle stores compressed (czt_packed.txt, see slimming.py) are
    # checked from decompressed copies in /tmp/packed (same layout).
    if [ -f "$bundle/_internal/czt_packed.txt" ]; then
        packed=$("$py" - "$bundle/_internal" "$work/tmp/packed" <<'EOF'
import sys, zlib
from pathlib import Path
bundle, out = Path(sys.argv[1]), Path(sys.argv[2])
count = 0
for line in (bundle / "czt_packed.txt").read_text(encoding="utf-8").splitlines():
    if line and not line.startswith("#"):
        path = line.split("\t")[1]
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(zlib.decompress((bundle / (path + ".z")).read_bytes()))
        count += 1
print(count)
EOF
)
    fi

    # Every shared library of the bundle, resolved the way the bundle resolves them.
    cat > "$work/tmp/unresolved.sh" <<'EOF'
#!/bin/sh
roots="/opt/czt-desktop/_internal"
[ -d /tmp/packed ] && roots="$roots /tmp/packed"
# shellcheck disable=SC2086  # the roots are split on purpose
libs() { find $roots -type f -name '*.so*' ! -name '*.z'; }
dirs=$(libs | xargs -n1 dirname | sort -u | tr '\n' ':')
libs | while read -r f; do
    LD_LIBRARY_PATH=$dirs ldd "$f" 2>/dev/null | awk -v f="$f" '/not found/ {print $1, f}'
done | sort -u
EOF
    chmod +x "$work/tmp/unresolved.sh"
    unresolved=$(in_root /tmp/unresolved.sh)
    missing=$(printf '%s\n' "$unresolved" | awk 'NF {print $1}' | sort -u \
        | grep -Ev "$WAYLAND_ONLY" || true)
    wayland=$(printf '%s\n' "$unresolved" | awk 'NF {print $1}' | sort -u \
        | grep -E "$WAYLAND_ONLY" | tr '\n' ' ' || true)
    if [ -z "$missing" ]; then
        ok "every bundled library finds what it links to ($packed of them stored compressed)${wayland:+ (Wayland plugin only: $wayland)}"
    else
        fail "libraries not found: $(echo "$missing" | tr '\n' ' ')"
        printf '%s\n' "$unresolved" | grep -Ev "$WAYLAND_ONLY" | head -10 | sed 's/^/      /'
    fi

    echo "-- self-test, offscreen"
    if in_root QT_QPA_PLATFORM=offscreen CZT_DESKTOP_HOME=/tmp/home-offscreen \
            /opt/czt-desktop/czt-desktop --self-test; then
        ok "self-test offscreen (Debian $suite)"
    else
        fail "self-test offscreen (Debian $suite)"
    fi

    if [ "$xvfb" = 1 ]; then
        echo "-- self-test on X11 (Xvfb, xcb plugin)"
        if in_root QT_QPA_PLATFORM=xcb CZT_DESKTOP_HOME=/tmp/home-xcb \
                xvfb-run -a -s "-screen 0 1280x1024x24" /opt/czt-desktop/czt-desktop \
                --self-test; then
            ok "self-test on X11 (Debian $suite)"
        else
            fail "self-test on X11 (Debian $suite)"
        fi
    fi
    cleanup
    echo "Debian $suite: $(( $(date +%s) - started )) s"
}

all_started=$(date +%s)
for suite in ${suites//,/ }; do
    check_in "$suite"
done
echo
echo "check_standalone: $failures problem(s) in Debian ${suites//,/ and }," \
    "$(( $(date +%s) - all_started )) s"
[ "$failures" -eq 0 ]
