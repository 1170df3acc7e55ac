"""What fixed it last time: past repairs of the same model and fault code, from the local library.

The fault-case library is synced to every laptop, so the panel answers from the store, offline,
while the fault code is being typed. Cases matching both the model and the fault code come first,
then the same fault code on other models, then the same model with other faults.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QVBoxLayout, QWidget
from sqlalchemy import select

from fieldtech.domain.enums import FaultOutcome
from fieldtech.models import ProductCategory
from fieldtech.usecases.common import Db
from fieldtech.usecases.faultcases import FaultCaseView, Match, matching_cases
from ui.tasks import TaskRunner

REFRESH_MS = 150
SHOWN = 8

OUTCOMES = {
    FaultOutcome.FIXED: QT_TRANSLATE_NOOP("PastRepairsPanel", "Fixed"),
    FaultOutcome.NOT_FIXED: QT_TRANSLATE_NOOP("PastRepairsPanel", "Not fixed"),
    FaultOutcome.TAKEN_TO_WORKSHOP: QT_TRANSLATE_NOOP("PastRepairsPanel", "Taken to workshop"),
}
MATCHES = {
    Match.MODEL_AND_FAULT_CODE: QT_TRANSLATE_NOOP("PastRepairsPanel", "Same model and fault code"),
    Match.FAULT_CODE: QT_TRANSLATE_NOOP("PastRepairsPanel", "Same fault code"),
    Match.MODEL: QT_TRANSLATE_NOOP("PastRepairsPanel", "Same model"),
}


@dataclass(frozen=True)
class PastRepairs:
    """What the panel shows for one query, read on the database worker."""

    model: str
    fault_code: str
    cases: list[FaultCaseView]
    category_names: dict[str, str]


def load_past_repairs(
    db: Db, model: str, fault_code: str, job_id: uuid.UUID | None, limit: int = SHOWN
) -> PastRepairs:
    with db() as session:
        cases = matching_cases(
            session, model=model, fault_code=fault_code, exclude_job=job_id, limit=limit
        )
        codes = {c.category_code for c in cases if c.category_code}
        rows = session.execute(
            select(ProductCategory.code, ProductCategory.name).where(
                ProductCategory.code.in_(codes)
            )
        )
        names = {code: name for code, name in rows}
    return PastRepairs(model, fault_code, cases, names)


class CaseCard(QFrame):
    """One past repair: what matched, the item, the cause, the work done and the parts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseCard")
        self.badge = QLabel()
        self.badge.setObjectName("caseBadge")
        self.heading = QLabel()
        self.heading.setObjectName("caseHeading")
        self.body = QLabel()
        for label in (self.badge, self.heading, self.body):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        layout.addWidget(self.badge)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)


class PastRepairsPanel(QGroupBox):
    """Read-only list of matching fault cases; call `show_for` as the model or fault code changes."""

    def __init__(self, read_db: Db, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = read_db
        self._runner = runner
        self._query: tuple[str, str, uuid.UUID | None] = ("", "", None)
        self._shown: PastRepairs | None = None
        self.hint = QLabel()
        self.hint.setObjectName("hintText")
        self.hint.setWordWrap(True)
        self.cards: list[CaseCard] = []
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self._retranslate()

    def show_for(
        self, model: str, fault_code: str, job_id: uuid.UUID | None, *, now: bool = False
    ) -> None:
        """Look up cases for this model and fault code (after a short pause, unless `now`)."""
        query = (model.strip(), fault_code.strip(), job_id)
        if query == self._query and self._shown is not None:
            return
        self._query = query
        if now:
            self._refresh()
        else:
            self._timer.start()

    def refresh(self) -> None:
        """Ask again for the shown model and fault code (new cases arrived with a sync)."""
        if self._shown is not None:
            self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _refresh(self) -> None:
        self._timer.stop()
        model, code, job_id = self._query
        self._runner.run(load_past_repairs, self._db, model, code, job_id, on_done=self._show)

    def _show(self, found: PastRepairs) -> None:
        if (found.model, found.fault_code) != self._query[:2]:
            return  # an answer to a query typed over since
        self._shown = found
        while len(self.cards) < len(found.cases):
            card = CaseCard()
            self.cards.append(card)
            self._layout.addWidget(card)
        for card, fault in zip(self.cards, found.cases, strict=False):
            self._fill(card, fault, found.category_names)
            card.show()
        for card in self.cards[len(found.cases) :]:
            card.hide()
        self._set_hint()

    def _fill(self, card: CaseCard, fault: FaultCaseView, categories: dict[str, str]) -> None:
        card.setProperty("match", fault.match.name.lower())
        card.style().unpolish(card)
        card.style().polish(card)
        card.badge.setText(self.tr(str(MATCHES[fault.match])))
        item = " ".join(part for part in (fault.brand, fault.model) if part) or self.tr(
            "Unknown model"
        )
        heading = [
            item,
            fault.fault_code or self.tr("no fault code"),
            fault.repaired_on.isoformat(),
        ]
        heading.append(self.tr(str(OUTCOMES[fault.outcome])))
        if fault.category_code:
            heading.insert(1, categories.get(fault.category_code, fault.category_code))
        card.heading.setText(" · ".join(heading))
        lines = []
        if fault.symptoms:
            lines.append(self.tr("Symptoms: %1").replace("%1", fault.symptoms))
        if fault.cause:
            lines.append(self.tr("Cause: %1").replace("%1", fault.cause))
        if fault.work_done:
            lines.append(self.tr("Work done: %1").replace("%1", fault.work_done))
        if fault.parts:
            parts = "; ".join(
                f"{number} {description} ×{quantity}".replace("  ", " ")
                for number, description, quantity in fault.parts
            )
            lines.append(self.tr("Parts: %1").replace("%1", parts))
        card.body.setText("\n".join(lines))

    def _set_hint(self) -> None:
        model, code, _ = self._query
        if not model and not code:
            self.hint.setText(self.tr("Enter a fault code to see how it was fixed before."))
        elif self._shown is not None and not self._shown.cases:
            self.hint.setText(self.tr("No past repairs of this model or fault code yet."))
        else:
            self.hint.setText(self.tr("Repairs by all technicians, best match first."))

    def _retranslate(self) -> None:
        self.setTitle(self.tr("What fixed it last time"))
        self._set_hint()
        if self._shown is not None:
            self._show(self._shown)
