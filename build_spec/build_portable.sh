#!/usr/bin/env bash
# The release build for Linux (`make dist-portable`): the same outputs as build.sh, made
# inside an old Debian so that they run on its glibc and every newer one.
#
#   build_spec/build_portable.sh
#
# 1. a minimal Debian CZT_PORTABLE_SUITE (default bullseye: glibc 2.31) with the build
#    tools and Qt's system libraries, made with debootstrap (cached);
# 2. Python 3.11 built in it from Debian's own source package of CPython
#    (CZT_PYTHON_SOURCE, default python3.11 of bookworm; cached);
# 3. a venv there with the project's packages from PyPI, PySide6 pinned by
#    build_spec/portable-constraints.txt (its wheels must allow that glibc);
# 4. build_spec/build.sh in it (PyInstaller, the bundle's self-test, the archive), then
#    the outputs copied to dist/ and their glibc floor checked (glibc_floor.py) against
#    the suite's glibc.
#
# Needs root (debootstrap, chroot, mount) and the Debian mirror apt uses; PyPI for the
# wheels. Nothing else is downloaded. Environment: CZT_PORTABLE_SUITE,
# CZT_PYTHON_SOURCE_SUITE (default bookworm), CZT_BUNDLE (default both), CZT_MIRROR,
# CZT_SECURITY_MIRROR, CZT_PORTABLE_CACHE (default /var/cache/czt-desktop/portable),
# CZT_PORTABLE_REFRESH=1 (make the venv again: the newest wheels the pins allow; it is
# otherwise made again only when pyproject.toml or the constraints change).
# Each cached stage has a stamp written last: an interrupted stage is made again.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# shellcheck source=build_spec/debian_root.sh
. build_spec/debian_root.sh

suite=${CZT_PORTABLE_SUITE:-bullseye}
source_suite=${CZT_PYTHON_SOURCE_SUITE:-bookworm}
python_package=python3.11
cache=${CZT_PORTABLE_CACHE:-/var/cache/czt-desktop/portable}
bundle_kind=${CZT_BUNDLE:-both}
# The glibc of each suite: the floor the outputs must not exceed.
case "$suite" in
    bullseye) glibc_max=2.31 ;;
    bookworm) glibc_max=2.36 ;;
    *) glibc_max=${CZT_GLIBC_MAX:?"set CZT_GLIBC_MAX to the glibc of $suite"} ;;
esac

debian_root_requirements build_portable
command -v python3 >/dev/null || { echo "build_portable: needs python3 (for glibc_floor.py)"; exit 2; }
mirror=$(debian_mirror)
security=$(debian_security_mirror)

say() {
    local now
    now=$(date +%s)
    printf '\n== %s (%d s after the start)\n' "$*" "$(( now - started ))"
}
started=$(date +%s)

# What the build system needs: tools to build Python (and the headers of the libraries
# its modules link), the tools build.sh uses, and the system libraries that Qt's
# libraries and plugins link to, which PyInstaller copies into the bundle from here.
PYTHON_BUILD=(build-essential dpkg-dev pkg-config xz-utils ca-certificates zlib1g-dev
    libbz2-dev liblzma-dev libffi-dev libssl-dev libsqlite3-dev libexpat1-dev uuid-dev)
BUNDLE_TOOLS=(binutils icu-devtools appstream desktop-file-utils)
QT_SYSTEM_LIBS=(libgl1 libegl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1
    libfreetype6 libglib2.0-0 libwayland-client0 libwayland-cursor0 libwayland-egl1
    libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
    libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libzstd1)

# Security updates of the build suite (the bundled system libraries come from it) and
# the source of the Python package (only its source: no binary of that suite is used).
sources="deb $mirror $suite-updates main"
[ -n "$security" ] && sources+=$'\n'"deb $security $suite-security main"
sources+=$'\n'"deb-src $mirror $source_suite main"
[ -n "$security" ] && sources+=$'\n'"deb-src $security $source_suite-security main"

root=$cache/$suite-build
mkdir -p "$cache"

say "build system: Debian $suite"
CZT_EXTRA_SOURCES=$sources debian_root_make "$root" "$suite" "$mirror" "$cache/base.log" \
    "${PYTHON_BUILD[@]}" "${BUNDLE_TOOLS[@]}" "${QT_SYSTEM_LIBS[@]}"
glibc=$(chroot "$root" ldd --version | awk 'NR == 1 {print $NF}')
echo "glibc $glibc"

