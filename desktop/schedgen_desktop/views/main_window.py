"""The main window: open or drop PDFs, preview them, shape the calendar, export it."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from schedgen_core.errors import ScheduleError
from schedgen_desktop import schedule_file
from schedgen_desktop.controller import ScheduleController
from schedgen_desktop.entries import Entry
from schedgen_desktop.models.events import VENUES_COLUMN, EventFilterProxy, EventTableModel
from schedgen_desktop.settings import Settings
from schedgen_desktop.views.month_strip import MonthStrip
from schedgen_desktop.views.shape_panel import ShapePanel
from schedgen_desktop.views.week_view import WeekView, paint_week

APP_TITLE = "schedgen — UP Schedule Generator"
PDF_FILTER = "UP timetable PDFs (*.pdf);;All files (*)"
PNG_EXPORT_SIZE = QSize(1400, 900)


TERM_LABELS = {
    "S1": "First semester (S1)",
    "S2": "Second semester (S2)",
    "Y": "Year modules (Y)",
    "Q1": "First quarter (Q1)",
    "Q2": "Second quarter (Q2)",
    "Q3": "Third quarter (Q3)",
    "Q4": "Fourth quarter (Q4)",
}


def _term_order(term: str) -> int:
    order = list(TERM_LABELS)
    return order.index(term) if term in order else len(order)


class ErrorBanner(QWidget):
    """A dismissable message strip above the preview: what went wrong, in the core's words."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("errorBanner")
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#errorBanner { background: #FDECEA; border: 1px solid #E57373; border-radius: 4px; }"
            "#errorBanner QLabel { color: #611A15; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Dismiss (Esc)")
        close.setAutoRaise(True)
        close.clicked.connect(self.clear)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self._messages: list[str] = []
        self.hide()

    def add(self, message: str) -> None:
        self._messages.append(message)
        self.label.setText("\n".join(self._messages))
        self.show()

    def messages(self) -> list[str]:
        return list(self._messages)

    def clear(self) -> None:
        self._messages = []
        self.label.clear()
        self.hide()


