"""The documents' printed labels in English and Simplified Chinese, and how to combine them."""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "zh", "both"]
LANGS: tuple[Lang, ...] = ("en", "zh", "both")

_LABELS: dict[str, tuple[str, str]] = {
    "repair_slip": ("Repair slip", "维修单"),
    "pickup_receipt": ("Pickup receipt", "取件收据"),
    "return_receipt": ("Return receipt", "返还收据"),
    "ticket": ("Ticket", "工单号"),
    "receipt": ("Receipt", "收据号"),
    "pickup_ref": ("Pickup receipt", "取件收据号"),
    "revision": ("Revision", "版本"),
    "customer": ("Customer", "客户"),
    "name": ("Name", "姓名"),
    "phone": ("Phone", "电话"),
    "address": ("Address", "地址"),
    "item": ("Item", "产品"),
    "brand_model": ("Brand / model", "品牌 / 型号"),
    "serial": ("Serial no.", "序列号"),
    "purchase_date": ("Purchased", "购买日期"),
    "warranty": ("Warranty", "保修"),
    "free": ("Free of charge", "免费"),
    "paid": ("Paid repair", "付费维修"),
    "unknown": ("Not determined", "未确定"),
    "visit": ("Visit", "上门"),
    "findings": ("Diagnosis and repair", "诊断与维修"),
    "item_taken": ("Item taken to the workshop", "取回维修的产品"),
    "item_returned": ("Item returned", "返还的产品"),
    "arrived": ("Arrived", "到达"),
    "departed": ("Departed", "离开"),
    "technician": ("Technician", "技术员"),
    "fault_reported": ("Fault reported", "报修故障"),
    "symptoms": ("Symptoms found", "故障现象"),
    "cause": ("Cause", "故障原因"),
    "fault_code": ("Fault code", "故障代码"),
    "checks_done": ("Checks done", "检查项目"),
    "work_done": ("Work done", "维修内容"),
    "parts": ("Parts", "更换配件"),
    "part_no": ("Part no.", "配件编号"),
    "description": ("Description", "名称"),
    "qty": ("Qty", "数量"),
    "serial_removed": ("Serial removed", "拆下序列号"),
    "serial_fitted": ("Serial fitted", "装上序列号"),
    "price": ("Price", "单价"),
    "amount": ("Amount", "金额"),
    "charges": ("Charges", "费用"),
    "tax": ("Tax", "税额"),
    "net": ("Subtotal", "小计"),
    "total": ("Total", "合计"),
    "payment": ("Payment", "付款"),
    "method": ("Method", "方式"),
    "advice": ("Advice to the customer", "使用建议"),
    "signature": ("Customer signature", "客户签名"),
    "tech_signature": ("Technician signature", "技术员签名"),
    "signed_at": ("Signed", "签名时间"),
    "not_signed": ("Not signed yet", "尚未签名"),
    "draft": ("DRAFT", "草稿"),
    "draft_note": (
        "Draft: not signed by the customer, not valid as a receipt",
        "草稿：客户尚未签名，不作为凭证",
    ),
    "verification": ("Verification code", "验证码"),
    "verify_hint": (
        "The office can confirm this document is unaltered with this code.",
        "凭此验证码可向公司核实本单据未被更改。",
    ),
    "page": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页"),
    "condition": ("Visible condition", "外观状况"),
    "accessories": ("Accessories taken", "随附配件"),
    "photos": ("Photos", "照片"),
    "reason": ("Reason", "取件原因"),
    "taken_at": ("Taken", "取件时间"),
    "promised_return": ("Promised return by", "承诺返还日期"),
    "returned_at": ("Returned", "返还时间"),
    "condition_on_return": ("Condition on return", "返还时状况"),
    "photo_unreadable": ("Photo unreadable", "照片无法读取"),
    "none": ("None", "无"),
    "cash": ("Cash", "现金"),
    "card": ("Card", "刷卡"),
    "transfer": ("Transfer", "转账"),
    "labour": ("Labour", "人工费"),
    "part": ("Parts", "配件费"),
    "call_out": ("Call-out", "上门费"),
    "other": ("Other", "其他"),
    "in_warranty": ("within the warranty period", "在保修期内"),
    "no_warranty": ("this product has no warranty", "该产品无保修"),
    "expired": ("warranty period ended", "已过保修期"),
    "no_purchase_date": ("no proof of purchase date", "无购买日期凭证"),
    "excluded": ("damage not covered by the warranty", "不在保修范围内"),
}


def label(key: str, lang: Lang, sep: str = " / ") -> str:
    """The label in the document language; `both` prints English then Chinese."""
    en, zh = _LABELS.get(key, (key, key))
    if lang == "en":
        return en
    if lang == "zh":
        return zh
    return en if en == zh else f"{en}{sep}{zh}"


def code_label(code: str, lang: Lang) -> str:
    """A domain code (payment method, charge kind, warranty reason) as printed; unknown as is."""
    return label(code, lang) if code in _LABELS else code
