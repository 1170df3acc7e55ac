"""Who the work is for and who does it: technicians, customers, product categories, customer items."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fieldtech.models.base import Base, Synced


class Technician(Synced, Base):
    __tablename__ = "technicians"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40), default="")


class Customer(Synced, Base):
    __tablename__ = "customers"

    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(200), default="")

    items: Mapped[list[CustomerItem]] = relationship(back_populates="customer")


class ProductCategory(Synced, Base):
    __tablename__ = "product_categories"

    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    warranty_months: Mapped[int] = mapped_column(default=12)
    # The labour rate for this kind of item: "per_hour" or "flat" (LabourBasis), and its amount.
    labour_basis: Mapped[str] = mapped_column(String(16), default="per_hour")
    labour_rate: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))


class CustomerItem(Synced, Base):
    """An appliance the customer owns: what the warranty and the workshop register are about."""

    __tablename__ = "customer_items"

    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("product_categories.id"))
    brand: Mapped[str] = mapped_column(String(100), default="")
    model: Mapped[str] = mapped_column(String(100), default="", index=True)
    serial: Mapped[str] = mapped_column(String(100), default="", index=True)
    purchase_date: Mapped[dt.date | None]

    customer: Mapped[Customer] = relationship(back_populates="items")
    category: Mapped[ProductCategory | None] = relationship()
