"""Times the figures of a province and all its communes for one year over national-scale data.

Synthetic data on the real units of the current era (34 provinces and 3,321 communes from
01/07/2025, loaded with load_units): a council, a term and one delegate per unit, and five years
(2021–2025) of sessions, resolutions, missions and their recommendations, questioning, hearings,
voter meetings, petitions, reception days and cases — over 5 million rows — generated in
PostgreSQL with INSERT … SELECT generate_series on the first run and kept for later runs. Then
`figures(Scope(province, 2025-01-01, 2025-12-31))` for the province with the most communes is timed
against hand-written SQL (two statements: the councils, then every figure) whose numbers must
equal figures()'s — the two run in turn, so that a busy moment of the machine falls on both —
and EXPLAIN ANALYZE of the ORM's queries shows where the time goes. The indexes the report needs
(by council and date, see the models' Meta) come with the app's migrations.

.venv/bin/python bench/report_national.py            # postgres://postgres@127.0.0.1:5432/hdnd_bench_national
.venv/bin/python bench/report_national.py --explain  # whole query plans of the ORM's queries
"""

import datetime
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hdnd_bench_national")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from benchtools import ensure_postgresql_database, p95  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from hdnd.councils.models import TWO_LEVEL_START, AdministrativeUnit, Council, Level  # noqa: E402
from hdnd.councils.units import load_units  # noqa: E402
from hdnd.reports.statistics import Scope, figures  # noqa: E402

YEARS = range(2021, 2026)
YEAR = 2025  # the year measured (the current era's communes exist in it)
RUNS, WARMUPS = 40, 5
GOAL_MS, GOAL_RATIO = 500, 1.5
TERM_START, TERM_END = datetime.date(2021, 6, 25), datetime.date(2026, 3, 14)
# Per council and year. Recommendations are per mission.
PER_YEAR = {
    "sessions": 6,
    "resolutions": 25,
    "missions": 4,
    "questioning": 4,
    "hearings": 1,
    "voter_meetings": 12,
    "petitions": 160,
    "reception_days": 12,
    "cases": 70,
}
PER_MISSION = 5
TABLES = {
    "sessions": "meetings_session",
    "resolutions": "resolutions_resolution",
    "missions": "oversight_mission",
    "recommendations": "oversight_recommendation",
    "questioning": "oversight_questioning",
    "hearings": "oversight_accountabilityhearing",
    "voter_meetings": "petitions_votermeeting",
    "petitions": "petitions_voterpetition",
    "reception_days": "reception_receptionschedule",
    "cases": "reception_case",
}


def ensure_database():
    ensure_postgresql_database("postgres://postgres@127.0.0.1:5432/hdnd_bench_national")


def current_units():
    return AdministrativeUnit.objects.filter(valid_from=TWO_LEVEL_START, valid_to__isnull=True)


