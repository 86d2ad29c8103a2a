"""Times the back-office resolution list over 100,000 resolutions on PostgreSQL.

Synthetic data (a province, a district and its 40 communes, one council and term each, 100,000
resolutions of 2021–2026) is created with bulk_create on the first run and kept for later runs.
A secretariat of the district council (it reads the 40 communes beneath) opens the list with
Django's test client; the public portal's read is timed on the ORM.

.venv/bin/python bench/resolution_list.py             # postgres://postgres@127.0.0.1:5432/hdnd_bench_list
.venv/bin/python bench/resolution_list.py --explain   # whole query plans of the slow measurements
DATABASE_URL=postgres://postgres@127.0.0.1:5432/other_db .venv/bin/python bench/resolution_list.py
"""

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hdnd_bench_list")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from benchtools import ensure_postgresql_database, p95  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from hdnd.accounts.models import CouncilRole, Role, User  # noqa: E402
from hdnd.accounts.scoping import VIEW, council_ids  # noqa: E402
from hdnd.core.models import folded_search  # noqa: E402
from hdnd.core.vntext import fold, nfc  # noqa: E402
from hdnd.councils.models import LEVEL_RANK, AdministrativeUnit, Council, Level, Term, UnitKind  # noqa: E402
from hdnd.resolutions.models import Field, Kind, Resolution, Status  # noqa: E402

TOTAL = 100_000
BATCH = 5000
COMMUNES = 40
RUNS, WARMUPS = 20, 2
PORTAL_RUNS = 50
TERM_START, TERM_END = datetime.date(2021, 6, 25), datetime.date(2026, 3, 14)
UNITS_FROM = datetime.date(2008, 8, 1)
PROVINCE_CODE, DISTRICT_CODE = "97", "997"
COMMUNE_CODES = [f"97{n:03d}" for n in range(1, COMMUNES + 1)]
BENCH_CODES = [PROVINCE_CODE, DISTRICT_CODE, *COMMUNE_CODES]
SLOW_MS = 300

COMMUNE_NAMES = [
    "Côn Minh", "Cư Lễ", "Dương Sơn", "Đổng Xá", "Hảo Nghĩa", "Hữu Thác", "Kim Hỷ", "Kim Lư", "Lam Sơn",
    "Lạng San", "Liêm Thủy", "Lương Thành", "Lương Thượng", "Quang Phong", "Sơn Thành", "Trần Phú",
    "Văn Học", "Văn Minh", "Văn Lang", "Vũ Loan", "Xuân Dương", "Yến Lạc", "Ân Tình", "Cường Lợi",
    "Đắc Sơn", "Hà Hiệu", "Lãng Ngâm", "Nghiên Loan", "Phúc Lộc", "Quảng Khê", "Thượng Quan", "Bằng Vân",
    "Đồng Lạc", "Thuần Mang", "Hoàng Trĩ", "Nam Mẫu", "Mỹ Phương", "Cao Thượng", "Khang Ninh", "Bành Trạch",
]  # fmt: skip

