"""The Settings dialog: language, appearance, sync interval, paper per printer, data folder, sign out.

Every choice applies at once (there is no OK to forget): the language retranslates the open
window, the sync interval restarts the background timer, and the paper is what the print dialog
offers first on that printer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldtech.domain.errors import FieldTechError
from ui import labels
from ui.i18n import LANGUAGE_NAMES
from ui.icons import set_icon
from ui.settings import APPEARANCES, PAPERS, Settings
from ui.theme import MessageLabel, set_tone


class SettingsDialog(QDialog):
    """See the module docstring; the window applies the language and interval it is told of."""

    language_chosen = Signal(str)
    appearance_chosen = Signal(str)
    sync_interval_changed = Signal(int)
    sign_out_requested = Signal()
    move_folder_requested = Signal(object)
    """A folder (Path) the technician picked to move the data folder into."""

    def __init__(
        self,
        settings: Settings,
        data_folder: Path,
        username: str = "",
        parent: QWidget | None = None,
        *,
        printers: list[str] | None = None,
        waiting: int = 0,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._username = username
        self._waiting = waiting
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.currentIndexChanged.connect(
            lambda _: self.language_chosen.emit(self.language.currentData())
        )
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)

        self.appearance = QComboBox()
        for code in APPEARANCES:
            self.appearance.addItem("", code)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.appearance)))
        self.appearance.currentIndexChanged.connect(
            lambda _: self.appearance_chosen.emit(self.appearance.currentData())
        )
        self.appearance_label = QLabel()
        self.appearance_label.setBuddy(self.appearance)

        self.sync_minutes = QSpinBox()
        self.sync_minutes.setRange(1, 24 * 60)
        self.sync_minutes.setValue(settings.sync_minutes)
        self.sync_minutes.valueChanged.connect(self._sync_minutes_changed)
        self.sync_label = QLabel()
        self.sync_label.setBuddy(self.sync_minutes)

        self.printing = QGroupBox()
        printing = QFormLayout(self.printing)
        self.no_printers = QLabel()
        self.no_printers.setWordWrap(True)
        self.no_printers.setObjectName("hintText")
        self.papers: dict[str, QComboBox] = {}
        names = QPrinterInfo.availablePrinterNames() if printers is None else printers
        self._default_printer = QPrinterInfo.defaultPrinterName() if printers is None else ""
        self.printer_labels: dict[str, QLabel] = {}
        for name in names:
            combo = QComboBox()
            combo.currentIndexChanged.connect(
                lambda _, printer=name, box=combo: self._paper_changed(printer, box)
            )
            label = QLabel()
            label.setBuddy(combo)
            self.papers[name] = combo
            self.printer_labels[name] = label
            printing.addRow(label, combo)
        printing.addRow(self.no_printers)
        self.no_printers.setVisible(not names)

        self.folder = QGroupBox()
        self.folder_path = QLineEdit(str(data_folder))
        self.folder_path.setReadOnly(True)
        self.folder_path.setCursorPosition(0)
        self.open_folder = QPushButton()
        self.open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_folder)))
        )
        self.move_folder = QPushButton()
        self.move_folder.clicked.connect(self.choose_new_folder)
        self.folder_hint = QLabel()
        self.folder_hint.setWordWrap(True)
        self.folder_hint.setObjectName("hintText")
        self.folder_message = MessageLabel()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_path, 1)
        folder_row.addWidget(self.open_folder)
        folder_row.addWidget(self.move_folder)
        folder_box = QVBoxLayout(self.folder)
        folder_box.addLayout(folder_row)
        folder_box.addWidget(self.folder_hint)
        folder_box.addWidget(self.folder_message)

        self.account = QGroupBox()
        self.signed_in_as = QLabel()
        self.signed_in_as.setTextFormat(Qt.TextFormat.PlainText)
        self.sign_out = QPushButton()
        self.sign_out.clicked.connect(self._sign_out)
        set_icon(self.sign_out, "log-out")
        set_icon(self.open_folder, "folder-open")
        set_icon(self.move_folder, "folder-input")
        account = QHBoxLayout(self.account)
        account.addWidget(self.signed_in_as, 1)
        account.addWidget(self.sign_out)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        general = QFormLayout()
        general.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        general.addRow(self.language_label, self.language)
        general.addRow(self.appearance_label, self.appearance)
        general.addRow(self.sync_label, self.sync_minutes)
        layout = QVBoxLayout(self)
        layout.addLayout(general)
        for box in (self.printing, self.folder, self.account):
            layout.addWidget(box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def confirm_sign_out(self) -> bool:
        """Ask before signing out, saying what stays on the laptop."""
        text = self.tr(
            "Sign out of FieldTech on this computer? Your jobs stay here, encrypted; sign in "
            "again to carry on."
        )
        if self._waiting:
            text += "\n\n" + self.tr(
                "%n change(s) have not reached the office yet; they are sent after you sign in "
                "again.",
                "",
                self._waiting,
            )
        answer = QMessageBox.question(
            self,
            self.tr("Sign out"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def choose_new_folder(self) -> None:
        """Pick the folder to move the data into (a folder named FieldTech is made inside it)."""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Move the data folder into…"), str(Path.home())
        )
        if chosen:
            self.request_move(Path(chosen))

    def request_move(self, chosen: Path) -> None:
        self.folder_message.clear()
        self.move_folder_requested.emit(chosen)

    def show_move_problem(self, text: str) -> None:
        set_tone(self.folder_message, "errorText")
        self.folder_message.setText(text)
        layout = self.layout()
        if layout is not None:  # grow to fit the wrapped lines, which adjustSize cuts short
            layout.activate()
            height = layout.totalHeightForWidth(self.width())
            self.resize(self.width(), max(self.height(), height))

    def move_problem_text(self, error: FieldTechError) -> str:
        """Plain words, in the chosen language, for why the data folder did not move."""
        params = error.params
        texts = {
            "inside": self.tr("%1 is inside the current data folder. Choose a folder elsewhere."),
            "occupied": self.tr("%1 already holds files. Choose another folder, or empty it."),
            "unwritable": self.tr(
                "%1 cannot be written to (%2). Choose a folder you can write to."
            ),
            "no_space": self.tr(
                "%1 has %2 free and your data needs %3. Free some space or choose another drive."
            ),
            "copy_failed": self.tr(
                "Copying to %1 failed (%2). Nothing was moved: your data is where it was."
            ),
        }
        text = texts.get(str(params.get("problem")))
        if text is None:
            return labels.error_text(error)
        values = [str(params.get("folder", ""))]
        values += [str(params[k]) for k in ("reason", "free", "needed") if k in params]
        for number, value in enumerate(values, start=1):
            text = text.replace(f"%{number}", value)
        return text

    def _sign_out(self) -> None:
        if self.confirm_sign_out():
            self.sign_out_requested.emit()
            self.accept()

    def _sync_minutes_changed(self, minutes: int) -> None:
        self._settings.sync_minutes = minutes
        self.sync_interval_changed.emit(minutes)

    def _paper_changed(self, printer: str, box: QComboBox) -> None:
        paper = box.currentData()
        if isinstance(paper, str):
            self._settings.set_paper_for(printer, paper)

    def _paper_names(self) -> dict[str, str]:
        return {"a4": self.tr("A4"), "letter": self.tr("US Letter"), "80mm": self.tr("80 mm roll")}

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language"))
        self.sync_label.setText(self.tr("S&ync every"))
        self.appearance_label.setText(self.tr("&Appearance"))
        names = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for row in range(self.appearance.count()):
            self.appearance.setItemText(row, names[self.appearance.itemData(row)])
        self.sync_minutes.setSuffix(self.tr(" min"))
        self.sync_minutes.setToolTip(
            self.tr("The app also syncs on F5, after your changes and when the network returns")
        )
        self.printing.setTitle(self.tr("Paper for each printer"))
        names = self._paper_names()
        for printer, combo in self.papers.items():
            combo.blockSignals(True)
            combo.clear()
            for code in PAPERS:
                combo.addItem(names[code], code)
            combo.setCurrentIndex(max(0, combo.findData(self._settings.paper_for(printer))))
            combo.blockSignals(False)
            label = printer
            if printer == self._default_printer:
                label = self.tr("%1 (default)").replace("%1", printer)
            self.printer_labels[printer].setText(label)
        self.no_printers.setText(
            self.tr(
                "No printers are set up on this computer. When you print, the paper you choose "
                "is remembered for that printer."
            )
        )
        self.folder.setTitle(self.tr("Data folder"))
        self.open_folder.setText(self.tr("&Open folder"))
        self.move_folder.setText(self.tr("&Move…"))
        self.move_folder.setToolTip(
            self.tr("Move your jobs, backups and settings to another folder or drive")
        )
        self.folder_hint.setText(
            self.tr(
                "Your jobs are kept here, encrypted, with daily backups. Move… copies them to "
                "another folder, checks the copy, and FieldTech reopens from there."
            )
        )
        self.account.setTitle(self.tr("Account"))
        self.signed_in_as.setText(
            self.tr("Signed in as %1").replace("%1", self._username)
            if self._username
            else self.tr("Not signed in")
        )
        self.sign_out.setText(self.tr("Sign &out…"))
        self.sign_out.setEnabled(bool(self._username))
