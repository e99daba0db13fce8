"""About: what the app is, where every fact comes from, and every licence."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from czt_desktop import __version__
from czt_desktop.content import Content
from czt_desktop.languages import language
from czt_desktop.paths import resource_path
from czt_desktop.ui.notice_banner import DetailsDialog


class AboutDialog(QDialog):
    def __init__(self, content: Content, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.resize(720, 560)
        self._content = content
        self._lang = lang
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)  # nothing leaves the app, not even a link
        self.font_licence_button = QPushButton()
        self.font_licence_button.clicked.connect(self.show_font_licence)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.font_licence_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        lang = self._lang
        title = language(lang).app_title
        self.setWindowTitle(self.tr("About"))
        self.text.setAccessibleName(self.tr("About"))
        self.font_licence_button.setText(self.tr("Font licence…"))
        sources = "".join(
            f"<li>{escape(s.citation.get(lang))}"
            + (f"<br><span style='color:#5A544A'>{escape(s.note.get(lang))}</span>"
               if s.note else "")
            + "</li>"
            for s in self._content.sources
        )
        licences = [
            self.tr("This app: MIT licence."),
            self.tr("Fonts: Noto Sans CJK SC and Noto Sans, SIL Open Font License 1.1 "
                    "(subsets of the originals)."),
            self.tr("Qt for Python (PySide6): GNU LGPL v3; Qt's own licences apply to the "
                    "Qt libraries."),
            self.tr("pandas: BSD 3-clause licence. matplotlib: matplotlib licence "
                    "(PSF-based). platformdirs: MIT licence."),
            self.tr("City coordinates: GeoNames, Creative Commons Attribution 4.0."),
        ]
        self.text.setHtml(
            f"<h2>{escape(title)}</h2><p>{escape(self.tr('Version %1')).replace('%1', __version__)}"
            f"</p><p>{escape(self._content.manifest.title.get(lang))}</p>"
            f"<h3>{escape(self.tr('Sources'))}</h3><ul>{sources}</ul>"
            f"<p>{escape(self._content.manifest.translation_note.get(lang))}</p>"
            f"<h3>{escape(self.tr('Licences'))}</h3><ul>"
            + "".join(f"<li>{escape(text)}</li>" for text in licences)
            + "</ul>"
        )

    def show_font_licence(self) -> None:
        text = resource_path("fonts", "OFL.txt").read_text(encoding="utf-8")
        DetailsDialog(self.tr("Font licence"), text, self).open()