def ensure_councils(cursor):
    """The real units (loaded once), and a council, a term, a person, a constituency and a delegate
    per unit of the current era, each inserted only where missing."""
    if current_units().count() != 34 + 3321:
        load_units()
    now = "now()"
    cursor.execute(
        f"""
        INSERT INTO councils_council (created_at, updated_at, search_text, name, address, phone, email, unit_id,
                                      place_name, quorum_numerator, quorum_denominator)
        SELECT {now}, {now}, '', 'Hội đồng nhân dân ' || u.name, '', '', '', u.id,
               left(regexp_replace(u.name, '^(Tỉnh|Thành phố|Xã|Phường|Đặc khu) ', ''), 100), 1, 2
        FROM councils_administrativeunit u
        WHERE u.valid_from = %s AND u.valid_to IS NULL
          AND NOT EXISTS (SELECT 1 FROM councils_council c WHERE c.unit_id = u.id)""",
        [TWO_LEVEL_START],
    )
    cursor.execute(
        f"""
        INSERT INTO councils_term (created_at, updated_at, number, start_date, end_date, council_id)
        SELECT {now}, {now}, 1, %s, %s, c.id FROM councils_council c
        WHERE NOT EXISTS (SELECT 1 FROM councils_term t WHERE t.council_id = c.id)""",
        [TERM_START, TERM_END],
    )
    cursor.execute(
        f"""
        INSERT INTO councils_person (created_at, updated_at, search_text, full_name, gender, ethnicity,
                                     occupation, council_id)
        SELECT {now}, {now}, '', 'Đại biểu ' || c.id, '', '', '', c.id FROM councils_council c
        WHERE NOT EXISTS (SELECT 1 FROM councils_person p WHERE p.council_id = c.id)"""
    )
    cursor.execute(
        f"""
        INSERT INTO councils_constituency (created_at, updated_at, search_text, number, area, seats, council_id, term_id)
        SELECT {now}, {now}, '', 1, 'Toàn đơn vị', 1, t.council_id, t.id FROM councils_term t
        WHERE NOT EXISTS (SELECT 1 FROM councils_constituency k WHERE k.term_id = t.id)"""
    )
    cursor.execute(
        f"""
        INSERT INTO councils_delegate (created_at, updated_at, full_time, start_date, end_reason, constituency_id,
                                       council_id, person_id, term_id)
        SELECT {now}, {now}, false, t.start_date, '', k.id, t.council_id, p.id, t.id
        FROM councils_term t
        JOIN councils_constituency k ON k.term_id = t.id
        JOIN councils_person p ON p.council_id = t.council_id
        WHERE NOT EXISTS (SELECT 1 FROM councils_delegate d WHERE d.term_id = t.id)"""
    )


def expected_rows(councils):
    years = len(YEARS)
    rows = {name: councils * per * years for name, per in PER_YEAR.items()}
    rows["recommendations"] = rows["missions"] * PER_MISSION
    return rows


def row_counts(cursor):
    counts = {}
    for name, table in TABLES.items():
        cursor.execute(f"SELECT count(*) FROM {table}")
        counts[name] = cursor.fetchone()[0]
    return counts


# Each statement reads `bench_c` (council, term, delegate) × the years (yi = 0..4, y = the year) ×
# k = 1..N per year; `r1`, `r2`, `r3` are random() drawn per row in the inner select (a volatile
# target list is not flattened, so each row gets its own). Dates are the record's day; created_at
# and updated_at follow them. Rows are inserted in date order, as the app would write them, so a
# council's rows are scattered over the table (not clustered by council, which flatters the
# council_id indexes).
BASE = """
    SELECT c.council_id, c.term_id, c.delegate_id, yi, {first} + yi AS y, k,
           random() AS r1, random() AS r2, random() AS r3
    FROM bench_c c CROSS JOIN generate_series(0, {years} - 1) yi CROSS JOIN generate_series(1, {n}) k
"""


def _pick(values, r="r2"):
    """SQL: one of `values`, uniformly by the random column `r`."""
    array = ", ".join(f"'{v}'" for v in values)
    return f"(ARRAY[{array}])[1 + floor({r} * {len(values)})::int]"


