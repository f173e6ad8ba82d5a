"""The week grid: Monday to Saturday, 07:00 to 19:00, one coloured block per class.

``paint_week`` draws onto any QPainter (the widget, a PNG image, a PDF page), so what the student
sees is exactly what they export. Overlapping classes share their day column side by side; a
clash is hatched and outlined: red when it happens every week, amber when only a test or exam
on some date overlaps the class.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QHelpEvent,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from schedgen_desktop.entries import WEEKDAYS, Entry

DAYS = WEEKDAYS[:6]
FIRST_HOUR = 7
LAST_HOUR = 19
CLASH_COLOUR = QColor("#D32F2F")
OCCASIONAL_CLASH_COLOUR = QColor("#F59E0B")


def _minutes(hhmm: str) -> int:
    hours, _, minutes = hhmm.partition(":")
    return int(hours) * 60 + int(minutes or 0)


@dataclass(frozen=True, slots=True)
class Block:
    """Where one class sits: its day column and its share of that column."""

    entry: Entry
    day: int
    start: int
    end: int
    lane: int
    lanes: int


def layout_blocks(entries: Sequence[Entry]) -> list[Block]:
    """Place weekly classes (not the deselected); classes that overlap split their day's width.

    Groups not chosen yet are placed too (drawn faded), so the student sees the alternatives.
    """
    blocks: list[Block] = []
    for day_index, day in enumerate(DAYS):
        todays = sorted(
            (e for e in entries if not e.deselected and e.category == "class" and e.day == day),
            key=lambda e: (e.start, e.end, e.module, e.activity),
        )
        # Group into runs of transitively overlapping classes; each run shares the width.
        runs: list[list[Entry]] = []
        run_end = -1
        for entry in todays:
            start, end = _minutes(entry.start), _minutes(entry.end or entry.start)
            if not runs or start >= run_end:
                runs.append([])
                run_end = end
            runs[-1].append(entry)
            run_end = max(run_end, end)
        for run in runs:
            lane_ends: list[int] = []
            placed: list[tuple[Entry, int]] = []
            for entry in run:
                start = _minutes(entry.start)
                lane = next((i for i, e in enumerate(lane_ends) if e <= start), len(lane_ends))
                end = max(_minutes(entry.end or entry.start), start + 30)
                if lane == len(lane_ends):
                    lane_ends.append(end)
                else:
                    lane_ends[lane] = end
                placed.append((entry, lane))
            for entry, lane in placed:
                start = _minutes(entry.start)
                end = max(_minutes(entry.end or entry.start), start + 30)
                blocks.append(Block(entry, day_index, start, end, lane, len(lane_ends)))
    return blocks


@dataclass(frozen=True, slots=True)
class Geometry:
    """The grid's frame inside a paint rectangle."""

    rect: QRectF
    first_hour: int
    last_hour: int
    header: float
    gutter: float

    @property
    def day_width(self) -> float:
        return (self.rect.width() - self.gutter) / len(DAYS)

    @property
    def minute_height(self) -> float:
        span = (self.last_hour - self.first_hour) * 60
        return (self.rect.height() - self.header) / span

    def y(self, minutes: int) -> float:
        return self.rect.top() + self.header + (minutes - self.first_hour * 60) * self.minute_height

    def block_rect(self, block: Block) -> QRectF:
        lane_width = self.day_width / block.lanes
        x = self.rect.left() + self.gutter + block.day * self.day_width + block.lane * lane_width
        top, bottom = self.y(block.start), self.y(block.end)
        return QRectF(x + 2, top + 1, lane_width - 4, bottom - top - 2)


