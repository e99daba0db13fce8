"""Entry script of the PyInstaller bundle: the same ``main`` as the ``czt-desktop`` command.

A separate script (not ``czt_desktop/__main__.py``) because PyInstaller runs its entry
script as the top-level ``__main__`` module; the package itself is then imported
normally from the bundle.
"""

import sys

from czt_desktop.cli import main

sys.exit(main())
