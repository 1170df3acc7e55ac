"""The ruled tables of the documents: parts, charges with totals and payments, photos."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from fieldtech.documents import blocks
from fieldtech.documents.blocks import Ctx
from fieldtech.documents.data import (
    ChargeLine,
    PaymentLine,
    PickupReceiptData,
    RepairSlipData,
    ReturnReceiptData,
    charge_totals,
)
from fieldtech.documents.layout import table_style


def parts(ctx: Ctx, d: RepairSlipData) -> list[Flowable]:
    if not d.parts:
        return []
    width = ctx.sheet.frame_width
    if ctx.sheet.narrow:
        rows: list[list[Any]] = []
        for p in d.parts:
            detail = f"{p.part_number} {p.description}".strip()
            serials = " > ".join(x for x in (p.serial_removed, p.serial_fitted) if x)
            cell: list[Flowable] = [ctx.p(detail, "cell")]
            if serials:
                cell.append(ctx.p(serials, "small"))
            rows.append(
                [cell, ctx.p(str(p.quantity), "cell_right"), ctx.p(f"{p.total:,.2f}", "cell_right")]
            )
        head = [ctx.k("parts"), ctx.k("qty"), ctx.k("amount")]
        table = blocks.ruled_table(
            ctx, head, rows, [width * 0.6, width * 0.12, width * 0.28], {1, 2}
        )
    else:
        rows = [
            [
                ctx.p(str(i), "cell"),
                ctx.p(p.part_number, "cell"),
                ctx.p(p.description, "cell"),
                ctx.p(str(p.quantity), "cell_right"),
                ctx.p(p.serial_removed, "cell"),
                ctx.p(p.serial_fitted, "cell"),
                ctx.p(f"{p.unit_price:,.2f}", "cell_right"),
                ctx.p(f"{p.total:,.2f}", "cell_right"),
            ]
            for i, p in enumerate(d.parts, start=1)
        ]
        keys = [
            "#",
            "part_no",
            "description",
            "qty",
            "serial_removed",
            "serial_fitted",
            "price",
            "amount",
        ]
        head = [k if k == "#" else ctx.k(k) for k in keys]
        fractions = [0.04, 0.13, 0.27, 0.06, 0.14, 0.14, 0.11, 0.11]
        table = blocks.ruled_table(ctx, head, rows, [width * f for f in fractions], {3, 6, 7})
    return [ctx.p(ctx.t("parts"), "section", bold=True), table]


def charges(
    ctx: Ctx, charges: tuple[ChargeLine, ...], payments: tuple[PaymentLine, ...]
) -> list[Flowable]:
    if not charges and not payments:
        return []
    width = ctx.sheet.frame_width
    out: list[Flowable] = [
        ctx.p(f"{ctx.t('charges')} ({ctx.company.currency})", "section", bold=True)
    ]
    if charges:
        rows: list[list[Any]] = []
        for c in charges:
            what = ctx.code(c.kind) + (f": {c.description}" if c.description else "")
            qty = f"{c.quantity.normalize():f}"
            if ctx.sheet.narrow:
                rows.append(
                    [
                        ctx.p(what, "cell"),
                        ctx.p(qty, "cell_right"),
                        ctx.p(f"{c.net:,.2f}", "cell_right"),
                    ]
                )
            else:
                rows.append(
                    [
                        ctx.p(what, "cell"),
                        ctx.p(qty, "cell_right"),
                        ctx.p(f"{c.unit_price:,.2f}", "cell_right"),
                        ctx.p(f"{c.tax_rate * 100:.0f}%", "cell_right"),
                        ctx.p(f"{c.net:,.2f}", "cell_right"),
                    ]
                )
        if ctx.sheet.narrow:
            head = [ctx.k("description"), ctx.k("qty"), ctx.k("amount")]
            table = blocks.ruled_table(
                ctx, head, rows, [width * 0.6, width * 0.12, width * 0.28], {1, 2}
            )
        else:
            head = [
                ctx.k("description"),
                ctx.k("qty"),
                ctx.k("price"),
                ctx.k("tax"),
                ctx.k("amount"),
            ]
            fractions = [0.52, 0.1, 0.14, 0.1, 0.14]
            table = blocks.ruled_table(
                ctx, head, rows, [width * f for f in fractions], {1, 2, 3, 4}
            )
        net, tax, gross = charge_totals(charges)
        out += [
            table,
            Spacer(1, 1.5 * mm),
            blocks.totals(
                ctx,
                [
                    (ctx.t("net"), ctx.money(net), False),
                    (ctx.t("tax"), ctx.money(tax), False),
                    (ctx.t("total"), ctx.money(gross), True),
                ],
            ),
        ]
    for pay in payments:
        parts = [ctx.code(pay.method), ctx.money(pay.amount)]
        if pay.receipt_number:
            parts.append(f"{ctx.t('receipt')} {pay.receipt_number}")
        if pay.taken_at:
            parts.append(ctx.when(pay.taken_at))
        out.append(
            blocks.grid(
                ctx,
                [[ctx.p(ctx.k("payment"), "key"), ctx.p("  ·  ".join(parts))]],
                [
                    width * (0.34 if ctx.sheet.narrow else 0.15),
                    width * (0.66 if ctx.sheet.narrow else 0.85),
                ],
            )
        )
    return out


def photos(ctx: Ctx, d: PickupReceiptData | ReturnReceiptData) -> list[Flowable]:
    if not d.photos:
        return []
    per_row = 2 if ctx.sheet.narrow else 4
    width = ctx.sheet.frame_width / per_row
    cells: list[Flowable] = []
    for photo in d.photos:
        image = blocks.image_or_warning(
            ctx, photo.source, width - 2 * mm, 30 * mm, f"photo {photo.name}"
        )
        cells.append(
            image
            if image is not None
            else ctx.p(f"{ctx.t('photo_unreadable')}: {photo.name}", "small")
        )
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [Spacer(1, 1)] * (per_row - len(rows[-1]))
    table = Table(
        rows,
        colWidths=[width] * per_row,
        style=table_style(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        ),
        hAlign="LEFT",
    )
    return [ctx.p(ctx.t("photos"), "section", bold=True), table]