SUBJECTS = {
    Field.BUDGET: [
        "Về việc phê duyệt dự toán thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương năm {next}",
        "Về việc phê duyệt quyết toán ngân sách địa phương năm {prev}",
        "Về việc phê duyệt phương án phân bổ ngân sách cấp {level} năm {next}",
        "Về việc điều chỉnh, bổ sung dự toán ngân sách địa phương năm {year}",
        "Về việc phê duyệt kế hoạch tài chính - ngân sách nhà nước 03 năm {year}–{year2}",
    ],
    Field.ECONOMY: [
        "Về việc phê duyệt kế hoạch đầu tư công năm {next}",
        "Về việc phê duyệt chủ trương đầu tư dự án {project}",
        "Về nhiệm vụ phát triển kinh tế - xã hội năm {next}",
        "Về việc điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021–2025",
    ],
    Field.LAND: [
        "Về việc phê duyệt danh mục công trình, dự án cần thu hồi đất năm {next}",
        "Về việc thông qua kế hoạch sử dụng đất năm {next}",
        "Về việc phê duyệt bảng giá đất điều chỉnh năm {year}",
    ],
    Field.INFRASTRUCTURE: [
        "Về việc phê duyệt chủ trương đầu tư dự án cải tạo, nâng cấp {road}",
        "Về việc phê duyệt danh mục công trình giao thông nông thôn năm {next}",
    ],
    Field.AGRICULTURE: [
        "Về việc phê duyệt kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm {next}",
        "Về chính sách hỗ trợ phát triển sản xuất nông nghiệp, lâm nghiệp giai đoạn {year}–{year2}",
    ],
    Field.EDUCATION: [
        "Về việc phê duyệt quy hoạch mạng lưới trường, lớp học giai đoạn {year}–2030",
        "Về việc phê duyệt kế hoạch kiên cố hóa trường, lớp học năm {next}",
    ],
    Field.HEALTH: [
        "Về việc phê duyệt kế hoạch nâng cấp trạm y tế xã năm {next}",
        "Về chính sách hỗ trợ người có công và đối tượng bảo trợ xã hội năm {next}",
    ],
    Field.CULTURE: ["Về việc đặt tên đường, phố và công trình công cộng năm {year}"],
    Field.ORGANISATION: [
        "Về việc xác nhận kết quả bầu Phó Chủ tịch Ủy ban nhân dân nhiệm kỳ 2021–2026",
        "Về việc phê duyệt tổng biên chế công chức, số lượng người làm việc năm {next}",
        "Về việc thành lập Đoàn giám sát chuyên đề năm {next}",
    ],
    Field.SECURITY: ["Về nhiệm vụ quốc phòng, quân sự địa phương và bảo đảm an ninh trật tự năm {next}"],
    Field.COUNCIL: [
        "Về chương trình giám sát của Hội đồng nhân dân năm {next}",
        "Về kế hoạch tổ chức các kỳ họp thường lệ năm {next}",
        "Về việc lấy phiếu tín nhiệm đối với người giữ chức vụ do Hội đồng nhân dân bầu",
    ],
    Field.OTHER: ["Về việc phê duyệt đề án {project}"],
}
NORMATIVE_SUBJECTS = {
    Field.BUDGET: [
        "Quy định mức chi bảo đảm cho công tác xây dựng văn bản quy phạm pháp luật",
        "Quy định phân cấp nguồn thu, nhiệm vụ chi giữa các cấp ngân sách giai đoạn {year}–{year2}",
        "Ban hành định mức phân bổ dự toán chi thường xuyên ngân sách địa phương năm {next}",
    ],
    Field.LAND: ["Quy định bảng giá đất áp dụng từ ngày 01 tháng 01 năm {next}"],
    Field.EDUCATION: ["Quy định mức thu học phí năm học {year}–{year2}"],
    Field.HEALTH: ["Quy định giá dịch vụ khám bệnh, chữa bệnh không thuộc phạm vi Quỹ bảo hiểm y tế chi trả"],
    Field.COUNCIL: ["Quy định chế độ chi tiêu bảo đảm hoạt động của Hội đồng nhân dân"],
}
PROJECTS = ["khu tái định cư Bản Chang", "chợ trung tâm", "cụm công nghiệp Nam Cường", "nhà văn hóa thôn Nà Làng"]
ROADS = ["đường Nà Pài – Khuổi Luông", "cầu treo Bản Đăm", "tỉnh lộ 256 đoạn qua trung tâm", "đường nội thị"]
LEGAL_BASES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số "
    "điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;",
    "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
    "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;",
    "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;",
    "Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015;",
    "Căn cứ Nghị định số 163/2016/NĐ-CP ngày 21 tháng 12 năm 2016 của Chính phủ quy định chi tiết thi "
    "hành một số điều của Luật Ngân sách nhà nước;",
]
ARTICLES = [
    "Thông qua nội dung {what} với tổng kinh phí {amount} triệu đồng, chi tiết tại Phụ lục kèm theo.",
    "Giao Ủy ban nhân dân tổ chức triển khai thực hiện Nghị quyết này; định kỳ sáu tháng, hằng năm báo "
    "cáo Hội đồng nhân dân kết quả thực hiện tại kỳ họp thường lệ.",
    "Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội "
    "đồng nhân dân giám sát việc thực hiện Nghị quyết.",
    "Ưu tiên bố trí vốn thanh toán nợ đọng xây dựng cơ bản, các dự án chuyển tiếp và dự án có khả năng "
    "hoàn thành trong năm; không bố trí vốn cho dự án chưa đủ thủ tục đầu tư.",
    "Tăng cường quản lý đất đai, đấu giá quyền sử dụng đất theo kế hoạch để tạo nguồn thu cho đầu tư "
    "phát triển; huy động nguồn lực xã hội tham gia xây dựng kết cấu hạ tầng.",
    "Thực hiện công khai dự toán, quyết toán ngân sách theo quy định; tiết kiệm chi thường xuyên, "
    "cắt giảm các khoản chi chưa thực sự cần thiết.",
    "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tham gia giám sát, "
    "tuyên truyền, vận động Nhân dân cùng thực hiện Nghị quyết.",
]
WHATS = ["kế hoạch", "đề án", "phương án phân bổ", "danh mục dự án", "chương trình"]
RECIPIENTS = "Thường trực HĐND cấp trên;\nUBND cùng cấp;\nĐại biểu HĐND;\nLưu: VT, HĐND."
SIGNERS = ["Hoàng Văn An", "Nông Thị Hà", "Lường Văn Chiến", "Triệu Thị Mai", "Ma Văn Đức"]


