"""Render the repair slip, pickup receipt and return receipt to PDF bytes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from fieldtech.documents import blocks, fonts, header, tables
from fieldtech.documents.blocks import Ctx
from fieldtech.documents.data import (
    PickupReceiptData,
    RepairSlipData,
    ReturnReceiptData,
    code_for,
    pickup_receipt_content,
    qr_payload,
    repair_slip_content,
    return_receipt_content,
)
from fieldtech.documents.labels import LANGS, Lang
from fieldtech.documents.layout import (
    PAPERS,
    PageFurniture,
    Paper,
    build_pdf,
    sheet_for,
)

log = logging.getLogger(__name__)
DocumentData = RepairSlipData | PickupReceiptData | ReturnReceiptData


@dataclass(frozen=True)
class Rendered:
    """The PDF and what could not be printed as given (missing logo, broken photo, ...)."""

    pdf: bytes
    warnings: tuple[str, ...]
    verification_code: str


def _item_rows(ctx: Ctx, d: DocumentData) -> list[tuple[str, str]]:
    item = d.item
    return [
        (ctx.k("brand_model"), " ".join(x for x in (item.brand, item.model) if x)),
        (ctx.k("serial"), item.serial),
        (ctx.k("purchase_date"), ctx.when(item.purchase_date)),
    ]


def _customer_rows(ctx: Ctx, d: DocumentData) -> list[tuple[str, str]]:
    c = d.customer
    return [(ctx.k("name"), c.name), (ctx.k("phone"), c.phone), (ctx.k("address"), c.address)]


def _warranty_text(ctx: Ctx, d: RepairSlipData) -> str:
    w = d.warranty
    status = (
        ctx.t("unknown") if w.in_warranty is None else ctx.t("free" if w.in_warranty else "paid")
    )
    return f"{status} ({ctx.code(w.reason)})" if w.reason else status


def _furniture(ctx: Ctx, kind: str, ref: str, code: str, draft: bool) -> PageFurniture:
    return PageFurniture(
        lang=ctx.lang,
        footer_left=f"{ctx.t(kind)} {ref}",
        footer_right=f"{ctx.t('verification')}: {code}",
        draft=draft,
    )


def _render(
    data: DocumentData,
    paper: Paper,
    lang: Lang,
    title_key: str,
    story: Callable[[Ctx, str, str], list[Flowable]],
) -> Rendered:
    if lang not in LANGS:
        raise ValueError(f"lang: unknown language {lang!r}; use one of {', '.join(LANGS)}")
    if paper not in PAPERS:
        raise ValueError(f"paper: unknown paper {paper!r}; use one of {', '.join(PAPERS)}")
    fonts.register_fonts()
    if isinstance(data, RepairSlipData):
        code = code_for(repair_slip_content(data))
        payload, ref = qr_payload(data.ticket_number, "", code), data.ticket_number
    elif isinstance(data, PickupReceiptData):
        code = code_for(pickup_receipt_content(data))
        payload, ref = (
            qr_payload(data.ticket_number, data.receipt_number, code),
            data.receipt_number,
        )
    else:
        code = code_for(return_receipt_content(data))
        payload, ref = (
            qr_payload(data.ticket_number, data.receipt_number, code),
            data.receipt_number,
        )
    sheet = sheet_for(paper)
    draft = data.customer_signature is None
    ctx = Ctx(sheet, lang, data.company)
    title = f"{ctx.t(title_key)} {ref}"
    furniture = _furniture(ctx, title_key, ref, code, draft)
    pdf = build_pdf(lambda: story(ctx, payload, code), sheet, furniture, title)
    warnings = list(dict.fromkeys(ctx.warnings))
    if ctx.missing:
        chars = "".join(dict.fromkeys(ctx.missing))
        warnings.append(f"no bundled font has the characters {chars!r}; printed as \ufffd")
    for warning in warnings:
        log.warning("%s %s: %s", title_key, ref, warning)
    return Rendered(pdf, tuple(warnings), code)


def _closing(ctx: Ctx, d: DocumentData, code: str) -> list[Flowable]:
    """Signatures and the verification code: side by side on a sheet, stacked on a roll."""
    draft = d.customer_signature is None
    boxes: list[Flowable] = [blocks.signature(ctx, "signature", d.customer_signature)]
    if isinstance(d, PickupReceiptData):
        boxes.append(blocks.signature(ctx, "tech_signature", d.technician_signature))
    if ctx.sheet.narrow or len(boxes) > 1:
        return [
            Spacer(1, 3 * mm),
            *blocks.signatures(ctx, boxes),
            *blocks.verification(ctx, code, draft),
        ]
    return [
        Spacer(1, 3 * mm),
        *blocks.signatures(ctx, [boxes[0], blocks.verification_box(ctx, code, draft)]),
    ]


def render_repair_slip_result(
    data: RepairSlipData, paper: Paper = "a4", lang: Lang = "en"
) -> Rendered:
    def story(ctx: Ctx, payload: str, code: str) -> list[Flowable]:
        refs = [(ctx.t("ticket"), data.ticket_number), (ctx.t("revision"), str(data.revision))]
        if data.departed_at or data.arrived_at:
            refs.append((ctx.t("visit"), ctx.when(data.arrived_at or data.departed_at)[:10]))
        out = header.header(ctx, "repair_slip", refs, payload)
        out += blocks.panel_heads(ctx, "customer", "item")
        item_rows = [*_item_rows(ctx, data), (ctx.k("warranty"), _warranty_text(ctx, data))]
        out += blocks.fields(ctx, _customer_rows(ctx, data), item_rows)
        visit = [
            (ctx.k("technician"), data.technician_name),
            (ctx.k("arrived"), ctx.when(data.arrived_at)),
            (ctx.k("departed"), ctx.when(data.departed_at)),
            (ctx.k("fault_code"), data.fault_code),
        ]
        out += [ctx.p(ctx.t("visit"), "section", bold=True)]
        out += blocks.fields(ctx, visit[:2], visit[2:])
        findings = [
            (ctx.k("fault_reported"), data.fault_description),
            (ctx.k("symptoms"), data.symptoms),
            (ctx.k("cause"), data.cause),
            (ctx.k("checks_done"), data.checks_done),
            (ctx.k("work_done"), data.work_done),
        ]
        out += blocks.details(ctx, "findings", findings)
        out += tables.parts(ctx, data)
        out += tables.charges(ctx, data.charges, data.payments)
        out += blocks.section(ctx, "advice", "\n".join(f"• {a}" for a in data.advice))
        out += _closing(ctx, data, code)
        return out

    return _render(data, paper, lang, "repair_slip", story)


def render_pickup_receipt_result(
    data: PickupReceiptData, paper: Paper = "a4", lang: Lang = "en"
) -> Rendered:
    def story(ctx: Ctx, payload: str, code: str) -> list[Flowable]:
        refs = [
            (ctx.t("receipt"), data.receipt_number),
            (ctx.t("ticket"), data.ticket_number),
            (ctx.t("taken_at"), ctx.when(data.taken_at)),
        ]
        out = header.header(ctx, "pickup_receipt", refs, payload)
        out += blocks.panel_heads(ctx, "customer", "item")
        out += blocks.fields(ctx, _customer_rows(ctx, data), _item_rows(ctx, data))
        out.append(
            blocks.callout(ctx, ctx.k("promised_return"), ctx.when(data.promised_return_date))
        )
        accessories = ", ".join(data.accessories) if data.accessories else ctx.t("none")
        details = [
            (ctx.k("reason"), data.reason),
            (ctx.k("condition"), data.condition),
            (ctx.k("accessories"), accessories),
            (ctx.k("technician"), data.technician_name),
        ]
        out += blocks.details(ctx, "item_taken", details)
        out += tables.photos(ctx, data)
        out += _closing(ctx, data, code)
        return out

    return _render(data, paper, lang, "pickup_receipt", story)


def render_return_receipt_result(
    data: ReturnReceiptData, paper: Paper = "a4", lang: Lang = "en"
) -> Rendered:
    def story(ctx: Ctx, payload: str, code: str) -> list[Flowable]:
        refs = [
            (ctx.t("receipt"), data.receipt_number),
            (ctx.t("pickup_ref"), data.pickup_receipt_number),
            (ctx.t("ticket"), data.ticket_number),
            (ctx.t("returned_at"), ctx.when(data.returned_at)),
        ]
        out = header.header(ctx, "return_receipt", refs, payload)
        out += blocks.panel_heads(ctx, "customer", "item")
        out += blocks.fields(ctx, _customer_rows(ctx, data), _item_rows(ctx, data))
        details = [
            (ctx.k("work_done"), data.work_done),
            (ctx.k("condition_on_return"), data.condition_on_return),
            (ctx.k("technician"), data.technician_name),
        ]
        out += blocks.details(ctx, "item_returned", details)
        out += tables.photos(ctx, data)
        out += tables.charges(ctx, data.charges, ())
        if not data.charges and data.charges_total:
            out += [blocks.totals(ctx, [(ctx.t("total"), ctx.money(data.charges_total), True)])]
        out += _closing(ctx, data, code)
        return out

    return _render(data, paper, lang, "return_receipt", story)


def render_repair_slip(data: RepairSlipData, paper: Paper = "a4", lang: Lang = "en") -> bytes:
    """The repair slip as PDF bytes; problems such as a missing logo are logged as warnings."""
    return render_repair_slip_result(data, paper, lang).pdf


def render_pickup_receipt(data: PickupReceiptData, paper: Paper = "a4", lang: Lang = "en") -> bytes:
    return render_pickup_receipt_result(data, paper, lang).pdf


def render_return_receipt(data: ReturnReceiptData, paper: Paper = "a4", lang: Lang = "en") -> bytes:
    return render_return_receipt_result(data, paper, lang).pdf


def render_result(data: DocumentData, paper: Paper = "a4", lang: Lang = "en") -> Rendered:
    """Render whichever document `data` describes, with its warnings and verification code."""
    if isinstance(data, RepairSlipData):
        return render_repair_slip_result(data, paper, lang)
    if isinstance(data, PickupReceiptData):
        return render_pickup_receipt_result(data, paper, lang)
    return render_return_receipt_result(data, paper, lang)
