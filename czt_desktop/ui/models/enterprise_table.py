"""The enterprises of §1.1 as a table, and the proxy that filters and sorts it."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
)
from PySide6.QtGui import QIcon

from czt_desktop.content import Content, Enterprise
from czt_desktop.ui.models.record_table import RecordFilterProxy, RecordTableModel
from czt_desktop.ui.models.roles import (
    AnyIndex,
    CityRole,
    IdRole,
    SearchRole,
    SizeClassesRole,
    SortRole,
    YearRole,
)
from czt_desktop.ui.swatch import color_swatch
from czt_desktop.ui.theme import city_color
from czt_desktop.ui.words import size_class_label, size_classes_text

#: The paper's own words for the size classes (data/README.md, enterprises.csv), so a
#: search for them finds the plants whatever the UI language. Search terms only: what
#: the table shows comes from the translated labels.
SIZE_CLASS_TERMS = {"large": ("大型", "large"), "large-1": ("大一型", "large, grade 1")}


class EnterpriseColumn(IntEnum):
    NAME = 0
    CITY = 1
    FOUNDED = 2
    SIZE = 3
    INDUSTRY = 4


def _header(column: EnterpriseColumn) -> str:
    return {
        EnterpriseColumn.NAME: QCoreApplication.translate("EnterpriseTableModel",
                                                          "Enterprise"),
        EnterpriseColumn.CITY: QCoreApplication.translate("EnterpriseTableModel", "City"),
        EnterpriseColumn.FOUNDED: QCoreApplication.translate("EnterpriseTableModel",
                                                             "Built"),
        EnterpriseColumn.SIZE: QCoreApplication.translate("EnterpriseTableModel",
                                                          "Size class"),
        EnterpriseColumn.INDUSTRY: QCoreApplication.translate("EnterpriseTableModel",
                                                              "Industry (from the name)"),
    }[column]


class EnterpriseTableModel(RecordTableModel):
    """One row per enterprise (``content.enterprises``, by year founded)."""

    COLUMNS = EnterpriseColumn

    def __init__(self, content: Content, lang: str, parent: QObject | None = None) -> None:
        super().__init__(content, lang, content.enterprises, parent)
        self._swatches: dict[str, QIcon] = {}

    def header(self, column: int) -> str:
        return _header(EnterpriseColumn(column))

    def enterprise_at(self, row: int) -> Enterprise:
        enterprise: Enterprise = self.record_at(row)
        return enterprise

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        ent = self._rows[index.row()]
        column = EnterpriseColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return self._text(ent, column)
        if role == SortRole:
            if column == EnterpriseColumn.FOUNDED:
                return ent.founded
            return self._text(ent, column)
        if role == Qt.ItemDataRole.DecorationRole and column == EnterpriseColumn.CITY:
            if ent.city_id not in self._swatches:
                self._swatches[ent.city_id] = color_swatch(
                    city_color(self._content, ent.city_id))
            return self._swatches[ent.city_id]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == EnterpriseColumn.FOUNDED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == IdRole:
            return ent.id
        if role == CityRole:
            return ent.city_id
        if role == YearRole:
            return ent.founded
        if role == SizeClassesRole:
            return ";".join(ent.size_classes)
        if role == SearchRole:
            return self._search_text(ent)
        return None

    def _text(self, ent: Enterprise, column: EnterpriseColumn) -> str:
        lang = self._lang
        if column == EnterpriseColumn.NAME:
            return ent.name.get(lang)
        if column == EnterpriseColumn.CITY:
            return self._content.city(ent.city_id).name.get(lang)
        if column == EnterpriseColumn.FOUNDED:
            return str(ent.founded)
        if column == EnterpriseColumn.SIZE:
            return size_classes_text(ent.size_classes, lang)
        return ent.industry.get(lang)

    def _search_text(self, ent: Enterprise) -> str:
        city = self._content.city(ent.city_id).name
        words = [*ent.name.variants(), *city.variants(), *ent.industry.variants(),
                 str(ent.founded), *(size_class_label(c) for c in ent.size_classes)]
        for code in ent.size_classes:
            words.extend(SIZE_CLASS_TERMS.get(code, ()))
        return " ".join(words).casefold()


class EnterpriseFilterProxy(RecordFilterProxy):
    """Filters by city, year founded, size class and free text (zh or en); sorts by the
    model's ``SortRole`` so years sort as numbers."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._city = ""
        self._years: tuple[int, int] | None = None
        self._size_class = ""

    # -- filters -----------------------------------------------------------------------
    @property
    def city(self) -> str:
        return self._city

    @property
    def years(self) -> tuple[int, int] | None:
        return self._years

    @property
    def size_class(self) -> str:
        return self._size_class

    def set_city(self, city_id: str) -> None:
        """Only enterprises of ``city_id``; ``""`` for every city."""
        self._change(lambda: setattr(self, "_city", city_id))

    def set_years(self, first: int | None, last: int | None) -> None:
        """Only enterprises founded from ``first`` to ``last`` (both inclusive)."""
        value = None if first is None or last is None else (min(first, last), max(first, last))
        self._change(lambda: setattr(self, "_years", value))

    def set_size_class(self, code: str) -> None:
        """``"large"`` (大型), ``"large-1"`` (大一型) or ``""`` for both."""
        self._change(lambda: setattr(self, "_size_class", code))

    def clear_filters(self) -> None:
        def reset() -> None:
            self._city, self._years, self._size_class, self._text = "", None, "", ""
        self._change(reset)

    def is_filtering(self) -> bool:
        return bool(self._city or self._years or self._size_class or self._text)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if model is None:
            return False
        index = model.index(source_row, 0, source_parent)
        if self._city and model.data(index, CityRole) != self._city:
            return False
        if self._years is not None:
            year = model.data(index, YearRole)
            if not isinstance(year, int) or not self._years[0] <= year <= self._years[1]:
                return False
        if self._size_class:
            classes = str(model.data(index, SizeClassesRole) or "").split(";")
            if self._size_class not in classes:
                return False
        return self._text_matches(model, index)  # type: ignore[arg-type]
