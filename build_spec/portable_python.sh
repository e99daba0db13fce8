#!/bin/bash
# Run by build_portable.sh INSIDE the old Debian build system (chroot), not by hand:
# builds CPython from Debian's own source package (apt-get source, Debian's patches
# applied) into PREFIX, with a shared libpython as PyInstaller needs.
#
#   portable_python.sh PREFIX SOURCE_PACKAGE
#
# Prints the Debian version of the source it built on its last line.
set -euo pipefail
prefix=$1
package=$2
work=/usr/src/czt-python

rm -rf "$work" "$prefix"
mkdir -p "$work"
cd "$work"
apt-get update -qq >&2
# Debian's source package: upstream tarball + Debian's patches (security fixes included),
# unpacked and patched by dpkg-source.
apt-get source -qq "$package" > source.log 2>&1 || { tail -20 source.log >&2; exit 1; }
version=$(sed -n 's/^Version: //p' ./*.dsc | head -1)
src=$(find . -mindepth 1 -maxdepth 1 -type d | head -1)
cd "$src"

# Debian's own configure run does more (static + shared + debug interpreters, PGO,
# LTO, Debian's install layout); only a shared interpreter under PREFIX is needed here.
# LIBEXPAT_CFLAGS: Debian's fix for CVE-2026-4224 makes pyexpat.c use CPython's internal
# headers; Debian builds pyexpat into the interpreter (Py_BUILD_CORE_BUILTIN), a shared
# pyexpat module needs Py_BUILD_CORE_MODULE for them (as upstream's 3.12 defines).
./configure --prefix="$prefix" --enable-shared --with-system-expat --with-ensurepip=no \
    LIBEXPAT_CFLAGS=-DPy_BUILD_CORE_MODULE LDFLAGS="-Wl,-rpath,$prefix/lib" \
    > "$work/configure.log" 2>&1 \
    || { tail -30 "$work/configure.log" >&2; exit 1; }
nice -n 10 make -j"$(nproc)" > "$work/make.log" 2>&1 || { tail -40 "$work/make.log" >&2; exit 1; }
if grep -A3 -E "^Failed to build these modules|^Following modules built successfully but were removed" \
        "$work/make.log" >&2; then
    exit 1
fi
make install > "$work/install.log" 2>&1 || { tail -20 "$work/install.log" >&2; exit 1; }

# Every module the app and pip need must have been built.
"$prefix/bin/python3" - <<'EOF'
import bz2, ctypes, decimal, hashlib, lzma, sqlite3, ssl, uuid, zlib, pyexpat  # noqa: F401
import _multiprocessing  # noqa: F401
hashlib.scrypt(b"x", salt=b"y", n=2, r=1, p=1)
EOF
cd /
rm -rf "$work"
echo "$version"
