#!/usr/bin/env bash
# Proof that the built bundle needs no Python and only the documented system libraries:
# make a minimal Debian (debootstrap --variant=minbase, cached), add only the packages
# README-linux.txt lists as needed, copy the bundle in and run its self-test there.
#
#   build_spec/check_standalone.sh [BUNDLE_DIR] [--xvfb]
#
# BUNDLE_DIR defaults to dist/czt-desktop. --xvfb also runs the self-test on a real X
# server (Xvfb, Qt's xcb plugin) inside the minimal system. Needs root (debootstrap,
# chroot) and the Debian mirror apt already uses. Environment: CZT_SUITE (default
# bookworm), CZT_MIRROR (default: the first Debian URI in apt's sources),
# CZT_ROOTFS_CACHE (default /var/cache/czt-desktop/rootfs, or ~/.cache/... for others).
# Exit status: 0 when every check passed.
set -euo pipefail
cd "$(dirname "$0")/.."

# What a target system needs besides glibc (keep in step with README-linux.txt):
# Qt's GUI library links libGL and libEGL (GLVND); libxcb comes with them.
RUNTIME_PACKAGES=(libgl1 libegl1 libxcb1)
XVFB_PACKAGES=(xvfb xauth)
# Libraries only Qt's Wayland plugin needs (loaded only in a Wayland session).
WAYLAND_ONLY='^libwayland-(client|cursor)\.so'

bundle=dist/czt-desktop
xvfb=0
for arg in "$@"; do
    case "$arg" in
        --xvfb) xvfb=1 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) bundle=$arg ;;
    esac
done
suite=${CZT_SUITE:-bookworm}
if [ "$(id -u)" -eq 0 ]; then
    cache=${CZT_ROOTFS_CACHE:-/var/cache/czt-desktop/rootfs}
else
    echo "check_standalone: needs root (debootstrap and chroot)"; exit 2
fi
[ -x "$bundle/czt-desktop" ] || { echo "no bundle at $bundle: run build_spec/build.sh"; exit 2; }
started=$(date +%s)
failures=0
ok() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; failures=$((failures + 1)); }

if ! command -v debootstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        debootstrap >/dev/null
fi

mirror=${CZT_MIRROR:-}
if [ -z "$mirror" ]; then
    # The mirror this machine's apt already uses (deb822 sources first, then the list).
    mirror=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' \
        /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 !~ /security/ {print $2; exit}' \
        /etc/apt/sources.list 2>/dev/null || true)
fi
[ -n "$mirror" ] || { echo "no Debian mirror found: set CZT_MIRROR"; exit 2; }

mkdir -p "$cache"
base=$cache/$suite-minbase
if [ ! -f "$base/.complete" ]; then
    echo "making a minimal $suite in $base (once; about a minute)"
    rm -rf "$base"
    debootstrap --variant=minbase "$suite" "$base" "$mirror" > "$cache/debootstrap.log" 2>&1 \
        || { tail -20 "$cache/debootstrap.log"; exit 1; }
    touch "$base/.complete"
fi

packages=("${RUNTIME_PACKAGES[@]}")
[ "$xvfb" = 1 ] && packages+=("${XVFB_PACKAGES[@]}")
layer=$cache/$suite-$(printf '%s\n' "${packages[@]}" | sort | sha1sum | cut -c1-12)
if [ ! -f "$layer/.complete" ]; then
    echo "adding ${packages[*]} to a copy of it"
    rm -rf "$layer"
    cp -a "$base" "$layer"
    rm -f "$layer/.complete"
    chroot "$layer" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive sh -c \
        "apt-get update -qq && apt-get install -y -qq --no-install-recommends ${packages[*]} \
         && apt-get clean" > "$cache/apt.log" 2>&1 || { tail -20 "$cache/apt.log"; exit 1; }
    touch "$layer/.complete"
fi

work=$(mktemp -d "$cache/run.XXXXXX")
cleanup() {
    mountpoint -q "$work/proc" 2>/dev/null && umount "$work/proc"
    rm -rf "$work"
}
trap cleanup EXIT
cp -a "$layer/." "$work/"
mkdir -p "$work/opt"
cp -a "$bundle" "$work/opt/czt-desktop"
echo "test system: Debian $suite minbase + ${packages[*]} ($(du -sh "$work" | cut -f1))"
mount -t proc proc "$work/proc"

in_root() {
    chroot "$work" /usr/bin/env -i LANG=C.UTF-8 HOME=/root PATH=/usr/bin:/bin "$@"
}

pythons=$(in_root sh -c 'ls -d /usr/bin/python* /usr/lib/python3* /usr/local/bin/python* \
    2>/dev/null' || true)
if [ -z "$pythons" ]; then
    ok "no Python in the test system"
else
    fail "the test system has Python: $pythons"
fi

glibc=$(in_root ldd --version 2>/dev/null | awk 'NR == 1 {print $NF}' || true)
ok "glibc of the test system: $glibc"

# The libraries the bundle stores compressed (czt_packed.txt, see slimming.py) are
# checked from decompressed copies in /tmp/packed (same layout), made here with the
# build's Python: the test system has none, by design.
packed=0
if [ -f "$bundle/_internal/czt_packed.txt" ]; then
    py=${PY:-.venv/bin/python}
    [ -x "$py" ] || py=python3
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
missing=$(printf '%s\n' "$unresolved" | awk 'NF {print $1}' | sort -u | grep -Ev "$WAYLAND_ONLY" \
    || true)
wayland=$(printf '%s\n' "$unresolved" | awk 'NF {print $1}' | sort -u | grep -E "$WAYLAND_ONLY" \
    | tr '\n' ' ' || true)
if [ -z "$missing" ]; then
    ok "every bundled library finds what it links to ($packed of them stored compressed)${wayland:+ (Wayland plugin only: $wayland)}"
else
    fail "libraries not found: $(echo "$missing" | tr '\n' ' ')"
    printf '%s\n' "$unresolved" | grep -Ev "$WAYLAND_ONLY" | head -10 | sed 's/^/      /'
fi

echo "-- self-test, offscreen"
if in_root QT_QPA_PLATFORM=offscreen CZT_DESKTOP_HOME=/tmp/home-offscreen \
        /opt/czt-desktop/czt-desktop --self-test; then
    ok "self-test offscreen"
else
    fail "self-test offscreen"
fi

if [ "$xvfb" = 1 ]; then
    echo "-- self-test on X11 (Xvfb, xcb plugin)"
    if in_root QT_QPA_PLATFORM=xcb CZT_DESKTOP_HOME=/tmp/home-xcb \
            xvfb-run -a -s "-screen 0 1280x1024x24" /opt/czt-desktop/czt-desktop --self-test; then
        ok "self-test on X11"
    else
        fail "self-test on X11"
    fi
fi

echo "check_standalone: $failures problem(s), $(( $(date +%s) - started )) s"
[ "$failures" -eq 0 ]
