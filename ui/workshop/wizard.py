"""Take the item back: condition and accessories, photos, reason and promised date, both signatures.

Four short pages, keyboard-complete (Tab between fields, Enter on Next, Escape closes). Every
change is kept as a draft in the store at once, so closing the wizard or a crash loses nothing;
the receipt itself is written only when both have signed, then it goes to preview and print.
"""

from __future__ import annotations

import dataclasses
import html
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fieldtech.domain.errors import FieldTechError
from fieldtech.usecases.common import Db
from fieldtech.usecases.photos import PhotoRef, forget_photo
from fieldtech.usecases.workshop import RETURN_WITHIN_WORKING_DAYS
from ui import labels
from ui.photos.panel import camera_filename
from ui.photos.strip import PhotoStrip
from ui.photos.work import Thumb, draft_thumbs, import_draft_photo, store_image
from ui.tasks import TaskRunner
from ui.theme import MessageLabel, set_tone
from ui.workshop.drafts import DraftKeeper
from ui.workshop.signature_box import SignatureBox, clipped, summary_area
from ui.workshop.work import PICKUP_FORM, PickupContext, issue_pickup, pickup_context


def _text_box(height: int = 96) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class _Page(QWizardPage):
    """A page that refuses to move on with a message under its fields instead of a pop-up."""

    def __init__(self, check: Any = None) -> None:
        super().__init__()
        self.check = check
        self.message = MessageLabel()

    def validatePage(self) -> bool:  # noqa: N802 (Qt's API)
        problem = self.check() if self.check is not None else ""
        if problem:
            set_tone(self.message, "errorText")
            self.message.setText(problem)
            return False
        self.message.clear()
        return True


