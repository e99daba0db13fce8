"""The app's one Appearance: language, theme and zoom, declared once, subscribed to by
every view.

Views never have the language, theme or zoom pushed into them by hand. They read the
current values here and :meth:`Appearance.subscribe` to changes, as they subscribe to the
shared :class:`~czt_desktop.ui.selection.Selection`. A change reaches each view once:

- language: Qt's own ``LanguageChange`` event (sent when translators change) is *not*
  what views listen to, because it cannot say that the content language changed too,
  and a view that reacted to both re-translated twice;
- hidden views (panes in other tabs, charts in them) get the change when they are next
  shown, once, however many changes happened meanwhile.

Applying a change app-wide (translators, the application font and style sheet) is done
here too, so a view's update only has to re-read its texts and sizes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from czt_desktop import languages
from czt_desktop.fonts import font_families, register_qt_fonts
from czt_desktop.paths import resource_path
from czt_desktop.ui.theme import HIGH_CONTRAST, LIGHT, Theme, TypeScale, style_sheet

log = logging.getLogger("czt.ui")

#: What changed, as handed to a subscriber: the language, and/or the look (theme, zoom).
LANGUAGE = "language"
LOOK = "look"
Changes = frozenset[str]

#: Zoom steps of Ctrl++ / Ctrl+− (per cent).
ZOOM_STEPS = (75, 90, 100, 110, 125, 150, 175, 200, 250, 300)


def theme_for(high_contrast: bool) -> Theme:
    return HIGH_CONTRAST if high_contrast else LIGHT


@cache
def catalogue(lang: str) -> QTranslator | None:
    """Our compiled translation for ``lang`` (loaded once and kept), or None."""
    name = languages.language(lang).catalogue
    if not name:
        return None
    translator = QTranslator()
    path = resource_path("translations", name)
    if translator.load(str(path)):
        return translator
    log.error("cannot load the UI translation %s", path)
    return None


def translate_in(lang: str, context: str, source: str) -> str:
    """``source`` translated into ``lang`` whatever the UI language is (a handout printed
    in another language, the kiosk's invitation in both); the source text when the
    catalogue has no translation."""
    found = catalogue(lang)
    return (found.translate(context, source) if found is not None else "") or source


@cache
def _qt_catalogue(name: str) -> QTranslator | None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(name, folder) else None


class Appearance(QObject):
    """Language, theme and zoom of the whole app (one per application: :func:`appearance`)."""

    language_changed = Signal(str)
    #: Theme or zoom changed.
    look_changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("appearance")
        self._app = app
        self._lang = languages.SOURCE_LANGUAGE
        self._zoom = 100
        self._high_contrast = False
        self._installed: list[QTranslator] = []
        self._subscriptions: list[Subscription] = []

    # -- reading --------------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self._lang

    @property
    def language(self) -> languages.Language:
        return languages.language(self._lang)

    @property
    def zoom_percent(self) -> int:
        return self._zoom

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    @property
    def theme(self) -> Theme:
        return theme_for(self._high_contrast)

    @property
    def scale(self) -> TypeScale:
        return TypeScale().scaled(self._zoom)

    # -- changing -------------------------------------------------------------------------
    def configure(self, lang: str, zoom_percent: int, high_contrast: bool) -> None:
        """Set everything at start-up (no signal: nothing subscribes yet)."""
        self._lang = lang if languages.is_known(lang) else languages.SOURCE_LANGUAGE
        self._zoom = zoom_percent
        self._high_contrast = high_contrast
        self._install_translators()
        self._apply_look()

    def set_language(self, lang: str) -> bool:
        """Switch UI and content language; False if it is the current or an unknown one."""
        if lang == self._lang or not languages.is_known(lang):
            return False
        self._lang = lang
        self._install_translators()
        self._apply_look()  # the font order differs between languages
        self.language_changed.emit(lang)
        return True

    def set_zoom(self, percent: int) -> bool:
        percent = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], percent))
        if percent == self._zoom:
            return False
        self._zoom = percent
        self._apply_look()
        self.look_changed.emit()
        return True

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self._zoom), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self._zoom),
                           ZOOM_STEPS[0]))

    def set_high_contrast(self, on: bool) -> bool:
        if on == self._high_contrast:
            return False
        self._high_contrast = on
        self._apply_look()
        self.look_changed.emit()
        return True

    # -- subscribing ----------------------------------------------------------------------
    def subscribe(self, view: QWidget, update: Callable[[Changes], None], *,
                  while_hidden: bool = False) -> Subscription:
        """Call ``update(changes)`` once per change, with ``changes`` a set of
        :data:`LANGUAGE` and :data:`LOOK`.

        A hidden ``view`` gets the changes when it is next shown, all at once, unless
        ``while_hidden`` (a view whose hidden state matters, e.g. a menu's texts). The
        subscription ends with the view.
        """
        subscription = Subscription(self, view, update, while_hidden)
        self._subscriptions.append(subscription)
        subscription.destroyed.connect(lambda _=None, s=subscription: self._forget(s))
        return subscription

    def subscriptions(self) -> list[Subscription]:
        """Every live subscription (tests count their deliveries)."""
        return list(self._subscriptions)

    def _forget(self, subscription: Subscription) -> None:
        if subscription in self._subscriptions:
            self._subscriptions.remove(subscription)

    # -- applying app-wide ------------------------------------------------------------------
    def _install_translators(self) -> None:
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        row = self.language
        QLocale.setDefault(QLocale(row.qt_locale))
        wanted = [catalogue(row.code), *(_qt_catalogue(n) for n in row.qt_catalogues)]
        self._installed = [t for t in wanted if t is not None]
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)

    def _apply_look(self) -> None:
        """Font, type scale and style sheet for the language, zoom and theme.

        A Latin language puts the Latin face first so quotes and dashes are not CJK
        full-width; Chinese puts the CJK face first so its punctuation is. Each falls back
        per glyph.
        """
        font = QFont()
        font.setFamilies(font_families(self._lang))
        font.setPixelSize(self.scale.body)
        if font != self._app.font():
            self._app.setFont(font)
        sheet = style_sheet(self.theme)
        # Re-polishing every widget is slow (seconds with all panes built): only when needed.
        if sheet != self._app.styleSheet():
            self._app.setStyleSheet(sheet)


class Subscription(QObject):
    """One view's subscription: delivers changes now, or when the view is next shown.

    A child of the view, so it ends with it (and its signal connections with it).
    """

    def __init__(self, appearance: Appearance, view: QWidget,
                 update: Callable[[Changes], None], while_hidden: bool) -> None:
        super().__init__(view)
        self.view = view
        self._update = update
        self._while_hidden = while_hidden
        self._pending: set[str] = set()
        #: How many times each kind of change was delivered (tests check "once").
        self.deliveries: dict[str, int] = {LANGUAGE: 0, LOOK: 0}
        appearance.language_changed.connect(self._on_language)
        appearance.look_changed.connect(self._on_look)
        view.installEventFilter(self)

    @property
    def pending(self) -> frozenset[str]:
        return frozenset(self._pending)

    def _on_language(self, _code: str) -> None:
        self._changed(LANGUAGE)

    def _on_look(self) -> None:
        self._changed(LOOK)

    def _changed(self, what: str) -> None:
        self._pending.add(what)
        if self._while_hidden or self.view.isVisible():
            self.deliver()

    def deliver(self) -> None:
        """Hand the pending changes to the view (now, whether shown or not)."""
        if not self._pending:
            return
        changes = frozenset(self._pending)
        self._pending.clear()
        for what in changes:
            self.deliveries[what] += 1
        self._update(changes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and self._pending:
            self.deliver()
        return False


_instance: Appearance | None = None


def appearance() -> Appearance:
    """The application's one Appearance (made on first use, after the QApplication).

    One per application: translators installed by a second would linger.
    """
    global _instance
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("create the QApplication before its Appearance")
    if _instance is None or not shiboken6.isValid(_instance) or _instance.parent() is not app:
        register_qt_fonts()
        _instance = Appearance(app)
    return _instance
