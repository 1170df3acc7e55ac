"""Column blocks of a pull page read back as rows; a malformed block is refused by name."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from sync.client.pulled import block_rows
from sync.protocol.schemas import RowBlock

JOB = uuid.uuid4()


def _block(rows: list[list[Any]]) -> RowBlock:
    return RowBlock(table="parts_used", columns=["id", "job_id", "quantity"], rows=rows)


def test_block_rows_read_back_ids_scope_and_fields() -> None:
    first, second = uuid.uuid4(), uuid.uuid4()
    block = _block(
        [
            [3, str(JOB), str(first), str(JOB), 2],
            [4, str(JOB).upper(), str(second), str(JOB), 1],
        ]
    )
    rows = list(block_rows(block))
    assert [(r.record_id, r.version, r.scope) for r in rows] == [(first, 3, JOB), (second, 4, JOB)]
    assert rows[0].fields == {"id": str(first), "job_id": str(JOB), "quantity": 2}
    assert rows[0].table == "parts_used"


@pytest.mark.parametrize(
    ("row", "named"),
    [
        ([3, str(JOB), "not-a-uuid", str(JOB), 2], "id 'not-a-uuid' is not a UUID"),
        ([3, 12, str(uuid.uuid4()), str(JOB), 2], "scope 12 is not a UUID"),
        (["3", str(JOB), str(uuid.uuid4()), str(JOB), 2], "version '3' is not a number"),
        ([3, str(JOB), str(uuid.uuid4())], "a row has 3 values for 5"),
    ],
)
def test_malformed_block_row_is_refused_naming_table_and_field(row: list[Any], named: str) -> None:
    with pytest.raises(ValueError, match="parts_used") as refused:
        list(block_rows(_block([row])))
    assert named in str(refused.value)


def test_block_without_an_id_column_is_refused() -> None:
    block = RowBlock(table="parts_used", columns=["quantity"], rows=[[1, None, 2]])
    with pytest.raises(ValueError, match="no id"):
        list(block_rows(block))