def generation_statements():
    base = {"first": YEARS[0], "years": len(YEARS)}
    fields_res = [
        "budget", "economy", "land", "infrastructure", "agriculture", "education", "health", "culture",
        "organisation", "security", "council", "other",
    ]  # fmt: skip
    fields_pet = [
        "land", "infrastructure", "agriculture", "economy", "education", "health", "social", "culture",
        "security", "government", "other",
    ]  # fmt: skip
    per_session = PER_YEAR["sessions"]
    session_of = (
        "(SELECT id FROM meetings_session s WHERE s.term_id = b.term_id AND s.number = b.yi * {per} + 1 + {slot})"
    )
    return {
        # Six a year, every other month; one in ten has no actual start (the planned one counts).
        "sessions": f"""
            INSERT INTO meetings_session (created_at, updated_at, search_text, number, kind, title, planned_start,
                planned_end, actual_start, actual_end, place, status, is_public, council_id, term_id)
            SELECT d::timestamptz, d::timestamptz, '', yi * {per_session} + k,
                   CASE WHEN k IN (1, 4) THEN 'regular' WHEN k = 6 THEN 'urgent' ELSE 'thematic' END,
                   'Kỳ họp thứ ' || (yi * {per_session} + k), d, d + 2,
                   CASE WHEN r1 < 0.9 THEN d + (r3 * 3)::int END, CASE WHEN r1 < 0.9 THEN d + (r3 * 3)::int + 2 END,
                   '', 'closed', true, council_id, term_id
            FROM (SELECT *, make_date(y, 2 * k - 1, 1) + (r2 * 27)::int AS d
                  FROM ({BASE.format(n=per_session, **base)}) a) b
            ORDER BY b.d""",
        # Numbered 1..25 within the council and year (unique per council, kind, year); 4 % drafts.
        "resolutions": f"""
            INSERT INTO resolutions_resolution (created_at, updated_at, search_text, kind, field, subject, number,
                year, symbol, adopted_on, effective_date, on_behalf, signer_title, signer_name, legal_bases, body,
                recipients, status, published_at, council_id, term_id)
            SELECT d::timestamptz, d::timestamptz, '', CASE WHEN r1 < 0.2 THEN 'normative' ELSE 'individual' END,
                   {_pick(fields_res)}, 'Nghị quyết về việc ' || k, k, y, k || '/NQ-HĐND', d, d + 10,
                   'TM. Hội đồng nhân dân', 'Chủ tịch', 'Nguyễn Văn A', '', '', '',
                   CASE WHEN r3 < 0.04 THEN 'draft' WHEN r3 < 0.34 THEN 'adopted' ELSE 'published' END,
                   CASE WHEN r3 >= 0.34 THEN (d + 12)::timestamptz END, council_id, term_id
            FROM (SELECT *, make_date(y, 1, 1) + (k - 1) * 14 + (r2 * 13)::int AS d
                  FROM ({BASE.format(n=PER_YEAR["resolutions"], **base)}) a) b
            ORDER BY b.d""",
        # Begun by their decision date (one in five has none: the planned start counts), which
        # precedes the planned start by up to 20 days — across the new year sometimes.
        "missions": f"""
            INSERT INTO oversight_mission (created_at, updated_at, search_text, kind, conducting_body, subject, scope,
                supervised_bodies, decision_number, decision_date, planned_start, planned_end, report, report_date,
                conclusions, conclusions_date, status, council_id, term_id, decision_file)
            SELECT d::timestamptz, d::timestamptz, '', {_pick(["thematic", "petitions", "survey"])},
                   'standing_committee', 'Giám sát chuyên đề ' || k, '', '', '',
                   CASE WHEN r1 < 0.8 THEN d - (r3 * 20)::int END, d, d + 30, '', NULL, '', NULL, 'concluded',
                   council_id, term_id, ''
            FROM (SELECT *, make_date(y, 3 * k - 2, 1) + (r2 * 80)::int AS d
                  FROM ({BASE.format(n=PER_YEAR["missions"], **base)}) a) b
            ORDER BY b.d""",
        "recommendations": f"""
            INSERT INTO oversight_recommendation (created_at, updated_at, search_text, text, responsible_body,
                deadline, status, dropped_reason, assessment, council_id, mission_id)
            SELECT m.created_at, m.created_at, '', 'Kiến nghị ' || k, 'Ủy ban nhân dân',
                   m.planned_start + 60 + (r1 * 340)::int, st,
                   CASE WHEN st = 'dropped' THEN 'Không còn phù hợp' ELSE '' END, '', m.council_id, m.id
            FROM (SELECT m.*, k, random() AS r1, {_pick(["open", "in_progress", "done", "done", "dropped"], "random()")} AS st
                  FROM oversight_mission m CROSS JOIN generate_series(1, {PER_MISSION}) k) m
            ORDER BY m.created_at, m.id""",
        # Seven in ten asked at a session of the year (the regular ones), the others between sessions.
        "questioning": f"""
            INSERT INTO oversight_questioning (created_at, updated_at, search_text, asked_on, topic, question,
                respondent_name, respondent_title, answering_body, answer_form, answer, answered_on, answer_file,
                asked_by_id, council_id, session_id)
            SELECT d::timestamptz, d::timestamptz, '', d, 'Chất vấn ' || k, '', 'Giám đốc Sở', 'Giám đốc',
                   'Sở Tài chính', 'in_session', '', d, '', delegate_id, council_id,
                   CASE WHEN r1 < 0.7 THEN {session_of.format(per=per_session, slot="CASE WHEN k <= 2 THEN 0 ELSE 3 END")} END
            FROM (SELECT *, make_date(y, 1, 1) + (k - 1) * 91 + (r2 * 89)::int AS d
                  FROM ({BASE.format(n=PER_YEAR["questioning"], **base)}) a) b
            ORDER BY b.d""",
        "hearings": f"""
            INSERT INTO oversight_accountabilityhearing (created_at, updated_at, search_text, held_on, topic,
                bodies_explaining, conclusions, conclusions_file, council_id)
            SELECT d::timestamptz, d::timestamptz, '', d, 'Giải trình ' || y, '', '', '', council_id
            FROM (SELECT *, make_date(y, 1, 1) + (r2 * 364)::int AS d
                  FROM ({BASE.format(n=PER_YEAR["hearings"], **base)}) a) b
            ORDER BY b.d""",
        "voter_meetings": f"""
            INSERT INTO petitions_votermeeting (created_at, updated_at, search_text, timing, held_on, place, form,
                front_representative, voters_count, minutes_file, council_id, session_id)
            SELECT d::timestamptz, d::timestamptz, '', CASE WHEN k % 2 = 0 THEN 'after' ELSE 'before' END, d, '',
                   'in_person', '', 50 + (r1 * 250)::int, '', council_id,
                   {session_of.format(per=per_session, slot="(k - 1) / 2")}
            FROM (SELECT *, make_date(y, k, 1) + (r2 * 27)::int AS d
                  FROM ({BASE.format(n=PER_YEAR["voter_meetings"], **base)}) a) b
            ORDER BY b.d""",
        # Forwarded from "forwarded" on, with a deadline a month later; answered within 0–90 days.
        "petitions": f"""
            INSERT INTO petitions_voterpetition (created_at, updated_at, search_text, received_on, text, area, field,
                competent_level, competent_body, status, forwarded_on, deadline, answer, answered_on, answer_file,
                fingerprint, council_id, session_id)
            SELECT d::timestamptz, d::timestamptz, '', d, 'Kiến nghị của cử tri ' || k, '', {_pick(fields_pet)},
                   {_pick(["commune", "province", "central"], "r3")}, '', st,
                   CASE WHEN fw THEN d + 10 END, CASE WHEN fw THEN d + 40 END, '',
                   CASE WHEN st IN ('answered', 'reported_back') THEN d + 10 + (r2 * 90)::int END, '', '',
                   council_id, {session_of.format(per=per_session, slot="(k - 1) % " + str(per_session))}
            FROM (SELECT *, st NOT IN ('received', 'classified') AND st <> 'merged' AS fw
                  FROM (SELECT *, make_date(y, 1, 1) + ((k - 1) * 365 / {PER_YEAR["petitions"]}) AS d,
                               CASE WHEN r1 < 0.10 THEN 'received' WHEN r1 < 0.20 THEN 'classified'
                                    WHEN r1 < 0.45 THEN 'forwarded' WHEN r1 < 0.75 THEN 'answered'
                                    WHEN r1 < 0.95 THEN 'reported_back' ELSE 'merged' END AS st
                        FROM ({BASE.format(n=PER_YEAR["petitions"], **base)}) a) a2) b
            ORDER BY b.d""",
        "reception_days": f"""
            INSERT INTO reception_receptionschedule (created_at, updated_at, day, place, note, is_published,
                council_id)
            SELECT d::timestamptz, d::timestamptz, d, 'Trụ sở tiếp công dân', '', true, council_id
            FROM (SELECT *, make_date(y, k, 15) AS d FROM ({BASE.format(n=PER_YEAR["reception_days"], **base)}) a) b
            ORDER BY b.d""",
        "cases": f"""
            INSERT INTO reception_case (created_at, updated_at, search_text, number, year, received_on, citizen_name,
                citizen_address, id_document, content, kind, people_count, handled_before_by, handling, forwarded_to,
                result, notes, fingerprint, council_id)
            SELECT d::timestamptz, d::timestamptz, '', k, y, d, 'Công dân ' || k, '', '', '',
                   {_pick(["complaint", "denunciation", "petition", "feedback"])}, 1, '',
                   {_pick(["accepted", "guided", "forwarded"], "r3")}, '', '', '', '', council_id
            FROM (SELECT *, make_date(y, 1, 1) + ((k - 1) * 365 / {PER_YEAR["cases"]}) AS d
                  FROM ({BASE.format(n=PER_YEAR["cases"], **base)}) a) b
            ORDER BY b.d""",
    }


