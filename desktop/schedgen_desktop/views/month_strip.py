"""A strip of month calendars with the tests and exams marked on their days."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from schedgen_desktop.entries import Entry

CLASH_COLOUR = QColor("#D32F2F")


def months_spanned(entries: Sequence[Entry]) -> list[tuple[int, int]]:
    days = sorted(date.fromisoformat(e.date) for e in entries if e.date and not e.deselected)
    if not days:
        return []
    months = []
    year, month = days[0].year, days[0].month
    while (year, month) <= (days[-1].year, days[-1].month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class MonthStrip(QWidget):
    """One small calendar per month from the first to the last test or exam."""

    CELL = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._cells: list[tuple[QRectF, date]] = []
        self.setAccessibleName("Tests and exams by month")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._height())

    def _height(self) -> int:
        return int(self.CELL * 8.4)

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self._entries = [e for e in entries if e.date and not e.deselected]
        self.setVisible(bool(self._entries))
        self.update()

    def marked_days(self) -> dict[date, list[Entry]]:
        marked: dict[date, list[Entry]] = {}
        for entry in self._entries:
            marked.setdefault(date.fromisoformat(entry.date), []).append(entry)
        return marked

    def sizeHint(self) -> QSize:
        return QSize(self.CELL * 8 * max(1, len(months_spanned(self._entries))), self._height())

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = QColor(text)
        faint.setAlphaF(0.55)
        marked = self.marked_days()
        self._cells = []
        cell = float(self.CELL)
        month_width = cell * 7 + cell
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.8))
        for index, (year, month) in enumerate(months_spanned(self._entries)):
            left = 4 + index * month_width
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(
                QRectF(left, 0, cell * 7, cell),
                Qt.AlignmentFlag.AlignCenter,
                f"{calendar.month_name[month]} {year}",
            )
            painter.setFont(small)
            painter.setPen(faint)
            for column, name in enumerate("MTWTFSS"):
                painter.drawText(
                    QRectF(left + column * cell, cell, cell, cell),
                    Qt.AlignmentFlag.AlignCenter,
                    name,
                )
            for week, days in enumerate(calendar.Calendar().monthdatescalendar(year, month)):
                for column, day in enumerate(days):
                    if day.month != month:
                        continue
                    box = QRectF(left + column * cell, cell * (2 + week), cell, cell)
                    self._cells.append((box, day))
                    todays = marked.get(day, [])
                    if todays:
                        inner = box.adjusted(1.5, 1.5, -1.5, -1.5)
                        painter.setPen(Qt.PenStyle.NoPen)
                        painter.setBrush(QColor(todays[0].colour))
                        painter.drawRoundedRect(inner, 4, 4)
                        if any(e.clash for e in todays) or len(todays) > 1:
                            painter.setBrush(Qt.BrushStyle.NoBrush)
                            painter.setPen(QPen(CLASH_COLOUR, 2))
                            painter.drawRoundedRect(inner, 4, 4)
                        painter.setPen(QColor("white"))
                    else:
                        painter.setPen(faint)
                    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(day.day))
        painter.end()

    def day_at(self, point: QPointF) -> date | None:
        return next((day for box, day in self._cells if box.contains(point)), None)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(QPointF(event.pos()))
            todays = self.marked_days().get(day, []) if day else []
            if todays:
                lines = [f"{e.module} {e.activity} {e.time_range}" for e in todays]
                QToolTip.showText(event.globalPos(), "\n".join(lines), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
