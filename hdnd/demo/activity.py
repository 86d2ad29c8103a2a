"""The councils' work in 2024 up to the briefing of 22/10/2024, shaped like the seed article's
figures: the district held 7 sessions (1 regular, 6 urgent) and adopted 33 resolutions; its 17
communes held 66 (17 regular, 49 thematic or urgent) and adopted 233. Subjects are plausible
fictions; numbers follow each council's series in date order, as the numbering service would."""

import datetime
import itertools

from hdnd.core.audit import CREATE, audit_bulk
from hdnd.meetings.models import AgendaItem, Session, SessionKind, SessionStatus
from hdnd.resolutions.models import Field, Kind, NumberSeries, Resolution, Status

YEAR = 2024
REGULAR_DAY = datetime.date(2024, 7, 12)
#: Sessions the councils held before 2024 in the 2021–2026 term (the term's numbering goes on).
EARLIER_SESSIONS = {"district": 14, "commune": 10}
DISTRICT_SESSIONS = [
    ("urgent", datetime.date(2024, 1, 26)),
    ("urgent", datetime.date(2024, 3, 15)),
    ("urgent", datetime.date(2024, 4, 24)),
    ("regular", REGULAR_DAY),
    ("urgent", datetime.date(2024, 8, 20)),
    ("urgent", datetime.date(2024, 9, 18)),
    ("urgent", datetime.date(2024, 10, 10)),
]
DISTRICT_RESOLUTIONS = [4, 3, 4, 12, 3, 4, 3]  # 33
SPECIAL_DAYS = [
    datetime.date(2024, 2, 27),
    datetime.date(2024, 4, 9),
    datetime.date(2024, 5, 21),
    datetime.date(2024, 9, 5),
    datetime.date(2024, 10, 3),
]
SUBJECTS = [
    (
        Field.BUDGET,
        "Về việc phê chuẩn quyết toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương năm 2023",
    ),
    (Field.BUDGET, "Về việc điều chỉnh dự toán thu, chi ngân sách địa phương năm 2024"),
    (Field.ECONOMY, "Về việc điều chỉnh kế hoạch đầu tư công năm 2024"),
    (Field.ECONOMY, "Về việc phê duyệt chủ trương đầu tư dự án đường giao thông nông thôn"),
    (Field.AGRICULTURE, "Về việc thông qua kế hoạch phát triển sản xuất nông, lâm nghiệp năm 2024"),
    (Field.LAND, "Về việc thông qua danh mục công trình, dự án cần thu hồi đất năm 2024"),
    (Field.INFRASTRUCTURE, "Về việc đặt tên, điều chỉnh tên đường trên địa bàn"),
    (Field.EDUCATION, "Về việc sáp nhập điểm trường mầm non"),
    (Field.HEALTH, "Về việc hỗ trợ kinh phí xây dựng nhà ở cho hộ nghèo"),
    (Field.CULTURE, "Về việc hỗ trợ tổ chức lễ hội truyền thống năm 2024"),
    (Field.ORGANISATION, "Về việc miễn nhiệm Ủy viên Ủy ban nhân dân"),
    (Field.ORGANISATION, "Về việc bầu bổ sung Phó Chủ tịch Ủy ban nhân dân"),
    (Field.COUNCIL, "Về chương trình giám sát năm 2025 của Hội đồng nhân dân"),
    (Field.COUNCIL, "Về kết quả giải quyết ý kiến, kiến nghị của cử tri trước kỳ họp"),
    (Field.SECURITY, "Về nhiệm vụ quốc phòng, an ninh năm 2024"),
]
LEGAL_BASES = "\n".join(
    [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của "
        "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019",
        "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015",
    ]
)


def _commune_plan(index):
    """Each commune: its regular session plus 3 thematic or urgent ones (2 for the last two): 49 in all."""
    specials = 2 if index >= 15 else 3
    plan = [("regular", REGULAR_DAY.replace(day=5 + index % 20))]
    for k in range(specials):
        plan.append(("thematic" if (index + k) % 2 else "urgent", SPECIAL_DAYS[(index + k) % len(SPECIAL_DAYS)]))
    return sorted(plan, key=lambda p: p[1])


def _commune_resolution_counts(sessions_per_commune):
    """233 resolutions over the communes' 66 sessions: 5 at a regular session, the rest spread."""
    slots = [(c, s) for c, n in enumerate(sessions_per_commune) for s in range(n)]
    counts = {slot: (5 if slot[1] == 0 else 2) for slot in slots}
    extra = 233 - sum(counts.values())
    for slot in itertools.islice(itertools.cycle([s for s in slots if s[1] != 0]), extra):
        counts[slot] += 1
    return counts


