"""``czt-desktop --self-test``: prove that this installation works, without a screen.

Made for the built bundle (is every library, plugin, font and data file inside, and
does it load?), for CI and for a museum technician who wants to know whether a PC can
run the app. It opens the main window offscreen, visits every stage and pane in both
languages, draws and exports every chart, writes a handout PDF, and checks the content,
the translations, the bundled fonts (in Qt and matplotlib), Chinese sorting and what
the kiosk mode needs from Python (PBKDF2 for the PIN, SQLite for the usage log).

Prints one line per check, ``ok`` or ``FAIL`` with the reason, then a summary, and
returns 0 when every check passed, 1 otherwise. Uses throw-away settings: the user's
own settings are never touched.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import os
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from czt_desktop import APP_NAME, __version__, paths
from czt_desktop.content.model import Text

if TYPE_CHECKING:
    from czt_desktop.content import Content
    from czt_desktop.ui.main_window import MainWindow

#: A source string of ours and of Qt's own catalogue that must come out in Chinese.
OUR_STRING = ("MainWindow", "&File")
QT_STRING = ("QPlatformTheme", "Cancel")
#: Two city names whose pinyin order (xiang < yue) is the reverse of their code point
#: order: only ICU's Chinese collation data sorts them right.
PINYIN_PAIR = ("湘潭", "岳阳")
CHART_KEYS = ("milestones", "enterprises", "gdp", "shares")
LANGUAGES = ("zh", "en")


class CheckFailed(Exception):
    """A check found a problem; the message says what a user would notice."""


@dataclasses.dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"ok    {self.name}: {self.detail}" if self.ok else \
            f"FAIL  {self.name}: {self.detail}"


def content_strings(value: object) -> Iterator[str]:
    """Every string inside a content record (dataclasses, tuples, Text), recursively."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Text):
        yield from value.variants()
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from content_strings(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from content_strings(item)


def content_characters(content: Content) -> set[str]:
    """The characters the content shows (both languages), without spaces and controls."""
    tables = ("manifest", "sources", "cities", "stages", "events", "enterprises",
              "statistics", "industries", "innovation_bases", "places", "peer_clusters",
              "problems", "strategies", "facts", "data_notes")
    chars: set[str] = set()
    for table in tables:
        for text in content_strings(getattr(content, table)):
            chars.update(text)
    return {c for c in chars if c.isprintable() and not c.isspace()}


def check_content(folder: Path) -> tuple[str, Content]:
    """The folder validates without errors and loads (with pandas, not from a cache)."""
    from czt_desktop.content import load_content, validate_folder

    findings = validate_folder(folder)
    errors = [f for f in findings if f.is_error]
    if errors:
        raise CheckFailed(f"{folder} has {len(errors)} error(s); first: {errors[0]}")
    content = load_content(folder)
    detail = (f"{len(content.stages)} stages, {len(content.events)} events, "
              f"{len(content.enterprises)} enterprises, {len(content.statistics)} figures, "
              f"{len(findings)} warning(s)")
    return detail, content


class SelfTest:
    """Runs the checks in order; later checks use what earlier ones set up."""

    def __init__(self, data_folder: Path, scratch: Path,
                 report: Callable[[str], None] = print) -> None:
        self.data_folder = data_folder
        self.scratch = scratch
        self.report = report
        self.results: list[CheckResult] = []
        self.content: Content | None = None
        self.window: MainWindow | None = None
        self.qt_messages: list[tuple[str, str]] = []
        self.slot_errors: list[str] = []

    # -- running ----------------------------------------------------------------------------
    def check(self, name: str, run: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = run()
            result = CheckResult(name, True, detail)
        except CheckFailed as failed:
            result = CheckResult(name, False, str(failed))
        except Exception as exc:  # any crash is a failed check with its reason
            where = traceback.extract_tb(exc.__traceback__)[-1]
            result = CheckResult(name, False, f"{type(exc).__name__}: {exc} "
                                 f"({Path(where.filename).name}:{where.lineno})")
        if result.ok and time.perf_counter() - started > 0.5:
            result = dataclasses.replace(
                result, detail=f"{result.detail} ({time.perf_counter() - started:.1f} s)")
        self.results.append(result)
        self.report(result.line())
        return result.ok

    def run(self) -> bool:
        from PySide6.QtCore import qInstallMessageHandler
        from PySide6.QtWidgets import QApplication

        self.report(f"{APP_NAME} {__version__} self-test "
                    f"({'bundle' if getattr(sys, 'frozen', False) else 'from source'}, "
                    f"Python {sys.version.split()[0]}, {sys.platform})")
        content_ok = self.check("content", self._content)
        app = QApplication.instance() or QApplication([APP_NAME])
        assert isinstance(app, QApplication)
        previous_handler = qInstallMessageHandler(self._on_qt_message)
        previous_hook = sys.excepthook
        sys.excepthook = self._on_slot_error
        try:
            self.report(f"      (Qt platform: {app.platformName()})")
            self.check("translations", self._translations)
            self.check("fonts in Qt", self._qt_fonts)
            self.check("fonts in matplotlib", self._matplotlib_fonts)
            self.check("matplotlib cache folder", self._matplotlib_cache)
            self.check("Chinese sorting (ICU)", self._collation)
            self.check("image formats", self._image_formats)
            self.check("kiosk: PIN hashing and usage log", self._kiosk_essentials)
            if content_ok:
                if self.check("main window: every stage and pane", self._window):
                    self.check("charts: draw and export", self._charts)
                self.check("handout PDF", self._handout)
            self.check("Qt messages", self._qt_message_summary)
        finally:
            if self.window is not None:
                self.window.close()
                self.window.deleteLater()
                app.processEvents()
            qInstallMessageHandler(previous_handler)
            sys.excepthook = previous_hook
        failed = [r for r in self.results if not r.ok]
        if failed:
            self.report(f"self-test FAILED: {len(failed)} of {len(self.results)} checks "
                        f"({', '.join(r.name for r in failed)})")
        else:
            self.report(f"self-test passed ({len(self.results)} checks)")
        return not failed

    def _on_qt_message(self, kind: Any, _context: Any, message: str) -> None:
        self.qt_messages.append((getattr(kind, "name", str(kind)), message))

    def _on_slot_error(self, kind: type[BaseException], value: BaseException,
                       tb: Any) -> None:
        self.slot_errors.append("".join(traceback.format_exception(kind, value, tb)))

    def _settle(self) -> None:
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.processEvents()
        QCoreApplication.processEvents()
        if self.slot_errors:
            raise CheckFailed("an error was raised in the window: "
                              + self.slot_errors[0].strip().splitlines()[-1])

    # -- the checks -------------------------------------------------------------------------
    def _content(self) -> str:
        detail, self.content = check_content(self.data_folder)
        return detail

    def _translations(self) -> str:
        from PySide6.QtCore import QCoreApplication

        from czt_desktop.ui.i18n import language_switcher

        switcher = language_switcher()
        switcher.apply("zh")
        try:
            ours = QCoreApplication.translate(*OUR_STRING)
            qts = QCoreApplication.translate(*QT_STRING)
        finally:
            switcher.apply("en")
        problems = []
        if ours == OUR_STRING[1]:
            problems.append(f"our catalogue did not translate “{OUR_STRING[1]}”")
        if qts == QT_STRING[1]:
            problems.append(f"Qt's qtbase_zh_CN did not translate “{QT_STRING[1]}”")
        if problems:
            raise CheckFailed("; ".join(problems))
        return f"“{OUR_STRING[1]}” → “{ours}”, Qt's “{QT_STRING[1]}” → “{qts}”"

    def _qt_fonts(self) -> str:
        from PySide6.QtGui import QFontDatabase, QRawFont

        from czt_desktop.fonts import CJK_FAMILY, bundled_font_files, register_qt_fonts

        family = register_qt_fonts()
        if not family.startswith(CJK_FAMILY) or family not in QFontDatabase.families():
            raise CheckFailed(f"the bundled CJK font did not register with Qt ({family!r})")
        raws = [QRawFont(str(path), 16) for path in bundled_font_files()]
        if not all(raw.isValid() for raw in raws):
            raise CheckFailed("Qt could not open every bundled font file")
        return f"{family}; " + self._coverage(
            lambda c: any(raw.supportsCharacter(ord(c)) for raw in raws))

    def _matplotlib_fonts(self) -> str:
        from matplotlib import font_manager
        from matplotlib.ft2font import FT2Font

        from czt_desktop.fonts import CJK_FAMILY, bundled_font_files, register_matplotlib_fonts

        register_matplotlib_fonts("zh")
        files = bundled_font_files()
        known = {Path(entry.fname).resolve() for entry in font_manager.fontManager.ttflist}
        absent = [path.name for path in files if path.resolve() not in known]
        if absent:
            raise CheckFailed(f"matplotlib did not load {', '.join(absent)}")
        # On a PC with the same family installed, matplotlib may prefer that copy: fine.
        found = font_manager.findfont(font_manager.FontProperties(family=CJK_FAMILY),
                                      fallback_to_default=False)
        covered: set[int] = set()
        for path in files:
            covered.update(FT2Font(str(path)).get_charmap())
        return f"{len(files)} bundled files loaded, {CJK_FAMILY} from {Path(found).name}; " \
            + self._coverage(lambda c: ord(c) in covered)

    def _coverage(self, supported: Callable[[str], bool]) -> str:
        if self.content is None:
            return "content not loaded, coverage not checked"
        chars = content_characters(self.content)
        missing = sorted(c for c in chars if not supported(c))
        if missing:
            shown = " ".join(f"{c} U+{ord(c):04X}" for c in missing[:10])
            raise CheckFailed(f"{len(missing)} of {len(chars)} content characters have no "
                              f"glyph in the bundled fonts: {shown}")
        return f"all {len(chars)} content characters covered"

    def _matplotlib_cache(self) -> str:
        import matplotlib

        folder = Path(matplotlib.get_cachedir())
        if getattr(sys, "frozen", False):
            wanted = paths.user_cache_dir() / "matplotlib"
            if os.environ.get("MPLCONFIGDIR") and folder.resolve() != wanted.resolve():
                chosen = os.environ["MPLCONFIGDIR"]
                if "czt-mpl-" not in chosen:
                    return f"{folder} (MPLCONFIGDIR set by the user)"
                raise CheckFailed(f"{folder} is a temporary folder: {wanted} is not writable, "
                                  "so the font cache is rebuilt on every start")
        caches = sorted(p.name for p in folder.glob("fontlist-*.json"))
        if not caches:
            raise CheckFailed(f"no font cache in {folder}")
        return f"{folder} ({', '.join(caches)})"

    def _collation(self) -> str:
        from PySide6.QtCore import QCollator, QLocale

        collator = QCollator(QLocale("zh_CN"))
        first, second = PINYIN_PAIR
        if collator.compare(first, second) >= 0:
            raise CheckFailed(f"“{first}” does not sort before “{second}”: ICU's Chinese "
                              "collation data is missing, tables sort by code point")
        return f"“{first}” before “{second}” (pinyin)"

    def _image_formats(self) -> str:
        from PySide6.QtGui import QImageWriter

        formats = {bytes(f.data()).decode() for f in QImageWriter.supportedImageFormats()}
        missing = {"png", "jpg"} - formats
        if missing:
            raise CheckFailed(f"Qt cannot write {', '.join(sorted(missing))} "
                              "(image format plugin missing)")
        return "PNG and JPEG"

    def _kiosk_essentials(self) -> str:
        """The compiled standard-library parts the kiosk mode needs (OpenSSL, SQLite)."""
        import hashlib
        import sqlite3

        try:
            hashlib.pbkdf2_hmac("sha256", b"0000", b"czt-self-test", 1_000)
        except (AttributeError, ValueError) as exc:
            raise CheckFailed(f"PBKDF2-HMAC-SHA256 does not work ({exc}): the kiosk cannot "
                              "check its staff PIN") from exc
        database = sqlite3.connect(self.scratch / "usage.sqlite")
        try:
            mode = database.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            database.execute("CREATE TABLE visits (stage INTEGER)")
            database.execute("INSERT INTO visits VALUES (1)")
            database.commit()
        finally:
            database.close()
        if str(mode).lower() != "wal":
            raise CheckFailed(f"SQLite cannot use a write-ahead log (journal mode {mode})")
        return f"PBKDF2-SHA256, SQLite {sqlite3.sqlite_version} with WAL"

    def _window(self) -> str:
        from PySide6.QtWidgets import QApplication

        from czt_desktop.settings import Preferences, SettingsStore
        from czt_desktop.ui.application import configure_application
        from czt_desktop.ui.main_window import MainWindow

        assert self.content is not None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        prefs = Preferences(language="zh", stage=self.content.stages[0].id, pane="overview")
        switcher = configure_application(app, prefs)
        window = MainWindow(self.content, SettingsStore(self.scratch / "settings"), prefs,
                            switcher)
        self.window = window
        window.resize(1024, 768)
        window.show()
        window.finish_building()
        self._settle()
        pane_ids = window.pane_ids()
        stage_ids = [stage.id for stage in self.content.stages]
        # Every stage with every pane in the first language; in the second, every pane
        # once and every stage once (the same code paths, in half the time).
        plans = {LANGUAGES[0]: [(s, p) for s in stage_ids for p in pane_ids],
                 LANGUAGES[1]: [(stage_ids[-1], p) for p in pane_ids]
                 + [(s, "overview") for s in stage_ids]}
        visits = 0
        for lang, plan in plans.items():
            window.set_language(lang)
            for stage_id, pane_id in plan:
                window.selection.set_stage(stage_id)
                window.show_pane(pane_id)
                self._settle()
                if window.current_pane_id != pane_id or not window.pane(pane_id).isVisible():
                    raise CheckFailed(f"pane {pane_id} did not show ({lang}, stage {stage_id})")
                visits += 1
            for suffix in ("png", "jpg"):
                shot = self.scratch / f"window-{lang}.{suffix}"
                if not window.export_view(shot) or shot.stat().st_size < 10_000:
                    raise CheckFailed(f"could not save the window as {shot.name}")
        window.set_language("zh")
        self._settle()
        return (f"{len(stage_ids)} stages × {len(pane_ids)} panes in {LANGUAGES[0]}, each "
                f"pane and stage in {LANGUAGES[1]} ({visits} views), saved as PNG and JPEG")

    def _charts(self) -> str:
        assert self.window is not None
        charts = self.window.charts
        missing = [key for key in CHART_KEYS if key not in charts]
        if missing:
            raise CheckFailed(f"chart(s) not built: {', '.join(missing)}")
        written = 0
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for lang in LANGUAGES:
                for key in CHART_KEYS:
                    chart: Any = charts[key]
                    chart.set_language(lang)
                    chart.figure.canvas.draw()
                    for fmt in ("png", "svg", "pdf"):
                        path = self.scratch / f"chart-{key}-{lang}.{fmt}"
                        chart.export(path)
                        if not path.is_file() or path.stat().st_size < 1000:
                            raise CheckFailed(f"the {key} chart did not export as {fmt}")
                        written += 1
                    chart.set_language(self.window.lang)
        glyphs = [str(w.message) for w in caught if "Glyph" in str(w.message)]
        if glyphs:
            raise CheckFailed(f"matplotlib lacks glyphs: {glyphs[0]}")
        self._settle()
        return f"{len(CHART_KEYS)} charts drawn in zh and en, {written} files (PNG, SVG, PDF)"

    def _handout(self) -> str:
        assert self.content is not None
        try:
            handout = importlib.import_module("czt_desktop.ui.handout")
        except ModuleNotFoundError as exc:
            if exc.name != "czt_desktop.ui.handout":
                raise
            raise CheckFailed("czt_desktop.ui.handout is not in this build, so no handout "
                              "can be exported") from None
        path = self.scratch / "handout-zh.pdf"
        stage_ids = [stage.id for stage in self.content.stages]
        handout.write_handout(self.content, "zh", stage_ids, path)
        if not path.is_file():
            raise CheckFailed(f"write_handout wrote no file at {path}")
        data = path.read_bytes()
        if not data.startswith(b"%PDF"):
            raise CheckFailed(f"{path.name} is not a PDF")
        if b"NotoSansCJK" not in data:
            raise CheckFailed(f"{path.name} does not embed the bundled CJK font")
        return f"all {len(stage_ids)} stages in Chinese, {len(data) // 1024} KB, font embedded"

    def _qt_message_summary(self) -> str:
        serious = [m for kind, m in self.qt_messages if "Critical" in kind or "Fatal" in kind]
        if serious:
            raise CheckFailed(f"{len(serious)} critical Qt message(s); first: {serious[0]}")
        warned = [m for kind, m in self.qt_messages if "Warning" in kind]
        if warned:
            return f"{len(warned)} warning(s), none critical; first: {warned[0]}"
        return "no warnings"


def self_test_command(options: argparse.Namespace, unknown: list[str]) -> int:
    """Entry point of ``czt-desktop --self-test`` (wired in cli.py)."""
    # No screen needed (and none wanted: a self-test must not flash windows at a user),
    # unless the caller picked a platform, e.g. QT_QPA_PLATFORM=xcb to test X11.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if unknown:
        print(f"{APP_NAME}: ignoring unknown option(s): {' '.join(unknown)}")
    data = getattr(options, "data", None) or paths.bundled_data_dir()
    with tempfile.TemporaryDirectory(prefix="czt-self-test-") as scratch:
        passed = SelfTest(Path(data), Path(scratch)).run()
    return 0 if passed else 1