def ensure_database():
    ensure_postgresql_database("postgres://postgres@127.0.0.1:5432/hdnd_bench_list")


def _unit(code, name, kind, parent=None):
    level = {UnitKind.PROVINCE: Level.PROVINCE, UnitKind.DISTRICT: Level.DISTRICT}.get(kind, Level.COMMUNE)
    name = nfc(name)
    return AdministrativeUnit(
        code=code,
        name=name,
        kind=kind,
        level=level,
        level_rank=LEVEL_RANK[level],
        parent=parent,
        valid_from=UNITS_FROM,
        search_text=fold(f"{code} {name}"),
    )


def ensure_councils():
    """The 42 bench units, their councils and terms (created once); returns councils province first."""
    units = AdministrativeUnit.objects.filter(code__in=BENCH_CODES, valid_from=UNITS_FROM)
    if units.count() != len(BENCH_CODES):
        units.delete()
        province = _unit(PROVINCE_CODE, "Tỉnh Bắc Thử", UnitKind.PROVINCE)
        province.save()
        district = _unit(DISTRICT_CODE, "Huyện Na Thử", UnitKind.DISTRICT, parent=province)
        district.save()
        AdministrativeUnit.objects.bulk_create(
            [
                _unit(code, f"Xã {name}", UnitKind.COMMUNE, parent=district)
                for code, name in zip(COMMUNE_CODES, COMMUNE_NAMES, strict=True)
            ]
        )
    units = list(units.order_by("level_rank", "code"))
    have = set(Council.objects.filter(unit__in=units).values_list("unit_id", flat=True))
    Council.objects.bulk_create(
        [
            Council(
                unit=unit,
                name=nfc(f"Hội đồng nhân dân {unit.name[0].lower()}{unit.name[1:]}"),
                place_name=unit.name.split(" ", 1)[1],
                search_text=fold(f"Hội đồng nhân dân {unit.name}"),
            )
            for unit in units
            if unit.pk not in have
        ]
    )
    councils = list(
        Council.objects.filter(unit__in=units).select_related("unit").order_by("unit__level_rank", "unit__code")
    )
    have = set(Term.objects.filter(council__in=councils).values_list("council_id", flat=True))
    number = {Level.PROVINCE: 10, Level.DISTRICT: 20, Level.COMMUNE: 21}
    Term.objects.bulk_create(
        [
            Term(council=c, number=number[c.unit.level], start_date=TERM_START, end_date=TERM_END)
            for c in councils
            if c.pk not in have
        ]
    )
    return councils


