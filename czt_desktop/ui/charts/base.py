"""ChartView: one matplotlib Figure in a widget, built once and updated in place.

The figure follows Our World in Data's pattern: a title that states the finding, a
subtitle saying what is measured, the marks with direct labels, any data note in full,
and a source line under the chart. Layout is done here in figure pixels (not by
constrained layout) because the titles wrap, Chinese has no spaces to wrap at, and the
data note must stay visible at every size.

A canvas is one opaque object to a screen reader, so the chart also offers a sentence
(:meth:`ChartView.text_alternative`, set as the canvas's accessible description) and
a data table the user can switch to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from czt_desktop.content import Content, DataNote
from czt_desktop.content.citing import Cited, source_line
from czt_desktop.languages import language
from czt_desktop.ui.charts import style
from czt_desktop.ui.charts.table_model import ChartTable, ChartTableModel
from czt_desktop.ui.charts.wrapping import wrap
from czt_desktop.ui.theme import LIGHT, Theme, TypeScale

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import Event
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.text import Text

    from czt_desktop.ui.selection import Selection

log = logging.getLogger("czt.ui")

#: File formats :meth:`ChartView.export` writes, by file suffix.
EXPORT_FORMATS = ("png", "svg", "pdf")
#: Exported PNGs have this many pixels per figure pixel: sharp on slides and in print.
EXPORT_PIXEL_RATIO = 2
#: Touch target (VISUAL.md, WCAG 2.2): 44×44 px at 100 % zoom.
TOUCH_TARGET = 44
#: Bounds of the canvas's minimum height (it grows when long texts need room).
MIN_CANVAS_HEIGHT = 240
#: Qt's text widths are within ±4 % of matplotlib's: wrap as if lines were this much longer.
WRAP_ALLOWANCE = 1.05
MAX_CANVAS_HEIGHT = 1200


class TouchButton(QPushButton):
    """A push button never smaller than a touch target, whatever the style sheet says
    (the app's ``min-height: 32px`` replaces a minimum set in code)."""

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(QSize(TOUCH_TARGET, TOUCH_TARGET))

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(TOUCH_TARGET, TOUCH_TARGET))


class TouchToolButton(QToolButton):
    """A tool button never smaller than a touch target (see :class:`TouchButton`)."""

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(QSize(TOUCH_TARGET, TOUCH_TARGET))

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(TOUCH_TARGET, TOUCH_TARGET))


