"""Run-time hook: load the shared libraries that the Linux build stores compressed.

The largest libraries of numpy (OpenBLAS and its Fortran runtime), pandas and Pillow are
stored zlib-compressed in the bundle (``<name>.z``, listed in ``czt_packed.txt``; see
``build_spec/slimming.py: pack_libraries``), which takes 48 MB off the one-folder
bundle. They are needed only after the first paint (the window shows without numpy,
pandas, matplotlib or Pillow), so decompressing them costs nothing before the window is
on screen. This is what UPX does, in Python: UPX is not packaged for Debian 12.

How a packed file is loaded: it is decompressed into an anonymous in-memory file
(``memfd_create``) and opened from ``/proc/self/fd/N``; a Python extension module is
created from there with ``_imp.create_dynamic``, a plain library with ``ctypes``. The
libraries a packed file links to are loaded first: the dynamic loader then finds them
by their soname among the loaded objects, instead of searching the disk for files that
are not there. When memfd cannot be used (no /proc, or a kernel set to make memfds
non-executable) the file is written to a private temporary folder, opened from there
and deleted at once (the mapping stays valid).

The memfds stay open for the life of the process: the dynamic loader knows loaded
objects by path, so a path ``/proc/self/fd/N`` must never name a second library.
Costs: the decompressed libraries (~70 MB) live in memory that cannot be shared or
paged back to disk, and importing numpy + pandas takes ~0.2 s longer (measured in
docs/PERFORMANCE.md).
"""


def _czt_packed_hook() -> None:
    import os
    import sys

    root = getattr(sys, "_MEIPASS", None)
    if root is None or not sys.platform.startswith("linux"):
        return
    try:
        with open(os.path.join(root, "czt_packed.txt"), encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        return  # a build without packed libraries

    import _imp
    import threading
    from collections.abc import Callable
    from importlib.machinery import ModuleSpec
    from types import ModuleType
    from typing import Any

    # Each line: kind ("ext" or "lib"), path in the bundle, module name ("-" for a
    # library), the packed paths it links to (comma-separated, in load order, or "-").
    needs: dict[str, list[str]] = {}
    modules: dict[str, str] = {}
    for line in lines:
        if not line or line.startswith("#"):
            continue
        kind, path, module, deps = line.split("\t")
        needs[path] = [] if deps == "-" else deps.split(",")
        if kind == "ext":
            modules[module] = path
    lock = threading.RLock()
    loaded: set[str] = set()
    open_fds: list[int] = []  # kept open on purpose (see the module docstring)

    def _data(path: str) -> bytes:
        import zlib

        with open(os.path.join(root, path + ".z"), "rb") as handle:
            return zlib.decompress(handle.read())

    def _in_memory(name: str, data: bytes) -> int | None:
        """A memfd holding ``data``, or None when memfd is unusable here."""
        if not hasattr(os, "memfd_create") or not os.path.isdir("/proc/self/fd"):
            return None
        fd = None
        # MFD_EXEC (Linux >= 6.3) says it is code, so kernels that make memfds
        # non-executable by default still allow it; older kernels reject the flag.
        for flags in (os.MFD_CLOEXEC | 0x10, os.MFD_CLOEXEC):
            try:
                fd = os.memfd_create(name, flags)
                break
            except OSError:
                continue
        if fd is None:
            return None
        with open(fd, "wb", closefd=False) as handle:
            handle.write(data)
        open_fds.append(fd)
        return fd

    def _open(path: str, opener: Callable[[str], Any]) -> Any:
        """Decompress ``path`` and hand a loadable file name to ``opener``."""
        import tempfile

        name = os.path.basename(path)
        data = _data(path)
        problems = []
        fd = _in_memory(name, data)
        if fd is not None:
            try:
                return opener(f"/proc/self/fd/{fd}")
            except (ImportError, OSError) as exc:
                # Nothing was loaded from it, so its number may be reused: free it.
                problems.append(f"in memory: {exc}")
                open_fds.remove(fd)
                os.close(fd)
        folder = tempfile.mkdtemp(prefix="czt-lib-")
        try:
            target = os.path.join(folder, name)
            with open(target, "wb") as handle:
                handle.write(data)
            os.chmod(target, 0o700)
            try:
                return opener(target)
            except (ImportError, OSError) as exc:
                problems.append(f"in {folder}: {exc}")
        finally:
            for leftover in os.listdir(folder):
                os.unlink(os.path.join(folder, leftover))
            os.rmdir(folder)
        raise ImportError(f"cannot load the packed library {path}: " + "; ".join(problems))

    def _load_needs(path: str) -> None:
        """Load the packed libraries ``path`` links to (each once), their own first."""
        if all(dep in loaded for dep in needs.get(path, ())):
            return
        import ctypes

        # Plain libraries only, so no Python import runs under this lock (an import
        # here could wait for a module lock that another thread holds while it waits
        # for this one).
        with lock:
            for dep in needs.get(path, ()):
                if dep not in loaded:
                    _load_needs(dep)
                    _open(dep, ctypes.CDLL)
                    loaded.add(dep)

    class PackedExtensionLoader:
        """Creates an extension module from its decompressed copy."""

        def __init__(self, path: str) -> None:
            self.path = path

        def create_module(self, spec: ModuleSpec) -> ModuleType:
            _load_needs(self.path)

            def create(real: str) -> ModuleType:
                return _imp.create_dynamic(ModuleSpec(spec.name, self, origin=real))

            # Not under the lock: creating the module may import other modules. The
            # import system already makes sure one module is created once.
            module = _open(self.path, create)
            # Where the module belongs, not the memfd it was read from.
            module.__file__ = spec.origin
            return module

        def exec_module(self, module: ModuleType) -> None:
            _imp.exec_dynamic(module)

    class PackedExtensionFinder:
        """Answers only for the packed extension modules; everything else passes on."""

        @staticmethod
        def find_spec(fullname: str, path: object = None,
                      target: object = None) -> ModuleSpec | None:
            bundled = modules.get(fullname)
            if bundled is None:
                return None
            spec = ModuleSpec(fullname, PackedExtensionLoader(bundled),
                              origin=os.path.join(root, bundled))
            spec.has_location = True
            return spec

        @staticmethod
        def invalidate_caches() -> None:
            pass

    sys.meta_path.insert(0, PackedExtensionFinder())


_czt_packed_hook()
del _czt_packed_hook
