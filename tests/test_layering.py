"""The content layer knows nothing of widgets (STYLE.md pattern 1)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import czt_desktop.content

CONTENT_DIR = Path(czt_desktop.content.__file__).parent
FORBIDDEN = ("PySide6", "shiboken6", "matplotlib", "czt_desktop.ui")


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_content_sources_import_no_qt() -> None:
    offenders = [
        f"{path.name}: {name}"
        for path in sorted(CONTENT_DIR.glob("*.py"))
        for name in _imports(path)
        if name.startswith(FORBIDDEN)
    ]
    assert offenders == []


def test_loading_content_pulls_in_no_qt() -> None:
    code = (
        "import sys; from czt_desktop.content import load_content;"
        "from czt_desktop.paths import bundled_data_dir;"
        "load_content(bundled_data_dir());"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'matplotlib'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_help_imports_neither_qt_nor_pandas() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from czt_desktop.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--help'])\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pandas', 'matplotlib'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
