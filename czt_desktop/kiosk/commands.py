"""``czt-desktop kiosk-pin`` (set the staff PIN) and ``czt-desktop kiosk-report`` (usage).

The PIN is never an argument (it would show in the process list and the shell history),
never echoed and never written: only its salted hash goes into the kiosk config.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from czt_desktop import APP_NAME
from czt_desktop.atomic import describe_os_error
from czt_desktop.kiosk.config import KioskConfigError, KioskConfigStore, default_config_path
from czt_desktop.kiosk.pin import NEW_PIN_MIN_DIGITS, PIN_MAX_DIGITS, hash_pin, new_pin_problem
from czt_desktop.kiosk.usage_log import (
    ReportRefused,
    default_usage_db,
    export_csv,
    format_summary,
    summarize,
)

log = logging.getLogger("czt.kiosk")


def _pin_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{APP_NAME} kiosk-pin",
        description=f"Set the staff PIN ({NEW_PIN_MIN_DIGITS}-{PIN_MAX_DIGITS} digits) that "
        "leaves "
        "the museum kiosk. Only a salted hash of it is stored, in the kiosk config; the "
        "other settings there are kept. A running kiosk uses the new PIN the next time the "
        "PIN pad is opened.",
    )
    parser.add_argument("--config", metavar="FILE", type=Path,
                        help=f"the kiosk config file (default: {default_config_path()})")
    parser.add_argument("--pin-stdin", action="store_true",
                        help="read the PIN from the first line of standard input instead of "
                        "asking twice (for set-up scripts)")
    return parser


def _ask_pin() -> str | None:
    """The PIN typed twice at the terminal, or None (and a message) when they differ."""
    first = getpass.getpass(f"New staff PIN ({NEW_PIN_MIN_DIGITS}-{PIN_MAX_DIGITS} digits): ")
    problem = new_pin_problem(first)
    if problem:
        print(f"{APP_NAME} kiosk-pin: {problem}; nothing was changed.", file=sys.stderr)
        return None
    second = getpass.getpass("The same PIN again: ")
    if second != first:
        print(f"{APP_NAME} kiosk-pin: the two PINs differ; nothing was changed.",
              file=sys.stderr)
        return None
    return first


def kiosk_pin_command(argv: Sequence[str]) -> int:
    """Exit code 0 when the PIN was stored, 1 when it was refused, 2 on a usage error."""
    options = _pin_parser().parse_args(list(argv))
    store = KioskConfigStore(options.config)
    if options.pin_stdin:
        pin = sys.stdin.readline().rstrip("\r\n")
        problem = new_pin_problem(pin)
        if problem:
            print(f"{APP_NAME} kiosk-pin: {problem}; nothing was changed.", file=sys.stderr)
            return 1
    else:
        if not sys.stdin.isatty():
            print(f"{APP_NAME} kiosk-pin: no terminal to ask for the PIN; "
                  "use --pin-stdin to pipe it in.", file=sys.stderr)
            return 2
        asked = _ask_pin()
        if asked is None:
            return 1
        pin = asked
    try:
        store.write_pin_hash(hash_pin(pin))
    except KioskConfigError as problem:
        print(f"{APP_NAME} kiosk-pin: {problem}\nFix or move the file, then run this again; "
              "nothing was changed.", file=sys.stderr)
        return 1
    except OSError as problem:
        print(f"{APP_NAME} kiosk-pin: cannot write {store.path}: "
              f"{describe_os_error(problem)}; nothing was changed.", file=sys.stderr)
        return 1
    log.info("kiosk staff PIN changed in %s", store.path)
    print(f"Staff PIN set in {store.path} (stored as a salted hash).")
    return 0


def _report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"{APP_NAME} kiosk-report",
        description="Summarise the museum kiosk's usage log: visitor sessions, stages and "
        "panes viewed with dwell times, languages, attract-loop interruptions, resets.",
    )
    parser.add_argument("--since", metavar="YYYY-MM-DD", type=date.fromisoformat,
                        help="only what happened from that day on (local time)")
    parser.add_argument("--csv", metavar="OUT.csv", type=Path,
                        help="also write every record (sessions, views, events) to a CSV file")
    parser.add_argument("--db", metavar="FILE", type=Path,
                        help=f"the usage log (default: {default_usage_db()})")
    return parser


def _readable_names() -> dict[tuple[str, str], str]:
    """("stage", "1") -> "1 Early development (1949–1979)", from the bundled content."""
    try:
        from czt_desktop import paths
        from czt_desktop.content.cache import load_content_cached

        content = load_content_cached(paths.bundled_data_dir(), paths.user_cache_dir())
    except Exception as exc:  # a report without names is still a report
        log.info("stage names unavailable for the report: %s", exc)
        return {}
    return {("stage", str(s.id)): f"{s.id} {s.short.get('en')} ({s.years_label})"
            for s in content.stages}


def kiosk_report_command(argv: Sequence[str]) -> int:
    """Exit code 0 with a report (also for an empty log), 1 when the log cannot be read."""
    import sqlite3

    options = _report_parser().parse_args(list(argv))
    db = options.db or default_usage_db()
    if not db.is_file():
        print(f"No kiosk usage log at {db} yet: the kiosk writes it once it has run with "
              "\"log_usage\": true (the default).")
        return 0
    try:
        summary = summarize(db, options.since)
        report = format_summary(summary, _readable_names())
    except (sqlite3.Error, OSError, ValueError, TypeError, KeyError, AttributeError) as problem:
        # Not a usage log, a damaged one, or one with values this version never wrote.
        reason = describe_os_error(problem) if isinstance(problem, OSError) else \
            str(problem) or type(problem).__name__
        print(f"{APP_NAME} kiosk-report: cannot read {db}: {reason}. Is it a kiosk usage "
              "log? It is left as it is.", file=sys.stderr)
        return 1
    print(report, end="")
    if options.csv is not None:
        try:
            rows = export_csv(db, options.csv, options.since)
        except ReportRefused as refused:
            print(f"{APP_NAME} kiosk-report: {refused}; nothing was written.", file=sys.stderr)
            return 1
        except OSError as problem:
            print(f"{APP_NAME} kiosk-report: cannot write {options.csv}: "
                  f"{describe_os_error(problem)}; an earlier file there is unchanged.",
                  file=sys.stderr)
            return 1
        except (sqlite3.Error, ValueError, TypeError) as problem:
            print(f"{APP_NAME} kiosk-report: cannot read {db}: {problem}", file=sys.stderr)
            return 1
        print(f"\nWrote {rows} records to {options.csv}")
    return 0