def _sessions(council, term, plan, actor):
    if Session.objects.filter(council=council, planned_start__year=YEAR).exists():
        return list(Session.objects.filter(council=council, planned_start__year=YEAR).order_by("number"))
    earlier = EARLIER_SESSIONS["district" if council.unit.level == "district" else "commune"]
    rows = []
    for n in range(1, earlier + 1):
        day = term.start_date + datetime.timedelta(days=30 + (n - 1) * 850 // earlier)  # all before 2024
        rows.append(
            Session(
                council=council,
                term=term,
                number=n,
                kind=SessionKind.REGULAR if n % 2 else SessionKind.URGENT,
                planned_start=day,
                actual_start=day,
                actual_end=day,
                status=SessionStatus.CLOSED,
                place="Hội trường trụ sở",
                title="",
            )
        )
    current = []
    for offset, (kind, day) in enumerate(plan, start=earlier + 1):
        session = Session(
            council=council,
            term=term,
            number=offset,
            kind=kind,
            planned_start=day,
            actual_start=day,
            actual_end=day + datetime.timedelta(days=1 if kind == "regular" else 0),
            status=SessionStatus.CLOSED,
            place="Hội trường trụ sở",
            title="Kỳ họp thường lệ giữa năm 2024" if kind == "regular" else "",
        )
        rows.append(session)
        current.append(session)
    for session in rows:
        session.normalize_text_fields()
    Session.objects.bulk_create(rows)
    audit_bulk(rows, CREATE, actor=actor)
    return list(Session.objects.filter(council=council, planned_start__year=YEAR).order_by("number"))


def _resolutions(council, term, sessions, counts, actor, chair_name, normative=0):
    if Resolution.objects.filter(council=council, year=YEAR).exists():
        return
    subjects = itertools.cycle(
        SUBJECTS[(council.pk * 3) % len(SUBJECTS) :] + SUBJECTS[: (council.pk * 3) % len(SUBJECTS)]
    )
    numbers = {Kind.NORMATIVE: 0, Kind.INDIVIDUAL: 0}
    rows, items = [], []
    for session, count in zip(sessions, counts, strict=True):
        for i in range(count):
            kind = (
                Kind.NORMATIVE
                if normative and len(rows) % 11 == 5 and numbers[Kind.NORMATIVE] < normative
                else Kind.INDIVIDUAL
            )
            numbers[kind] += 1
            field, subject = next(subjects)
            item = AgendaItem(
                session=session, order=i + 1, kind="resolution", title=f"Tờ trình {subject[0].lower()}{subject[1:]}"
            )
            items.append(item)
            rows.append(
                Resolution(
                    council=council,
                    term=term,
                    kind=kind,
                    field=field,
                    subject=subject,
                    number=numbers[kind],
                    year=YEAR,
                    session=session,
                    adopted_on=session.end,
                    effective_date=session.end,
                    signer_name=chair_name,
                    legal_bases=LEGAL_BASES,
                    body="Điều 1. Thông qua nội dung theo Tờ trình của Ủy ban nhân dân.\n"
                    "Điều 2. Giao Ủy ban nhân dân tổ chức thực hiện Nghị quyết này.",
                    recipients="Thường trực HĐND cấp trên\nỦy ban nhân dân\nĐại biểu HĐND\nLưu: VT, HĐND",
                    status=Status.PUBLISHED,
                )
            )
    AgendaItem.objects.bulk_create(items)
    for item, resolution in zip(items, rows, strict=True):
        resolution.agenda_item = item
        resolution.symbol = resolution.make_symbol()
        resolution.normalize_text_fields()
    Resolution.objects.bulk_create(rows)
    audit_bulk(rows, CREATE, actor=actor)
    for kind, last in numbers.items():
        if last:
            NumberSeries.objects.update_or_create(council=council, kind=kind, year=YEAR, defaults={"last_number": last})


def load_activity(*, actor, district_council, commune_councils, chair_names):
    term = district_council.terms.get()
    sessions = _sessions(district_council, term, DISTRICT_SESSIONS, actor)
    _resolutions(
        district_council, term, sessions, DISTRICT_RESOLUTIONS, actor, chair_names[district_council.pk], normative=3
    )
    plans = [_commune_plan(i) for i in range(len(commune_councils))]
    counts = _commune_resolution_counts([len(p) for p in plans])
    for index, (council, plan) in enumerate(zip(commune_councils, plans, strict=True)):
        term = council.terms.get()
        sessions = _sessions(council, term, plan, actor)
        _resolutions(
            council, term, sessions, [counts[(index, s)] for s in range(len(plan))], actor, chair_names[council.pk]
        )