def ensure_records(cursor, councils):
    """Generates every record table unless all of them already hold the expected rows."""
    expected = expected_rows(councils)
    counts = row_counts(cursor)
    if counts == expected:
        for table in TABLES.values():  # statistics for indexes a new migration may have added
            cursor.execute(f"ANALYZE {table}")
        print(f"data: already there ({sum(counts.values()):,} records), generation skipped; tables analysed")
        return counts
    print(f"data: generating {sum(expected.values()):,} records …")
    started = time.perf_counter()
    with transaction.atomic():
        cursor.execute("TRUNCATE " + ", ".join(TABLES.values()) + " CASCADE")
        # The rows are consistent by construction: skip the per-row FK triggers (bench database only).
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SELECT setseed(0.2025)")
        cursor.execute(
            """CREATE TEMPORARY TABLE bench_c ON COMMIT DROP AS
               SELECT t.council_id, t.id AS term_id, d.id AS delegate_id
               FROM councils_term t JOIN councils_delegate d ON d.term_id = t.id ORDER BY t.council_id"""
        )
        for name, sql in generation_statements().items():
            step = time.perf_counter()
            cursor.execute(sql)
            print(f"  {name:<16} {cursor.rowcount:>10,} rows  {time.perf_counter() - step:6.1f} s")
    load = time.perf_counter() - started
    step = time.perf_counter()
    for table in TABLES.values():
        cursor.execute(f"VACUUM ANALYZE {table}")
    for table in ("councils_council", "councils_administrativeunit", "councils_term"):
        cursor.execute(f"VACUUM ANALYZE {table}")
    print(f"data: generated in {load:.1f} s, VACUUM ANALYZE {time.perf_counter() - step:.1f} s")
    counts = row_counts(cursor)
    assert counts == expected, (counts, expected)
    return counts