class Texts:
    """Pools of NFC texts with their folded forms, so that 100,000 search texts are assembled rather
    than folded one by one (folding is per character; joining folded parts with a space is the same
    as folding the parts joined with a space)."""

    def __init__(self, rng):
        self._folded = {}
        self.bodies = []
        for _ in range(400):
            articles = rng.sample(ARTICLES, k=rng.randint(3, 5))
            lines = ["QUYẾT NGHỊ:"]
            for n, text in enumerate(articles, start=1):
                text = text.format(what=rng.choice(WHATS), amount=f"{rng.randint(120, 98000):,}".replace(",", "."))
                lines.append(f"Điều {n}. {text}")
            lines.append(f"Điều {len(articles) + 1}. Nghị quyết này có hiệu lực kể từ ngày thông qua./.")
            self.bodies.append(self.folded_pair("\n".join(lines)))
        self.legal = []
        for _ in range(40):
            lines = [LEGAL_BASES[0], *rng.sample(LEGAL_BASES[1:], k=rng.randint(1, 3))]
            self.legal.append(self.folded_pair("\n".join(lines)))

    def folded_pair(self, text):
        text = nfc(text)
        return text, self.fold(text)

    def fold(self, text):
        folded = self._folded.get(text)
        if folded is None:
            folded = self._folded[text] = fold(text)
        return folded


def _adoption_dates(rng, year, count):
    """Adoption dates inside the term, bunched around the July and December sessions."""
    start = max(datetime.date(year, 1, 1), TERM_START)
    end = min(datetime.date(year, 12, 31), TERM_END)
    windows = [
        (datetime.date(year, 7, 5), datetime.date(year, 7, 20)),
        (datetime.date(year, 12, 5), datetime.date(year, 12, 20)),
    ]
    windows = [(a, b) for a, b in windows if a >= start and b <= end]
    dates = []
    for _ in range(count):
        a, b = rng.choice(windows) if windows and rng.random() < 0.7 else (start, end)
        dates.append(a + datetime.timedelta(days=rng.randint(0, (b - a).days)))
    return sorted(dates)


