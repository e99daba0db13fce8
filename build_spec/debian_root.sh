# Shared by check_standalone.sh and build_portable.sh (sourced, not run): minimal Debian
# systems made with debootstrap and kept in a cache folder.
#
# A cached system is used only if its stamp file (.complete) exists and names the same
# suite and packages: the stamp is written last, so a system whose making was
# interrupted (debootstrap, apt-get, a build inside it) is made again from scratch.

# One line saying what is missing, exit status 2: no root, no debootstrap, no chroot.
debian_root_requirements() {
    local who=$1
    if [ "$(id -u)" -ne 0 ]; then
        echo "$who: needs root (debootstrap, chroot and mount need it): run it with sudo"
        exit 2
    fi
    if ! command -v debootstrap >/dev/null && command -v apt-get >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            debootstrap >/dev/null 2>&1 || true
    fi
    if ! command -v debootstrap >/dev/null; then
        echo "$who: needs debootstrap (Debian/Ubuntu: apt-get install debootstrap)"
        exit 2
    fi
    command -v chroot >/dev/null || { echo "$who: needs chroot (coreutils)"; exit 2; }
}

# The first URI in apt's sources (deb822 files first, then sources.list) that is (1) or
# is not (0) a security mirror.
_apt_uri() {
    {
        awk -v want="$1" '/^URIs:/ && (($2 ~ /security/) == want) {print $2; exit}' \
            /etc/apt/sources.list.d/*.sources 2>/dev/null || true
        awk -v want="$1" '$1 == "deb" && (($2 ~ /security/) == want) {print $2; exit}' \
            /etc/apt/sources.list 2>/dev/null || true
    } | head -1
}

# The Debian mirror: CZT_MIRROR, else the first non-security URI of apt's sources.
debian_mirror() {
    local mirror=${CZT_MIRROR:-$(_apt_uri 0)}
    [ -n "$mirror" ] || { echo "no Debian mirror found: set CZT_MIRROR" >&2; return 1; }
    printf '%s\n' "$mirror"
}

# The security mirror: CZT_SECURITY_MIRROR, else apt's, else none (prints nothing).
debian_security_mirror() {
    printf '%s\n' "${CZT_SECURITY_MIRROR:-$(_apt_uri 1)}"
}

# Unmount whatever is mounted under DIR (left by an interrupted run), deepest first.
debian_root_unmount() {
    local dir
    dir=$(realpath -m "$1")
    awk -v d="$dir/" 'index($2 "/", d) == 1 {print $2}' /proc/self/mounts | sort -r \
        | while read -r point; do umount -l "$point" 2>/dev/null || true; done
}

# debian_root_ready DIR KEY: true if DIR was made completely for KEY.
debian_root_ready() {
    [ -f "$1/.complete" ] && [ "$(cat "$1/.complete")" = "$2" ]
}

# debian_root_make DIR SUITE MIRROR LOG [PACKAGE...]: a minimal SUITE in DIR with the
# packages added, made from scratch unless it is ready. The stamp records the suite, the
# packages and the extra apt sources given in CZT_EXTRA_SOURCES (lines for
# sources.list); for a plain minimal system (DIR named after its suite) it is empty.
# Prints one line when it has to make the system.
debian_root_make() {
    local dir=$1 suite=$2 mirror=$3 log=$4
    shift 4
    local key=""
    if [ $# -gt 0 ] || [ -n "${CZT_EXTRA_SOURCES:-}" ]; then
        key="$suite minbase ${CZT_EXTRA_SOURCES:+sources:$(printf '%s' "$CZT_EXTRA_SOURCES" \
            | sha1sum | cut -c1-12) }$*"
    fi
    debian_root_ready "$dir" "$key" && return 0
    echo "making a minimal Debian $suite in $dir (once; a few minutes)"
    debian_root_unmount "$dir"
    rm -rf "$dir"
    mkdir -p "$(dirname "$dir")"
    debootstrap --variant=minbase "$suite" "$dir" "$mirror" > "$log" 2>&1 \
        || { tail -20 "$log"; return 1; }
    if [ -n "${CZT_EXTRA_SOURCES:-}" ]; then
        printf '%s\n' "$CZT_EXTRA_SOURCES" > "$dir/etc/apt/sources.list.d/czt-extra.list"
    fi
    if [ $# -gt 0 ]; then
        chroot "$dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
            DEBIAN_FRONTEND=noninteractive sh -c \
            "apt-get update -qq && apt-get upgrade -y -qq \
             && apt-get install -y -qq --no-install-recommends $* && apt-get clean" \
            >> "$log" 2>&1 || { tail -20 "$log"; return 1; }
    fi
    printf '%s' "$key" > "$dir/.complete"
}