# --- hand-written SQL ---------------------------------------------------------------------------

# Two statements: the councils of the scope with their levels (the same walk down the unit tree as
# Scope.unit_ids), then every figure per council in one statement whose filters name the councils
# as a literal array, so the planner knows there are ~170 of them and reads the council_id indexes
# (a CTE or subquery of councils is estimated at ~1,500 rows and turns several scans sequential).
# Counts come back per council and are summed by level here; sittings per council add up exactly
# because a sitting is a (council, session or day) pair.
COUNCILS_SQL = """
WITH RECURSIVE units(id) AS (
    SELECT %(unit)s::bigint
    UNION
    SELECT u.id FROM councils_administrativeunit u JOIN units ON u.parent_id = units.id
    WHERE u.valid_from <= %(end)s AND (u.valid_to IS NULL OR u.valid_to >= %(start)s)
)
SELECT c.id, u.level FROM councils_council c
JOIN units ON units.id = c.unit_id JOIN councils_administrativeunit u ON u.id = c.unit_id
"""
HAND_SQL = """
WITH missions AS MATERIALIZED (
    SELECT m.id, m.council_id, m.kind FROM oversight_mission m
    WHERE m.council_id = ANY(%(ids)s) AND COALESCE(m.decision_date, m.planned_start) BETWEEN %(start)s AND %(end)s
),
questioning AS MATERIALIZED (
    SELECT q.council_id, q.session_id, q.asked_on FROM oversight_questioning q
    WHERE q.council_id = ANY(%(ids)s) AND q.asked_on BETWEEN %(start)s AND %(end)s
)
SELECT 'sessions', s.council_id, s.kind, count(*) FROM meetings_session s
  WHERE s.council_id = ANY(%(ids)s) AND COALESCE(s.actual_start, s.planned_start) BETWEEN %(start)s AND %(end)s
  GROUP BY 2, 3
UNION ALL
SELECT 'resolutions', r.council_id, r.kind, count(*) FROM resolutions_resolution r
  WHERE r.council_id = ANY(%(ids)s) AND r.adopted_on BETWEEN %(start)s AND %(end)s AND r.status <> 'draft'
  GROUP BY 2, 3
UNION ALL
SELECT 'missions', council_id, kind, count(*) FROM missions GROUP BY 2, 3
UNION ALL
SELECT 'recommendations', r.council_id,
       CASE WHEN r.status = 'done' THEN 'done' WHEN r.status = 'dropped' THEN 'dropped'
            WHEN r.deadline < %(end)s THEN 'overdue' ELSE 'open' END, count(*)
  FROM oversight_recommendation r WHERE r.mission_id IN (SELECT id FROM missions) GROUP BY 2, 3
UNION ALL
SELECT 'questioning', council_id, NULL, count(*) FROM questioning GROUP BY 2
UNION ALL
SELECT 'sittings', council_id, NULL, count(DISTINCT (COALESCE(session_id, 0), CASE WHEN session_id IS NULL THEN asked_on END))
  FROM questioning GROUP BY 2
UNION ALL
SELECT 'hearings', h.council_id, NULL, count(*) FROM oversight_accountabilityhearing h
  WHERE h.council_id = ANY(%(ids)s) AND h.held_on BETWEEN %(start)s AND %(end)s GROUP BY 2
UNION ALL
SELECT x.name, x.council_id, NULL, x.n FROM (
  SELECT v.council_id, count(*) AS meetings, COALESCE(sum(v.voters_count), 0) AS voters
  FROM petitions_votermeeting v WHERE v.council_id = ANY(%(ids)s) AND v.held_on BETWEEN %(start)s AND %(end)s
  GROUP BY 1
) m CROSS JOIN LATERAL (VALUES ('voter_meetings', m.council_id, m.meetings), ('voters', m.council_id, m.voters))
    x(name, council_id, n)
UNION ALL
SELECT 'petitions', p.council_id,
       CASE WHEN p.status IN ('answered', 'reported_back') AND p.answered_on <= %(end)s THEN 'answered'
            WHEN p.deadline < %(end)s THEN 'overdue' ELSE 'waiting' END, count(*)
  FROM petitions_voterpetition p
  WHERE p.council_id = ANY(%(ids)s) AND p.received_on BETWEEN %(start)s AND %(end)s AND p.status <> 'merged'
  GROUP BY 2, 3
UNION ALL
SELECT 'reception_days', d.council_id, NULL, count(*) FROM reception_receptionschedule d
  WHERE d.council_id = ANY(%(ids)s) AND d.day BETWEEN %(start)s AND %(end)s GROUP BY 2
UNION ALL
SELECT 'cases', k.council_id, k.kind, count(*) FROM reception_case k
  WHERE k.council_id = ANY(%(ids)s) AND k.received_on BETWEEN %(start)s AND %(end)s GROUP BY 2, 3
"""
BROKEN_DOWN = {"sessions", "resolutions", "missions", "recommendations", "petitions", "cases"}
LEVEL_OF_SQL = """SELECT c.id, u.level FROM councils_council c JOIN councils_administrativeunit u ON u.id = c.unit_id
                  WHERE c.id = ANY(%s)"""


