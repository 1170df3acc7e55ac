"""Visits in the order of the follow-up call list, the major jobs, and (PostgreSQL) each job's
visit count and first arrival kept by the database itself.

The call list reads a window's visits by `coalesce(departed_at, arrived_at)` in list order and
stops when its page and count are full (PostgreSQL); major cases are found among the few major
jobs (a partial index). Both are office-only indexes named `office_*`, left out of the schema
comparison.

The visit counts serve the service figures on PostgreSQL: a month's figures read them by the
jobs' creation time in one range instead of looking up the visits of each of the month's jobs
(28,000 lookups in a month of a big office).

Triggers on `visits` and on `jobs.created_at` keep each row equal to what the visits say, whoever
writes them (the API, sync, a manual fix). A trigger locks the job's count before it recounts the
job's visits, so of two transactions adding visits to one job at once the second counts after
the first has committed and sees both. The rows live in their own schema, `office_figures`: a
derived copy, not part of the shared models nor of the schema comparison. SQLite offices are
small and count visits per job directly, so nothing is made there.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-25 10:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

UPGRADE = """
CREATE SCHEMA IF NOT EXISTS office_figures;

CREATE TABLE office_figures.job_visits (
    job_id uuid PRIMARY KEY REFERENCES public.jobs (id) ON DELETE CASCADE,
    created_at timestamp without time zone NOT NULL,
    visits integer NOT NULL,
    first_arrival timestamp without time zone
);

INSERT INTO office_figures.job_visits (job_id, created_at, visits, first_arrival)
SELECT jobs.id, jobs.created_at, counted.visits, counted.first_arrival
FROM (SELECT job_id, count(*) AS visits, min(arrived_at) AS first_arrival
      FROM public.visits GROUP BY job_id) AS counted
JOIN public.jobs ON jobs.id = counted.job_id;

CREATE INDEX job_visits_created_at ON office_figures.job_visits (created_at)
    INCLUDE (job_id, visits, first_arrival);

CREATE FUNCTION office_figures.recount(job uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF job IS NULL THEN
        RETURN;
    END IF;
    -- The upsert waits for (and then locks) the row of a transaction counting the same job;
    -- the recount is a new statement, so it sees that transaction's visits once committed.
    INSERT INTO office_figures.job_visits (job_id, created_at, visits)
    SELECT id, created_at, 0 FROM public.jobs WHERE id = job
    ON CONFLICT (job_id) DO UPDATE SET visits = office_figures.job_visits.visits;
    UPDATE office_figures.job_visits AS kept
    SET visits = counted.visits, first_arrival = counted.first_arrival
    FROM (SELECT count(*) AS visits, min(arrived_at) AS first_arrival
          FROM public.visits WHERE job_id = job) AS counted
    WHERE kept.job_id = job;
END;
$$;

CREATE FUNCTION office_figures.visit_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM office_figures.recount(OLD.job_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.job_id <> OLD.job_id) THEN
        PERFORM office_figures.recount(NEW.job_id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER office_figures_visit_insert AFTER INSERT ON public.visits
    FOR EACH ROW EXECUTE FUNCTION office_figures.visit_changed();
CREATE TRIGGER office_figures_visit_delete AFTER DELETE ON public.visits
    FOR EACH ROW EXECUTE FUNCTION office_figures.visit_changed();
CREATE TRIGGER office_figures_visit_update AFTER UPDATE OF job_id, arrived_at ON public.visits
    FOR EACH ROW WHEN (OLD.job_id IS DISTINCT FROM NEW.job_id
                       OR OLD.arrived_at IS DISTINCT FROM NEW.arrived_at)
    EXECUTE FUNCTION office_figures.visit_changed();

CREATE FUNCTION office_figures.job_created_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE office_figures.job_visits SET created_at = NEW.created_at WHERE job_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER office_figures_job_created AFTER UPDATE OF created_at ON public.jobs
    FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION office_figures.job_created_moved();
"""

DOWNGRADE = """
DROP TRIGGER IF EXISTS office_figures_job_created ON public.jobs;
DROP TRIGGER IF EXISTS office_figures_visit_update ON public.visits;
DROP TRIGGER IF EXISTS office_figures_visit_delete ON public.visits;
DROP TRIGGER IF EXISTS office_figures_visit_insert ON public.visits;
DROP SCHEMA IF EXISTS office_figures CASCADE;
"""


def upgrade() -> None:
    major = sa.text("urgency = 'major'")
    op.create_index(
        "office_jobs_major", "jobs", ["id", "status"], postgresql_where=major, sqlite_where=major
    )
    if op.get_bind().dialect.name == "postgresql":
        # SQLite offices are small enough to sort a window's visits (and SQLAlchemy cannot
        # reflect an expression index there for the schema comparison).
        op.create_index(
            "office_visits_visited",
            "visits",
            [sa.text("coalesce(departed_at, arrived_at)"), "job_id", "id"],
        )
        op.execute(UPGRADE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(DOWNGRADE)
        op.drop_index("office_visits_visited", table_name="visits")
    op.drop_index("office_jobs_major", table_name="jobs")
