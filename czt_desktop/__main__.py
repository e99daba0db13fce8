"""`python -m czt_desktop` runs the same entry point as the `czt-desktop` command."""

import sys

from czt_desktop.cli import main

sys.exit(main())
