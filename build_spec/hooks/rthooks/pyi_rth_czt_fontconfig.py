"""Run-time hook (Linux): give the bundled fontconfig a config file on systems without one.

The bundle carries libfontconfig; a minimal system (a kiosk built from a minimal Debian)
may have no /etc/fonts/fonts.conf, and fontconfig then prints "Fontconfig error: Cannot
load default config file" at every start. The app's fonts are registered by path and
work either way. Listed in the spec's ``runtime_hooks``.
"""


def _czt_fontconfig_hook() -> None:
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return
    if os.environ.get("FONTCONFIG_FILE") or os.environ.get("FONTCONFIG_PATH"):
        return
    if os.path.exists("/etc/fonts/fonts.conf"):
        return
    bundled = os.path.join(sys._MEIPASS, "fontconfig", "fonts.conf")  # type: ignore[attr-defined]
    if os.path.isfile(bundled):
        os.environ["FONTCONFIG_FILE"] = bundled


_czt_fontconfig_hook()
del _czt_fontconfig_hook
