"""A PDF shown inside the app with Qt PDF: the whole document, page after page, fit to width."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

ROLL_ZOOM = 1.5


class PdfPreview(QWidget):
    """Holds the bytes it shows (QPdfDocument reads from the buffer for as long as it shows them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self._buffer: QBuffer | None = None
        self.pdf = b""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_pdf(self, pdf: bytes) -> bool:
        """Show `pdf`; False when Qt PDF cannot read it."""
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
        self.pdf = pdf
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.document.load(buffer)
        return self.document.status() == QPdfDocument.Status.Ready

    def fit(self, *, roll: bool) -> None:
        """Sheets fill the width; a narrow roll shows near its real size instead of blown up."""
        if roll:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(ROLL_ZOOM)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()