class DropHint(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setText(
            "<p style='font-size:16pt'><b>Drop your UP timetable PDFs here</b></p>"
            "<p>lectures, semester tests and exams — one or several at once</p>"
            "<p>or press <b>Ctrl+O</b> to choose them</p>"
        )
        self.set_armed(False)

    def set_armed(self, armed: bool) -> None:
        """Highlighted while files are dragged over the window."""
        colour = "palette(highlight)" if armed else "palette(mid)"
        self.setStyleSheet(f"QLabel {{ border: 3px dashed {colour}; border-radius: 12px; }}")


class MainWindow(QMainWindow):
    def __init__(self, controller: ScheduleController, settings: Settings) -> None:
        super().__init__()
        self.controller = controller
        self.settings = settings
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self._fit_to_screen(QSize(1240, 800))
        self.setMinimumSize(800, 560)

        self.banner = ErrorBanner()
        self.table_model = EventTableModel(on_attend_toggled=self._attend_toggled)
        self.table_proxy = EventFilterProxy()
        self.table_proxy.setSourceModel(self.table_model)
        self.dated_model = EventTableModel(on_attend_toggled=self._attend_toggled)
        self.dated_proxy = EventFilterProxy()
        self.dated_proxy.setSourceModel(self.dated_model)

        self._build_preview()
        self._build_side_panel()
        self._build_actions()
        self._build_menus()

        splitter = QSplitter()
        splitter.addWidget(self.stack)
        splitter.addWidget(self.side_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([820, 380])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.statusBar().showMessage("Open or drop a UP timetable PDF to begin")

        controller.changed.connect(self.refresh)
        controller.file_failed.connect(self._file_failed)
        controller.file_opened.connect(self._file_opened)
        controller.busy_changed.connect(self._busy_changed)
        self._restore_window_state()
        self.refresh()

    # Building ------------------------------------------------------------------------------

    def _build_preview(self) -> None:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter events (module, venue, day…)  Ctrl+F")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.attending_only = QCheckBox("Only what I attend")
        self.attending_only.toggled.connect(self.table_proxy.set_attending_only)
        self.table_view = self._make_table(self.table_proxy, "Events")
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.attending_only)
        table_layout.addLayout(bar)
        table_layout.addWidget(self.table_view)

        self.week_view = WeekView()
        self.week_legend = QLabel(
            "<small>Solid: what you attend · Dashed: groups not chosen yet (choose on the right)"
            " · Red outline: clash every week · Amber: a test or exam overlaps on some date"
            " · Hover a block for details</small>"
        )
        self.week_legend.setWordWrap(True)
        week_page = QWidget()
        week_layout = QVBoxLayout(week_page)
        week_layout.setContentsMargins(0, 0, 0, 0)
        self.term_filter = QComboBox()
        self.term_filter.setAccessibleName("Term shown in the week")
        self.term_filter.setToolTip("Which term's classes the week shows")
        self.term_filter.currentIndexChanged.connect(lambda _: self._show_week())
        self.term_bar = QWidget()
        term_layout = QHBoxLayout(self.term_bar)
        term_layout.setContentsMargins(0, 0, 0, 0)
        term_label = QLabel("Sh&ow:")
        term_label.setBuddy(self.term_filter)
        term_layout.addWidget(term_label)
        term_layout.addWidget(self.term_filter)
        term_layout.addStretch(1)
        week_layout.addWidget(self.term_bar)
        week_layout.addWidget(self.week_view, 1)
        week_layout.addWidget(self.week_legend)
        self.dated_view = self._make_table(self.dated_proxy, "Tests and exams")
        self.month_strip = MonthStrip()
        dated_page = QWidget()
        dated_layout = QVBoxLayout(dated_page)
        dated_layout.setContentsMargins(0, 4, 0, 0)
        dated_layout.addWidget(self.month_strip)
        dated_layout.addWidget(self.dated_view, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(week_page, "&Week")
        self.tabs.addTab(table_page, "&Table")
        self.tabs.addTab(dated_page, "Tests && &exams")
        self.tabs.setCurrentIndex(int(self.settings.get("current_tab")) % 3)
        self.tabs.currentChanged.connect(lambda i: self.settings.set("current_tab", i))

        self.drop_hint = DropHint()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.drop_hint)
        self.stack.addWidget(self.tabs)

    def _make_table(self, model: EventFilterProxy, name: str) -> QTableView:
        view = QTableView()
        view.setAccessibleName(name)
        view.setModel(model)
        view.setSortingEnabled(True)
        view.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Venue lists can be long: a fixed, resizable column, so the source stays in view.
        header.setSectionResizeMode(VENUES_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(VENUES_COLUMN, 360)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setWordWrap(False)
        return view

    def _build_side_panel(self) -> None:
        self.side_panel = QWidget()
        self.side_panel.setMinimumWidth(380)
        layout = QVBoxLayout(self.side_panel)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(QLabel("<b>Files</b>"))
        self.files_list = QListWidget()
        self.files_list.setAccessibleName("Open files")
        self.files_list.setMaximumHeight(80)
        layout.addWidget(self.files_list)
        self.shape_panel = ShapePanel(self.controller)
        self.shape_panel.message.connect(self.banner.add)
        self.clash_list = self.shape_panel.clash_list
        layout.addWidget(self.shape_panel, 1)
        self.sync_placeholder = QLabel(
            "<small>Sign-in and sync across devices: coming with the sync service.</small>"
        )
        self.sync_placeholder.setWordWrap(True)
        layout.addWidget(self.sync_placeholder)

    def _action(
        self, text: str, shortcut: QKeySequence | str | None, slot: object, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.open_action = self._action(
            "&Open PDFs…", key.Open, self.choose_files, "Open UP timetable PDFs"
        )
        self.open_schedule_action = self._action(
            "Open sa&ved schedule…",
            "Ctrl+Shift+O",
            self.choose_schedule_file,
            "Open a schedule saved with Save schedule as",
        )
        self.save_action = self._action(
            "&Save schedule as…", key.Save, self.choose_save_path, "Save your schedule to a file"
        )
        self.export_ics_action = self._action(
            "Export &calendar (.ics)…",
            "Ctrl+E",
            self.choose_ics_path,
            "Save an .ics file for your calendar app",
        )
        self.export_png_action = self._action(
            "Export week as &PNG…",
            "Ctrl+Shift+E",
            self.choose_png_path,
            "Save the week view as an image",
        )
        self.print_pdf_action = self._action(
            "&Print week to PDF…", "Ctrl+P", self.choose_pdf_path, "Save the week view as a PDF"
        )
        self.remove_action = self._action(
            "&Remove selected file", "Ctrl+W", self.remove_selected_file
        )
        self.quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        self.find_action = self._action("&Filter events", key.Find, self._focus_filter)
        self.dismiss_action = self._action("Dismiss messages", "Esc", self.banner.clear)
        self.tab_actions = [
            self._action(name, f"Ctrl+{n + 1}", lambda _=False, n=n: self._show_tab(n))
            for n, name in enumerate(("&Week view", "&Table", "Tests and &exams"))
        ]
        self.about_action = self._action("&About schedgen", None, self._about)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.open_schedule_action)
        file_menu.addAction(self.remove_action)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.export_ics_action)
        file_menu.addAction(self.export_png_action)
        file_menu.addAction(self.print_pdf_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu("&View")
        for action in self.tab_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.find_action)
        # Signing in and sync arrive with the sync service; this menu is their place.
        self.account_menu = self.menuBar().addMenu("&Account")
        sign_in = self.account_menu.addAction("Sign in… (coming with sync)")
        sign_in.setEnabled(False)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self.open_action,
            self.export_ics_action,
            self.export_png_action,
            self.print_pdf_action,
        ):
            toolbar.addAction(action)

    # Refreshing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        entries = self.controller.entries
        weekly = [e for e in entries if e.category == "class"]
        dated = [e for e in entries if e.category != "class"]
        self.table_model.set_entries(entries)
        self.dated_model.set_entries(dated)
        self.month_strip.set_entries(dated)
        self._fill_term_filter(sorted({e.term for e in weekly if e.term}, key=_term_order))
        self._show_week()
        self.stack.setCurrentIndex(1 if self.controller.sources else 0)
        self.files_list.clear()
        for source in self.controller.sources:
            timetable = source.timetable
            item = QListWidgetItem(
                f"{Path(source.path).name} — {timetable.kind.value}, {len(timetable.rows)} rows"
            )
            item.setData(Qt.ItemDataRole.UserRole, source.path)
            item.setToolTip(source.path)
            self.files_list.addItem(item)
        self.shape_panel.refresh()
        clashes = len(self.controller.active_clashes)
        self.tabs.setTabText(
            0, f"&Week ({clashes} clash{'es' if clashes != 1 else ''})" if clashes else "&Week"
        )
        has_data = bool(entries)
        for action in (
            self.export_ics_action,
            self.export_png_action,
            self.print_pdf_action,
            self.save_action,
        ):
            action.setEnabled(has_data)

    def _fill_term_filter(self, terms: list[str]) -> None:
        current = self.term_filter.currentData()
        wanted = [None, *terms]
        if [self.term_filter.itemData(i) for i in range(self.term_filter.count())] != wanted:
            self.term_filter.blockSignals(True)
            self.term_filter.clear()
            self.term_filter.addItem("All terms", None)
            for term in terms:
                self.term_filter.addItem(TERM_LABELS.get(term, term), term)
            index = self.term_filter.findData(current)
            self.term_filter.setCurrentIndex(max(index, 0))
            self.term_filter.blockSignals(False)
        self.term_bar.setVisible(len(terms) > 1)

    def _show_week(self) -> None:
        term = self.term_filter.currentData()
        weekly = [
            e for e in self.controller.entries if e.category == "class" and term in (None, e.term)
        ]
        self.week_view.set_entries(weekly)

    # Opening -------------------------------------------------------------------------------

    def open_paths(self, paths: Sequence[str | os.PathLike[str]]) -> None:
        if paths:
            self.banner.clear()
            self.controller.open_paths(paths)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Open UP timetable PDFs", self.settings.get("last_directory"), PDF_FILTER
        )
        if paths:
            self.settings.set("last_directory", str(Path(paths[0]).parent))
            self.open_paths(paths)

    def choose_schedule_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Open saved schedule",
            self.settings.get("last_directory"),
            "schedgen schedules (*.json);;All files (*)",
        )
        if path:
            self.open_schedule(path)

    def open_schedule(self, path: str) -> bool:
        """Replace what is open with a saved schedule (timetables and every choice)."""
        try:
            self.controller.load_document(schedule_file.load(path))
        except ScheduleError as exc:
            self.banner.add(f"{Path(path).name}: {exc.message}")
            return False
        self.statusBar().showMessage(f"Opened {Path(path).name}", 8000)
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for n, path in enumerate(recent):
            label = f"&{n + 1} {Path(path).name}" if n < 9 else Path(path).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_paths([p]))
        if not recent:
            self.recent_menu.addAction("(none yet)").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear list", self.settings.clear_recent_files)

    def remove_selected_file(self) -> None:
        item = self.files_list.currentItem()
        if item is None and self.files_list.count() == 1:
            item = self.files_list.item(0)
        if item is not None:
            self.controller.remove_source(item.data(Qt.ItemDataRole.UserRole))

    def _file_opened(self, path: str) -> None:
        self.settings.add_recent_file(path)
        outcome = self.controller.last_outcomes[-1] if self.controller.last_outcomes else None
        ms = f" in {outcome.seconds * 1000:.0f} ms" if outcome and outcome.ok else ""
        self.statusBar().showMessage(f"Read {Path(path).name}{ms}", 8000)

    def _file_failed(self, path: str, message: str) -> None:
        text = f"{Path(path).name}: {message}"
        if "OCR" in message or "ocr" in message:
            text += " — sending scans to the schedgen server for reading comes with sync."
        self.banner.add(text)
        self.statusBar().showMessage(f"Could not open {Path(path).name}", 8000)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage("Reading…")
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
            self.drop_hint.set_armed(True)
            self.statusBar().showMessage("Drop to open")

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_hint.set_armed(False)
        self.statusBar().clearMessage()

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_hint.set_armed(False)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.open_paths(paths)

    # Shaping -------------------------------------------------------------------------------

    def _attend_toggled(self, entry: Entry, attend: bool) -> None:
        self.controller.set_attending(entry.key, attend)

    def _filter_changed(self, text: str) -> None:
        self.table_proxy.setFilterFixedString(text)

    def _focus_filter(self) -> None:
        self._show_tab(1)
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    # Exporting -----------------------------------------------------------------------------

    def _save_path(self, title: str, suffix: str, filter_: str) -> str | None:
        base = Path(self.settings.get("last_directory") or Path.home()) / f"timetable{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, title, str(base), filter_)
        if not path:
            return None
        if not path.endswith(suffix):
            path += suffix
        self.settings.set("last_directory", str(Path(path).parent))
        return path

    def choose_save_path(self) -> None:
        path = self._save_path("Save schedule", ".schedgen.json", "schedgen schedule (*.json)")
        if path:
            self._report_write(path, lambda: self.controller.save_to(path))

    def choose_ics_path(self) -> None:
        if self.controller.term_problem is not None:
            # Ask for the missing dates before the file dialog, not after it.
            self.banner.add(f"Cannot export the calendar yet: {self.controller.term_problem}")
            self.shape_panel.focus_missing_term()
            return
        path = self._save_path("Export calendar", ".ics", "iCalendar (*.ics)")
        if path:
            self.export_ics(path)

    def choose_png_path(self) -> None:
        path = self._save_path("Export week as image", ".png", "PNG image (*.png)")
        if path:
            self.export_png(path)

    def choose_pdf_path(self) -> None:
        path = self._save_path("Print week to PDF", ".pdf", "PDF (*.pdf)")
        if path:
            self.export_pdf(path)

    def _report_write(self, path: str, write: Callable[[], object]) -> bool:
        try:
            write()
        except OSError as exc:
            self.banner.add(f"Could not write {path}: {exc.strerror or exc}")
            return False
        self.statusBar().showMessage(f"Saved {path}", 8000)
        return True

    def export_ics(self, path: str) -> bool:
        """Write the .ics; an earlier export at ``path`` keeps its events' sequence numbers."""
        target = Path(path)
        try:
            previous = target.read_bytes() if target.is_file() else None
            data = self.controller.ics_bytes(previous)
        except ScheduleError as exc:
            self.banner.add(f"Cannot export the calendar yet: {exc.message}")
            if self.controller.term_problem is not None:
                self.shape_panel.focus_missing_term()
            return False
        except OSError as exc:
            self.banner.add(f"Could not read {path}: {exc.strerror or exc}")
            return False
        return self._report_write(path, lambda: target.write_bytes(data))

    def export_png(self, path: str, size: QSize = PNG_EXPORT_SIZE) -> bool:
        image = self.week_view.render_image(size)

        def write() -> None:
            if not image.save(path, "PNG"):
                raise OSError(f"could not save {path}")

        return self._report_write(path, write)

    def export_pdf(self, path: str) -> bool:
        def write() -> None:
            writer = QPdfWriter(path)
            writer.setTitle("schedgen week")
            writer.setCreator("schedgen")
            writer.setPageLayout(
                QPageLayout(
                    QPageSize(QPageSize.PageSizeId.A4),
                    QPageLayout.Orientation.Landscape,
                    QMarginsF(10, 10, 10, 10),
                )
            )
            writer.setResolution(150)
            painter = QPainter()
            if not painter.begin(writer):
                raise OSError(f"could not write {path}")
            page = writer.pageLayout().paintRectPixels(writer.resolution())
            painter.setFont(self.week_view.font())
            palette = self.week_view.palette()
            paint_week(
                painter,
                QRectF(0, 0, page.width(), page.height()),
                self.week_view.entries(),
                palette,
            )
            painter.end()

        return self._report_write(path, write)

    def _fit_to_screen(self, wanted: QSize) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            self.resize(wanted)
            return
        self.resize(
            min(wanted.width(), int(screen.width() * 0.92)),
            min(wanted.height(), int(screen.height() * 0.9)),
        )

    # Window state --------------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        geometry = self.settings.get("window_geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode()))
        state = self.settings.get("window_state")
        if state:
            self.restoreState(QByteArray.fromHex(state.encode()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set("window_geometry", bytes(self.saveGeometry().toHex()).decode())
        self.settings.set("window_state", bytes(self.saveState().toHex()).decode())
        super().closeEvent(event)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About schedgen",
            "<b>schedgen</b> — UP Schedule Generator<br>"
            "Turns University of Pretoria timetable PDFs into calendars.",
        )


__all__ = ["APP_TITLE", "MainWindow"]
