"""Which side owns which field: the rule that settles a genuine same-field clash during sync.

The office owns customer and scheduling fields; the technician owns what was captured on site.
A field not listed for the office belongs to the technician in site tables and to the office in
office tables; the owner's value wins a clash and the other value goes to the conflict log.
"""

from __future__ import annotations

from fieldtech.domain.enums import Side

OFFICE_FIELDS: dict[str, frozenset[str]] = {
    "customers": frozenset({"name", "phone", "address", "email"}),
    "customer_items": frozenset({"category_id", "brand", "model", "serial", "purchase_date"}),
    "jobs": frozenset(
        {
            "ticket_number",
            "customer_id",
            "item_id",
            "channel",
            "category",
            "sub_category",
            "urgency",
            "fault_description",
            "preferred_time",
            "appointment_start",
            "appointment_end",
            "technician_id",
            "first_response_at",
            "closed_at",
        }
    ),
}

OFFICE_TABLES = frozenset(
    {
        "product_categories",
        "company_profile",
        "calendar_overrides",
        "technicians",
        "fault_cases",
        "follow_ups",
        "complaints",
    }
)
"""Tables only the office writes; a technician's change to them is refused."""

SITE_TABLES = frozenset(
    {
        "visits",
        "diagnoses",
        "parts_used",
        "charge_lines",
        "payments",
        "advice_notes",
        "attachments",
        "signatures",
        "pickup_receipts",
        "return_receipts",
        "item_movements",
        "van_stock",
    }
)
"""Tables of what the technician captures; the office reads them, and corrects them rarely."""

BOOKKEEPING = frozenset({"id", "created_at", "updated_at"})


def owner(table: str, field: str) -> Side:
    """The side whose value wins when both changed `table.field` without seeing the other."""
    if table in OFFICE_TABLES or field in OFFICE_FIELDS.get(table, frozenset()):
        return Side.OFFICE
    if table in SITE_TABLES or table in OFFICE_FIELDS:
        return Side.TECHNICIAN
    return Side.OFFICE
