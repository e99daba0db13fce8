"""The kiosk's guard: an application-wide event filter that refuses every way out.

Refused while it is installed:

- keys that leave, close or switch something: Esc, F1–F35 (F11 full screen, F5
  presentation), and every key pressed with Ctrl, Alt or Meta (Alt+F4, Ctrl+Q, Ctrl+W,
  Ctrl+E export, Alt to reach a menu) — both as shortcuts (``ShortcutOverride``) and as
  plain key presses. Esc still closes an open drop-down list, which leaves nothing;
- context menus, tooltips and "What's this?";
- links out: every label's ``openExternalLinks`` is switched off (also for labels made
  later), and http/https/mailto/file/… URLs opened by anything are dropped;
- dialogs: any dialog that opens anyway (a stray About box, a file dialog) is closed;
- the window leaving full screen or being minimised or hidden: it is put back.

Close events are refused by the main window itself while the mode says so
(``Mode.allows_close``), which covers the window manager's close button and Alt+F4
handled by the window manager.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QTextBrowser, QWidget

from czt_desktop.ui.kiosk.app_filter import AppEventFilter

log = logging.getLogger("czt.kiosk")

_T = QEvent.Type
_K = Qt.Key
#: URL schemes whose opening is dropped (a handler is per scheme; these are the ones a
#: label, a text browser or the desktop could open).
URL_SCHEMES = ("http", "https", "ftp", "mailto", "file", "tel", "sms", "news", "irc")
ESCAPE_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                    | Qt.KeyboardModifier.MetaModifier)
ESCAPE_KEYS = frozenset({
    _K.Key_Escape, _K.Key_Menu, _K.Key_Close, _K.Key_Back, _K.Key_Cancel, _K.Key_Exit,
    _K.Key_Help, _K.Key_Print, _K.Key_SysReq, _K.Key_Alt, _K.Key_AltGr, _K.Key_Control,
    _K.Key_Meta, _K.Key_Super_L, _K.Key_Super_R, _K.Key_Hyper_L, _K.Key_Hyper_R,
    _K.Key_Launch0, _K.Key_Launch1, _K.Key_LaunchMail, _K.Key_LaunchMedia, _K.Key_Explorer,
    _K.Key_HomePage, _K.Key_Search, _K.Key_Standby, _K.Key_Sleep, _K.Key_Suspend,
    _K.Key_Hibernate, _K.Key_PowerOff, _K.Key_PowerDown, _K.Key_LogOff, _K.Key_Terminal,
})
_FUNCTION_KEYS = range(_K.Key_F1.value, _K.Key_F35.value + 1)
_KEY_EVENTS = frozenset({_T.ShortcutOverride, _T.KeyPress, _T.KeyRelease})
_SWALLOWED = frozenset({_T.ContextMenu, _T.ToolTip, _T.WhatsThis, _T.QueryWhatsThis,
                        _T.WhatsThisClicked})
_WATCHED = _KEY_EVENTS | _SWALLOWED | {_T.Polish, _T.Show, _T.WindowStateChange, _T.Hide,
                                       _T.WindowDeactivate}


def is_escape_key(event: QKeyEvent) -> bool:
    """Whether a key could leave or change the kiosk (see the module's list)."""
    key = event.key()
    if event.modifiers() & ESCAPE_MODIFIERS:
        return True
    return key in ESCAPE_KEYS or key in _FUNCTION_KEYS


class _UrlRefuser(QObject):
    """Receives the URLs the kiosk does not open. One for the whole process: Qt keeps a
    raw pointer to a URL handler, and a handler deleted while registered crashes Qt."""

    @Slot(QUrl)
    def refuse(self, url: QUrl) -> None:
        log.info("kiosk: did not open %s", url.toString())


_refuser: _UrlRefuser | None = None


def _url_refuser() -> _UrlRefuser:
    global _refuser
    if _refuser is None:
        _refuser = _UrlRefuser()
    return _refuser


class KioskGuard(AppEventFilter):
    """Install with :meth:`install`; :meth:`remove` undoes everything it changed."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        #: Labels and text browsers whose links were on: (widget, open links, open
        #: external links) to switch them back on.
        self._links: list[tuple[QWidget, bool, bool]] = []
        #: What was refused, by kind (for tests and the log).
        self.refused: dict[str, int] = {}
        self._restore = QTimer(self)
        self._restore.setSingleShot(True)
        self._restore.setInterval(0)
        self._restore.timeout.connect(self._restore_window)

    # -- installing ------------------------------------------------------------------------
    def _on_install(self) -> None:
        for widget in self.window.findChildren(QLabel) + self.window.findChildren(QTextBrowser):
            self._no_links(widget)
        refuser = _url_refuser()
        for scheme in URL_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, refuser, "refuse")  # type: ignore[arg-type]

    def _on_remove(self) -> None:
        self._restore.stop()
        for scheme in URL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)
        for widget, open_links, open_external in self._links:
            if not shiboken6.isValid(widget):
                continue
            if isinstance(widget, QTextBrowser):
                widget.setOpenLinks(open_links)
                widget.setOpenExternalLinks(open_external)
            elif isinstance(widget, QLabel):
                widget.setOpenExternalLinks(open_external)
        self._links.clear()

    # -- filtering -------------------------------------------------------------------------
    def _count(self, kind: str) -> None:
        self.refused[kind] = self.refused.get(kind, 0) + 1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _WATCHED:
            return False
        if kind in _KEY_EVENTS:
            if not isinstance(event, QKeyEvent) or not is_escape_key(event):
                return False
            if event.key() == _K.Key_Escape and not event.modifiers() \
                    and QApplication.activePopupWidget() is not None:
                return False  # Esc closes a drop-down list; that leaves nothing
            if kind == _T.KeyPress:
                self._count("key")
                log.debug("kiosk: refused key %s", event.keyCombination().toCombined())
            event.accept()
            return True
        if kind in _SWALLOWED:
            if kind == _T.ContextMenu:
                self._count("context-menu")
            return True
        if kind == _T.Polish and isinstance(watched, QLabel | QTextBrowser):
            self._no_links(watched)
        elif kind == _T.Show and isinstance(watched, QDialog):
            self._count("dialog")
            log.warning("kiosk: closed a dialog that opened (%s)", watched.windowTitle()
                        or type(watched).__name__)
            QTimer.singleShot(0, watched, watched.reject)
        elif watched is self.window and kind in (_T.WindowStateChange, _T.Hide,
                                                 _T.WindowDeactivate):
            self._restore.start()
        return False

    def _no_links(self, widget: QWidget) -> None:
        if isinstance(widget, QTextBrowser):
            if widget.openExternalLinks() or widget.openLinks():
                self._links.append((widget, widget.openLinks(), widget.openExternalLinks()))
                widget.setOpenLinks(False)
                widget.setOpenExternalLinks(False)
        elif isinstance(widget, QLabel) and widget.openExternalLinks():
            self._links.append((widget, False, True))
            widget.setOpenExternalLinks(False)

    def _restore_window(self) -> None:
        """Back to full screen, shown and in front (a window manager or a key combination
        the app never saw may have changed that)."""
        window = self.window
        if not self._installed or not shiboken6.isValid(window):
            return
        if not window.isVisible() or not window.isFullScreen() or window.isMinimized():
            self._count("window-state")
            log.info("kiosk: the window left full screen; restoring it")
            window.showFullScreen()
        if not window.isActiveWindow() and QApplication.activePopupWidget() is None:
            # activateWindow() also raises it on X11 and Windows; raise_() is not
            # supported everywhere (the offscreen platform warns).
            window.activateWindow()
