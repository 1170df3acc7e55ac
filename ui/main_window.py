"""The main window: today's appointments and all jobs, the job screen, and the sync status area.

The window wires its widgets together (they do not import each other) and owns the shortcuts:
Ctrl+F search, Ctrl+N new job, Esc back to the lists. `launch(args)` is what `fieldtech` runs.
What start-up does not show (the job screen, every dialog) is imported and built when first
opened, so the lists come up sooner.
"""

from __future__ import annotations

import argparse
import gc
import signal
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldtech.domain.errors import FieldTechError
from fieldtech.store.engine import Store
from sync.client.errors import SyncState
from ui import labels
from ui.i18n import Translations
from ui.icons import set_icon
from ui.jobs.list_view import JobListView
from ui.settings import Settings
from ui.sync.controller import SyncController
from ui.sync.status_area import SyncStatusArea
from ui.sync.work import SyncOutcome
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from ui.documents.work import Kind
    from ui.job.screen import JobScreen
    from ui.settings_dialog import SettingsDialog

DEFAULT_SIZE = QSize(1280, 760)


class MainWindow(QMainWindow):
    wipe_requested = Signal()
    sign_out_requested = Signal()
    """The technician signed out in Settings; sync has stopped and every edit is saved."""
    reopen_requested = Signal(object, str)
    """The store was closed to move the data folder: reopen from this folder (Path); the text
    says why the move failed (empty when it went through)."""
    """The office revoked this laptop and asked for its data to be erased; nothing is pending."""

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        settings: Settings,
        translations: Translations,
        parent: QWidget | None = None,
        *,
        args: argparse.Namespace | None = None,
        auto_sync: bool = False,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._settings = settings
        self._translations = translations
        self._args = args or argparse.Namespace()
        self._leaving = False
        """The store closed under the window (the data folder moved): nothing more to save."""
        read_db = store.read_sessions
        self.today = JobListView(read_db, runner, today=True)
        self.all_jobs = JobListView(read_db, runner, today=False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.today, "")
        self.tabs.addTab(self.all_jobs, "")
        self._job_screen: JobScreen | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)

        self.title = QLabel()
        self.title.setObjectName("appTitle")
        self.new_job_action = QAction(self)
        self.new_job_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_job_action.triggered.connect(self.new_job)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.back_action = QAction(self)
        self.back_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Cancel))
        self.back_action.triggered.connect(self.show_lists)
        self.end_of_day_action = QAction(self)
        self.end_of_day_action.setShortcut(QKeySequence("Ctrl+E"))
        self.end_of_day_action.triggered.connect(self.open_end_of_day)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.sync_action = QAction(self)
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.sync_action.triggered.connect(self.sync_now)
        if self.settings_action.shortcut().isEmpty():  # no standard key on most Linux desktops
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        for action, icon in (
            (self.new_job_action, "plus"),
            (self.find_action, "search"),
            (self.end_of_day_action, "calendar-check"),
            (self.settings_action, "settings"),
            (self.sync_action, "refresh-cw"),
        ):
            set_icon(action, icon)
        toolbar = self.toolbar = self.addToolBar("")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.addWidget(self.title)
        toolbar.addAction(self.new_job_action)
        toolbar.addAction(self.find_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.end_of_day_action)
        toolbar.addAction(self.settings_action)
        self.addAction(self.back_action)
        self.addAction(self.quit_action)
        self.addAction(self.sync_action)

        self.sync = SyncController(
            args or argparse.Namespace(), store, runner, interval_minutes=settings.sync_minutes
        )
        self.sync.setParent(self)
        self.sync_area = SyncStatusArea()
        self.statusBar().addPermanentWidget(self.sync_area, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.sync_area.problem)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.statusBar().setSizeGripEnabled(False)
        self.sync.status_changed.connect(self.sync_area.show_status)
        self.sync.rows_pulled.connect(self._rows_pulled)
        self.sync.sync_finished.connect(self._sync_finished)
        self.sync_area.sync_requested.connect(self.sync_now)
        self.sync_area.conflicts_requested.connect(self.open_conflicts)

        self.today.job_open_requested.connect(self.open_job)
        self.all_jobs.job_open_requested.connect(self.open_job)
        runner.task_failed.connect(self._task_failed)
        self._retranslate()
        if not self.restoreGeometry(settings.window_geometry):
            self.resize(DEFAULT_SIZE)
        self.restoreState(settings.window_state)
        self.tabs.setCurrentIndex(settings.last_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.today.reload()
        if auto_sync:
            self.sync.start()
        else:
            self.sync.refresh_facts()
        if settings.last_job_id:
            try:
                self.open_job(uuid.UUID(settings.last_job_id))
            except ValueError:
                settings.last_job_id = ""

    @property
    def job_screen(self) -> JobScreen:
        """The job screen, built the first time it is asked for (start-up shows the lists)."""
        if self._job_screen is None:
            from ui.job.screen import JobScreen

            screen = JobScreen(self._store.sessions, self._store.read_sessions, self._runner)
            screen.back_requested.connect(self.show_lists)
            screen.job_changed.connect(self._job_changed)
            screen.load_failed.connect(self._job_load_failed)
            screen.sign_off_requested.connect(self.open_sign_off)
            screen.documents_requested.connect(self.open_documents)
            screen.take_back_requested.connect(self.open_take_back)
            screen.return_requested.connect(self.open_return)
            self.stack.addWidget(screen)
            self._job_screen = screen
        return self._job_screen

    def _flush_job(self) -> None:
        """Save what is typed on the job screen (nothing to save when it was never opened)."""
        if self._job_screen is not None:
            self._job_screen.flush()

    def open_job(self, job_id: uuid.UUID) -> None:
        self.stack.setCurrentWidget(self.job_screen)
        self._settings.last_job_id = str(job_id)
        self.job_screen.open_job(job_id)

    def show_lists(self) -> None:
        if self._job_screen is not None and self.stack.currentWidget() is self._job_screen:
            self._job_screen.flush()
            self.stack.setCurrentWidget(self.tabs)
            self._settings.last_job_id = ""
            self.tabs.currentWidget().setFocus()

    def focus_search(self) -> None:
        self.show_lists()
        self.tabs.setCurrentWidget(self.all_jobs)
        self.all_jobs.focus_search()

    def new_job(self) -> None:
        from ui.new_job_dialog import NewJobDialog

        dialog = NewJobDialog(self._store.sessions, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.job_opened.connect(self._job_opened)
        dialog.open()

    def open_settings(self) -> None:
        from ui.profile import current_user, data_dir
        from ui.settings_dialog import SettingsDialog

        folder = data_dir(self._args)
        username = getattr(self._args, "user", None) or current_user(folder) or ""
        waiting = self.sync.status.waiting
        dialog = SettingsDialog(self._settings, folder, username, self, waiting=waiting)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.language_chosen.connect(self.set_language)
        dialog.appearance_chosen.connect(self.set_appearance)
        dialog.sync_interval_changed.connect(self.sync.set_interval)
        dialog.sign_out_requested.connect(self.sign_out)
        dialog.move_folder_requested.connect(self._move_requested)
        dialog.open()

    def _move_requested(self, chosen: Path) -> None:
        # The dialog comes from sender(): a lambda holding it crashed Qt when it deleted itself.
        from ui.settings_dialog import SettingsDialog

        dialog = self.sender()
        self.move_data_folder(chosen, dialog if isinstance(dialog, SettingsDialog) else None)

    def move_data_folder(self, chosen: Path, dialog: SettingsDialog | None = None) -> None:
        """Close the store, move the data folder into `chosen`, and ask to be reopened there;
        a refusal before anything moved is shown in the dialog and nothing closes."""
        from ui.data_folder import DataFolderError, move_data, plan_move
        from ui.profile import credentials, data_dir, root_dir

        def words(error: DataFolderError) -> str:
            return dialog.move_problem_text(error) if dialog else labels.error_text(error)

        def refused(text: str) -> None:
            if dialog is not None:
                dialog.show_move_problem(text)

        if self.sync.status.running:
            refused(self.tr("A sync is running. Move the data folder when it has finished."))
            return
        try:
            plan = plan_move(data_dir(self._args), chosen, root_dir(self._args))
        except DataFolderError as error:
            refused(words(error))
            return
        self.sync.stop()
        self._flush_job()
        self._runner.wait_idle()
        self._save_window()
        self._leaving = True
        self._store.close()
        try:
            moved = move_data(plan, credentials(self._args))
        except DataFolderError as error:
            self.reopen_requested.emit(plan.source, words(error))
            return
        if dialog is not None:
            dialog.accept()
        self.reopen_requested.emit(moved, "")

    def sign_out(self) -> None:
        """Stop syncing and save every edit, then hand over to whoever shows the sign-in screen."""
        self.sync.stop()
        self._flush_job()
        self._runner.wait_idle()
        self.sign_out_requested.emit()

    def set_language(self, code: str) -> None:
        if self._translations.set_language(code):
            self._settings.language = code

    def set_appearance(self, code: str) -> None:
        from ui.theme import apply_theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, code)
            self._settings.appearance = code

    def _tab_changed(self, index: int) -> None:
        self._settings.last_tab = index

    def sync_now(self) -> None:
        self._flush_job()
        self.sync.request()

    def open_sign_off(self, job_id: uuid.UUID) -> None:
        from ui.signoff.dialog import SignOffDialog

        dialog = SignOffDialog(
            self._store.sessions, self._store.read_sessions, self._runner, job_id, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signed.connect(self._job_signed)
        dialog.load()
        dialog.open()

    def open_documents(self, job_id: uuid.UUID, kind: Kind | None = None) -> None:
        from ui.documents.dialog import DocumentsDialog

        dialog = DocumentsDialog(
            self._store.read_sessions, self._runner, self._settings, job_id, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.load(kind)
        dialog.open()

    def open_end_of_day(self) -> None:
        from ui.endofday.dialog import EndOfDayDialog

        self._flush_job()
        dialog = EndOfDayDialog(self._store.read_sessions, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.job_open_requested.connect(self.open_job)
        dialog.load()
        dialog.open()

    def open_take_back(self, job_id: uuid.UUID) -> None:
        """The take-back wizard; the signed pickup receipt then opens to print."""
        from ui.workshop.wizard import TakeBackWizard

        wizard = TakeBackWizard(
            self._store.sessions, self._store.read_sessions, self._runner, job_id, self
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.issued.connect(lambda job, _: self._receipt_issued(job, "pickup-receipt"))
        wizard.load()
        wizard.open()

    def open_return(self, job_id: uuid.UUID) -> None:
        from ui.workshop.return_dialog import ReturnDialog

        dialog = ReturnDialog(
            self._store.sessions, self._store.read_sessions, self._runner, job_id, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.issued.connect(lambda job, _: self._receipt_issued(job, "return-receipt"))
        dialog.load()
        dialog.open()

    def _receipt_issued(self, job_id: uuid.UUID, kind: Kind) -> None:
        self._job_signed(job_id)
        self.open_documents(job_id, kind)

    def open_conflicts(self) -> None:
        from ui.sync.conflicts import ConflictInbox

        inbox = ConflictInbox(self._store.sessions, self._store.read_sessions, self._runner, self)
        inbox.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        inbox.seen.connect(self._conflicts_seen)
        inbox.load()
        inbox.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's API)
        """Nothing typed is lost on close: pending edits are saved before the window goes."""
        if not self._leaving:
            self.sync.stop()
            self._flush_job()
            self._runner.wait_idle()
            self._save_window()
        super().closeEvent(event)

    def _save_window(self) -> None:
        self._settings.window_geometry = self.saveGeometry()
        self._settings.window_state = self.saveState()
        self._settings.sync()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("FieldTech"))
        self.title.setText(self.tr("FieldTech"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.tabs.setTabText(0, self.tr("Today"))
        self.tabs.setTabText(1, self.tr("All jobs"))
        self.new_job_action.setText(self.tr("New job"))
        self.new_job_action.setToolTip(self.tr("Open a job at the customer's door (Ctrl+N)"))
        self.find_action.setText(self.tr("Search"))
        self.find_action.setToolTip(self.tr("Search all jobs (Ctrl+F)"))
        self.back_action.setText(self.tr("Back"))
        self.settings_action.setText(self.tr("Settings"))
        self.end_of_day_action.setText(self.tr("End of day"))
        self.end_of_day_action.setToolTip(
            self.tr("Cash to hand in, parts used and jobs left open (Ctrl+E)")
        )
        self.quit_action.setText(self.tr("Quit"))
        self.sync_action.setText(self.tr("Sync now"))

    def _job_signed(self, job_id: uuid.UUID) -> None:
        self._job_changed(job_id)
        if self._job_screen is not None:
            self._job_screen.reload()

    def _conflicts_seen(self, _: int) -> None:
        self.sync.refresh_facts()

    def _rows_pulled(self, _: int) -> None:
        """The office's changes arrived: the lists show them (the open job reloads when reopened)."""
        self.today.reload_if_shown()
        self.all_jobs.reload_if_shown()
        self.today.refresh_rows()
        self.all_jobs.refresh_rows()
        if self._job_screen is not None:
            self._job_screen.past_repairs.refresh()

    def _sync_finished(self, outcome: SyncOutcome) -> None:
        if outcome.state == SyncState.WIPE_REQUESTED:
            self.sync.stop()
            self._flush_job()
            self._runner.wait_idle()
            self.wipe_requested.emit()
        elif outcome.state in (SyncState.REVOKED, SyncState.SIGNED_OUT):
            self.sync.stop()

    def _job_opened(self, job_id: uuid.UUID) -> None:
        self._job_changed(job_id)
        self.today.reload_if_shown()
        self.all_jobs.reload_if_shown()
        self.open_job(job_id)

    def _job_changed(self, _: uuid.UUID) -> None:
        self.today.refresh_rows()
        self.all_jobs.refresh_rows()
        self.sync.local_change()

    def _job_load_failed(self, error: FieldTechError) -> None:
        self.stack.setCurrentWidget(self.tabs)
        self._settings.last_job_id = ""
        self._task_failed(error)

    def _task_failed(self, error: FieldTechError) -> None:
        self.statusBar().showMessage(labels.error_text(error), 10_000)


def launch(args: argparse.Namespace) -> int:
    """Open the technician's store (after signing in, on first run) and run the window."""
    from ui.profile import current_user, data_dir
    from ui.theme import apply_theme

    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setApplicationName("FieldTech")
    app.setOrganizationName("FieldTech")
    settings = Settings.in_folder(data_dir(args))
    translations = Translations(app)
    translations.set_language(settings.language)
    apply_theme(app, settings.appearance)
    runner = TaskRunner()
    holder: dict[str, QWidget | Store] = {}
    if getattr(args, "user", None) or current_user(data_dir(args)):
        if not _open_main(args, runner, settings, translations, holder):
            return 2
    else:
        _show_sign_in(args, runner, settings, translations, holder)
    QTimer.singleShot(0, _settle_start_up)
    QTimer.singleShot(WARM_UP_MS, lambda: _warm_up(runner, holder))
    code = app.exec()
    runner.shutdown()
    store = holder.get("store")
    if isinstance(store, Store):
        store.close()
    return int(code)


WARM_UP_MS = 3000
"""When, after start-up, the documents' fonts are loaded in the background."""

SWITCH_INTERVAL_S = 0.0005
"""How long the window's thread waits for the interpreter lock before asking for it. Painting a
list calls Python once per cell and role, each call taking the lock anew: with Python's 5 ms
default and a sync working in the background, each could wait 5 ms, and a frame took 100 ms
or more. Half a millisecond keeps frames short; the sync loses a percent or two."""


def _warm_up(runner: TaskRunner, holder: dict[str, QWidget | Store]) -> None:
    """Load the documents' modules and fonts on the worker (importing them here held the window
    300 ms), and not while a sync runs: parsing the fonts there slowed the window's answers."""
    window = holder.get("main")
    if isinstance(window, MainWindow) and window.sync.status.running:
        QTimer.singleShot(WARM_UP_MS, lambda: _warm_up(runner, holder))
        return
    runner.run(_load_documents)


def _load_documents() -> None:
    from ui.documents.work import warm_up

    warm_up()


def _settle_start_up() -> None:
    """Once the first window is up: what start-up built lives as long as the app, so move it
    out of the garbage collector's sight. Otherwise each full collection walks it all, and one
    falling during a first sync held the window still for about 140 ms."""
    gc.freeze()


def _show_sign_in(
    args: argparse.Namespace,
    runner: TaskRunner,
    settings: Settings,
    translations: Translations,
    holder: dict[str, QWidget | Store],
) -> None:
    from ui.signin.screen import SignInScreen

    screen = SignInScreen(args, runner)
    screen.setWindowTitle("FieldTech")
    screen.resize(DEFAULT_SIZE)

    def signed_in(_: object) -> None:
        if _open_main(args, runner, settings, translations, holder):
            screen.close()

    screen.signed_in.connect(signed_in)
    holder["signin"] = screen
    screen.show()
    _close_on_terminate(screen)


def _open_main(
    args: argparse.Namespace,
    runner: TaskRunner,
    settings: Settings,
    translations: Translations,
    holder: dict[str, QWidget | Store],
) -> bool:
    from ui.profile import open_store_for

    try:
        store = open_store_for(args)
    except FieldTechError as error:
        QMessageBox.critical(None, "FieldTech", error.message)
        return False
    window = MainWindow(store, runner, settings, translations, args=args, auto_sync=True)
    holder["store"] = store
    holder["main"] = window

    def wipe() -> None:
        from ui.signin.screen import SignInScreen
        from ui.sync.work import wipe_store

        _show_sign_in(args, runner, settings, translations, holder)
        screen = holder["signin"]
        if isinstance(screen, SignInScreen):
            screen.show_wiped()
        window.close()
        wipe_store(args, store)
        holder.pop("store", None)

    def signed_out() -> None:
        from ui.account import sign_out

        sign_out(args, store.path.parent)
        _show_sign_in(args, runner, settings, translations, holder)
        window.close()
        store.close()
        holder.pop("store", None)

    def reopen(folder: Path, problem: str) -> None:
        args.data_dir = str(folder)
        holder.pop("store", None)
        window.close()
        if _open_main(args, runner, Settings.in_folder(folder), translations, holder) and problem:
            reopened = holder["main"]
            QMessageBox.warning(
                reopened if isinstance(reopened, QWidget) else None, "FieldTech", problem
            )

    window.wipe_requested.connect(wipe)
    window.sign_out_requested.connect(signed_out)
    window.reopen_requested.connect(reopen)
    window.show()
    _close_on_terminate(window)
    return True


def _close_on_terminate(window: QWidget) -> QTimer:
    """SIGTERM and Ctrl+C close the window the normal way, so pending edits are saved.

    Python runs signal handlers only between bytecodes; the timer wakes the interpreter
    regularly while Qt's event loop waits.
    """
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: window.close())
    wake = QTimer(window)
    wake.timeout.connect(lambda: None)
    wake.start(250)
    return wake
