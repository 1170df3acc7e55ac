"""A borderless grid of label/value cells: the many field lists of a document, laid out cheaply."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from fieldtech.documents.layout import table_style

GAP: float = 2 * mm


class Grid(Flowable):  # type: ignore[misc] # reportlab is untyped
    """Rows of cells aligned to the top, with a gap after each column and no rules.

    reportlab's Table wraps every cell twice and draws each inside its own graphics state, which
    made it most of a document's rendering time; these grids need none of that. A row taller than
    the space left on the page is handed to a Table that splits inside the row.
    """

    def __init__(self, rows: list[list[Flowable]], widths: list[float], pad: float = 0.6) -> None:
        super().__init__()
        self.rows = rows
        self.widths = widths
        self.pad = pad
        self._heights: list[float] = []
        self._cells: list[list[float]] = []

    def _cell_width(self, col: int) -> float:
        return self.widths[col] - GAP

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        canv = getattr(self, "canv", None)
        self._cells = [
            [
                cell.wrapOn(canv, self._cell_width(col), avail_height)[1]
                for col, cell in enumerate(row)
            ]
            for row in self.rows
        ]
        self._heights = [max(heights, default=0.0) + 2 * self.pad for heights in self._cells]
        self.width, self.height = sum(self.widths), sum(self._heights)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if not self._heights:
            self.wrap(avail_width, avail_height)
        used, count = 0.0, 0
        for height in self._heights:
            if used + height > avail_height:
                break
            used += height
            count += 1
        if count == len(self.rows):
            return [self]
        if count == 0:
            parts: list[Flowable] = self._as_table().split(avail_width, avail_height)
            return parts
        return [
            Grid(self.rows[:count], self.widths, self.pad),
            Grid(self.rows[count:], self.widths, self.pad),
        ]

    def _as_table(self) -> Table:
        style: list[Any] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), GAP),
            ("TOPPADDING", (0, 0), (-1, -1), self.pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), self.pad),
        ]
        return Table(self.rows, colWidths=self.widths, splitInRow=1, style=table_style(style))

    def draw(self) -> None:
        top = self.height
        for row, cells, height in zip(self.rows, self._cells, self._heights, strict=True):
            x = 0.0
            for col, cell in enumerate(row):
                cell.drawOn(self.canv, x, top - self.pad - cells[col])
                x += self.widths[col]
            top -= height