@dataclass(slots=True)
class ManagedText:
    """A text of the figure whose font, size and colour follow language, zoom and theme."""

    artist: Text
    size: str  # a TypeScale field: "small", "body", "lead", "title"
    bold: bool = False
    color: str = "ink"  # "ink", "muted", "accent" or a colour such as "#D55E00"
    wrap: bool = False
    raw: str = ""  # the text before wrapping


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in figure pixels (1/100 inch), ``y`` measured down from the top."""

    x: float
    y: float
    w: float
    h: float


class ChartView(QWidget):
    """Base class of the charts: the figure, its texts, layout, export and accessibility.

    Subclasses implement ``_load``, ``_build``, ``_update_texts``, ``_apply_colors``,
    ``_table``, ``_describe`` and ``_records``; optionally ``_layout_plot``,
    ``_layout_header``, ``_notes`` and ``_step``.
    """

    #: The user asked to save the chart in a format ("png", "svg" or "pdf"). The window
    #: decides whether a file dialog is allowed (a kiosk forbids it) and calls export().
    export_requested = Signal(str)
    #: The user chose a stage in the chart or its table (a click, or keys on the chart).
    stage_activated = Signal(int)
    #: The user chose an item (kind, id), e.g. ("enterprise", "zhuzhou-glass-plant").
    item_activated = Signal(str, str)

    #: Stem of suggested file names, e.g. "gdp-by-city".
    chart_id: ClassVar[str] = "chart"
    #: Size of the axes' tick labels (a TypeScale field).
    tick_size: ClassVar[str] = "small"
    #: The plot never gets less than this (px at 100 %); the canvas grows instead.
    min_plot_height: ClassVar[float] = 150

    def __init__(self, content: Content, lang: str = "zh", parent: QWidget | None = None,
                 *, theme: Theme = LIGHT, scale: TypeScale | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.lang = lang
        self.theme = theme
        self.scale = scale or TypeScale()
        self.stage_id: int | None = None
        self.item: tuple[str, str] = ("", "")
        self._texts: list[ManagedText] = []
        self._footer: list[ManagedText] = []
        self._aside: list[ManagedText] = []
        self._pick_keys: dict[int, tuple[str, str]] = {}
        self._metrics: dict[tuple[str, float, bool], QFontMetricsF] = {}
        self._focused = False
        #: Artists that change on a highlight: drawn over a cached background (blitting).
        self._dynamic: list[Any] = []
        self._background: Any = None
        self._full_draw_pending = True
        #: A highlight changed while the chart was scrolled out of view.
        self._marks_stale = False
        #: Something changed while the chart was hidden: draw it when it is shown.
        self._draw_on_show = False
        self._exporting = False
        self._load()

        # matplotlib costs ~0.9 s to import: only a chart that is really built pays it.
        from matplotlib.figure import Figure

        from czt_desktop.ui.charts.canvas import ChartCanvas

        style.register_fonts()
        with style.style_context():
            self.figure = Figure(dpi=style.BASE_DPI)
            self.canvas = ChartCanvas(self.figure)
            self.ax: Axes = self.figure.add_axes((0.1, 0.2, 0.8, 0.6))
            self.title_text = self._add_text("lead", bold=True, wrap=True)
            self.subtitle_text = self._add_text("small", color="muted", wrap=True)
            self._note_texts: list[tuple[ManagedText, ManagedText]] = []
            for _note in self._notes():
                heading = self._add_text("small", bold=True, wrap=True)
                body = self._add_text("small", wrap=True)
                self._aside += [heading, body]
                self._note_texts.append((heading, body))
            self.source_text = self._add_text("small", color="muted", wrap=True)
            self._build()
        self.canvas.setObjectName("chartCanvas")
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas.setMinimumSize(320, MIN_CANVAS_HEIGHT)
        self.canvas.installEventFilter(self)
        self.canvas.mpl_connect("resize_event", self._on_resize)
        self.canvas.mpl_connect("pick_event", self._on_pick)
        self.canvas.mpl_connect("key_press_event", self._on_key)
        self.canvas.mpl_connect("draw_event", self._on_draw)
        self._build_widgets()
        # Installing a translator sends LanguageChange just before the window calls
        # set_language(): refresh once, after both, not twice.
        self._retranslate_timer = QTimer(self)
        self._retranslate_timer.setSingleShot(True)
        self._retranslate_timer.setInterval(0)
        self._retranslate_timer.timeout.connect(self._refresh)
        self._refresh()

    # -- to implement ---------------------------------------------------------------------
    def _load(self) -> None:
        """Read what the chart shows from ``self.content`` (no matplotlib yet)."""

    def _build(self) -> None:
        """Create every artist, once (inside the style context)."""
        raise NotImplementedError

    def _update_texts(self) -> None:
        """Set every text (``_set_text``, tick labels) for ``self.lang`` and ``self.tr``."""
        raise NotImplementedError

    def _apply_colors(self) -> None:
        """Colour the marks for ``self.theme`` and the highlighted stage or item."""
        raise NotImplementedError

    def _table(self) -> ChartTable:
        """The chart's data as a table, in ``self.lang``."""
        raise NotImplementedError

    def _describe(self) -> str:
        """The data in words (for the text alternative), in ``self.lang``."""
        raise NotImplementedError

    def _records(self) -> Sequence[Cited]:
        """The records shown, for the source line."""
        raise NotImplementedError

    def _kind(self) -> str:
        """What sort of chart this is, e.g. "Bar chart"."""
        return self.tr("Bar chart")

    def _notes(self) -> tuple[DataNote, ...]:
        """Data notes to print with the chart (in full, never hidden)."""
        return ()

    def _layout_header(self, box: Box, renderer: RendererAgg) -> float:
        """Place extra header artists (e.g. a key) at the top of ``box``; return height."""
        return 0.0

    def _layout_plot(self, box: Box, renderer: RendererAgg) -> None:
        """Place the axes (and anything beside them) in ``box``."""
        self._fit_axes(self.ax, box, renderer)

    def _step(self, step: int) -> None:
        """Left/Right arrow keys on the chart: move the highlight by ``step``."""

    # -- public ---------------------------------------------------------------------------
    def title(self) -> str:
        """The chart's title (its finding) in the current language, unwrapped."""
        return self.title_text.raw

    def text_alternative(self) -> str:
        """What the chart shows, in sentences, for a screen reader: kind, finding, data,
        data notes and source."""
        parts = [f"{self._kind()}{self._sep()}{self.title_text.raw}", self._describe()]
        parts += [self._note_line(note) for note in self._notes()]
        parts.append(self.source_text.raw)
        return language(self.lang).sentences(parts)

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self._refresh()

    def set_scale(self, scale: TypeScale) -> None:
        self.scale = scale
        self._apply_style()
        self._apply_colors()
        self._relayout()
        self._redraw()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._apply_style()
        self._apply_colors()
        self._redraw()

    def highlight_stage(self, stage_id: int | None) -> None:
        """Emphasise one stage's marks (charts that have none ignore it)."""
        if stage_id != self.stage_id:
            self.stage_id = stage_id
            self._apply_colors()
            self._update_marks()

    def highlight_item(self, kind: str, item_id: str) -> None:
        """Emphasise one item, e.g. ("enterprise", id); ("", "") for none."""
        if (kind, item_id) != self.item:
            self.item = (kind, item_id)
            self._apply_colors()
            self._update_marks()

    def bind_selection(self, selection: Selection) -> None:
        """Follow the shared selection and write the user's choices back to it."""
        selection.stage_changed.connect(self.highlight_stage)
        selection.item_changed.connect(self.highlight_item)
        self.stage_activated.connect(selection.set_stage)
        self.item_activated.connect(selection.set_item)
        self.stage_id = None
        self.item = ("", "")
        self.highlight_stage(selection.stage)
        self.highlight_item(*selection.item)

    def show_table(self, shown: bool) -> None:
        """Show the data table instead of the chart (or the chart again)."""
        self.stack.setCurrentWidget(self.table_view if shown else self.canvas)
        if self.table_button.isChecked() != shown:
            self.table_button.setChecked(shown)
        self._retranslate_widgets()

    def is_table_shown(self) -> bool:
        return self.stack.currentWidget() is self.table_view

    def set_export_allowed(self, allowed: bool) -> None:
        """Hide the save button where files may not be written (a museum kiosk)."""
        self.save_button.setVisible(allowed)

    def suggested_file_name(self, fmt: str) -> str:
        return f"{self.chart_id}-{self.lang}.{fmt}"

    def export(self, path: Path, size: tuple[int, int] | None = None) -> Path:
        """Write the chart to ``path`` as PNG, SVG or PDF (chosen by the suffix).

        ``size`` is the figure's size in pixels at 100 % (default: as on screen); a PNG
        gets :data:`EXPORT_PIXEL_RATIO` times as many pixels. Chinese is drawn with the
        bundled font in all three: glyph outlines in SVG, a Type 3 font in PDF.
        """
        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"cannot export a chart as {path.suffix!r}; use .png, .svg or .pdf")
        original = tuple(self.figure.get_size_inches())
        if size is not None:
            self.figure.set_size_inches(size[0] / style.BASE_DPI, size[1] / style.BASE_DPI,
                                        forward=False)
            self._relayout()
        # A file has no blitting: the highlight's artists are drawn like all others.
        for artist in self._dynamic:
            artist.set_animated(False)
        self._exporting = True
        focused, self._focused = self._focused, False  # no focus ring in the file
        self._apply_frame()
        try:
            with style.style_context():
                self.figure.savefig(path, format=fmt,
                                    dpi=style.BASE_DPI * EXPORT_PIXEL_RATIO,
                                    metadata=self._metadata(fmt))
        finally:
            self._exporting = False
            self._focused = focused
            self._apply_frame()
            for artist in self._dynamic:
                artist.set_animated(True)
            if size is not None:
                self.figure.set_size_inches(original[0], original[1], forward=False)
                self._relayout()
            self._redraw()
        log.info("chart %s saved as %s", self.chart_id, path)
        return path

    # -- Qt -------------------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.table_model = ChartTableModel(self)
        self.table_view = QTableView()
        self.table_view.setObjectName("chartTable")
        self.table_view.setModel(self.table_model)
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.setWordWrap(True)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.verticalHeader().setVisible(False)
        header = self.table_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table_view.activated.connect(self._on_row_chosen)
        self.table_view.clicked.connect(self._on_row_chosen)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.table_view)

        self.table_button = TouchButton()
        self.table_button.setObjectName("chartTableButton")
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(self.show_table)
        self.save_button = TouchToolButton()
        self.save_button.setObjectName("chartSaveButton")
        self.save_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.save_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.save_menu = QMenu(self.save_button)
        self.save_actions = {fmt: self.save_menu.addAction("") for fmt in EXPORT_FORMATS}
        for fmt, action in self.save_actions.items():
            action.triggered.connect(lambda _=False, f=fmt: self.export_requested.emit(f))
        self.save_button.setMenu(self.save_menu)

        bar = QHBoxLayout()
        bar.setContentsMargins(8, 8, 8, 8)
        bar.setSpacing(8)
        bar.addStretch(1)
        bar.addWidget(self.table_button)
        bar.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.stack, 1)
        column.addLayout(bar)

    def _retranslate_widgets(self) -> None:
        shown = self.is_table_shown()
        text = self.tr("Show chart") if shown else self.tr("Show data table")
        self.table_button.setText(text)
        self.table_button.setAccessibleName(text)
        self.save_button.setText(self.tr("Save chart…"))
        self.save_button.setAccessibleName(self.tr("Save chart"))
        self.save_menu.setTitle(self.tr("Save chart"))
        self.save_actions["png"].setText(self.tr("PNG image (.png)"))
        self.save_actions["svg"].setText(self.tr("SVG drawing (.svg)"))
        self.save_actions["pdf"].setText(self.tr("PDF document (.pdf)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "_retranslate_timer"):
            self._retranslate_widgets()
            self._retranslate_timer.start()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A focus ring on the canvas (it paints itself, so style sheets cannot draw one).
        if watched is self.canvas and event.type() == QEvent.Type.Show and self._draw_on_show:
            self._draw_on_show = False
            self.canvas.draw_idle()
        if (watched is self.canvas and event.type() == QEvent.Type.Paint
                and self._marks_stale and self._background is not None
                and not self._full_draw_pending):
            # Update the picture the canvas is about to paint (no blit: that would
            # repaint from inside this paint).
            self._marks_stale = False
            stale_canvas: Any = self.canvas
            stale_canvas.restore_region(self._background)
            self._draw_dynamic()
        if watched is self.canvas and event.type() in (QEvent.Type.FocusIn,
                                                         QEvent.Type.FocusOut):
            self._focused = event.type() == QEvent.Type.FocusIn
            self._apply_frame()
            self._redraw()
        return super().eventFilter(watched, event)

    def _on_row_chosen(self, index: QModelIndex) -> None:
        kind, key = self.table_model.key(index.row())
        if kind == "stage" and key.isdigit():
            self.stage_activated.emit(int(key))
        elif kind:
            self.item_activated.emit(kind, key)

    # -- matplotlib events ----------------------------------------------------------------
    def _on_resize(self, _event: Event) -> None:
        self._full_draw_pending = True  # the background no longer fits the canvas
        self._relayout()

    def _on_pick(self, event: Event) -> None:
        key = self._pick_keys.get(id(getattr(event, "artist", None)))
        mouse = getattr(event, "mouseevent", None)
        if key is None or getattr(mouse, "button", 1) != 1:
            return
        kind, item_id = key
        if kind == "stage":
            self.stage_activated.emit(int(item_id))
        else:
            self.item_activated.emit(kind, item_id)

    def _on_key(self, event: Event) -> None:
        step = {"left": -1, "right": 1, "up": -1, "down": 1}.get(getattr(event, "key", ""))
        if step:
            self._step(step)

    def _on_draw(self, _event: Event) -> None:
        """After a full draw (which skips the animated artists): keep the picture as the
        background for highlights, then draw the animated artists over it."""
        if self._exporting:
            return
        canvas: Any = self.canvas  # its blitting methods are untyped
        self._background = canvas.copy_from_bbox(self.figure.bbox)
        self._full_draw_pending = False
        self._draw_dynamic()

    def _draw_dynamic(self) -> None:
        # In z-order (stable), as a full draw would: a chosen bar's outline on top.
        for artist in sorted(self._dynamic, key=lambda a: a.get_zorder()):
            if artist.get_visible():
                self.figure.draw_artist(artist)

    def _update_marks(self) -> None:
        """Redraw only the highlight's artists over the background: a few ms, where a
        full draw of all the text costs 30–120 ms on a small machine."""
        if self._background is None or self._full_draw_pending or not self.canvas.isVisible():
            self._redraw()
            return
        if self.canvas.visibleRegion().isEmpty():
            # Scrolled out of view (a presenter switches stages far more often than the
            # chart is looked at): bring the marks up to date when it is painted again.
            self._marks_stale = True
            return
        self._marks_stale = False
        canvas: Any = self.canvas
        canvas.restore_region(self._background)
        self._draw_dynamic()
        canvas.blit(self.figure.bbox)

    def _animate(self, *artists: Any) -> None:
        """Mark artists as changing on a highlight (see :meth:`_update_marks`)."""
        for artist in artists:
            artist.set_animated(True)
            self._dynamic.append(artist)

    def _pickable(self, artist: Any, kind: str, item_id: str) -> None:
        artist.set_picker(True)
        self._pick_keys[id(artist)] = (kind, item_id)

    # -- texts ----------------------------------------------------------------------------
    def _add_text(self, size: str, *, bold: bool = False, color: str = "ink",
                  wrap: bool = False, footer: bool = False) -> ManagedText:
        artist = self.figure.text(0, 0, "", ha="left", va="top", parse_math=False,
                                  linespacing=1.3)
        managed = ManagedText(artist, size, bold, color, wrap)
        self._texts.append(managed)
        if footer:
            self._footer.append(managed)
        return managed

    def _add_axes_text(self, size: str, *, bold: bool = False, color: str = "ink",
                       **kwargs: Any) -> ManagedText:
        """A label inside the axes (values on bars); it does not push the layout."""
        artist = self.ax.text(0, 0, "", parse_math=False, **kwargs)
        artist.set_in_layout(False)
        managed = ManagedText(artist, size, bold, color)
        self._texts.append(managed)
        return managed

    def _set_text(self, managed: ManagedText, text: str) -> None:
        managed.raw = text
        managed.artist.set_text(text)
        managed.artist.set_visible(bool(text))

    def _sep(self) -> str:
        return language(self.lang).colon

    def _note_heading(self, note: DataNote) -> str:
        label = self.tr("Note on the data")
        return f"{label}{self._sep()}{note.title.get(self.lang)}"

    def _note_line(self, note: DataNote) -> str:
        return f"{self._note_heading(note)}{self._sep()}{note.text.get(self.lang)}"

    def _color(self, role: str) -> str:
        named = {"ink": self.theme.ink, "muted": self.theme.muted, "accent": self.theme.accent}
        return named.get(role, role)

    # -- refresh --------------------------------------------------------------------------
    def _refresh(self) -> None:
        """Everything that depends on the language: texts, table, layout, accessibility."""
        self._retranslate_timer.stop()
        self._retranslate_widgets()
        self._apply_style()
        self._update_texts()
        for (heading, body), note in zip(self._note_texts, self._notes(), strict=True):
            self._set_text(heading, self._note_heading(note))
            self._set_text(body, note.text.get(self.lang))
        self._set_text(self.source_text,
                       source_line(self.content, self._records(), self.lang, self.tr("Source")))
        self._apply_colors()
        self._relayout()
        self.table_model.set_table(self._table())
        self.table_view.resizeRowsToContents()
        self.canvas.setAccessibleName(self.title_text.raw)
        self.canvas.setAccessibleDescription(self.text_alternative())
        self.table_view.setAccessibleName(
            self.tr("Data table: %1").replace("%1", self.title_text.raw))
        self._redraw()

    def _apply_style(self) -> None:
        """Fonts (language), sizes (zoom) and colours (theme) of the figure's texts."""
        families = style.families(self.lang)
        for managed in self._texts:
            artist = managed.artist
            artist.set_fontfamily(families)
            artist.set_fontsize(style.points(getattr(self.scale, managed.size)))
            artist.set_fontweight("bold" if managed.bold else "normal")
            artist.set_color(self._color(managed.color))
            # Chinese lines need more air than Latin ones (VISUAL.md: CJK line height ≈1.6;
            # matplotlib's spacing counts from the font's own line height).
            artist.set_linespacing(language(self.lang).chart_line_spacing)
        self.ax.tick_params(labelsize=style.points(getattr(self.scale, self.tick_size)),
                            labelcolor=self.theme.ink, labelfontfamily=families,
                            color=self.theme.muted)
        self.figure.patch.set_facecolor(self.theme.paper)
        self.ax.set_facecolor(self.theme.paper)
        for spine in self.ax.spines.values():
            spine.set_color(self.theme.muted)
        self.ax.tick_params(grid_color=self.theme.rule)  # ax.grid(color=) would switch it on
        self._apply_frame()

    def _redraw(self) -> None:
        """Draw when Qt is next idle: many changes in a row cost one draw.

        A chart in a hidden pane only remembers that it must draw when shown: a full
        draw costs 30-120 ms, and every stage switch would otherwise pay it per chart.
        """
        self._full_draw_pending = True
        if not self.canvas.isVisible():
            self._draw_on_show = True
            return
        self.canvas.draw_idle()

    def _apply_frame(self) -> None:
        self.figure.patch.set_edgecolor(self.theme.accent if self._focused else self.theme.paper)
        self.figure.patch.set_linewidth(4 if self._focused else 0)

    # -- layout ---------------------------------------------------------------------------
    def _size_px(self) -> tuple[float, float]:
        w, h = self.figure.get_size_inches()
        return float(w) * style.BASE_DPI, float(h) * style.BASE_DPI

    def _ratio(self) -> float:
        """Device pixels per figure pixel (2 on a 200 % screen, and while saving)."""
        return float(self.figure.dpi) / style.BASE_DPI

    def _measure(self, size_px: float, bold: bool = False) -> Callable[[str], float]:
        """Width of a string in figure pixels, for line breaking.

        Qt's font metrics, not matplotlib's: asking matplotlib lays the whole string out
        with FreeType each time (1–3 ms a call, hundreds of calls to wrap a data note),
        Qt answers from its cache in microseconds. Both use the same font files; Qt's
        widths are within a few per cent, so a small allowance keeps lines inside.
        """
        key = (self.lang, round(size_px, 2), bold)
        metrics = self._metrics.get(key)
        if metrics is None:
            font = QFont()
            font.setFamilies(style.families(self.lang))
            font.setPixelSize(max(1, round(size_px)))
            font.setBold(bold)
            metrics = self._metrics[key] = QFontMetricsF(font)
        return lambda text: metrics.horizontalAdvance(text) * WRAP_ALLOWANCE

    def _height(self, managed: ManagedText, renderer: RendererAgg) -> float:
        if not managed.artist.get_visible():
            return 0.0
        return float(managed.artist.get_window_extent(renderer).height) / self._ratio()

    def _place(self, managed: ManagedText, x: float, y: float, width: float,
               renderer: RendererAgg, *, anchor: str = "top") -> float:
        """Wrap a figure text to ``width`` and put its top (or bottom) at ``y``; returns
        its height."""
        if managed.wrap:
            measure = self._measure(getattr(self.scale, managed.size), managed.bold)
            managed.artist.set_text(wrap(managed.raw, width, measure))
        height = self._height(managed, renderer)
        top = y if anchor == "top" else y - height
        w, h = self._size_px()
        managed.artist.set_position((x / w, 1 - top / h))
        return height

    def _relayout(self) -> None:
        """Place every text and the plot for the figure's current size.

        The source line runs along the bottom. Data notes go in a column to the right
        of the plot when the figure is wide enough for them to fit there, else under
        the plot. If the texts leave the plot less than ``min_plot_height``, the canvas
        asks for more height (a scroll area around the pane then scrolls) rather than
        letting texts overlap the marks.
        """
        w, h = self._size_px()
        if w < 80 or h < 80:
            return
        renderer = self.canvas.get_renderer()  # type: ignore[no-untyped-call]
        z = style.zoom(self.scale)
        pad, gap = 16 * z, 6 * z
        inner = w - 2 * pad
        source_h = self._place(self.source_text, pad, h - pad, inner, renderer,
                               anchor="bottom")
        lowest = h - pad - source_h - 2 * gap  # the bottom of everything else

        aside = [m for m in self._aside if m.artist.get_visible()]
        column, header_w, overflow = 0.0, inner, float("-inf")
        if aside and w >= 600 * z and w >= 1.3 * h:
            # Widest plot first: a narrow note column under a full-width title; then a
            # wider column; then the column from the top with the title beside it.
            header_h = self._header_height(inner, renderer, gap)
            for share, beside_header in ((0.4, False), (0.5, False), (0.5, True)):
                column = max(share * inner, 260 * z)
                header_w = inner - column - 4 * gap if beside_header else inner
                top = pad if beside_header else pad + header_h
                heights = [self._place(m, 0, 0, column, renderer) for m in aside]
                overflow = top + sum(heights) + gap * (len(aside) - 1) - lowest
                if overflow <= 0:
                    break
            for managed, height in zip(aside, heights, strict=True):
                self._place(managed, w - pad - column, top, column, renderer)
                top += height + gap
            aside = []
        plot_w = inner - column - 4 * gap if column else inner

        y = pad
        for managed in (self.title_text, self.subtitle_text):
            if managed.artist.get_visible():
                y += self._place(managed, pad, y, header_w, renderer) + gap
        y += self._layout_header(Box(pad, y, header_w, 0), renderer) + gap
        bottom = lowest
        for managed in reversed([m for m in self._footer if m.artist.get_visible()] + aside):
            bottom -= self._place(managed, pad, bottom, plot_w, renderer,
                                  anchor="bottom") + gap
        plot_h = bottom - y
        self._ask_for_height(h + max(self.min_plot_height * z - plot_h, overflow))
        self._layout_plot(Box(pad, y, plot_w, max(plot_h, 40 * z)), renderer)

    def _header_height(self, width: float, renderer: RendererAgg, gap: float) -> float:
        height = 0.0
        for managed in (self.title_text, self.subtitle_text):
            if managed.artist.get_visible():
                height += self._place(managed, 0, 0, width, renderer) + gap
        return height + self._layout_header(Box(0, 0, width, 0), renderer) + gap

    def _ask_for_height(self, needed: float) -> None:
        """Let the canvas be no shorter than its texts plus a legible plot."""
        if self._exporting:
            return
        wanted = max(MIN_CANVAS_HEIGHT, min(round(needed), MAX_CANVAS_HEIGHT))
        if wanted != self.canvas.minimumHeight():
            # Not now: this runs inside the canvas's resize event.
            QTimer.singleShot(0, self, lambda: self.canvas.setMinimumHeight(wanted))

    def _set_axes_box(self, ax: Axes, box: Box) -> None:
        w, h = self._size_px()
        ax.set_position((box.x / w, 1 - (box.y + box.h) / h, max(box.w, 1) / w,
                         max(box.h, 1) / h))

    def _fit_axes(self, ax: Axes, box: Box, renderer: RendererAgg) -> Box:
        """Put ``ax`` in ``box`` with its tick labels inside the box; returns the plot
        area (the axes' own rectangle)."""
        self._set_axes_box(ax, box)
        tight = ax.get_tightbbox(renderer)
        inner = ax.get_window_extent(renderer)
        ratio = self._ratio()
        if tight is None:
            return box
        left = max(0.0, inner.x0 - tight.x0) / ratio
        right = max(0.0, tight.x1 - inner.x1) / ratio
        top = max(0.0, tight.y1 - inner.y1) / ratio
        bottom = max(0.0, inner.y0 - tight.y0) / ratio
        fitted = Box(box.x + left, box.y + top, max(box.w - left - right, 20.0),
                     max(box.h - top - bottom, 20.0))
        self._set_axes_box(ax, fitted)
        return fitted

    def _metadata(self, fmt: str) -> dict[str, str]:
        title = self.title_text.raw
        if fmt == "png":
            return {"Title": title, "Description": self.text_alternative(),
                    "Software": "czt-desktop"}
        if fmt == "svg":
            return {"Title": title, "Description": self.text_alternative()}
        return {"Title": title, "Subject": self.text_alternative(), "Creator": "czt-desktop"}
