"""Command line: start the app, or run one of its tools (``validate``).

Kept free of Qt and pandas at import time so ``--help``, ``--version`` and the
validator start instantly.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from czt_desktop import APP_NAME, __version__, languages

log = logging.getLogger("czt.cli")

COMMANDS = ("validate", "snapshot", "kiosk-pin", "kiosk-report")
_LANGS = "|".join(languages.codes())


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="长株潭 Timeline: the Changsha–Zhuzhou–Xiangtan city cluster, 1949–2019.",
        epilog=(
            "tools: '%(prog)s validate DIR' checks a content folder; "
            f"'%(prog)s snapshot OUT.png [--stage N --pane NAME --lang {_LANGS} --size WxH]' "
            "renders the window to an image; "
            "'%(prog)s kiosk-pin' sets the staff PIN of the kiosk; "
            "'%(prog)s kiosk-report' summarises the kiosk's usage log. "
            "A folder named 'content' beside the executable is used instead of the "
            "bundled content when it is valid."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data",
        metavar="DIR",
        type=Path,
        help="use the content in DIR (same files as the bundled data/); if it has "
        "problems the app says so and uses the bundled content",
    )
    parser.add_argument("--lang", metavar=_LANGS, help="language of the interface and content")
    parser.add_argument("--stage", metavar="N", help="open on stage N (1-5)")
    parser.add_argument("--verbose", action="store_true", help="log more, also to the terminal")
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--present", action="store_true",
                       help="start as a classroom presentation (full screen slides; F5 in "
                       "the View menu does the same)")
    modes.add_argument("--kiosk", action="store_true",
                       help="start as a locked museum kiosk (staff leave with the PIN)")
    parser.add_argument("--screen", metavar="N", type=int,
                        help="presentation or kiosk: the screen to fill (0 is the first; "
                        "default: the screen the window opens on)")
    parser.add_argument("--kiosk-config", metavar="FILE", type=Path,
                        help="kiosk: the kiosk config file (default: kiosk.json in the "
                        "user config folder)")
    parser.add_argument("--self-test", action="store_true",
                        help="open every stage and pane offscreen, draw every chart, export a "
                        "handout, check the font and content; exit 0 when all is well")
    parser.add_argument(
        "--exit-after-first-paint",
        action="store_true",
        help="diagnostics: quit as soon as the main window has painted once (used by the "
        "start-up benchmark and smoke tests)",
    )
    return parser


def _validate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{APP_NAME} validate",
        description="Check a content folder and print every problem with file, row and column.",
    )
    parser.add_argument("folder", type=Path, help="content folder (like the bundled data/)")
    return parser


def validate_command(argv: Sequence[str]) -> int:
    """Exit code 0 when the folder is clean (warnings allowed), 1 when it has errors."""
    from czt_desktop.content.findings import REPORT_LIMIT, listing
    from czt_desktop.content.loader import inspect_folder

    options = _validate_parser().parse_args(argv)
    # One pass: the pack is read, checked and loaded once.
    content, findings = inspect_folder(options.folder)
    if findings:
        # The first problems and a count of the rest: fixing them usually fixes many.
        print(listing(findings, REPORT_LIMIT))
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    if errors or content is None:
        print(f"{options.folder}: {errors} error(s), {warnings} warning(s)")
        return 1
    print(
        f"{options.folder}: valid ({len(content.stages)} stages, {len(content.events)} "
        f"events, {len(content.enterprises)} enterprises, {len(content.statistics)} "
        f"figures, {warnings} warning(s))"
    )
    return 0


def _has_display() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "validate":
        return validate_command(args[1:])
    if args and args[0] == "snapshot":
        from czt_desktop.snapshot import snapshot_command

        return snapshot_command(args[1:])
    if args and args[0] in {"kiosk-pin", "kiosk-report"}:
        from czt_desktop.kiosk import commands

        run = commands.kiosk_pin_command if args[0] == "kiosk-pin" else \
            commands.kiosk_report_command
        return run(args[1:])
    options, unknown = _gui_parser().parse_known_args(args)
    if options.self_test:
        from czt_desktop.self_test import self_test_command

        return self_test_command(options, unknown)
    if not _has_display():
        print(
            f"{APP_NAME}: no display found (DISPLAY and WAYLAND_DISPLAY are unset). "
            "Run it on a desktop, under Xvfb, or with QT_QPA_PLATFORM=offscreen.",
            file=sys.stderr,
        )
        return 2
    # Starting the window makes tens of thousands of objects that live as long as the app
    # (modules, classes, Qt wrappers) and next to no garbage, so the garbage collector's
    # passes over them before the first paint (≈ 5 ms) find nothing. It is paused while
    # the app starts; run_app switches it back on once the window has painted.
    gc.disable()
    try:
        from czt_desktop.app import run_app

        return run_app(options, unknown)
    finally:
        gc.enable()
