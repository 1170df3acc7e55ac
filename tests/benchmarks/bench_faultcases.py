"""What fixed it last time, on a library of 20,000 fault cases in the encrypted laptop store.

`python -m tests.benchmarks faultcases` (FIELDTECH_BENCH_CASES overrides the count). The baseline,
measured in the same run on the same store, is the obvious single query: any case whose fault code
or (case-insensitive) model matches, ranked and sorted in SQL, which scans the whole table.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import random
import tempfile
from pathlib import Path

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from fieldtech.domain.enums import FaultOutcome
from fieldtech.models import FaultCase
from fieldtech.store.engine import open_store
from fieldtech.usecases.faultcases import matching_cases
from tests.benchmarks.timing import median, pct, sample_ms, table

KEY = bytes(range(11, 43))
CASES = int(os.environ.get("FIELDTECH_BENCH_CASES", "20000"))
MODELS = [f"WM-{n}" for n in range(400)]
CODES = [f"E{n:02d}" for n in range(60)]
LOOKUPS = 200
SHOWN = 8


def _fill(session: Session, rng: random.Random) -> None:
    session.add_all(
        FaultCase(
            brand="Haier",
            model=rng.choice(MODELS),
            fault_code=rng.choice(CODES),
            symptoms="Stops mid-cycle with water left in the drum " * 2,
            cause="Drain pump impeller jammed by a coin " * 2,
            work_done="Removed the pump, cleared it, ran a rinse and spin cycle " * 3,
            parts=[{"part_number": "WM-PUMP-01", "description": "Drain pump 40 W", "quantity": 1}],
            repaired_on=dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(600)),
            outcome=FaultOutcome.FIXED,
        )
        for _ in range(CASES)
    )


def _scan(session: Session, model: str, code: str) -> list[FaultCase]:
    same_code = FaultCase.fault_code == code
    same_model = func.lower(FaultCase.model) == model.lower()
    rank = case((same_code & same_model, 0), (same_code, 1), else_=2)
    query = (
        select(FaultCase)
        .where(or_(same_code, same_model))
        .order_by(rank, FaultCase.repaired_on.desc())
        .limit(SHOWN)
    )
    return list(session.scalars(query))


def main() -> None:
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "cases.db", KEY) as store:
        with store.sessions.begin() as session:
            _fill(session, rng)
        queries = [(rng.choice(MODELS), rng.choice(CODES)) for _ in range(LOOKUPS)]
        with store.read_sessions() as session:
            picks = iter(queries * 2)
            indexed = sample_ms(
                lambda: matching_cases(
                    session, model=(q := next(picks))[0], fault_code=q[1], limit=SHOWN
                ),
                LOOKUPS,
            )
            picks = iter(queries * 2)
            scanned = sample_ms(lambda: _scan(session, *next(picks)), LOOKUPS)
    rows: list[tuple[str, ...]] = [
        ("matching_cases (indexes)", f"{median(indexed):.2f}", f"{pct(indexed, 95):.2f}", "1.00"),
        (
            "single OR query (baseline)",
            f"{median(scanned):.2f}",
            f"{pct(scanned, 95):.2f}",
            f"{median(scanned) / median(indexed):.1f}",
        ),
    ]
    print(f"{CASES} fault cases, {LOOKUPS} lookups of {SHOWN}, {platform.python_version()}")
    print(table(rows, ("lookup", "median ms", "p95 ms", "baseline / ours")))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
