"""The band at the top of a pane that says what the pane shows of the picked stage.

It stays above the pane's scrolling page, in the stage's colour, so the stage and what
it means here are never scrolled away.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from czt_desktop.ui.theme import Theme, TypeScale


class StageLens(QFrame):
    """A kicker (stage, years, name), one sentence, and at most a couple of buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageLens")
        self.kicker = QLabel()
        self.kicker.setObjectName("stageLensKicker")
        self.text = QLabel()
        self.text.setObjectName("stageLensText")
        for label in (self.kicker, self.text):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self._buttons = QHBoxLayout()
        self._buttons.setContentsMargins(0, 0, 0, 0)
        self._buttons.setSpacing(8)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(2)
        words.addWidget(self.kicker)
        words.addWidget(self.text)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 8, 16, 8)
        row.setSpacing(16)
        row.addLayout(words, 1)
        row.addLayout(self._buttons)
        self.buttons: list[QPushButton] = []
        self._runs: list[Callable[[], object]] = []
        self._look_key: tuple[str, int, int] | None = None

    def show_stage(self, kicker: str, text: str,
                   actions: list[tuple[str, Callable[[], object]]] | None = None) -> None:
        """Say ``text`` about the stage named by ``kicker``, with buttons for ``actions``
        (their words and what they do)."""
        self.kicker.setText(kicker)
        self.text.setText(text)
        self.setAccessibleName(kicker)
        self.setAccessibleDescription(text)
        wanted = actions or []
        while len(self.buttons) > len(wanted):
            button = self.buttons.pop()
            self._buttons.removeWidget(button)
            button.deleteLater()
        while len(self.buttons) < len(wanted):
            button = QPushButton()
            button.setObjectName("stageLensButton")
            index = len(self.buttons)
            button.clicked.connect(lambda _=False, i=index: self._runs[i]())
            self._buttons.addWidget(button)
            self.buttons.append(button)
        self._runs = [run for _words, run in wanted]
        for button, (words, _run) in zip(self.buttons, wanted, strict=True):
            button.setText(words)
            button.setAccessibleName(words)

    def set_look(self, theme: Theme, scale: TypeScale, stage_index: int) -> None:
        key = (theme.name, scale.body, stage_index)
        if key == self._look_key:
            return  # a style sheet re-polishes the band: only when it changes
        self._look_key = key
        tint, edge = theme.stage_tint(stage_index), theme.stage_edge(stage_index)
        self.setStyleSheet(
            f"QFrame#stageLens {{ background: {tint}; border-left: 6px solid {edge}; }}"
            f"QLabel#stageLensKicker {{ color: {theme.ink}; font-size: {scale.small}px;"
            " font-weight: bold; background: transparent; }"
            f"QLabel#stageLensText {{ color: {theme.ink}; font-size: {scale.body}px;"
            " background: transparent; }")