def hand_figures(council, start, end):
    """{level: {name: (total, {key: n})}} and {level: sittings}, in two statements."""
    params = {"unit": council.unit_id, "start": start, "end": end}
    with connection.cursor() as cursor:
        cursor.execute(COUNCILS_SQL, params)
        level_of = dict(cursor.fetchall())
        cursor.execute(HAND_SQL, {**params, "ids": list(level_of)})
        rows = cursor.fetchall()
        # A recommendation counts at its own council's level, which may lie outside the scope.
        outside = {c for name, c, _, _ in rows if c not in level_of}
        if outside:
            cursor.execute(LEVEL_OF_SQL, [list(outside)])
            level_of.update(cursor.fetchall())
    by_level = defaultdict(dict)
    sittings = defaultdict(int)
    for name, council_id, key, n in rows:
        level, n = level_of[council_id], int(n)
        if name == "sittings":
            sittings[level] += n
            continue
        total, by = by_level[level].get(name, (0, {}))
        if name in BROKEN_DOWN:
            by[key] = by.get(key, 0) + n
        by_level[level][name] = (total + n, by)
    return dict(by_level), dict(sittings)


def report_numbers(report):
    by_level = {
        level: {name: (counts.total, dict(counts.by)) for name, counts in figures_.items() if name != "sittings"}
        for level, figures_ in report.by_level.items()
    }
    return by_level, dict(report.questioning_sittings)


