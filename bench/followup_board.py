"""Times the oversight follow-up board over 50,000 recommendations and commitments on PostgreSQL.

Synthetic data (a province, its 9 districts and their 90 communes: 100 councils, two terms and a few
delegates each; missions, questionings and hearings; 50,000 recommendations and commitments with
deadlines of 2023–2026 and 20,000 progress reports) is created with bulk_create on the first run
and kept for later runs. A secretariat of the province council (it reads all 100 councils) opens
the board with Django's test client; a secretariat of one small commune opens it too, to show that
the number of queries does not depend on the number of rows (the walk down the unit tree that finds
the councils a user reads takes one query per level beneath the user's council, so that walk is set
apart when comparing the two users); then the province's XLSX export, which takes most of the run.

.venv/bin/python bench/followup_board.py             # postgres://postgres@127.0.0.1:5432/hdnd_bench_board
.venv/bin/python bench/followup_board.py --explain   # whole query plans of the slow measurements
DATABASE_URL=postgres://postgres@127.0.0.1:5432/other_db .venv/bin/python bench/followup_board.py
"""

import datetime
import io
import os
import random
import re
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hdnd_bench_board")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from benchtools import ensure_postgresql_database, p95  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from hdnd.accounts.models import CouncilRole, Role, User  # noqa: E402
from hdnd.accounts.scoping import VIEW, council_ids  # noqa: E402
from hdnd.core.vntext import fold, nfc  # noqa: E402
from hdnd.councils.models import (  # noqa: E402
    LEVEL_RANK,
    AdministrativeUnit,
    Constituency,
    Council,
    Delegate,
    Level,
    Person,
    Term,
    UnitKind,
)
from hdnd.councils.services import unit_title  # noqa: E402
from hdnd.oversight.models import (  # noqa: E402
    CLOSED_STATUSES,
    AccountabilityHearing,
    AnswerForm,
    Mission,
    MissionKind,
    MissionStatus,
    ProgressReport,
    Questioning,
    Recommendation,
    RecommendationStatus,
)

TOTAL = 50_000
PROGRESS = 20_000
BATCH = 5000
RUNS, WARMUPS = 20, 2
EXPORT_RUNS = 2
SLOW_MS = 300
SMALL_COMMUNE_ROWS = 12
SHARES = {"mission": 0.85, "questioning": 0.10, "hearing": 0.05}
PER_ORIGIN = {"mission": 17, "questioning": 5, "hearing": 10}
ORIGIN_DATE = {"mission": "decision_date", "questioning": "asked_on", "hearing": "held_on"}
ORIGINS_FROM, ORIGINS_TO = datetime.date(2022, 7, 1), datetime.date(2026, 6, 30)
DEADLINES_FROM, DEADLINES_TO = datetime.date(2023, 1, 1), datetime.date(2026, 12, 31)
UNITS_FROM = datetime.date(2008, 8, 1)
TERMS = ((datetime.date(2021, 6, 25), datetime.date(2026, 3, 14)), (datetime.date(2026, 3, 15), None))
TERM_NUMBERS = {Level.PROVINCE: 10, Level.DISTRICT: 20, Level.COMMUNE: 21}

PROVINCE_CODE = "95"
PROVINCE_NAME = "Tỉnh Bắc Thử"
DISTRICT_NAMES = [
    "Bạch Thông", "Chợ Đồn", "Chợ Mới", "Na Rì", "Ngân Sơn", "Pác Nặm", "Ba Bể", "Bằng Lũng", "Phủ Thông",
]  # fmt: skip
COMMUNE_FIRST = ["Tân", "Phú", "Hòa", "An", "Bình", "Xuân", "Thanh", "Quảng", "Đông", "Nam"]
COMMUNE_SECOND = ["Lộc", "Thịnh", "Hưng", "Sơn", "Phong", "Lạc", "Thành", "Yên", "Khê"]
DISTRICT_CODES = [f"{PROVINCE_CODE}{n}" for n in range(1, 10)]
COMMUNE_CODES = [f"{district}{n:02d}" for district in DISTRICT_CODES for n in range(1, 11)]
BENCH_CODES = [PROVINCE_CODE, *DISTRICT_CODES, *COMMUNE_CODES]