def generate(councils):
    """100,000 resolutions over the councils (weights 6:3:1 for province, district, commune)."""
    rng = random.Random(2024)
    texts = Texts(rng)
    weights = [6 if c.unit.level == Level.PROVINCE else 3 if c.unit.level == Level.DISTRICT else 1 for c in councils]
    per_council = [TOTAL * w // sum(weights) for w in weights]
    per_council[0] += TOTAL - sum(per_council)
    terms = {t.council_id: t for t in Term.objects.filter(council__in=councils)}
    years = {2021: 0.10, 2022: 0.19, 2023: 0.19, 2024: 0.19, 2025: 0.19, 2026: 0.14}
    fields = list(Field)
    field_weights = [4 if f in (Field.BUDGET, Field.ECONOMY, Field.LAND) else 1 for f in fields]
    normative_fields = [
        Field.BUDGET,
        Field.BUDGET,
        Field.BUDGET,
        Field.LAND,
        Field.EDUCATION,
        Field.HEALTH,
        Field.COUNCIL,
    ]
    normative_share = {Level.PROVINCE: 0.30, Level.DISTRICT: 0.05, Level.COMMUNE: 0.03}
    rows = []
    for council, count in zip(councils, per_council, strict=True):
        term = terms[council.pk]
        level_name = {Level.PROVINCE: "tỉnh", Level.DISTRICT: "huyện", Level.COMMUNE: "xã"}[council.unit.level]
        by_year = dict.fromkeys(years, 0)
        for year in rng.choices(list(years), weights=list(years.values()), k=count):
            by_year[year] += 1
        for year, n in by_year.items():
            numbers = {Kind.NORMATIVE: 0, Kind.INDIVIDUAL: 0}
            for adopted_on in _adoption_dates(rng, year, n):
                if rng.random() < normative_share[council.unit.level]:
                    kind, field = Kind.NORMATIVE, rng.choice(normative_fields)
                    template = rng.choice(NORMATIVE_SUBJECTS[field])
                else:
                    kind, field = Kind.INDIVIDUAL, rng.choices(fields, weights=field_weights)[0]
                    template = rng.choice(SUBJECTS[field])
                subject = nfc(
                    template.format(
                        year=year,
                        year2=year + 2,
                        next=year + 1,
                        prev=year - 1,
                        level=level_name,
                        project=rng.choice(PROJECTS),
                        road=rng.choice(ROADS),
                    )
                )
                roll = rng.random()
                status = Status.DRAFT if roll < 0.01 else Status.ADOPTED if roll < 0.05 else Status.PUBLISHED
                body, body_folded = rng.choice(texts.bodies)
                legal, legal_folded = rng.choice(texts.legal)
                resolution = Resolution(
                    council=council,
                    term=term,
                    kind=kind,
                    field=field,
                    subject=subject,
                    legal_bases=legal,
                    body=body,
                    recipients=RECIPIENTS,
                    signer_name=rng.choice(SIGNERS),
                    status=status,
                )
                if status != Status.DRAFT:
                    numbers[kind] += 1
                    resolution.number, resolution.year, resolution.adopted_on = numbers[kind], year, adopted_on
                    resolution.effective_date = adopted_on + datetime.timedelta(
                        days=10 if kind == Kind.NORMATIVE else 0
                    )
                    resolution.symbol = resolution.make_symbol()
                if status == Status.PUBLISHED:
                    resolution.published_at = timezone.make_aware(
                        datetime.datetime.combine(adopted_on + datetime.timedelta(days=3), datetime.time(9))
                    )
                parts = (texts.fold(resolution.symbol), texts.fold(subject), legal_folded, body_folded)
                resolution.search_text = " ".join(part for part in parts if part)
                rows.append(resolution)
    for sample in rng.sample(rows, 200):  # the assembled search text is what the model itself would store
        expected = sample.search_text
        sample.normalize_text_fields()
        assert sample.search_text == expected, (sample.symbol, sample.search_text[:80], expected[:80])
    Resolution.objects.bulk_create(rows, batch_size=BATCH)


def ensure_resolutions(councils):
    existing = Resolution.objects.filter(council__in=councils)
    count = existing.count()
    if count == TOTAL:
        print(f"data: {count:,} resolutions already there, generation skipped")
        return
    if count:
        existing.delete()
    started = time.perf_counter()
    generate(councils)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {Resolution._meta.db_table}")
    print(f"data: generated {TOTAL:,} resolutions in {seconds:.1f} s (then VACUUM ANALYZE)")


def ensure_user(district):
    user, _ = User.objects.get_or_create(username="bench_district_secretariat", defaults={"first_name": "Bench"})
    CouncilRole.objects.get_or_create(user=user, council=district, defaults={"role": Role.SECRETARIAT})
    CouncilRole.objects.filter(user=user).exclude(council=district).delete()
    return user


def time_get(client, url, params):
    """(median ms, p95 ms, the queries of one request) of RUNS requests after WARMUPS."""
    for _ in range(WARMUPS):
        response = client.get(url, params)
        assert response.status_code == 200, (params, response.status_code)
    reset_queries()  # with DEBUG the log still holds the last request's queries, which it clears at its start
    with CaptureQueriesContext(connection) as captured:
        client.get(url, params)
    queries = captured.captured_queries
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url, params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (params, response.status_code)
    return statistics.median(timings), p95(timings), queries


def matching_rows(user, params):
    queryset = Resolution.objects.filter(council_id__in=council_ids(user, VIEW))
    filters = {k: v for k, v in params.items() if k not in ("q", "p")}
    queryset = queryset.filter(**filters)
    if "q" in params:
        queryset = folded_search(queryset, params["q"])
    return queryset.count()


def _plan_nodes(node):
    yield node
    for child in node.get("Plans", ()):
        yield from _plan_nodes(child)


def _node_label(node):
    name = node["Node Type"]
    if node.get("Index Name"):
        name += f" using {node['Index Name']}"
    if node["Node Type"] == "Sort":
        name += f" ({node.get('Sort Method', '')})"
    return f"{name}: {node['Actual Rows'] * node.get('Actual Loops', 1):,} rows"


def explain(queries, full=False):
    """EXPLAIN ANALYZE of the request's queries on resolutions, exactly as the view sent them:
    per query its time, then the sort and the scan of resolutions (the whole plan with --explain)."""
    with connection.cursor() as cursor:
        for query in queries:
            sql = query["sql"]
            if 'FROM "resolutions_resolution"' not in sql:
                continue
            what = "count" if sql.startswith("SELECT COUNT(*)") else "page"
            if full:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                print(f"-- {what} query:\n{sql}\n" + "\n".join(row[0] for row in cursor.fetchall()))
                continue
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0][0]
            nodes = [
                _node_label(node)
                for node in _plan_nodes(plan["Plan"])
                if node["Node Type"] == "Sort" or node.get("Relation Name") == Resolution._meta.db_table
            ]
            print(f"  {what:<5} {plan['Execution Time']:8.1f} ms  " + " <- ".join(nodes))


