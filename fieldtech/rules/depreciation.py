"""The company's depreciation table for paid exchanges: a rate by days since sale."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from fieldtech.domain.errors import ValidationError
from fieldtech.rules.charges import check_amount, check_rate, round_money


@dataclass(frozen=True, slots=True)
class DepreciationBand:
    """Items sold at most `up_to_days` ago (None: any older) lose `rate` of their price."""

    up_to_days: int | None
    rate: Decimal


@dataclass(frozen=True, slots=True)
class DepreciationTable:
    """Bands in ascending order of age; the last band is open-ended so every age has a rate.

    Rates may not fall as an item gets older: a table that charged less for an older item
    would invite customers to wait before exchanging.
    """

    bands: tuple[DepreciationBand, ...]

    def __post_init__(self) -> None:
        if not self.bands:
            raise ValidationError("depreciation", "give at least one band")
        previous_days = -1
        previous_rate = Decimal(0)
        for i, band in enumerate(self.bands):
            field = f"depreciation[{i}]"
            rate = check_rate(f"{field}.rate", band.rate)
            last = i == len(self.bands) - 1
            if band.up_to_days is None:
                if not last:
                    raise ValidationError(
                        f"{field}.up_to_days", "only the last band may be open-ended"
                    )
            else:
                if last:
                    raise ValidationError(
                        f"{field}.up_to_days",
                        "leave the last band open-ended (no day limit) so every age has a rate",
                    )
                if isinstance(band.up_to_days, bool) or not isinstance(band.up_to_days, int):
                    raise ValidationError(f"{field}.up_to_days", "give a whole number of days")
                if band.up_to_days <= previous_days:
                    raise ValidationError(
                        f"{field}.up_to_days",
                        "list the bands in ascending order of days, each limit larger "
                        "than the one before (and not negative)",
                    )
                previous_days = band.up_to_days
            if rate < previous_rate:
                raise ValidationError(
                    f"{field}.rate", "a rate may not be lower than the rate of a younger band"
                )
            previous_rate = rate

    @classmethod
    def from_pairs(cls, pairs: Iterable[Sequence[object]]) -> DepreciationTable:
        """Build from (up_to_days, rate) pairs as stored in the company settings."""
        bands = []
        for i, pair in enumerate(pairs):
            if len(pair) != 2:
                raise ValidationError(f"depreciation[{i}]", "give a pair of days and rate")
            days, rate = pair
            if days is not None and (isinstance(days, bool) or not isinstance(days, int)):
                raise ValidationError(f"depreciation[{i}].up_to_days", "give a whole number")
            try:
                exact = Decimal(str(rate)) if isinstance(rate, str | int | Decimal) else None
            except ArithmeticError:
                exact = None
            if exact is None or isinstance(rate, bool):
                raise ValidationError(f"depreciation[{i}].rate", "give a rate such as 0.05")
            bands.append(DepreciationBand(days, exact))
        return cls(tuple(bands))

    def to_pairs(self) -> list[tuple[int | None, str]]:
        return [(band.up_to_days, str(band.rate)) for band in self.bands]

    def rate_for(self, days_since_sale: int) -> Decimal:
        if isinstance(days_since_sale, bool) or not isinstance(days_since_sale, int):
            raise ValidationError("days_since_sale", "give a whole number of days")
        if days_since_sale < 0:
            raise ValidationError(
                "days_since_sale", "the sale date is after the exchange date; check both dates"
            )
        for band in self.bands:
            if band.up_to_days is None or days_since_sale <= band.up_to_days:
                return band.rate
        raise AssertionError("the last band is open-ended")  # guaranteed by __post_init__


DEFAULT_DEPRECIATION_TABLE = DepreciationTable.from_pairs(
    [(7, "0"), (30, "0.05"), (90, "0.10"), (180, "0.20"), (365, "0.30"), (None, "0.50")]
)


def depreciation_charge(
    price: Decimal, days_since_sale: int, table: DepreciationTable = DEFAULT_DEPRECIATION_TABLE
) -> Decimal:
    """What the customer pays towards a paid exchange: the band's rate of the price paid."""
    amount = check_amount("price", price)
    return round_money(amount * table.rate_for(days_since_sale))
