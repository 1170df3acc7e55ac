"""Realistic sample documents: for `fieldtech render --sample`, previews, tests and benchmarks."""

from __future__ import annotations

import datetime as dt
import io
import math
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw

from fieldtech.documents.data import (
    ChargeLine,
    CompanyHeader,
    CustomerInfo,
    ItemInfo,
    PartLine,
    PaymentLine,
    Photo,
    PickupReceiptData,
    RepairSlipData,
    ReturnReceiptData,
    SignatureBlock,
    WarrantyInfo,
)

UTC = dt.UTC


def signature_png(seed: int = 7, width: int = 480, height: int = 150) -> bytes:
    """A handwritten-looking signature drawn from synthetic pen strokes (deterministic per seed)."""
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    for stroke in range(3):
        points = []
        x0 = 30 + stroke * 140
        for i in range(60):
            t = i / 59
            x = x0 + t * 150 + 18 * math.sin(t * 9 + seed + stroke)
            y = height / 2 + 38 * math.sin(t * (7 + stroke) + seed) * (1 - t * 0.5) - stroke * 6
            points.append((x, y))
        draw.line(points, fill=(20, 30, 90, 255), width=4, joint="curve")
    draw.line([(40, height - 28), (width - 40, height - 34)], fill=(20, 30, 90, 255), width=3)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def sample_company(logo_path: Path | None = None) -> CompanyHeader:
    return CompanyHeader(
        name="Northwind Appliance Service Co., Ltd. 北风家电服务有限公司",
        address="Room 1203, 88 Jianguo Road, Chaoyang District, Beijing 100022",
        phone="+86 10 6500 1234",
        logo_path=logo_path,
        currency="CNY",
        time_zone="Asia/Shanghai",
    )


def _customer() -> CustomerInfo:
    return CustomerInfo(
        name="王小明",
        phone="+86 138 0013 8000",
        address="北京市朝阳区建国路88号 SOHO现代城 5号楼 1702室",
    )


def _item() -> ItemInfo:
    return ItemInfo(
        brand="Haier",
        model="XQG100-HBD14126L",
        serial="HX2024A0917731",
        purchase_date=dt.date(2025, 3, 14),
    )


def _signature(name: str, seed: int, at: dt.datetime) -> SignatureBlock:
    return SignatureBlock(printed_name=name, signed_at=at, image_png=signature_png(seed))


def sample_repair_slip(company: CompanyHeader | None = None, signed: bool = True) -> RepairSlipData:
    arrived = dt.datetime(2026, 11, 24, 1, 35, tzinfo=UTC)
    departed = dt.datetime(2026, 11, 24, 3, 10, tzinfo=UTC)
    return RepairSlipData(
        company=company or sample_company(),
        ticket_number="202611-017",
        revision=1,
        customer=_customer(),
        item=_item(),
        warranty=WarrantyInfo(in_warranty=False, reason="expired"),
        technician_name="Li Wei 李伟",
        arrived_at=arrived,
        departed_at=departed,
        fault_description="洗衣机脱水时噪音很大，并显示错误代码 E21。",
        symptoms="Loud grinding during spin above 800 rpm; error E21 (drain timeout) after 6 minutes.",
        cause="Drain pump impeller jammed by a coin; rear drum bearing worn.",
        fault_code="E21",
        checks_done="Drain filter, drain hose, pump resistance (190 Ω), drum play, door lock.",
        work_done="Cleared the drain filter, replaced the drain pump and the rear drum bearing "
        "with seal, ran a 15-minute test cycle at 1400 rpm: no noise, no error.",
        parts=(
            PartLine(
                "DP-4471",
                "Drain pump 220 V 30 W",
                1,
                "DP-19-220013",
                "DP-26-710455",
                Decimal("186.00"),
            ),
            PartLine("BR-6205", "Drum bearing 6205-2RS", 1, "", "", Decimal("48.50")),
            PartLine("SL-3572", "Drum shaft seal 35×72×10", 1, "", "", Decimal("22.00")),
        ),
        charges=(
            ChargeLine(
                "call_out",
                "Home visit, Chaoyang district",
                Decimal("1"),
                Decimal("50.00"),
                Decimal("0.06"),
            ),
            ChargeLine("labour", "1.5 h", Decimal("1.5"), Decimal("120.00"), Decimal("0.06")),
            ChargeLine(
                "part", "Pump, bearing, seal", Decimal("1"), Decimal("256.50"), Decimal("0.13")
            ),
        ),
        payments=(
            PaymentLine(
                "card", Decimal("533.64"), "P-K7Q2-000123", departed - dt.timedelta(minutes=5)
            ),
        ),
        advice=(
            "Check pockets before washing; empty the drain filter once a month.",
            "Do not overload: at most 10 kg of dry laundry.",
        ),
        customer_signature=_signature("王小明", 3, departed) if signed else None,
    )


def sample_pickup_receipt(
    company: CompanyHeader | None = None, signed: bool = True, photos: tuple[Photo, ...] = ()
) -> PickupReceiptData:
    taken = dt.datetime(2026, 11, 24, 2, 40, tzinfo=UTC)
    return PickupReceiptData(
        company=company or sample_company(),
        receipt_number="P-K7Q2-000124",
        ticket_number="202611-018",
        revision=1,
        customer=CustomerInfo(
            "José Müller-Ñúñez", "+86 139 1100 2299", "上海市徐汇区漕溪北路 398 号"
        ),
        item=ItemInfo("Midea", "MWO-25L-X", "MD25L88120077", dt.date(2024, 12, 2)),
        taken_at=taken,
        promised_return_date=dt.date(2026, 11, 27),
        technician_name="Li Wei 李伟",
        condition="Scratch on the left side panel; door glass intact; plug slightly bent.",
        accessories=("Glass turntable", "Turntable ring", "User manual"),
        reason="Magnetron fault: part not in van stock; needs workshop testing.",
        photos=photos,
        customer_signature=_signature("José Müller-Ñúñez", 5, taken) if signed else None,
        technician_signature=_signature("Li Wei", 9, taken),
    )


def sample_return_receipt(
    company: CompanyHeader | None = None, signed: bool = True
) -> ReturnReceiptData:
    returned = dt.datetime(2026, 11, 27, 6, 15, tzinfo=UTC)
    return ReturnReceiptData(
        company=company or sample_company(),
        receipt_number="R-K7Q2-000031",
        pickup_receipt_number="P-K7Q2-000124",
        ticket_number="202611-018",
        revision=1,
        customer=CustomerInfo("محمد بن علي", "+86 139 1100 2299", "上海市徐汇区漕溪北路 398 号"),
        item=ItemInfo("Midea", "MWO-25L-X", "MD25L88120077", dt.date(2024, 12, 2)),
        returned_at=returned,
        work_done="Replaced the magnetron and the high-voltage diode; 30-minute load test passed.",
        condition_on_return="As taken; plug straightened. Unit cleaned inside.",
        charges=(
            ChargeLine("part", "Magnetron 2M286", Decimal("1"), Decimal("240.00"), Decimal("0.13")),
            ChargeLine(
                "labour", "Workshop repair", Decimal("1"), Decimal("80.00"), Decimal("0.06")
            ),
        ),
        charges_total=Decimal("356.00"),
        technician_name="Chen Jing 陈静",
        customer_signature=_signature("محمد بن علي", 11, returned) if signed else None,
    )
