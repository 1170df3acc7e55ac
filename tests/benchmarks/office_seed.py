"""A PostgreSQL office holding a million jobs, seeded in SQL (generate_series) and kept in a named
database, so a rerun of the office benchmark only checks the marker and migrates."""

from __future__ import annotations

import time

import psycopg

from sync.server import migrate

ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
DATABASE = "fieldtech_bench_office"
URL = f"postgresql+psycopg://postgres@127.0.0.1:5432/{DATABASE}"
SEED_VERSION = 1
JOBS = 1_000_000
CUSTOMERS = 300_000
ITEMS = 400_000
TECHNICIANS = 60
# Jobs are spread evenly from 2024-01-01, one every 91 seconds: 1,000,000 reach November 2026.
STEP_SECONDS = 91

_SEED = f"""
SET LOCAL synchronous_commit = off;
SET LOCAL maintenance_work_mem = '256MB';
INSERT INTO technicians (id, username, display_name, phone, created_at, updated_at)
SELECT md5('t' || i)::uuid, 'tech' || i, 'Technician ' || i, '139' || lpad(i::text, 8, '0'),
       now(), now()
FROM generate_series(0, {TECHNICIANS - 1}) AS i;

INSERT INTO customers (id, name, phone, address, email, created_at, updated_at)
SELECT md5('c' || i)::uuid, '客户 ' || i, '138' || lpad(i::text, 8, '0'),
       i || ' Jiangning Road, Shanghai', '', now(), now()
FROM generate_series(0, {CUSTOMERS - 1}) AS i;

INSERT INTO customer_items (id, customer_id, category_id, brand, model, serial, purchase_date,
                            created_at, updated_at)
SELECT md5('i' || i)::uuid, md5('c' || (i % {CUSTOMERS}))::uuid, NULL, 'Acme',
       'WM-' || (i % 500), 'SN' || lpad(i::text, 9, '0'), date '2022-01-01' + (i % 900),
       now(), now()
FROM generate_series(0, {ITEMS - 1}) AS i;

CREATE TEMP TABLE seed_jobs ON COMMIT DROP AS
SELECT g, md5('j' || g)::uuid AS id,
       timestamp '2024-01-01' + (g * {STEP_SECONDS}) * interval '1 second' AS created
FROM generate_series(0, {JOBS - 1}) AS g;

INSERT INTO jobs (id, ticket_number, customer_id, item_id, channel, category, sub_category,
                  urgency, fault_description, preferred_time, appointment_start, appointment_end,
                  technician_id, status, revision, first_response_at, closed_at, created_at,
                  updated_at, work_done)
SELECT id, to_char(created, 'YYYYMM') || '-' || lpad(g::text, 7, '0'),
       md5('c' || (g % {CUSTOMERS}))::uuid, md5('i' || (g % {ITEMS}))::uuid,
       (ARRAY['phone', 'email', 'online', 'on_site'])[1 + g % 4],
       (ARRAY['product_fault', 'product_fault', 'product_fault', 'usage_question',
              'return_exchange', 'complaint'])[1 + (g / 7) % 6],
       '',
       CASE WHEN g % 50 = 0 THEN 'major' WHEN g % 10 = 0 THEN 'urgent' ELSE 'normal' END,
       'fault report ' || g, '',
       created + interval '1 day', created + interval '1 day 2 hours',
       md5('t' || (g % {TECHNICIANS}))::uuid,
       CASE WHEN g >= {JOBS - 3000} THEN
                (ARRAY['new', 'assigned', 'confirmed', 'en_route', 'on_site',
                       'awaiting_signature', 'signed', 'item_in_workshop'])[1 + g % 8]
            WHEN g % 33 = 0 THEN 'cancelled' ELSE 'closed' END,
       1, created + (g % 25) * interval '1 minute',
       CASE WHEN g < {JOBS - 3000} THEN created + interval '2 days' END,
       created, created, ''
FROM seed_jobs;

INSERT INTO visits (id, job_id, technician_id, arrived_at, departed_at, created_at, updated_at)
SELECT md5('v' || g)::uuid, id, md5('t' || (g % {TECHNICIANS}))::uuid,
       created + interval '1 day' + ((g % 50) - 10) * interval '1 minute',
       created + interval '1 day 90 minutes', created + interval '1 day', created
FROM seed_jobs WHERE g < {JOBS - 3000} AND g % 33 <> 0;

INSERT INTO visits (id, job_id, technician_id, arrived_at, departed_at, created_at, updated_at)
SELECT md5('w' || g)::uuid, id, md5('t' || (g % {TECHNICIANS}))::uuid,
       created + interval '3 days', created + interval '3 days 1 hour',
       created + interval '3 days', created + interval '3 days'
FROM seed_jobs WHERE g < {JOBS - 3000} AND g % 9 = 0 AND g % 33 <> 0;

INSERT INTO follow_ups (id, job_id, kind, due_date, called_at, rating, notes, escalated,
                        escalation_deadline, created_at, updated_at)
SELECT md5('f' || g)::uuid, id, 'satisfaction', (created + interval '8 days')::date,
       created + interval '8 days', (ARRAY[5, 5, 5, 4, 4, 3, 5, 2, 5, 4])[1 + g % 10], '',
       false, NULL, created + interval '1 day', created + interval '8 days'
FROM seed_jobs WHERE g % 3 = 0 AND g < {JOBS - 3000};

INSERT INTO complaints (id, job_id, customer_id, concern, route, owner, description, deadline,
                        promised_reply_at, status, created_at, updated_at)
SELECT md5('k' || g)::uuid, id, md5('c' || (g % {CUSTOMERS}))::uuid, 'product_quality',
       'quality_control', 'QC', '', created + interval '5 days', created + interval '2 days',
       'closed', created + interval '3 days', created + interval '3 days'
FROM seed_jobs WHERE g % 60 = 0;

INSERT INTO payments (id, job_id, technician_id, method, amount, receipt_number, taken_at,
                      created_at, updated_at)
SELECT md5('p' || g)::uuid, id, md5('t' || (g % {TECHNICIANS}))::uuid,
       (ARRAY['cash', 'card', 'transfer'])[1 + g % 3], 50 + g % 500, 'R' || g,
       created + interval '1 day 1 hour', created + interval '1 day', created + interval '1 day'
FROM seed_jobs WHERE g % 3 = 1 AND g < {JOBS - 3000};

INSERT INTO parts_used (id, job_id, part_number, description, quantity, serial_removed,
                        serial_fitted, unit_price, created_at, updated_at)
SELECT md5('u' || g)::uuid, id, 'P-' || lpad((g % 300)::text, 4, '0'), 'part ' || g % 300,
       1 + g % 3, '', '', 20 + g % 200, created + interval '1 day', created + interval '1 day'
FROM seed_jobs WHERE g % 4 = 0 AND g < {JOBS - 3000};

INSERT INTO pickup_receipts (id, job_id, item_id, receipt_number, technician_id, condition,
                             accessories, reason, taken_at, promised_return_date, revision,
                             created_at, updated_at)
SELECT md5('r' || g)::uuid, id, md5('i' || (g % {ITEMS}))::uuid, 'PK-' || g,
       md5('t' || (g % {TECHNICIANS}))::uuid, 'scratched', '[]'::json, 'no part',
       created + interval '1 day', (created + interval '6 days')::date, 1,
       created + interval '1 day', created + interval '1 day'
FROM seed_jobs WHERE g % 20 = 0;

INSERT INTO return_receipts (id, pickup_id, receipt_number, returned_at, work_done,
                             condition_on_return, charges_total, revision, created_at, updated_at)
SELECT md5('x' || g)::uuid, md5('r' || g)::uuid, 'RT-' || g, created + interval '5 days', '',
       '', 0, 1, created + interval '5 days', created + interval '5 days'
FROM seed_jobs WHERE g % 20 = 0 AND g % 200 <> 0 AND g < {JOBS - 3000};

CREATE TABLE bench_seed (version integer NOT NULL, jobs integer NOT NULL);
INSERT INTO bench_seed VALUES ({SEED_VERSION}, {JOBS});
"""


def _seeded(connection: psycopg.Connection) -> bool:
    exists = connection.execute("SELECT to_regclass('bench_seed') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return False
    row = connection.execute("SELECT version, jobs FROM bench_seed").fetchone()
    return row == (SEED_VERSION, JOBS)


def ensure_seeded() -> str:
    """The URL of the seeded office database, creating and seeding it the first time only."""
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,))
        if found.fetchone() is None:
            admin.execute(f'CREATE DATABASE "{DATABASE}"')
    migrate.upgrade(URL)
    plain = URL.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(plain) as connection:
        if _seeded(connection):
            print(f"seed: {DATABASE} already holds {JOBS:,} jobs (cached)")
            return URL
        started = time.perf_counter()
        connection.execute(_SEED)  # type: ignore[arg-type]
        connection.commit()
        print(f"seed: {JOBS:,} jobs and their records in {time.perf_counter() - started:.0f} s")
    with psycopg.connect(plain, autocommit=True) as connection:
        started = time.perf_counter()
        connection.execute("VACUUM ANALYZE")
        print(f"seed: VACUUM ANALYZE in {time.perf_counter() - started:.0f} s")
    return URL
