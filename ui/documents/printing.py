"""Printing a rendered PDF on a QPrinter: each page at its own size, no margins added.

The PDF already carries the layout chosen for the paper (A4, Letter or an 80 mm roll), so each
page is drawn at the size it was rendered, as an image at up to 300 dpi.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from fieldtech.domain.errors import FieldTechError

MAX_DPI = 300


def _page_layout(points: QSizeF) -> QPageLayout:
    size = QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape
        if points.width() > points.height()
        else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0))


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print every page of `document` on `printer`; returns the number of pages printed."""
    pages = document.pageCount()
    if pages == 0:
        raise FieldTechError("document: there is nothing to print; open the document again")
    printer.setFullPage(True)
    printer.setPageLayout(_page_layout(document.pagePointSize(0)))
    painter = QPainter()
    if not painter.begin(printer):
        raise FieldTechError("printer: the printer could not be started; check it is on")
    try:
        for page in range(pages):
            points = document.pagePointSize(page)
            if page:
                printer.setPageLayout(_page_layout(points))
                printer.newPage()
            dpi = min(printer.resolution(), MAX_DPI)
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, pixels)
            target = QRectF(painter.viewport())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return pages