BODIES = [
    "Ủy ban nhân dân tỉnh",
    "Sở Tài chính",
    "Sở Nông nghiệp và Môi trường",
    "Sở Xây dựng",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Công an tỉnh",
    "Ban Quản lý dự án đầu tư xây dựng",
    "Ủy ban nhân dân cấp huyện",
    "Ủy ban nhân dân cấp xã",
]
BODY_WEIGHTS = [6, 5, 5, 4, 3, 3, 1, 4, 3, 2]
MISSION_TOPICS = [
    "Giám sát việc thực hiện chính sách bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
    "Giám sát công tác quản lý, sử dụng vốn đầu tư công",
    "Giám sát việc thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "Giám sát việc giải quyết kiến nghị của cử tri gửi đến kỳ họp",
    "Khảo sát công tác bảo đảm an toàn thực phẩm",
    "Giám sát việc đầu tư cơ sở vật chất, trang thiết bị trường học",
    "Giám sát công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
    "Giám sát việc cấp giấy chứng nhận quyền sử dụng đất",
    "Khảo sát hoạt động của trạm y tế xã",
    "Giám sát công tác quản lý, bảo vệ và phát triển rừng",
    "Giám sát việc thực hiện chính sách đối với người có công",
    "Giám sát việc sắp xếp, xử lý tài sản công sau sắp xếp đơn vị hành chính",
]
TOPIC = "tái định cư"  # in one mission subject of twelve (and in a hearing topic)
QUESTION_TOPICS = [
    "Tiến độ giải phóng mặt bằng các dự án trọng điểm",
    "Tình trạng sạt lở bờ sông, bờ suối",
    "Chất lượng nước sinh hoạt nông thôn",
    "Tình trạng thiếu giáo viên mầm non, tiểu học",
    "Chậm cấp giấy chứng nhận quyền sử dụng đất",
    "Ô nhiễm môi trường tại các cơ sở chăn nuôi",
]
HEARING_TOPICS = [
    "Giải trình về việc chậm giải ngân vốn đầu tư công",
    "Giải trình về công tác bồi thường, tái định cư dự án đường tỉnh 256",
    "Giải trình về tình trạng xuống cấp của trạm y tế xã",
    "Giải trình về việc chậm xử lý nhà, đất dôi dư sau sắp xếp",
]
RECOMMENDATIONS = [
    "Đề nghị {body} chỉ đạo rà soát, hoàn thiện hồ sơ {what}, báo cáo kết quả với Thường trực Hội đồng nhân dân.",
    "Đề nghị {body} bố trí kinh phí để {what} theo đúng kế hoạch đã được phê duyệt.",
    "Đề nghị {body} tăng cường kiểm tra, xử lý dứt điểm các tồn tại, hạn chế trong {what}.",
    "Đề nghị {body} công khai kết quả {what} tại trụ sở và trên cổng thông tin điện tử.",
    "Đề nghị {body} giải quyết dứt điểm kiến nghị của cử tri về {what}.",
    "Đề nghị {body} sửa đổi, bổ sung quy định về {what} cho phù hợp với thực tiễn.",
]
COMMITMENTS = [
    "Cam kết hoàn thành {what} trong năm {year}.",
    "Cam kết chỉ đạo kiểm tra, xử lý dứt điểm vướng mắc trong {what}.",
    "Cam kết báo cáo kết quả {what} tại phiên họp Thường trực Hội đồng nhân dân tiếp theo.",
]
WHATS = [
    "bồi thường, giải phóng mặt bằng dự án đường tỉnh 256",
    "xây dựng nhà văn hóa thôn",
    "kiên cố hóa kênh mương nội đồng",
    "sửa chữa các điểm trường tiểu học",
    "cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình, cá nhân",
    "nâng cấp trạm y tế xã",
    "trồng rừng thay thế",
    "hỗ trợ hộ nghèo về nhà ở",
    "thu gom, xử lý rác thải sinh hoạt",
    "xử lý nhà, đất dôi dư sau sắp xếp",
]
PROGRESS_TEXTS = [
    "Đã ban hành văn bản chỉ đạo các đơn vị liên quan triển khai thực hiện.",
    "Đang rà soát hồ sơ, dự kiến hoàn thành trong quý tới.",
    "Đã bố trí kinh phí {amount} triệu đồng; đang tổ chức lựa chọn nhà thầu.",
    "Đã hoàn thành {pct}% khối lượng công việc.",
    "Đã tổ chức kiểm tra, xử lý; kết quả gửi kèm báo cáo.",
    "Còn vướng mắc về thủ tục đất đai, đã báo cáo xin ý kiến cấp trên.",
]
DROPPED_REASONS = [
    "Không còn phù hợp sau sắp xếp đơn vị hành chính.",
    "Đã được thay thế bằng kiến nghị của đoàn giám sát sau.",
    "Nội dung thuộc thẩm quyền của Trung ương.",
]
RESPONDENTS = ["Hoàng Văn An", "Nông Thị Hà", "Lường Văn Chiến", "Triệu Thị Mai", "Ma Văn Đức", "Đàm Thị Lan"]