def main():
    full_explain = "--explain" in sys.argv[1:]
    ensure_database()
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    councils = ensure_councils()
    province, district, communes = councils[0], councils[1], councils[2:]
    ensure_resolutions(councils)
    user = ensure_user(district)
    client = Client()
    client.force_login(user)
    url = reverse("resolution:index")

    # Same shape = same query count expected. A council filter is its own shape: the filter form
    # looks the chosen council up once to validate it (ModelChoiceFilter).
    plain, chosen = "plain", "model choice"
    scenarios = [
        (plain, "no filter, page 1", {}),
        (plain, "no filter, page 50", {"p": 50}),
        (chosen, "council (a commune)", {"council": communes[0].pk}),
        (chosen, "council (the district)", {"council": district.pk}),
        (plain, "year 2024", {"year": 2024}),
        (plain, "kind normative + field budget", {"kind": Kind.NORMATIVE.value, "field": Field.BUDGET.value}),
        (plain, "status adopted", {"status": Status.ADOPTED.value}),
        (plain, "search q=phe duyet ngan sach", {"q": "phe duyet ngan sach"}),
    ]
    readable = council_ids(user, VIEW)
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; DEBUG={settings.DEBUG}")
    print(
        f"user: secretariat of {district} (reads {len(readable)} councils, "
        f"{Resolution.objects.filter(council_id__in=readable).count():,} resolutions); GET {url}"
    )
    print(f"each: {WARMUPS} warm-ups, then {RUNS} timed requests; rows = matching resolutions in the user's scope")
    print(f"{'scenario':<32} {'rows':>7} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    results = []
    for shape, label, params in scenarios:
        median, high, queries = time_get(client, url, params)
        results.append((shape, label, median, queries))
        print(f"{label:<32} {matching_rows(user, params):>7,} {median:10.1f} {high:8.1f} {len(queries):>8}")
    for shape in (plain, chosen):
        counts = sorted({len(queries) for s, _, _, queries in results if s == shape})
        verdict = f"identical ({counts[0]})" if len(counts) == 1 else f"DIFFER {counts}"
        print(f"queries per request, {shape} shape: {verdict}")

    print(f"public portal read: published().for_council(c).order_by('-adopted_on')[:20], median of {PORTAL_RUNS}")
    for council in (province, district, communes[0]):
        timings = []
        for _ in range(PORTAL_RUNS):
            started = time.perf_counter()
            list(Resolution.objects.published().for_council(council).order_by("-adopted_on")[:20])
            timings.append((time.perf_counter() - started) * 1000)
        published = Resolution.objects.published().for_council(council).count()
        print(
            f"  {council.name:<40} {published:>6,} published  median {statistics.median(timings):6.2f} ms"
            f"  p95 {p95(timings):6.2f} ms"
        )

    for _, label, median, queries in results:
        if median > SLOW_MS:
            print(f"slow (median > {SLOW_MS} ms): {label}; EXPLAIN ANALYZE of its queries on resolutions:")
            explain(queries, full=full_explain)


if __name__ == "__main__":
    main()
