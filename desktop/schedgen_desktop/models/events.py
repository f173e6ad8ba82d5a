"""The events table: a Qt table model over entries, plus a sort/filter proxy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from schedgen_desktop.entries import Entry

COLUMNS = ("Module", "Activity", "Group", "Day / date", "Time", "Venues", "Source")
VENUES_COLUMN = COLUMNS.index("Venues")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def _display(entry: Entry, column: int) -> str:
    return (
        entry.module,
        entry.activity,
        entry.group,
        entry.when,
        entry.time_range,
        entry.venue_text,
        entry.source,
    )[column]


def _sort_key(entry: Entry, column: int) -> Any:
    if column == 3:
        return f"{entry.date or '0000'}{entry.weekday_index}{entry.start}"
    if column == 4:
        return f"{entry.start}{entry.end}"
    return _display(entry, column).casefold()


class EventTableModel(QAbstractTableModel):
    """One row per entry; the Module column's check box says whether the student attends it."""

    def __init__(self, on_attend_toggled: Callable[[Entry, bool], None] | None = None) -> None:
        super().__init__()
        self._entries: list[Entry] = []
        self._on_attend_toggled = on_attend_toggled

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = _display(entry, column)
            if role == Qt.ItemDataRole.ToolTipRole and entry.clash_notes:
                return "\n".join([text, *entry.clash_notes])
            return text
        if role == SORT_ROLE:
            return _sort_key(entry, column)
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            return Qt.CheckState.Checked if entry.attending else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(entry.colour)
        if role == Qt.ItemDataRole.ForegroundRole and not entry.attending:
            return QBrush(QColor(128, 128, 128))
        if role == Qt.ItemDataRole.FontRole and entry.clash:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and entry.clash and entry.attending:
            return QBrush(QColor(220, 50, 47, 60))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        attend = Qt.CheckState(value) == Qt.CheckState.Checked
        if self._on_attend_toggled is not None:
            self._on_attend_toggled(self._entries[index.row()], attend)
        return True


class EventFilterProxy(QSortFilterProxyModel):
    """Sorts on each column's natural order and filters on every column at once."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._attending_only = False

    def set_attending_only(self, attending_only: bool) -> None:
        self._attending_only = attending_only
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self._attending_only:
            entry: Entry = model.data(model.index(source_row, 0, source_parent), ENTRY_ROLE)
            if not entry.attending:
                return False
        return super().filterAcceptsRow(source_row, source_parent)