def timed_in_turn(first, second, runs=RUNS, warmups=WARMUPS):
    """(median, p95) in ms of each of two functions, run one after the other `runs` times."""
    timings = ([], [])
    for run in range(warmups + runs):
        for function, times in zip((first, second), timings, strict=True):
            started = time.perf_counter()
            function()
            if run >= warmups:
                times.append((time.perf_counter() - started) * 1000)
    return [(statistics.median(times), p95(times)) for times in timings]


def orm_queries(council, start, end):
    reset_queries()  # with DEBUG the log holds earlier queries
    with CaptureQueriesContext(connection) as captured:
        figures(Scope(council, start, end))
    return captured.captured_queries


def _plan_nodes(node):
    yield node
    for child in node.get("Plans", ()):
        yield from _plan_nodes(child)


def _scan_label(node):
    name = node["Node Type"]
    if node.get("Index Name"):
        name += f" using {node['Index Name']}"
    rows = node["Actual Rows"] * node.get("Actual Loops", 1)
    removed = node.get("Rows Removed by Filter", 0) * node.get("Actual Loops", 1)
    extra = f", {removed:,} removed by filter" if removed else ""
    heap = node.get("Exact Heap Blocks")
    extra += f", {heap:,} heap blocks" if heap else ""
    return f"{name} on {node.get('Relation Name', '?')}: {rows:,} rows{extra}"


def explain(queries, full=False):
    """EXPLAIN ANALYZE of every query figures() sent: its time and the scans of the record tables."""
    total = 0.0
    with connection.cursor() as cursor:
        for query in queries:
            sql = query["sql"]
            table = (
                "every figure (UNION ALL)"
                if "UNION ALL" in sql
                else next((t for t in TABLES.values() if f'FROM "{t}"' in sql), "councils / units")
            )
            if full:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                print(f"-- {table}:\n{sql}\n" + "\n".join(row[0] for row in cursor.fetchall()))
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0][0]
            total += plan["Execution Time"]
            scans = [
                _scan_label(node)
                for node in _plan_nodes(plan["Plan"])
                if node.get("Relation Name") in TABLES.values() and "Scan" in node["Node Type"]
            ]
            print(f"  {plan['Execution Time']:7.1f} ms  {table:<31} " + "; ".join(scans))
    if not full:
        print(f"  {total:7.1f} ms  in all (server execution time)")


