"""The instant job search over the `jobs_fts` full-text index, and its rebuild."""

from __future__ import annotations

import uuid

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

_COLUMNS = ("ticket_number", "customer_name", "phone", "serial", "model")
_TRIGRAM = 3


def rebuild(connection: Connection) -> None:
    """Refill the index from the tables, inside the caller's transaction (after a VACUUM)."""
    connection.exec_driver_sql("DELETE FROM jobs_fts")
    connection.exec_driver_sql(
        "INSERT INTO jobs_fts (rowid, ticket_number, customer_name, phone, serial, model) "
        "SELECT j.rowid, j.ticket_number, c.name, c.phone, coalesce(i.serial, ''), "
        "coalesce(i.model, '') FROM jobs AS j JOIN customers AS c ON c.id = j.customer_id "
        "LEFT JOIN customer_items AS i ON i.id = j.item_id"
    )


def search_job_ids(session: Session, query: str, limit: int = 200) -> list[uuid.UUID]:
    """Jobs whose indexed fields contain every whitespace-separated term of `query`.

    Terms of three characters or more use the trigram index; a shorter term (a two-character
    Chinese name) falls back to a substring scan of the index, still fast at 50,000 jobs.
    """
    terms = query.split()
    if not terms:
        return []
    params: dict[str, object] = {"limit": limit}
    where = []
    long_terms = [t for t in terms if len(t) >= _TRIGRAM]
    if long_terms:
        params["match"] = " ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        where.append("jobs_fts MATCH :match")
    for n, term in enumerate(t for t in terms if len(t) < _TRIGRAM):
        params[f"t{n}"] = (
            "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        )
        where.append(
            "(" + " OR ".join(f"jobs_fts.{c} LIKE :t{n} ESCAPE '\\'" for c in _COLUMNS) + ")"
        )
    rows = session.execute(
        text(
            "SELECT jobs.id FROM jobs_fts JOIN jobs ON jobs.rowid = jobs_fts.rowid WHERE "
            + " AND ".join(where)
            + " LIMIT :limit"
        ),
        params,
    ).scalars()
    return [uuid.UUID(str(v)) if not isinstance(v, uuid.UUID) else v for v in rows]