def geometry_for(rect: QRectF, blocks: Sequence[Block], font_height: float) -> Geometry:
    first = min([FIRST_HOUR, *(b.start // 60 for b in blocks)])
    last = max([LAST_HOUR, *(-(-b.end // 60) for b in blocks)])
    return Geometry(rect, first, last, header=font_height * 2.2, gutter=font_height * 3.6)


def paint_week(
    painter: QPainter, rect: QRectF, entries: Sequence[Entry], palette: QPalette
) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    base_font = QFont(painter.font())
    font_height = painter.fontMetrics().height()
    blocks = layout_blocks(entries)
    geo = geometry_for(rect, blocks, font_height)
    text = palette.color(QPalette.ColorRole.Text)
    grid = QColor(text)
    grid.setAlphaF(0.15)
    faint = QColor(text)
    faint.setAlphaF(0.6)

    painter.fillRect(rect, palette.color(QPalette.ColorRole.Base))
    # Alternate day shading and day names.
    bold = QFont(base_font)
    bold.setBold(True)
    for i, day in enumerate(DAYS):
        x = rect.left() + geo.gutter + i * geo.day_width
        if i % 2:
            shade = QColor(text)
            shade.setAlphaF(0.035)
            painter.fillRect(QRectF(x, rect.top(), geo.day_width, rect.height()), shade)
        painter.setFont(bold)
        painter.setPen(text)
        painter.drawText(
            QRectF(x, rect.top(), geo.day_width, geo.header),
            Qt.AlignmentFlag.AlignCenter,
            day if geo.day_width > font_height * 6 else day[:3],
        )
    painter.setFont(base_font)
    # Hour lines and labels.
    for hour in range(geo.first_hour, geo.last_hour + 1):
        y = geo.y(hour * 60)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(rect.left() + geo.gutter, y), QPointF(rect.right(), y))
        if hour < geo.last_hour:
            painter.setPen(faint)
            painter.drawText(
                QRectF(rect.left(), y - font_height / 2, geo.gutter - 6, font_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{hour:02d}:00",
            )
    painter.setPen(QPen(grid, 1))
    painter.drawLine(
        QPointF(rect.left() + geo.gutter, rect.top() + geo.header),
        QPointF(rect.left() + geo.gutter, rect.bottom()),
    )
    for block in blocks:
        _paint_block(painter, geo.block_rect(block), block.entry, base_font, text)
    painter.restore()


def _paint_block(
    painter: QPainter, box: QRectF, entry: Entry, base_font: QFont, text_colour: QColor
) -> None:
    path = QPainterPath()
    path.addRoundedRect(box, 4, 4)
    colour = QColor(entry.colour)
    fill = QColor(colour)
    if not entry.attending:
        # A group not chosen yet: a pale, dashed outline in the module's colour.
        fill.setAlphaF(0.16)
    painter.fillPath(path, fill)
    if not entry.attending:
        painter.setPen(QPen(colour, 1.2, Qt.PenStyle.DashLine))
        painter.drawPath(path)
    if entry.clash:
        painter.fillPath(path, QBrush(QColor(255, 255, 255, 90), Qt.BrushStyle.BDiagPattern))
        outline = CLASH_COLOUR if entry.clash_every_week else OCCASIONAL_CLASH_COLOUR
        painter.setPen(QPen(outline, 3))
        painter.drawPath(path)
    inner = box.adjusted(5, 3, -4, -2)
    painter.setPen(QColor("white") if entry.attending else text_colour)
    title = QFont(base_font)
    title.setBold(True)
    small = QFont(base_font)
    small.setPointSizeF(max(6.0, base_font.pointSizeF() * 0.85))
    line = painter.fontMetrics().height()
    title, heading = _fit_title(painter, title, entry, inner.width())
    lines = [(title, heading)]
    lines.append((small, f"{entry.activity} · {entry.group}".strip(" ·")))
    lines.append((small, entry.venue_text))
    lines.append((small, entry.time_range))
    y = inner.top()
    painter.save()
    painter.setClipRect(inner)
    for font, value in lines:
        if y + line * 0.8 > inner.bottom() and y > inner.top():
            break
        painter.setFont(font)
        metrics = painter.fontMetrics()
        elided = metrics.elidedText(value, Qt.TextElideMode.ElideRight, int(inner.width()))
        painter.drawText(QRectF(inner.left(), y, inner.width(), line), elided)
        y += metrics.height()
    painter.restore()


def _fit_title(painter: QPainter, bold: QFont, entry: Entry, width: float) -> tuple[QFont, str]:
    """The module code whole in a narrow block: a smaller font first, then without the ⚠ sign
    (the outline still marks the clash); only then is it elided."""
    candidates = [f"⚠ {entry.module}", entry.module] if entry.clash else [entry.module]
    for text in candidates:
        for scale in (1.0, 0.9, 0.8):
            font = QFont(bold)
            font.setPointSizeF(max(6.0, bold.pointSizeF() * scale))
            painter.setFont(font)
            if painter.fontMetrics().horizontalAdvance(text) <= width:
                return font, text
    return bold, candidates[-1]


def describe(entry: Entry) -> str:
    """The tooltip of a block: everything about the class, and what to do about it."""
    lines = [f"{entry.module} {entry.activity} ({entry.group})", f"{entry.day} {entry.time_range}"]
    lines += list(entry.venues)
    if not entry.attending:
        lines.append("Group not chosen yet: pick one in the side panel")
    lines += [note[0].upper() + note[1:] for note in entry.clash_notes]
    return "\n".join(lines)


class WeekView(QWidget):
    """The widget that shows the week grid for the current entries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(480, 360)
        self.setAccessibleName("Week view")

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self._entries = list(entries)
        self.update()

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def blocks(self) -> list[Block]:
        """The blocks drawn now (for tests and tooltips)."""
        return layout_blocks(self._entries)

    def block_at(self, point: QPointF) -> Block | None:
        blocks = self.blocks()
        geo = geometry_for(QRectF(self.rect()), blocks, self.fontMetrics().height())
        return next((b for b in blocks if geo.block_rect(b).contains(point)), None)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self.block_at(QPointF(event.pos()))
            if block is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), describe(block.entry), self)
            return True
        return super().event(event)

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        paint_week(painter, QRectF(self.rect()), self._entries, self.palette())
        painter.end()

    def render_image(self, size: QSize, scale: float = 2.0) -> QImage:
        """The week grid as an image of ``size`` logical pixels at ``scale`` device pixels each."""
        image = QImage(
            int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32
        )
        image.setDevicePixelRatio(scale)
        image.fill(self.palette().color(QPalette.ColorRole.Base))
        painter = QPainter(image)
        painter.setFont(self.font())
        paint_week(
            painter, QRectF(0, 0, size.width(), size.height()), self._entries, self.palette()
        )
        painter.end()
        return image
