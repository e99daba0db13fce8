#!/bin/sh
# Install czt-desktop from this unpacked archive, for you or for everyone.
#
#   ./install.sh              for you: ~/.local/opt/czt-desktop, menu entry, icons
#   sudo ./install.sh --system  for everyone: /opt/czt-desktop, /usr/local/share, /usr/local/bin
#   ./install.sh --uninstall [--system]
#   add --kiosk to also install the museum kiosk's systemd user unit (KIOSK.md): for
#   you in ~/.config/systemd/user, with --system in /etc/systemd/user for every account
#
# Nothing else is changed; the app keeps its settings in ~/.config/czt-desktop.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
id=org.cztdesktop.Timeline
mode=user
action=install
kiosk=no
for arg in "$@"; do
    case "$arg" in
        --system) mode=system ;;
        --uninstall) action=uninstall ;;
        --kiosk) kiosk=yes ;;
        *) echo "usage: $0 [--system] [--kiosk] [--uninstall]"; exit 2 ;;
    esac
done
unit=czt-desktop-kiosk.service
if [ "$mode" = system ]; then
    app=/opt/czt-desktop
    share=/usr/local/share
    bin=/usr/local/bin
    units=/etc/systemd/user
else
    share=${XDG_DATA_HOME:-$HOME/.local/share}
    # Not $share/czt-desktop: that is the app's own data folder (kiosk usage log...),
    # which an uninstall must not delete.
    app=$HOME/.local/opt/czt-desktop
    bin=$HOME/.local/bin
    units=${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user
fi

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && \
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && \
        gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
}

if [ "$action" = uninstall ]; then
    rm -rf "$app"
    rm -f "$bin/czt-desktop" "$share/applications/$id.desktop" "$share/metainfo/$id.metainfo.xml"
    find "$share/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
    rm -f "$units/$unit"
    refresh
    echo "czt-desktop removed"
    exit 0
fi

rm -rf "$app"
mkdir -p "$app" "$bin" "$share/applications" "$share/metainfo"
cp -a "$here/czt-desktop/." "$app/"
cp -a "$here/licenses" "$app/licenses"
ln -sf "$app/czt-desktop" "$bin/czt-desktop"
# The menu entry names the program by its full path: ~/.local/bin is not on every
# desktop session's PATH.
sed -e "s|^Exec=czt-desktop|Exec=$app/czt-desktop|" \
    -e "s|^TryExec=czt-desktop|TryExec=$app/czt-desktop|" \
    "$here/share/applications/$id.desktop" > "$share/applications/$id.desktop"
cp "$here/share/metainfo/$id.metainfo.xml" "$share/metainfo/"
(cd "$here/share" && find icons -type f) | while read -r icon; do
    mkdir -p "$share/$(dirname "$icon")"
    cp "$here/share/$icon" "$share/$icon"
done
refresh
echo "czt-desktop installed in $app"
echo "start it from the applications menu, or run: $bin/czt-desktop"
if [ "$kiosk" = yes ]; then
    mkdir -p "$units"
    # The unit names the program where this install put it.
    sed -e "s|^ExecStart=.*|ExecStart=$bin/czt-desktop --kiosk|" "$here/$unit" > "$units/$unit"
    echo "kiosk unit installed in $units/$unit; as the kiosk account run:"
    echo "  systemctl --user daemon-reload && systemctl --user enable $unit"
    echo "(set the staff PIN first: czt-desktop kiosk-pin; see KIOSK.md)"
fi
