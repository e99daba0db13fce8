#!/usr/bin/env bash
# Debian/Ubuntu libraries Qt (PySide6 wheels) needs to open windows and run offscreen.
# Installs them only when something is missing; without root it prints the command.
# With --test it adds what the headless tests need: a virtual X server and the AT-SPI
# accessibility bus (a screen-reader test drives the real window through it), and an
# EWMH window manager with the tools to drive and read it (the kiosk's watchdog is tested
# against openbox with wmctrl and xprop).
set -euo pipefail
packages=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6
          libdbus-1-3 libglib2.0-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
          libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0
          libxcb-xkb1)
if [ "${1:-}" = "--test" ]; then
    packages+=(xvfb xauth at-spi2-core python3-pyatspi dbus dbus-x11
               openbox wmctrl x11-utils xdotool)
fi
command -v dpkg-query >/dev/null 2>&1 || { echo "not a Debian-like system: install Qt's libraries yourself (see README)"; exit 0; }
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Qt's system libraries: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "Qt needs these system libraries; please run:"
    echo "  sudo apt-get install --no-install-recommends ${missing[*]}"
    exit 1
fi
