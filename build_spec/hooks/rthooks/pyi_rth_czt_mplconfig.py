"""Run-time hook: keep matplotlib's config and font cache in the app's user cache folder.

Replaces PyInstaller's own matplotlib hook (build_spec/hooks/rthooks.dat registers this
one first, so PyInstaller skips its ``pyi_rth_mplconfig.py``). That hook points
MPLCONFIGDIR at a new temporary folder on every start, so matplotlib rebuilds its font
cache each launch (~0.3 s here, more on a PC with many fonts). matplotlib stores the
paths of its own fonts relative to its data folder, so the cache stays valid even for
the one-file build, whose data folder moves on every start.

The folder is ``czt_desktop.paths.user_cache_dir() / "matplotlib"``: the same rule as
the rest of the app (CZT_DESKTOP_HOME, else the platform's cache folder).
"""


def _czt_mplconfig_hook() -> None:
    import atexit
    import os
    import shutil
    import tempfile

    if os.environ.get("MPLCONFIGDIR"):
        return  # the user (or a test) chose one
    try:
        from czt_desktop.paths import user_cache_dir

        folder = user_cache_dir() / "matplotlib"
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            raise PermissionError(folder)
        os.environ["MPLCONFIGDIR"] = str(folder)
    except Exception:
        # A read-only or missing home (locked-down kiosk): fall back to what PyInstaller
        # does, a private temporary folder (slower start, but it starts).
        scratch = tempfile.mkdtemp(prefix="czt-mpl-")
        os.environ["MPLCONFIGDIR"] = scratch
        atexit.register(shutil.rmtree, scratch, ignore_errors=True)


_czt_mplconfig_hook()
del _czt_mplconfig_hook