mounted=()
unmount_all() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount "${mounted[$i]}" 2>/dev/null || true; done
    mounted=()
}
trap unmount_all EXIT
# /proc for the compilers and PyInstaller; /dev/shm for Python's configure (POSIX
# semaphores). Nothing of this machine is bind-mounted: removing the cache is safe.
debian_root_unmount "$root"
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
mkdir -p "$root/dev/shm"
mount -t tmpfs -o size=256m shm "$root/dev/shm" && mounted+=("$root/dev/shm")
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

# pip in the build system trusts what this machine trusts (a network that inspects TLS
# has its own authority there) and uses its proxy settings, if any.
host_ca=${CZT_PIP_CERT:-${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}}
pip_env=()
if [ -f "$host_ca" ]; then
    cp "$host_ca" "$root/etc/czt-host-ca.crt"
    pip_env+=(PIP_CERT=/etc/czt-host-ca.crt)
fi
for name in http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
    [ -n "${!name:-}" ] && pip_env+=("$name=${!name}")
done

in_root() {
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1 "${pip_env[@]}" "$@"
}

prefix=/opt/czt-python
python_key="$python_package from $source_suite, $(sha1sum build_spec/portable_python.sh | cut -c1-12)"
if ! debian_root_ready "$root$prefix" "$python_key"; then
    say "Python: building $python_package from Debian's source package (once; 5-10 min)"
    cp build_spec/portable_python.sh "$root/tmp/portable_python.sh"
    python_version=$(in_root bash /tmp/portable_python.sh "$prefix" "$python_package/$source_suite" \
        | tail -1)
    echo "built $python_package $python_version"
    printf '%s' "$python_version" > "$root$prefix/.debian-version"
    printf '%s' "$python_key" > "$root$prefix/.complete"
fi
echo "Python $(in_root "$prefix/bin/python3" -c 'import platform; print(platform.python_version())') (Debian source $(cat "$root$prefix/.debian-version"))"

# The venv: made again when pyproject.toml or the constraints change (pip's cache in
# the build system keeps the wheels).
venv=/opt/czt-venv
venv_key="$(cat pyproject.toml build_spec/portable-constraints.txt | sha1sum | cut -c1-12) $python_key"
src=/build/src
say "project source -> $suite:$src"
# A fresh copy of the tree (not a bind mount), keeping only PyInstaller's work folder.
mkdir -p "$root$src"
find "$root$src" -mindepth 1 -maxdepth 1 ! -name build -exec rm -rf {} +
tar -C "$repo" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
    --exclude='__pycache__' --exclude=./.mypy_cache --exclude=./.ruff_cache -cf - . \
    | tar -C "$root$src" -xf -
[ "${CZT_PORTABLE_REFRESH:-0}" = 1 ] && rm -f "$root$venv/.complete"
if ! debian_root_ready "$root$venv" "$venv_key"; then
    say "venv: the project's packages from PyPI"
    rm -rf "$root$venv"
    in_root "$prefix/bin/python3" -m venv --without-pip "$venv"
    # pip from the wheel in Python's sources, then the current one from PyPI.
    in_root sh -c "$venv/bin/python -m ensurepip --default-pip >/dev/null"
    in_root "$venv/bin/python" -m pip install --quiet --upgrade pip
    in_root sh -c "cd $src && $venv/bin/python -m pip install --quiet \
        -c build_spec/portable-constraints.txt -e '.[dist]'"
    printf '%s' "$venv_key" > "$root$venv/.complete"
fi
in_root "$venv/bin/python" -m pip freeze --exclude-editable | tr '\n' ' ' | fold -s -w 88
echo

say "build.sh in Debian $suite"
in_root sh -c "cd $src && PY=$venv/bin/python CZT_BUNDLE=$bundle_kind CZT_GLIBC_MAX=$glibc_max \
    nice -n 10 build_spec/build.sh"

say "outputs -> dist/"
mkdir -p dist
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' czt_desktop/__init__.py)
rm -rf dist/czt-desktop dist/czt-desktop-"$version"-linux-*
for out in "$root$src"/dist/*; do
    name=$(basename "$out")
    rm -rf "dist/$name"
    cp -a "$out" "dist/$name"
done
unmount_all

say "glibc floor of the outputs (at most $glibc_max)"
python3 build_spec/glibc_floor.py --max "$glibc_max" dist/czt-desktop \
    $(ls -d dist/czt-desktop-"$version"-linux-* 2>/dev/null | grep -v '\.tar\.gz$' || true)

echo
echo "build_portable: done in $(( $(date +%s) - started )) s (Debian $suite, glibc $glibc)"