def measure(council, start, end, label):
    """Times figures() and the hand SQL; checks they agree. Returns (orm median, sql median, queries)."""
    queries = orm_queries(council, start, end)
    (orm_median, orm_p95), (sql_median, sql_p95) = timed_in_turn(
        lambda: figures(Scope(council, start, end)), lambda: hand_figures(council, start, end)
    )
    same = report_numbers(figures(Scope(council, start, end))) == hand_figures(council, start, end)
    print(
        f"{label:<26} figures(): median {orm_median:7.1f} ms  p95 {orm_p95:7.1f} ms  {len(queries)} queries | "
        f"hand SQL: median {sql_median:7.1f} ms  p95 {sql_p95:7.1f} ms  2 queries | "
        f"ORM/SQL {orm_median / sql_median:4.2f} | numbers {'EQUAL' if same else 'DIFFER'}"
    )
    if not same:
        print("  figures():", report_numbers(figures(Scope(council, start, end))))
        print("  hand SQL: ", hand_figures(council, start, end))
    return orm_median, sql_median, queries


def print_report(report):
    print(
        f"figures of {report.scope.council.name} with every council beneath, {report.scope.start}–{report.scope.end}:"
    )
    for level in report.levels:
        parts = []
        for name, counts in report.level(level).items():
            by = ", ".join(f"{k} {v:,}" for k, v in sorted(counts.by.items()))
            parts.append(f"{name} {counts.total:,}" + (f" ({by})" if by else ""))
        print(
            f"  {level}: "
            + "; ".join(parts)
            + f"; sittings with questioning {report.questioning_sittings.get(level, 0):,}"
        )


def main():
    full_explain = "--explain" in sys.argv[1:]
    ensure_database()
    with connection.cursor() as cursor:
        started = time.perf_counter()
        with transaction.atomic():
            ensure_councils(cursor)
        councils = Council.objects.filter(unit__in=current_units()).count()
        terms = Council.objects.filter(unit__in=current_units(), terms__isnull=False).distinct().count()
        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        print(
            f"units of the current era: {current_units().filter(level=Level.PROVINCE).count()} provinces, "
            f"{current_units().filter(level=Level.COMMUNE).count():,} communes; councils {councils:,}, "
            f"with a term {terms:,} ({time.perf_counter() - started:.1f} s)"
        )
        counts = ensure_records(cursor, councils)
    print("rows: " + ", ".join(f"{name} {n:,}" for name, n in counts.items()) + f"; total {sum(counts.values()):,}")

    province = (
        Council.objects.filter(unit__in=current_units().filter(level=Level.PROVINCE))
        .select_related("unit")
        .annotate(communes=Count("unit__children"))
        .order_by("-communes")
        .first()
    )
    start, end = datetime.date(YEAR, 1, 1), datetime.date(YEAR, 12, 31)
    report = figures(Scope(province, start, end))
    print(f"scope: {province.name} ({province.unit.code}) and its {province.communes} communes, {start} – {end}")
    print_report(report)
    print(
        f"each: {WARMUPS} warm-ups, then {RUNS} timed runs, in turn with the other; "
        f"goal: figures() < {GOAL_MS} ms, ORM/SQL <= {GOAL_RATIO}"
    )
    settings.DEBUG = False  # as in production: no query log
    orm_median, sql_median, queries = measure(province, start, end, "as migrated")

    met = orm_median < GOAL_MS and orm_median / sql_median <= GOAL_RATIO
    print(f"goal {'met' if met else 'MISSED'}; EXPLAIN ANALYZE of figures()'s queries:")
    explain(queries, full=full_explain)


if __name__ == "__main__":
    main()