class TakeBackWizard(QWizard):
    issued = Signal(object, str)
    """The job id and the new pickup receipt number, once both have signed."""

    def __init__(
        self,
        db: Db,
        read_db: Db,
        runner: TaskRunner,
        job_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._read_db = read_db
        self._runner = runner
        self.job_id = job_id
        self.context: PickupContext | None = None
        self.receipt_number = ""
        self._issuing = False
        self._photos: list[PhotoRef] = []
        self._restoring = False
        self.keeper = DraftKeeper(db, runner, PICKUP_FORM, job_id, self)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)

        self.condition_page = _Page(self._condition_problem)
        self.item_label = QLabel()
        self.item_label.setWordWrap(True)
        self.item_label.setObjectName("hintText")
        self.condition_label = QLabel()
        self.condition = _text_box()
        self.condition_label.setBuddy(self.condition)
        self.accessories_label = QLabel()
        self.accessories = _text_box()
        self.accessories_label.setBuddy(self.accessories)
        self.restored = MessageLabel()
        column = QVBoxLayout(self.condition_page)
        for widget in (
            self.item_label,
            self.restored,
            self.condition_label,
            self.condition,
            self.accessories_label,
            self.accessories,
            self.condition_page.message,
        ):
            column.addWidget(widget)

        self.photos_page = _Page()
        self.photos_intro = QLabel()
        self.photos_intro.setWordWrap(True)
        self.strip = PhotoStrip()
        self.strip.files_chosen.connect(self.add_files)
        self.strip.remove_requested.connect(self._remove_photo)
        self.strip.camera_requested.connect(self._open_camera)
        self.strip.open_requested.connect(self._view_photo)
        column = QVBoxLayout(self.photos_page)
        column.addWidget(self.photos_intro)
        column.addWidget(self.strip, 1)

        self.reason_page = _Page(self._reason_problem)
        self.reason_label = QLabel()
        self.reason = _text_box(120)
        self.reason_label.setBuddy(self.reason)
        self.promised = QLabel()
        self.promised.setObjectName("promisedDate")
        self.promised.setWordWrap(True)
        column = QVBoxLayout(self.reason_page)
        for widget in (self.reason_label, self.reason, self.promised, self.reason_page.message):
            column.addWidget(widget)
        column.addStretch(1)

        self.sign_page = _Page(self._sign_problem)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.customer = SignatureBox()
        self.technician = SignatureBox()
        signers = QHBoxLayout()
        signers.addWidget(self.customer, 1)
        signers.addSpacing(16)
        signers.addWidget(self.technician, 1)
        column = QVBoxLayout(self.sign_page)
        column.addWidget(summary_area(self.summary))
        column.addLayout(signers, 1)
        column.addWidget(self.sign_page.message)

        for page in (self.condition_page, self.photos_page, self.reason_page, self.sign_page):
            self.addPage(page)
        for box in (self.condition, self.accessories, self.reason):
            box.textChanged.connect(self._edited)
        for signer in (self.customer, self.technician):
            signer.changed.connect(self._edited)
        self.currentIdChanged.connect(self._page_changed)
        self.resize(1040, 720)
        self._retranslate()

    def load(self) -> None:
        """Read the job, the company's promised date and any draft, off the GUI thread."""
        self._runner.run(
            pickup_context, self._read_db, self.job_id, on_done=self._loaded, on_error=self._failed
        )

    def values(self) -> dict[str, Any]:
        return {
            "condition": self.condition.toPlainText(),
            "accessories": self.accessories.toPlainText(),
            "reason": self.reason.toPlainText(),
            "photos": [dataclasses.asdict(p) for p in self._photos],
            "customer_name": self.customer.name.text(),
            "customer_strokes": self.customer.pad.strokes,
            "technician_name": self.technician.name.text(),
            "technician_strokes": self.technician.pad.strokes,
        }

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            self._runner.run(
                import_draft_photo,
                self._db,
                path,
                on_done=self._photo_added,
                on_error=self.strip.show_error,
            )

    def add_image(self, image: QImage) -> None:
        self._runner.run(
            store_image,
            self._db,
            image,
            camera_filename(),
            on_done=self._photo_added,
            on_error=self.strip.show_error,
        )

    def validateCurrentPage(self) -> bool:  # noqa: N802 (Qt's API)
        if self.currentPage() is self.sign_page and not self.receipt_number:
            if self.sign_page.validatePage():
                self._issue()
            return False
        return super().validateCurrentPage()

    def done(self, result: int) -> None:
        """Closing keeps the draft (written already); only a signed receipt drops it."""
        self.keeper.flush()
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _issue(self) -> None:
        if self._issuing:
            return
        self._issuing = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        values = self.values()
        values["customer_png"] = self.customer.pad.png()
        values["technician_png"] = self.technician.pad.png()
        self._runner.run(
            issue_pickup,
            self._db,
            self.job_id,
            values,
            on_done=self._issued,
            on_error=self._issue_failed,
        )

    def _issued(self, number: str) -> None:
        self._issuing = False
        self.receipt_number = number
        self.keeper.enabled = False
        self.issued.emit(self.job_id, number)
        self.accept()

    def _issue_failed(self, error: FieldTechError) -> None:
        self._issuing = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        set_tone(self.sign_page.message, "errorText")
        self.sign_page.message.setText(labels.error_text(error))

    def _failed(self, error: FieldTechError) -> None:
        set_tone(self.condition_page.message, "errorText")
        self.condition_page.message.setText(labels.error_text(error))

    def _loaded(self, context: PickupContext) -> None:
        self.context = context
        draft = context.draft or {}
        self._restoring = True
        self.condition.setPlainText(str(draft.get("condition", "")))
        self.accessories.setPlainText(str(draft.get("accessories", "")))
        self.reason.setPlainText(str(draft.get("reason", "")))
        self.customer.restore(
            str(draft.get("customer_name", context.customer_name)), draft.get("customer_strokes")
        )
        self.technician.restore(
            str(draft.get("technician_name", context.technician_name)),
            draft.get("technician_strokes"),
        )
        self._restoring = False
        refs = [PhotoRef(**p) for p in draft.get("photos", []) if isinstance(p, dict)]
        self._photos = refs
        if refs:
            self._runner.run(draft_thumbs, self._read_db, refs, on_done=self.strip.set_thumbs)
        if context.draft:
            set_tone(self.restored, "warningText")
            self.restored.setText(self.tr("Restored what was typed before."))
        self._retranslate()
        self.condition.setFocus()

    def _edited(self) -> None:
        if not self._restoring and self.context is not None:
            self.keeper.changed(self.values())

    def _photo_added(self, thumb: Thumb) -> None:
        if all(p.sha256 != thumb.ref.sha256 for p in self._photos):
            self._photos.append(thumb.ref)
            self.strip.add_thumb(thumb)
            self._edited()

    def _remove_photo(self, key: str) -> None:
        self._photos = [p for p in self._photos if p.sha256 != key]
        self.strip.take(key)
        self._edited()
        self.keeper.flush()  # the draft without the photo is written before its bytes go
        self._runner.run(forget_photo, self._db, key)

    def _view_photo(self, row: int) -> None:
        from ui.photos.viewer import open_viewer

        open_viewer(self.strip, self._read_db, self._runner, row)

    def _open_camera(self) -> None:
        from ui.photos.camera import CameraDialog

        dialog = CameraDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.captured.connect(self.add_image)
        dialog.open()

    def _page_changed(self, _: int) -> None:
        page = self.currentPage()
        if page is self.sign_page:
            self._show_summary()
            self.customer.name.setFocus()
        elif page is self.reason_page:
            self.reason.setFocus()
        elif page is self.photos_page:
            self.strip.add_button.setFocus()

    def _condition_problem(self) -> str:
        if not self.condition.toPlainText().strip():
            self.condition.setFocus()
            return self.tr(
                "Describe the item's visible condition (scratches, dents, missing parts)."
            )
        return ""

    def _reason_problem(self) -> str:
        if not self.reason.toPlainText().strip():
            self.reason.setFocus()
            return self.tr("Say why the item goes to the workshop.")
        return ""

    def _sign_problem(self) -> str:
        for box, who in (
            (self.customer, self.tr("the customer")),
            (self.technician, self.tr("the technician")),
        ):
            if not box.name.text().strip():
                box.name.setFocus()
                return self.tr("Type the printed name of %1.").replace("%1", who)
            if box.pad.is_empty:
                return self.tr("A signature of %1 is needed in the box.").replace("%1", who)
        return ""

    def _date_text(self) -> str:
        if self.context is None:
            return ""
        day = self.context.promised_return_date
        return QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )

    def _show_summary(self) -> None:
        accessories = [
            line.strip() for line in self.accessories.toPlainText().splitlines() if line.strip()
        ]
        rows = [
            (self.tr("Condition"), self.condition.toPlainText().strip()),
            (self.tr("Accessories"), ", ".join(accessories) or self.tr("None")),
            (self.tr("Photos"), str(len(self._photos))),
            (self.tr("Reason"), self.reason.toPlainText().strip()),
            (self.tr("Back by"), self._date_text()),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td>"
            f"<td>{html.escape(clipped(v))}</td></tr>"
            for k, v in rows
        )
        intro = html.escape(
            self.tr(
                "Both sign to confirm the item, its condition and what was taken. "
                "The receipt then opens to print."
            )
        )
        self.summary.setText(f"<p>{intro}</p><table>{cells}</table>")

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Take item back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Sign and print"))
        finish = self.button(QWizard.WizardButton.FinishButton)
        finish.setProperty("primary", True)
        finish.style().unpolish(finish)
        finish.style().polish(finish)
        self.condition_page.setTitle(self.tr("Condition and accessories"))
        self.condition_page.setSubTitle(
            self.tr("Step %1 of %2. What the item looks like and what comes with it.")
            .replace("%1", "1")
            .replace("%2", "4")
        )
        context = self.context
        if context is not None:
            item = context.item or self.tr("No item on record")
            self.item_label.setText(
                self.tr("Job %1 · %2 · %3")
                .replace("%1", context.ticket)
                .replace("%2", context.customer_name)
                .replace("%3", item)
            )
        self.condition_label.setText(self.tr("Visible &condition"))
        self.condition.setPlaceholderText(
            self.tr("For example: scratch on the lid, door seal torn")
        )
        self.accessories_label.setText(self.tr("&Accessories taken, one per line"))
        self.accessories.setPlaceholderText(self.tr("Power cord\nRemote control"))
        self.photos_page.setTitle(self.tr("Photos"))
        self.photos_page.setSubTitle(
            self.tr("Step %1 of %2. Optional, but they settle questions later.")
            .replace("%1", "2")
            .replace("%2", "4")
        )
        self.photos_intro.setText(
            self.tr("Photograph the item from each side and any damage. Drop picture files here.")
        )
        self.reason_page.setTitle(self.tr("Reason and return date"))
        self.reason_page.setSubTitle(
            self.tr("Step %1 of %2. Why it cannot be fixed on site.")
            .replace("%1", "3")
            .replace("%2", "4")
        )
        self.reason_label.setText(self.tr("&Reason"))
        self.reason.setPlaceholderText(self.tr("For example: the main board must be replaced"))
        if context is not None:
            self.promised.setText(
                self.tr("Promised back to the customer by %1 (%2 working days).")
                .replace("%1", self._date_text())
                .replace("%2", str(RETURN_WITHIN_WORKING_DAYS))
            )
        self.sign_page.setTitle(self.tr("Signatures"))
        self.sign_page.setSubTitle(
            self.tr("Step %1 of %2. The customer and you sign the pickup receipt.")
            .replace("%1", "4")
            .replace("%2", "4")
        )
        undo, clear = self.tr("Undo stroke"), self.tr("Clear")
        self.customer.set_texts(
            self.tr("Customer"),
            self.tr("Customer's &printed name"),
            self.tr("Customer signs here"),
            undo,
            clear,
        )
        self.technician.set_texts(
            self.tr("Technician"),
            self.tr("&Technician's printed name"),
            self.tr("Technician signs here"),
            undo,
            clear,
        )
        if self.currentPage() is self.sign_page:
            self._show_summary()