def ensure_database():
    ensure_postgresql_database("postgres://postgres@127.0.0.1:5432/hdnd_bench_board")


def _unit(code, name, kind, parent=None):
    level = {UnitKind.PROVINCE: Level.PROVINCE, UnitKind.DISTRICT: Level.DISTRICT}.get(kind, Level.COMMUNE)
    unit = AdministrativeUnit(
        code=code, name=name, kind=kind, level=level, level_rank=LEVEL_RANK[level], parent=parent, valid_from=UNITS_FROM
    )
    unit.normalize_text_fields()  # NFC and search_text, as save() would
    return unit


def _create_units():
    province = _unit(PROVINCE_CODE, PROVINCE_NAME, UnitKind.PROVINCE)
    province.save()
    districts = AdministrativeUnit.objects.bulk_create(
        [
            _unit(code, f"Huyện {name}", UnitKind.DISTRICT, parent=province)
            for code, name in zip(DISTRICT_CODES, DISTRICT_NAMES, strict=True)
        ]
    )
    names = [f"Xã {first} {second}" for first in COMMUNE_FIRST for second in COMMUNE_SECOND]
    AdministrativeUnit.objects.bulk_create(
        [_unit(code, names[n], UnitKind.COMMUNE, parent=districts[n // 10]) for n, code in enumerate(COMMUNE_CODES)]
    )


def _create_councils(units):
    councils = []
    for unit in units:
        council = Council(
            unit=unit, name=f"Hội đồng nhân dân {unit_title(unit)}", place_name=unit.name.split(" ", 1)[1]
        )
        council.normalize_text_fields()
        councils.append(council)
    Council.objects.bulk_create(councils)
    Term.objects.bulk_create(
        [
            Term(council=c, number=TERM_NUMBERS[c.unit.level] + n, start_date=start, end_date=end)
            for c in councils
            for n, (start, end) in enumerate(TERMS)
        ]
    )
    # Three delegates per council and term, who ask the questions.
    people = []
    for n, council in enumerate(councils):
        for seat in range(3):
            person = Person(council=council, full_name=RESPONDENTS[(n + seat) % len(RESPONDENTS)] + f" {seat + 1}")
            person.normalize_text_fields()
            people.append(person)
    Person.objects.bulk_create(people)
    terms = list(Term.objects.filter(council__in=councils))
    constituencies = []
    for term in terms:
        constituency = Constituency(council_id=term.council_id, term=term, number=1, area="Toàn đơn vị", seats=3)
        constituency.normalize_text_fields()
        constituencies.append(constituency)
    Constituency.objects.bulk_create(constituencies)
    people_of = {}
    for person in people:
        people_of.setdefault(person.council_id, []).append(person)
    Delegate.objects.bulk_create(
        [
            Delegate(
                person=person,
                council_id=c.council_id,
                term=c.term,
                constituency=c,
                start_date=c.term.start_date,
            )
            for c in constituencies
            for person in people_of[c.council_id]
        ]
    )


def ensure_councils():
    """The 100 bench units, their councils, terms and delegates (created once); councils province first."""
    units = AdministrativeUnit.objects.filter(code__in=BENCH_CODES, valid_from=UNITS_FROM)
    councils = Council.objects.filter(unit__in=units).count()
    delegates = Delegate.objects.filter(council__unit__in=units).count()
    if councils != len(BENCH_CODES) or delegates != 6 * len(BENCH_CODES):
        _delete_oversight(Council.objects.filter(unit__in=units))
        for model in (Delegate, Constituency, Person, Term, CouncilRole):
            model.objects.filter(council__unit__in=units).delete()
        Council.objects.filter(unit__in=units).delete()
        AdministrativeUnit.objects.filter(code__in=COMMUNE_CODES, valid_from=UNITS_FROM).delete()
        AdministrativeUnit.objects.filter(code__in=DISTRICT_CODES, valid_from=UNITS_FROM).delete()
        units.delete()
        _create_units()
        _create_councils(list(units.order_by("level_rank", "code")))
    return list(
        Council.objects.filter(unit__in=units).select_related("unit").order_by("unit__level_rank", "unit__code")
    )


def _delete_oversight(councils):
    ProgressReport.objects.filter(recommendation__council__in=councils).delete()
    Recommendation.objects.filter(council__in=councils).delete()
    for model in (Mission, Questioning, AccountabilityHearing):
        model.objects.filter(council__in=councils).delete()


def _day_between(rng, start, end):
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


def _allocation(councils):
    """Recommendations per council: weights 20:4:1 for province, district, commune; the last commune
    keeps only a handful (for the query-count comparison)."""
    weights = [20 if c.unit.level == Level.PROVINCE else 4 if c.unit.level == Level.DISTRICT else 1 for c in councils]
    weights[-1] = 0
    rest = TOTAL - SMALL_COMMUNE_ROWS
    counts = [rest * w // sum(weights) for w in weights]
    counts[0] += rest - sum(counts)
    counts[-1] = SMALL_COMMUNE_ROWS
    return counts


def _status(rng, deadline, today):
    """Older deadlines are more often done (or dropped)."""
    weights = (20, 20, 50, 10) if deadline < today - datetime.timedelta(days=365) else (35, 40, 20, 5)
    return rng.choices(list(RecommendationStatus), weights=weights)[0]


def generate(councils):
    rng = random.Random(2025)
    today = timezone.localdate()
    terms = {}
    for term in Term.objects.filter(council__in=councils):
        terms.setdefault(term.council_id, []).append(term)
    delegates = {}
    for delegate in Delegate.objects.filter(council__in=councils).select_related("term"):
        delegates.setdefault((delegate.council_id, delegate.term_id), []).append(delegate)

    def term_on(council, day):
        return next(t for t in terms[council.pk] if t.start_date <= day and (t.end_date is None or day <= t.end_date))

    # Origins first: missions, questionings, hearings, each with the number of rows it will give.
    origins = {"mission": [], "questioning": [], "hearing": []}
    for council, count in zip(councils, _allocation(councils), strict=True):
        place = unit_title(council.unit)
        left = count
        for kind in ("mission", "questioning", "hearing"):
            n = left if kind == "hearing" else round(count * SHARES[kind])
            left -= n
            while n > 0:
                size = min(n, max(1, round(rng.gauss(PER_ORIGIN[kind], PER_ORIGIN[kind] / 3))))
                n -= size
                day = _day_between(rng, ORIGINS_FROM, ORIGINS_TO)
                term = term_on(council, day)
                if kind == "mission":
                    topic = rng.choice(MISSION_TOPICS)
                    record = Mission(
                        council=council,
                        term=term,
                        kind=MissionKind.SURVEY if topic.startswith("Khảo sát") else MissionKind.THEMATIC,
                        subject=f"{topic} trên địa bàn {place} năm {day.year}",
                        scope="Việc ban hành văn bản, tổ chức thực hiện và kết quả đạt được; tồn tại, hạn chế.",
                        supervised_bodies="\n".join(rng.sample(BODIES, 3)),
                        decision_number=f"{rng.randint(1, 150)}/QĐ-HĐND",
                        decision_date=day,
                        planned_start=day + datetime.timedelta(days=10),
                        planned_end=day + datetime.timedelta(days=40),
                        report_date=day + datetime.timedelta(days=50),
                        conclusions_date=day + datetime.timedelta(days=60),
                        status=MissionStatus.CONCLUDED,
                    )
                elif kind == "questioning":
                    body = rng.choices(BODIES, weights=BODY_WEIGHTS)[0]
                    record = Questioning(
                        council=council,
                        asked_on=day,
                        asked_by=rng.choice(delegates[council.pk, term.pk]),
                        topic=rng.choice(QUESTION_TOPICS),
                        question="Đề nghị cho biết nguyên nhân, trách nhiệm và giải pháp khắc phục trong thời gian tới?",
                        respondent_name=rng.choice(RESPONDENTS),
                        respondent_title=f"Người đứng đầu {body}",
                        answering_body=body,
                        answer_form=AnswerForm.IN_SESSION,
                        answer="Tiếp thu ý kiến của đại biểu và cam kết khắc phục.",
                        answered_on=day,
                    )
                else:
                    record = AccountabilityHearing(
                        council=council,
                        held_on=day,
                        topic=rng.choice(HEARING_TOPICS),
                        bodies_explaining="\n".join(rng.sample(BODIES, 2)),
                        conclusions="Thường trực Hội đồng nhân dân kết luận, đề nghị các cơ quan thực hiện các cam kết.",
                    )
                record.normalize_text_fields()  # NFC and search_text, as save() would
                origins[kind].append((record, size))
    for kind, model in (("mission", Mission), ("questioning", Questioning), ("hearing", AccountabilityHearing)):
        model.objects.bulk_create([record for record, _ in origins[kind]], batch_size=BATCH)

    # Then the recommendations and commitments.
    rows = []
    for kind, pairs in origins.items():
        for record, size in pairs:
            day = getattr(record, ORIGIN_DATE[kind])
            for _ in range(size):
                body = record.answering_body if kind == "questioning" else rng.choices(BODIES, weights=BODY_WEIGHTS)[0]
                deadline = day + datetime.timedelta(days=rng.randint(60, 720))
                deadline = max(min(deadline, DEADLINES_TO), DEADLINES_FROM)
                status = _status(rng, deadline, today)
                if kind == "mission":
                    text = rng.choice(RECOMMENDATIONS).format(body=body, what=rng.choice(WHATS))
                else:
                    text = rng.choice(COMMITMENTS).format(what=rng.choice(WHATS), year=deadline.year)
                row = Recommendation(
                    council_id=record.council_id,
                    text=text,
                    responsible_body=body,
                    deadline=deadline,
                    status=status,
                    dropped_reason=rng.choice(DROPPED_REASONS) if status == RecommendationStatus.DROPPED else "",
                    assessment="Đã thực hiện đạt yêu cầu." if status == RecommendationStatus.DONE else "",
                    **{kind: record},
                )
                row.normalize_text_fields()
                row.origin_day = day
                rows.append(row)
    Recommendation.objects.bulk_create(rows, batch_size=BATCH)

    # 20,000 progress reports, on the recommendations being carried out or done (and a few open ones).
    followed = [r for r in rows if r.status in (RecommendationStatus.IN_PROGRESS, RecommendationStatus.DONE)]
    followed += rng.sample([r for r in rows if r.status == RecommendationStatus.OPEN], k=len(followed) // 10)
    reports = []
    for row in rng.choices(followed, k=PROGRESS):
        start = row.origin_day + datetime.timedelta(days=15)
        end = max(start, min(today, row.deadline + datetime.timedelta(days=180)))
        text = rng.choice(PROGRESS_TEXTS).format(amount=rng.randint(50, 9000), pct=rng.choice((30, 50, 70, 90)))
        reports.append(ProgressReport(recommendation=row, reported_on=_day_between(rng, start, end), text=nfc(text)))
    ProgressReport.objects.bulk_create(reports, batch_size=BATCH)


def ensure_data(councils):
    existing = Recommendation.objects.filter(council__in=councils)
    count = existing.count()
    reports = ProgressReport.objects.filter(recommendation__council__in=councils).count()
    if count == TOTAL and reports == PROGRESS:
        print(f"data: {count:,} recommendations and commitments, {reports:,} progress reports already there")
        return
    started = time.perf_counter()
    with transaction.atomic():
        _delete_oversight(councils)
        generate(councils)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        for model in (Mission, Questioning, AccountabilityHearing, Recommendation, ProgressReport):
            cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    print(
        f"data: generated {Mission.objects.filter(council__in=councils).count():,} missions, "
        f"{Questioning.objects.filter(council__in=councils).count():,} questionings, "
        f"{AccountabilityHearing.objects.filter(council__in=councils).count():,} hearings, {TOTAL:,} "
        f"recommendations and commitments, {PROGRESS:,} progress reports in {seconds:.1f} s (then VACUUM ANALYZE)"
    )


def ensure_user(username, council):
    user, _ = User.objects.get_or_create(username=username, defaults={"first_name": "Bench"})
    CouncilRole.objects.get_or_create(user=user, council=council, defaults={"role": Role.SECRETARIAT})
    CouncilRole.objects.filter(user=user).exclude(council=council).delete()
    return user


def matching_rows(user, params):
    """Open rows the board should list, counted here independently of the board's code."""
    rows = Recommendation.objects.exclude(status__in=CLOSED_STATUSES).filter(council_id__in=council_ids(user, VIEW))
    if "council" in params:
        rows = rows.filter(council_id=params["council"])
    if "topic" in params:
        word = fold(params["topic"])
        rows = rows.filter(
            Q(mission__search_text__contains=word)
            | Q(questioning__search_text__contains=word)
            | Q(hearing__search_text__contains=word)
        )
    if "body" in params:
        rows = rows.filter(responsible_body=params["body"])
    if "year" in params:
        year = params["year"]
        rows = rows.filter(
            Q(mission__decision_date__year=year) | Q(questioning__asked_on__year=year) | Q(hearing__held_on__year=year)
        )
    return rows.count()


def shown_count(html):
    """The number in the heading "… open items" (as the page shows it, whatever the language)."""
    heading = re.findall(r"<h2>\s*([\d.,\s]+)[^<]*</h2>", html)
    return int(re.sub(r"\D", "", heading[-1])) if heading else None


def time_get(client, url, params):
    """(median ms, p95 ms, the queries of one request, its HTML) of RUNS requests after WARMUPS."""
    for _ in range(WARMUPS):
        response = client.get(url, params)
        assert response.status_code == 200, (params, response.status_code)
    reset_queries()  # with DEBUG the log still holds the last request's queries, which it clears at its start
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    html = response.content.decode()
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url, params)
        response.content  # noqa: B018 - the page is rendered in full
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (params, response.status_code)
    return statistics.median(timings), p95(timings), captured.captured_queries, html


def db_ms(queries):
    """Time spent in the database by the queries of one request, in ms."""
    return sum(float(query["time"]) for query in queries) * 1000


def scope_walk(queries):
    """The queries by which the scope goes down the unit tree, one per level (see scoping._units_beneath)."""
    return [query for query in queries if '"councils_administrativeunit"."parent_id" IN' in query["sql"]]


def query_tables(queries):
    """The main table of each query, e.g. 'oversight_recommendation' ×3."""
    tables = Counter()
    for query in queries:
        match = re.search(r'\bFROM "(\w+)"', query["sql"])
        tables[match.group(1) if match else query["sql"][:30]] += 1
    return tables


def _plan_nodes(node):
    """The nodes of a plan but for its subplans (the latest progress, looked up for the page's rows only)."""
    yield node
    for child in node.get("Plans", ()):
        if child.get("Parent Relationship") != "SubPlan":
            yield from _plan_nodes(child)


def _node_label(node):
    name = node["Node Type"]
    if node.get("Index Name"):
        name += f" using {node['Index Name']}"
    if node["Node Type"] == "Sort":
        name += f" ({node.get('Sort Method', '')})"
    return f"{name}: {node['Actual Rows'] * node.get('Actual Loops', 1):,} rows"


def explain(queries, full=False):
    """EXPLAIN ANALYZE of the request's queries on recommendations, exactly as the view sent them:
    per query its time, then its sorts and its scans of recommendations (the whole plan with --explain)."""
    with connection.cursor() as cursor:
        for query in queries:
            sql = query["sql"]
            if 'FROM "oversight_recommendation"' not in sql or sql.startswith("DECLARE"):
                continue
            what = (
                "count"
                if sql.startswith("SELECT COUNT(*)")
                else "by body"
                if "GROUP BY" in sql
                else "bodies"
                if sql.startswith("SELECT DISTINCT")
                else "page"
            )
            if full:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                print(f"-- {what} query:\n{sql}\n" + "\n".join(row[0] for row in cursor.fetchall()))
                continue
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0][0]
            nodes = [
                _node_label(node)
                for node in _plan_nodes(plan["Plan"])
                if node["Node Type"] in ("Sort", "Aggregate", "HashAggregate", "GroupAggregate")
                or node.get("Relation Name") == Recommendation._meta.db_table
            ]
            print(f"  {what:<8} {plan['Execution Time']:8.1f} ms  " + " <- ".join(nodes))


def export(client, url, params, keep=False):
    """(ms, bytes, content if keep) of one export, the streamed FileResponse read to the end."""
    started = time.perf_counter()
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    chunks, size = [], 0
    for chunk in response.streaming_content:
        size += len(chunk)
        if keep:
            chunks.append(chunk)
    response.close()
    return (time.perf_counter() - started) * 1000, size, b"".join(chunks) if keep else None


def measure_export(client, url, expected_rows):
    params = {"export": "xlsx"}
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        _, size, content = export(client, url, params, keep=True)  # also the warm-up
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    numbered = [row[0] for row in sheet.iter_rows(min_row=7, values_only=True) if isinstance(row[0], int)]
    assert numbered == list(range(1, expected_rows + 1)), (len(numbered), expected_rows)
    timings = [export(client, url, params)[0] for _ in range(EXPORT_RUNS)]
    tracemalloc.start()
    export(client, url, params)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return statistics.median(timings), max(timings), captured.captured_queries, size, peak


def main():
    full_explain = "--explain" in sys.argv[1:]
    ensure_database()
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    councils = ensure_councils()
    province, districts, small = councils[0], councils[1:10], councils[-1]
    ensure_data(councils)
    province_user = ensure_user("bench_province_secretariat", province)
    commune_user = ensure_user("bench_commune_secretariat", small)
    url = reverse("followup:index")
    today = timezone.localdate()

    client = Client()
    client.force_login(province_user)
    readable = council_ids(province_user, VIEW)
    scope = Recommendation.objects.filter(council_id__in=readable)
    still_open = scope.exclude(status__in=CLOSED_STATUSES)
    statuses = Counter(dict(scope.values_list("status").annotate(n=Count("pk")).order_by()))
    print(
        "data: "
        + ", ".join(f"{statuses[status]:,} {status}" for status in RecommendationStatus.values)
        + f"; {scope.values('responsible_body').distinct().count()} responsible bodies; "
        f"{scope.filter(mission__isnull=False).count():,} from missions, "
        f"{scope.filter(questioning__isnull=False).count():,} from questioning, "
        f"{scope.filter(hearing__isnull=False).count():,} from hearings"
    )
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; DEBUG={settings.DEBUG}; today {today}")
    print(
        f"province user: secretariat of {province} (reads {len(readable)} councils, {scope.count():,} rows, "
        f"{still_open.count():,} open of which {still_open.filter(deadline__lt=today).count():,} overdue); GET {url}"
    )
    print(
        f"each: {WARMUPS} warm-ups, then {RUNS} timed requests; rows = open rows matching (counted independently "
        "and checked against the page's heading); their ms = time in the database of one request's queries"
    )

    # Same shape, same queries expected. A council filter is its own shape: the form looks the chosen
    # council up to validate it and lists that council's missions in the mission field.
    plain, chosen = "plain", "council chosen"
    body_year = {"body": "Sở Tài chính", "year": 2024}
    scenarios = [
        (plain, "province, page 1", {}),
        (plain, "province, page 20", {"p": 20}),
        (chosen, f"council = {districts[3].unit.name}", {"council": districts[3].pk}),
        (chosen, f"council = {councils[-2].unit.name}", {"council": councils[-2].pk}),
        (plain, f"topic = {TOPIC}", {"topic": TOPIC}),
        (plain, f"body = {body_year['body']} + {body_year['year']}", body_year),
    ]
    print(f"{'scenario':<42} {'rows':>7} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'their ms':>9}")
    results = []
    for shape, label, params in scenarios:
        median, high, queries, html = time_get(client, url, params)
        rows = matching_rows(province_user, params)
        shown = shown_count(html)
        assert shown == rows, f"{label}: the board says {shown} open items, {rows} expected"
        results.append((shape, label, median, queries))
        print(f"{label:<42} {rows:>7,} {median:10.1f} {high:8.1f} {len(queries):>8} {db_ms(queries):9.1f}")
    for shape in (plain, chosen):
        counts = sorted({len(queries) for s, _, _, queries in results if s == shape})
        verdict = f"identical ({counts[0]})" if len(counts) == 1 else f"DIFFER {counts}"
        print(f"queries per request, province user, {shape}: {verdict}")
        assert len(counts) == 1, f"the query count changes with the rows: {counts}"

    # ...and the same page for a user of one small commune, over a handful of rows.
    commune_client = Client()
    commune_client.force_login(commune_user)
    median, high, commune_queries, html = time_get(commune_client, url, {})
    rows = matching_rows(commune_user, {})
    assert shown_count(html) == rows, (shown_count(html), rows)
    label = f"commune user ({small.unit.name}), page 1"
    print(f"{label:<42} {rows:>7,} {median:10.1f} {high:8.1f} {len(commune_queries):>8} {db_ms(commune_queries):9.1f}")
    province_queries = results[0][3]
    print(
        f"queries, page 1: province user ({still_open.count():,} open rows) {len(province_queries)}, "
        f"commune user ({rows} open rows) {len(commune_queries)}"
    )
    walks = len(scope_walk(province_queries)), len(scope_walk(commune_queries))
    if len(province_queries) != len(commune_queries):
        ours, theirs = query_tables(province_queries), query_tables(commune_queries)
        differ = {table: (ours[table], theirs[table]) for table in ours | theirs if ours[table] != theirs[table]}
        print(
            f"  they differ on {differ}: the scope walk (hdnd/accounts/scoping.py, _units_beneath) takes one "
            f"query per level of units beneath the user's ({walks[0]} for the province, {walks[1]} for the commune)"
        )
    assert len(province_queries) - walks[0] == len(commune_queries) - walks[1], "the query count depends on the rows"
    print(f"queries, page 1, but for the scope walk: {len(province_queries) - walks[0]} for both users")

    # The XLSX export of every open row of the province.
    median, high, queries, size, peak = measure_export(client, url, still_open.count())
    print(
        f"XLSX export, all {still_open.count():,} open rows: median {median / 1000:.2f} s (max {high / 1000:.2f} s, "
        f"{EXPORT_RUNS} runs after 1), {len(queries)} queries, {size / 1024 / 1024:.2f} MiB, "
        f"peak Python memory {peak / 1024 / 1024:.1f} MiB (tracemalloc)"
    )

    for _, label, median, queries in results:
        if median > SLOW_MS or full_explain:
            print(f"{label}: median {median:.0f} ms; EXPLAIN ANALYZE of its queries on recommendations:")
            explain(queries, full=full_explain)


if __name__ == "__main__":
    main()
