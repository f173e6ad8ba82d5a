"""The side panel where the student shapes the calendar: groups, colours, term dates, clashes.

Every control calls one controller method; the choices themselves (which events, which colour,
which clashes) are made by the core and come back through ``refresh``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from schedgen_desktop.controller import ScheduleController

NOT_CHOSEN = "— choose —"
KEY_ROLE = Qt.ItemDataRole.UserRole + 10


def swatch(hex_colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(hex_colour))
    return QIcon(pixmap)


class ShapePanel(QScrollArea):
    """Groups and colours per module, term dates, exam duration, clashes and notices."""

    message = Signal(str)

    def __init__(self, controller: ScheduleController) -> None:
        super().__init__()
        self.controller = controller
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 4, 0)

        self.modules_box = QGroupBox("Modules: colour and groups")
        self.modules_grid = QGridLayout(self.modules_box)
        self.modules_grid.setHorizontalSpacing(6)
        layout.addWidget(self.modules_box)

        self.terms_box = QGroupBox("Term dates")
        self.terms_layout = QGridLayout(self.terms_box)
        layout.addWidget(self.terms_box)

        exams_box = QGroupBox("Exams")
        exams_form = QFormLayout(exams_box)
        self.exam_minutes = QSpinBox()
        self.exam_minutes.setRange(30, 600)
        self.exam_minutes.setSingleStep(30)
        self.exam_minutes.setSuffix(" min")
        self.exam_minutes.setAccessibleName("Exam duration")
        # Apply a moment after the last change, so stepping through values rebuilds once.
        self._exam_timer = QTimer(self)
        self._exam_timer.setSingleShot(True)
        self._exam_timer.setInterval(400)
        self._exam_timer.timeout.connect(self._exam_minutes_changed)
        self.exam_minutes.valueChanged.connect(self._exam_timer.start)
        self.exam_minutes.editingFinished.connect(self._exam_minutes_changed)
        exams_form.addRow("&Duration (the PDF gives no end):", self.exam_minutes)
        layout.addWidget(exams_box)

        clash_box = QGroupBox("Clashes")
        clash_layout = QVBoxLayout(clash_box)
        self.clash_list = QListWidget()
        self.clash_list.setAccessibleName("Clashes")
        self.clash_list.setWordWrap(True)
        self.clash_list.setMinimumHeight(90)
        self.clash_list.itemActivated.connect(self._toggle_clash)
        self.accept_button = QPushButton("&Accept selected clash")
        self.accept_button.setToolTip("Stop warning about this clash (press again to undo)")
        self.accept_button.clicked.connect(
            lambda: self._toggle_clash(self.clash_list.currentItem())
        )
        clash_layout.addWidget(self.clash_list)
        clash_layout.addWidget(self.accept_button)
        layout.addWidget(clash_box, 1)

        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.notices)
        layout.addStretch(0)
        self.setWidget(body)

        self.group_combos: dict[tuple[str, str], QComboBox] = {}
        self.colour_buttons: dict[str, QToolButton] = {}
        self.term_rows: dict[str, tuple[QDateEdit, QDateEdit, QLabel]] = {}
        self._shape_signature: object = None

    # Refreshing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        c = self.controller
        modules = sorted({e.module for e in c.entries})
        group_options = c.group_options
        signature = (tuple(modules), repr(group_options), tuple(c.needed_terms()))
        if signature != self._shape_signature:
            self._shape_signature = signature
            self._rebuild_modules(modules, group_options)
            self._rebuild_terms(c.needed_terms())
        self._update_values()
        self._update_clashes()

    def _clear(self, layout: QGridLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()

    def _rebuild_modules(
        self, modules: list[str], group_options: dict[str, dict[str, tuple[str, ...]]]
    ) -> None:
        self._clear(self.modules_grid)
        self.group_combos.clear()
        self.colour_buttons.clear()
        if not modules:
            self.modules_grid.addWidget(QLabel("Open a timetable to see its modules."), 0, 0)
            return
        from schedgen_core.calendar.sessions import ACTIVITY_NAMES

        for row, module in enumerate(modules):
            button = QToolButton()
            button.setAccessibleName(f"Colour of {module}")
            button.setToolTip(f"Colour of {module}")
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setMenu(self._colour_menu(module))
            self.colour_buttons[module] = button
            self.modules_grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            name_label = QLabel(module)
            name_label.setMinimumHeight(button.sizeHint().height())
            self.modules_grid.addWidget(name_label, row, 1, Qt.AlignmentFlag.AlignTop)
            choosers = QVBoxLayout()
            choosers.setSpacing(2)
            for activity_type, groups in sorted(group_options.get(module, {}).items()):
                if len(groups) < 2:
                    continue
                name = ACTIVITY_NAMES.get(activity_type, activity_type)
                combo = QComboBox()
                combo.setAccessibleName(f"{module} {name} group")
                combo.setToolTip(f"Which {name.lower()} group of {module} you attend")
                combo.addItem(f"{name}: {NOT_CHOSEN}", None)
                for group in groups:
                    combo.addItem(f"{name}: {group}", group)
                combo.activated.connect(
                    lambda _=0, m=module, t=activity_type, cb=combo: self.controller.choose_group(
                        m, t, cb.currentData()
                    )
                )
                self.group_combos[(module, activity_type)] = combo
                choosers.addWidget(combo)
            holder = QWidget()
            holder.setLayout(choosers)
            choosers.setContentsMargins(0, 0, 0, 0)
            self.modules_grid.addWidget(holder, row, 2)
        self.modules_grid.setColumnStretch(2, 1)

    def _colour_menu(self, module: str) -> QMenu:
        from schedgen_core.calendar import PALETTE
        from schedgen_core.calendar.colours import CSS_COLOURS

        menu = QMenu(self)
        menu.addAction("Automatic").triggered.connect(
            lambda: self.controller.set_colour(module, None)
        )
        menu.addSeparator()
        names = [c.name for c in PALETTE] + sorted(set(CSS_COLOURS) - {c.name for c in PALETTE})
        for name in names:
            action = menu.addAction(swatch(CSS_COLOURS[name]), name)
            action.triggered.connect(lambda _=False, n=name: self.controller.set_colour(module, n))
        return menu

    def _rebuild_terms(self, terms: list[str]) -> None:
        self._clear(self.terms_layout)
        self.term_rows.clear()
        if not terms:
            self.terms_layout.addWidget(QLabel("No weekly classes open."), 0, 0)
            return
        from schedgen_core.calendar.terms import TERM_NAMES

        for row, code in enumerate(terms):
            start, end = QDateEdit(), QDateEdit()
            for edit, what in ((start, "first"), (end, "last")):
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("yyyy-MM-dd")
                edit.setAccessibleName(f"{code} {what} teaching day")
            status = QLabel()
            status.setWordWrap(True)
            apply = QPushButton("Set")
            apply.setAccessibleName(f"Set {code} dates")
            apply.clicked.connect(lambda _=False, c=code: self._apply_term(c))
            label = QLabel(f"<b>{code}</b> {TERM_NAMES.get(code, '')}")
            top = row * 3
            self.terms_layout.addWidget(label, top, 0, 1, 4)
            self.terms_layout.addWidget(start, top + 1, 0)
            self.terms_layout.addWidget(QLabel("to"), top + 1, 1)
            self.terms_layout.addWidget(end, top + 1, 2)
            self.terms_layout.addWidget(apply, top + 1, 3)
            self.terms_layout.addWidget(status, top + 2, 0, 1, 4)
            self.term_rows[code] = (start, end, status)

    def _update_values(self) -> None:
        c = self.controller
        self.exam_minutes.blockSignals(True)
        self.exam_minutes.setValue(c.exam_duration_minutes)
        self.exam_minutes.blockSignals(False)
        self.notices.setText("\n".join(f"• {n}" for n in c.notices))
        self.notices.setVisible(bool(c.notices))
        if not c.sources:
            return
        options = c.options
        colours = {e.module: e.colour for e in c.entries}
        for module, button in self.colour_buttons.items():
            button.setIcon(swatch(colours.get(module, "#808080"), 16))
        for (module, activity_type), combo in self.group_combos.items():
            chosen = options.chosen_group(module, activity_type)
            index = combo.findData(chosen) if chosen else 0
            combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        year = c.year()
        for code, (start, end, status) in self.term_rows.items():
            known = c.known_term_dates(code)
            if known is not None:
                first, last = known.start, known.end
                origin = "set by you" if code in options.terms else f"from {known.source}"
                status.setText(f"<small>{origin}</small>")
            else:
                first, last = _suggested(code, year)
                status.setText(
                    "<small><span style='color:#C62828'>Needed before export:</span> "
                    "enter the first and last teaching day, then Set.</small>"
                )
            for edit, value in ((start, first), (end, last)):
                edit.blockSignals(True)
                edit.setDate(QDate(value.year, value.month, value.day))
                edit.blockSignals(False)

    def _update_clashes(self) -> None:
        current = self.clash_list.currentItem()
        current_key = current.data(KEY_ROLE) if current else None
        self.clash_list.clear()
        for clash in self.controller.clashes:
            text = clash.describe()
            item = QListWidgetItem(("accepted: " if clash.allowed else "⚠ ") + text)
            item.setData(KEY_ROLE, clash.key)
            item.setData(KEY_ROLE + 1, clash.allowed)
            item.setToolTip(text)
            if clash.allowed:
                item.setForeground(QColor(128, 128, 128))
            else:
                item.setForeground(QColor("#C62828"))
            self.clash_list.addItem(item)
            if clash.key == current_key:
                self.clash_list.setCurrentItem(item)
        if not self.controller.clashes:
            item = QListWidgetItem("No clashes")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.clash_list.addItem(item)
        self.accept_button.setEnabled(bool(self.controller.clashes))

    def focus_missing_term(self) -> None:
        """Bring the first term without dates into view and put the cursor in its start date."""
        for code, (start, _, _) in self.term_rows.items():
            if self.controller.known_term_dates(code) is None:
                self.ensureWidgetVisible(start)
                start.setFocus()
                return

    # Actions -------------------------------------------------------------------------------

    def _apply_term(self, code: str) -> None:
        start, end, _ = self.term_rows[code]
        first, last = start.date().toPython(), end.date().toPython()
        if last < first:
            self.message.emit(f"{code}: the last teaching day is before the first")
            return
        self.controller.set_term_dates(code, first, last)

    def _exam_minutes_changed(self) -> None:
        self._exam_timer.stop()
        if self.exam_minutes.value() != self.controller.exam_duration_minutes:
            self.controller.set_exam_duration(self.exam_minutes.value())

    def _toggle_current_clash(self) -> None:
        self._toggle_clash(self.clash_list.currentItem())

    def _toggle_clash(self, item: QListWidgetItem | None) -> None:
        if item is None or item.data(KEY_ROLE) is None:
            return
        self.controller.accept_clash(item.data(KEY_ROLE), not item.data(KEY_ROLE + 1))


def _suggested(code: str, year: int) -> tuple[date, date]:
    """Where the date pickers start when no dates are known (the student still has to Set)."""
    if code in ("S2", "Q3", "Q4"):
        return date(year, 7, 21), date(year, 10, 24)
    if code == "Y":
        return date(year, 2, 10), date(year, 10, 24)
    return date(year, 2, 10), date(year, 5, 30)
