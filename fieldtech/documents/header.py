"""The document header: company identity, title and numbers, and the QR code."""

from __future__ import annotations

import functools

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from fieldtech.documents.blocks import Ctx, grid, image_or_warning
from fieldtech.documents.layout import INK, table_style


@functools.lru_cache(maxsize=64)
def _qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix; kept because a document is often rendered twice (preview, then print)."""
    widget = QrCodeWidget(payload, barLevel="M")
    widget.qr.make()
    return tuple(tuple(bool(m) for m in row) for row in widget.qr.modules)


class QrCode(Flowable):  # type: ignore[misc] # reportlab is untyped
    """The QR encoded by reportlab's QR widget, drawn as one filled path with its quiet zone.

    Drawing the widget through a reportlab Drawing would pull in an unembedded Helvetica (the
    graphics default font) and costs a rectangle object per module; one path is smaller and faster.
    """

    QUIET = 3

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.modules = _qr_modules(payload)
        self.size = size
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        count = len(self.modules)
        box = self.size / (count + 2 * self.QUIET)
        path = self.canv.beginPath()
        for r, row in enumerate(self.modules):
            y = self.size - (r + 1 + self.QUIET) * box
            c = 0
            while c < count:
                if not row[c]:
                    c += 1
                    continue
                start = c
                while c < count and row[c]:
                    c += 1
                path.rect((start + self.QUIET) * box, y, (c - start) * box, box)
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.drawPath(path, stroke=0, fill=1)


def qr_code(payload: str, size: float) -> QrCode:
    return QrCode(payload, size)


def header(ctx: Ctx, title_key: str, refs: list[tuple[str, str]], payload: str) -> list[Flowable]:
    """Company identity on the left, title and numbers in the middle, the QR on the right."""
    c = ctx.company
    contact = "  ·  ".join(x for x in (c.address, c.phone) if x)
    logo = image_or_warning(ctx, c.logo_path, 30 * mm, 16 * mm, "logo") if c.logo_path else None
    company: list[Flowable] = [ctx.p(c.name, "company", bold=True)]
    if contact:
        company.append(ctx.p(contact, "small"))
    ref_rows = [[ctx.p(k, "key"), ctx.p(v, "bold", bold=True)] for k, v in refs]
    if ctx.sheet.narrow:
        width = ctx.sheet.frame_width
        out: list[Flowable] = []
        if logo is not None:
            logo.hAlign = "CENTER"
            out += [logo, Spacer(1, 1.5 * mm)]
        out += [ctx.p(c.name, "company", bold=True)]
        if contact:
            out.append(ctx.p(contact, "center"))
        out += [
            Spacer(1, 2 * mm),
            HRFlowable(width="100%", thickness=0.8, color=INK, spaceAfter=2 * mm),
            ctx.p(ctx.t(title_key), "title", bold=True),
            Spacer(1, 1.5 * mm),
            grid(ctx, ref_rows, [width * 0.38, width * 0.62]),
        ]
        qr = qr_code(payload, 30 * mm)
        qr.hAlign = "CENTER"
        return [*out, Spacer(1, 1 * mm), qr]
    width = ctx.sheet.frame_width
    qr_size = 27 * mm
    left_w = width * 0.50
    mid_w = width - left_w - qr_size
    left: list[Flowable] = ([logo, Spacer(1, 2 * mm)] if logo is not None else []) + company
    middle: list[Flowable] = [
        ctx.p(ctx.t(title_key), "title", bold=True),
        Spacer(1, 1.5 * mm),
        grid(ctx, ref_rows, [mid_w * 0.42, mid_w * 0.58]),
    ]
    table = Table(
        [[left, middle, qr_code(payload, qr_size)]],
        colWidths=[left_w, mid_w, qr_size],
        style=table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 5 * mm),
                ("RIGHTPADDING", (1, 0), (1, 0), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return [table, Spacer(1, 2 * mm), HRFlowable(width="100%", thickness=1, color=INK)]
