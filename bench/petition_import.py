"""Times the XLSX import of 50,000 voter petitions (hdnd.petitions.services.petitions_import).

One council and term are made on the first run and kept; each run deletes the petitions, audit
entries and sessions of the previous one, then imports into fresh sessions. 50,000 varied
Vietnamese petitions (no two with the same text and area; dates as dd/mm/yyyy text and as real
dates; some classified, forwarded or answered) are written with openpyxl into a temporary file,
handed to the service as an UploadedFile over the open file, as Django's upload handler does for
a big upload. openpyxl writes each text into its cell; Excel keeps texts in one shared table,
which openpyxl's reader holds whole while it streams the rows, so a file saved by Excel needs
memory for its distinct texts on top of what is measured here.

Measured, in this order: reading alone (read the file, parse every cell, save nothing; the
import reads the file once and saves as it goes); the import, untraced, and its rows per
second; a second import of the same file (every row already there); the same file with a
non-existent date in its last row, which must import nothing; then the peak Python memory
(tracemalloc) of importing 10,000 and 50,000 rows, to see whether it grows with the file. Those
two traced imports take most of the run (tracemalloc slows Python about 3.5 times): count on
about ten minutes. Django's query log is off, as in production: with DEBUG on, every query's SQL
stays in memory, and a bulk insert's SQL holds its 2,000 rows.

.venv/bin/python bench/petition_import.py            # postgres://postgres@127.0.0.1:5432/hdnd_bench_import
.venv/bin/python bench/petition_import.py --sqlite   # a temporary SQLite file
DATABASE_URL=postgres://postgres@127.0.0.1:5432/other_db .venv/bin/python bench/petition_import.py
BENCH_ROWS=100000 .venv/bin/python bench/petition_import.py   # at the row limit (HDND_IMPORT_MAX_ROWS)
"""

import datetime
import gc
import os
import random
import sys
import tempfile
import time
import tracemalloc
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if "--sqlite" in sys.argv[1:]:
    tmp = tempfile.TemporaryDirectory()
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp.name}/bench.sqlite3"
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hdnd_bench_import")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from benchtools import create_database_if_missing  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.files.uploadedfile import UploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import CharField  # noqa: E402
from django.db.models.functions import Cast  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from wagtail.models import ModelLogEntry  # noqa: E402

from hdnd.accounts.models import User  # noqa: E402
from hdnd.core.spreadsheets import ImportRefused, SpreadsheetImport  # noqa: E402
from hdnd.councils.factories import (  # noqa: E402
    OLD_ERA_START,
    CommuneFactory,
    CouncilFactory,
    DistrictFactory,
    ProvinceFactory,
    TermFactory,
)
from hdnd.councils.models import AdministrativeUnit, Council, Term  # noqa: E402
from hdnd.meetings.factories import SessionFactory  # noqa: E402
from hdnd.meetings.models import Session  # noqa: E402
from hdnd.petitions.imports import fingerprint, petition_columns, row_problems  # noqa: E402
from hdnd.petitions.models import CompetentLevel, PetitionField, PetitionStatus, VoterPetition  # noqa: E402
from hdnd.petitions.services import IMPORT_BATCH, petitions_import  # noqa: E402

TOTAL, SMALL = int(os.environ.get("BENCH_ROWS", "50000")), 10_000  # BENCH_ROWS=100000: the row limit
RATE_GOAL = 2000  # rows per second
MEMORY_BUDGET = 64 * 1024 * 1024  # the peak allowed at the row limit (HDND_IMPORT_MAX_ROWS)
PROVINCE_CODE, DISTRICT_CODE, COMMUNE_CODE = "96", "996", "96001"
SESSION_START = datetime.date(2024, 7, 10)
BAD_DATE = "31/02/2024"
LOCK_KEY = 7_245_031  # PostgreSQL advisory lock held by a run: two runs at once would delete each other's sessions

HEADERS = [column.header for column in petition_columns()]
HAMLETS = [
    "Nà Làng", "Khuổi Khe", "Bản Chang", "Nà Pài", "Khuổi Luông", "Bản Đăm", "Phiêng Luông", "Nà Mòn",
    "Cốc Phường", "Lũng Phặc", "Nà Ngần", "Bó Lếch", "Khuổi Củng", "Pác Nặm", "Nà Hu", "Bản Lạ",
    "Tổng Nẻng", "Khau Đấng", "Nà Quang", "Cốc Lải", "Phja Đăm", "Nặm Mẫn", "Bản Cháng", "Lủng Pảng",
    "Thôm Mò", "Nà Tông", "Pò Lạn", "Khuổi Ỏn", "Bản Vàng", "Nà Đeng",
]  # fmt: skip
COMMUNES = [
    "Côn Minh", "Cư Lễ", "Dương Sơn", "Đổng Xá", "Hảo Nghĩa", "Hữu Thác", "Kim Hỷ", "Kim Lư", "Lam Sơn",
    "Lạng San", "Liêm Thủy", "Lương Thành", "Lương Thượng", "Quang Phong", "Sơn Thành", "Văn Học",
    "Văn Minh", "Vũ Loan", "Xuân Dương", "Yến Lạc", "Ân Tình", "Cường Lợi", "Đắc Sơn", "Hà Hiệu",
]  # fmt: skip
RIVERS = ["sông Cầu", "sông Năng", "suối Nặm Cắt", "suối Khuổi Tẩu", "sông Bắc Giang", "suối Nà Bản"]
PROJECTS = [
    "đường tránh thị trấn",
    "hồ chứa nước Nặm Cắt",
    "khu tái định cư Bản Chang",
    "cụm công nghiệp Nam Cường",
    "trường Phổ thông dân tộc nội trú",
    "đường cao tốc Chợ Mới – Bắc Kạn",
]
CROPS = ["ngô lai", "lúa thuần", "dong riềng", "quế", "hồi", "chè Shan tuyết", "cây mía", "keo lai"]
SCHOOLS = ["Tiểu học", "Trung học cơ sở", "Mầm non", "Phổ thông dân tộc bán trú"]
NAMES = ["Hoàng Văn Tủa", "Nông Thị Lìu", "Lường Văn Pản", "Triệu Thị Mẩy", "Ma Văn Sình", "Lý Thị Hoa"]
BODIES = {
    CompetentLevel.COMMUNE: ["Ủy ban nhân dân xã", "Công an xã", "Trạm Y tế xã"],
    CompetentLevel.DISTRICT: [
        "Ủy ban nhân dân huyện",
        "Phòng Kinh tế và Hạ tầng huyện",
        "Phòng Tài nguyên và Môi trường huyện",
        "Phòng Giáo dục và Đào tạo huyện",
        "Phòng Lao động – Thương binh và Xã hội huyện",
        "Chi nhánh Văn phòng Đăng ký đất đai huyện",
    ],
    CompetentLevel.PROVINCE: [
        "Ủy ban nhân dân tỉnh",
        "Sở Giao thông vận tải",
        "Sở Tài nguyên và Môi trường",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Y tế",
        "Công ty Điện lực tỉnh",
        "Bảo hiểm xã hội tỉnh",
    ],
    CompetentLevel.CENTRAL: ["Bộ Giao thông vận tải", "Bộ Tài chính", "Tập đoàn Điện lực Việt Nam"],
}
# (field, levels it goes to, templates): what voters of a mountain district ask for.
PETITIONS = [
    (
        PetitionField.INFRASTRUCTURE,
        [CompetentLevel.DISTRICT, CompetentLevel.PROVINCE],
        [
            "Đề nghị sửa chữa, nâng cấp tuyến đường liên thôn {hamlet} – {hamlet2} dài {km} km đã xuống cấp "
            "nghiêm trọng, mùa mưa đi lại rất khó khăn",
            "Đề nghị đầu tư xây dựng cầu tràn qua {river} đoạn thôn {hamlet} để {n} hộ dân và học sinh đi lại "
            "an toàn trong mùa lũ",
            "Cử tri phản ánh đoạn tỉnh lộ qua thôn {hamlet} bị sạt lở khoảng {m} m taluy dương từ tháng {month}"
            "/{year}, đề nghị sớm khắc phục",
            "Đề nghị kéo điện lưới quốc gia về thôn {hamlet}, hiện còn {n} hộ chưa có điện sinh hoạt",
            "Đề nghị lắp đặt hệ thống đèn chiếu sáng và biển báo tại ngã ba {hamlet}, nơi đã xảy ra {k} vụ tai "
            "nạn giao thông trong năm {year}",
        ],
    ),
    (
        PetitionField.LAND,
        [CompetentLevel.DISTRICT, CompetentLevel.PROVINCE],
        [
            "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho {n} hộ gia đình thôn {hamlet} đã sử dụng ổn "
            "định từ năm {since}",
            "Đề nghị sớm chi trả tiền bồi thường, hỗ trợ giải phóng mặt bằng dự án {project} cho {n} hộ thôn {hamlet}",
            "Cử tri phản ánh tình trạng khai thác cát, sỏi trái phép trên {river} đoạn qua thôn {hamlet} gây "
            "sạt lở {m} m bờ và đất sản xuất",
            "Đề nghị có phương án thu gom, xử lý rác thải sinh hoạt tại thôn {hamlet}, hiện {n} hộ chưa được thu gom",
            "Đề nghị xem xét lại giá đất bồi thường tại khu vực thôn {hamlet} năm {year}, thấp hơn giá thị "
            "trường khoảng {k}0%",
        ],
    ),
    (
        PetitionField.AGRICULTURE,
        [CompetentLevel.COMMUNE, CompetentLevel.DISTRICT, CompetentLevel.PROVINCE],
        [
            "Đề nghị hỗ trợ giống {crop} cho bà con thôn {hamlet} vụ {season} năm {year}, khoảng {ha} ha",
            "Đề nghị hỗ trợ kinh phí khắc phục thiệt hại do mưa lũ tháng {month}/{year} làm hư hỏng {ha} ha "
            "{crop} của thôn {hamlet}",
            "Đề nghị sửa chữa mương thủy lợi thôn {hamlet} dài {m} m bị vỡ, không đủ nước tưới cho {ha} ha ruộng",
            "Đề nghị hỗ trợ tiêu thụ {crop} cho {n} hộ thôn {hamlet} do giá xuống thấp trong năm {year}",
        ],
    ),
    (
        PetitionField.EDUCATION,
        [CompetentLevel.DISTRICT, CompetentLevel.PROVINCE],
        [
            "Đề nghị bố trí thêm giáo viên cho điểm trường {school} thôn {hamlet}, hiện {n} học sinh phải học "
            "ghép {k} lớp",
            "Đề nghị làm rõ các khoản thu đầu năm học {year}–{year1} tại Trường {school} xã {commune}",
            "Đề nghị xây dựng nhà bán trú cho {n} học sinh Trường {school} xã {commune} ở xa trường",
        ],
    ),
    (
        PetitionField.HEALTH,
        [CompetentLevel.DISTRICT, CompetentLevel.PROVINCE, CompetentLevel.CENTRAL],
        [
            "Đề nghị bổ sung thuốc bảo hiểm y tế cho Trạm Y tế xã {commune}, {n} người bệnh mạn tính phải lên "
            "tuyến huyện lấy thuốc",
            "Đề nghị cấp lại thẻ bảo hiểm y tế cho {n} người thôn {hamlet} bị cắt từ tháng {month}/{year}",
            "Đề nghị bố trí bác sĩ về Trạm Y tế xã {commune}, hiện trạm chỉ có {k} y sĩ",
        ],
    ),
    (
        PetitionField.SOCIAL,
        [CompetentLevel.COMMUNE, CompetentLevel.DISTRICT, CompetentLevel.PROVINCE],
        [
            "Đề nghị xem xét hỗ trợ {n} hộ nghèo thôn {hamlet} làm nhà ở theo Chương trình mục tiêu quốc gia "
            "năm {year}",
            "Đề nghị giải quyết chế độ người có công với cách mạng cho {name}, thôn {hamlet}, hồ sơ nộp từ "
            "tháng {month}/{year}",
            "Đề nghị rà soát lại danh sách hộ cận nghèo thôn {hamlet} năm {year}, có {k} hộ chưa đúng đối tượng",
        ],
    ),
    (
        PetitionField.SECURITY,
        [CompetentLevel.COMMUNE, CompetentLevel.DISTRICT],
        [
            "Đề nghị tăng cường tuần tra, xử lý tình trạng trộm cắp gia súc tại thôn {hamlet}, từ đầu năm "
            "{year} đã mất {k} con trâu",
            "Đề nghị xử lý việc tụ tập, đua xe trái phép trên đoạn đường qua thôn {hamlet} vào ban đêm",
        ],
    ),
    (
        PetitionField.CULTURE,
        [CompetentLevel.COMMUNE, CompetentLevel.DISTRICT],
        [
            "Đề nghị bố trí kinh phí xây dựng nhà văn hóa thôn {hamlet} diện tích {m} m², hiện phải mượn nhà "
            "dân để họp",
            "Đề nghị hỗ trợ phủ sóng điện thoại di động và internet tại thôn {hamlet}, {n} hộ chưa có sóng",
        ],
    ),
    (
        PetitionField.GOVERNMENT,
        [CompetentLevel.DISTRICT, CompetentLevel.PROVINCE],
        [
            "Đề nghị rút ngắn thời gian giải quyết hồ sơ đất đai tại Bộ phận một cửa huyện, hồ sơ của {name} "
            "nộp từ tháng {month}/{year} chưa có kết quả",
            "Đề nghị hướng dẫn người dân thôn {hamlet} nộp hồ sơ trực tuyến, {n} hộ chưa biết sử dụng dịch vụ công",
        ],
    ),
    (
        PetitionField.ECONOMY,
        [CompetentLevel.DISTRICT, CompetentLevel.PROVINCE, CompetentLevel.CENTRAL],
        [
            "Đề nghị bố trí vốn cho dự án {project} đã dừng thi công từ năm {since}",
            "Đề nghị hỗ trợ vốn vay ưu đãi cho {n} hộ thôn {hamlet} phát triển trồng {crop}",
        ],
    ),
]
ANSWERS = [
    "{body} đã đưa nội dung vào kế hoạch năm {next}; sẽ triển khai khi được bố trí vốn.",
    "{body} đã kiểm tra thực tế ngày {day}; đã giao đơn vị chuyên môn xử lý, dự kiến hoàn thành trong quý {q}.",
    "Nội dung kiến nghị thuộc thẩm quyền của cấp trên; {body} đã có văn bản đề nghị xem xét, giải quyết.",
    "{body} đã trả lời trực tiếp cử tri tại buổi tiếp xúc; kinh phí đã được bố trí từ nguồn sự nghiệp năm {year}.",
]


def ensure_database():
    """On PostgreSQL creates the database when it is missing and waits for any other run using it
    to end; migrates in any case."""
    create_database_if_missing()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # held by this connection until the run ends
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
            if not cursor.fetchone()[0]:
                print(
                    f"another run of this benchmark is using {connection.settings_dict['NAME']}: waiting for it to end"
                )
                cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK_KEY])
    call_command("migrate", verbosity=0)


def ensure_term():
    """The bench commune's council and term (created once)."""
    council = Council.objects.filter(unit__code=COMMUNE_CODE, unit__valid_from=OLD_ERA_START).first()
    if council is None:
        AdministrativeUnit.objects.filter(code__in=[COMMUNE_CODE], valid_from=OLD_ERA_START).delete()
        province = ProvinceFactory(code=PROVINCE_CODE, name="Tỉnh Nhập Thử")
        district = DistrictFactory(code=DISTRICT_CODE, name="Huyện Nà Nhập", parent=province)
        unit = CommuneFactory(code=COMMUNE_CODE, name="Xã Khuổi Nhập", parent=district)
        council = CouncilFactory(unit=unit, name="Hội đồng nhân dân xã Khuổi Nhập")
    return Term.objects.filter(council=council).first() or TermFactory(council=council)


def clear_previous_run(term):
    """Deletes the petitions, their audit entries and the sessions of earlier runs."""
    petitions = VoterPetition.objects.filter(council=term.council)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(VoterPetition),
        object_id__in=petitions.annotate(key=Cast("pk", CharField())).values("key"),
    ).delete()
    # In slices: Django's delete lists the rows' keys in one query, and PostgreSQL takes at most
    # 65,535 parameters (a run at the row limit leaves 210,000 petitions).
    while slice_ := list(petitions.values_list("pk", flat=True)[:10_000]):
        VoterPetition.objects.filter(pk__in=slice_).delete()
    Session.objects.filter(term=term).delete()


def new_session(term, number):
    return SessionFactory(term=term, number=number, planned_start=SESSION_START, title=f"Kỳ họp thứ {number}")


# --- the file ------------------------------------------------------------------------------


def _day_cell(rng, day):
    """A date as secretariats type it: mostly dd/mm/yyyy text, sometimes another spelling or a real date."""
    roll = rng.random()
    if roll < 0.60:
        return day.strftime("%d/%m/%Y")
    if roll < 0.70:
        return f"{day.day}/{day.month}/{day.year}"
    if roll < 0.75:
        return day.strftime("%d-%m-%Y")
    if roll < 0.78:
        return day.isoformat()
    return day if roll < 0.90 else datetime.datetime.combine(day, datetime.time())


def _label(rng, value, choices):
    """A choice as written in a sheet: its label mostly, sometimes without diacritics or as its code."""
    label = str(dict(choices)[value])
    roll = rng.random()
    if roll < 0.85:
        return label
    if roll < 0.95:
        return "".join(ch for ch in unicodedata.normalize("NFD", label) if not unicodedata.combining(ch)).replace(
            "đ", "d"
        )
    return value


def petition_rows(count, seed=2024):
    """`count` rows of the template's ten columns; no two have the same text and area."""
    rng = random.Random(seed)
    seen = set()
    rows = []
    while len(rows) < count:
        field, levels, templates = rng.choice(PETITIONS)
        year = rng.choice((2022, 2023, 2024))
        hamlet, hamlet2 = rng.sample(HAMLETS, 2)
        commune = rng.choice(COMMUNES)
        text = rng.choice(templates).format(
            hamlet=hamlet,
            hamlet2=hamlet2,
            commune=commune,
            river=rng.choice(RIVERS),
            project=rng.choice(PROJECTS),
            crop=rng.choice(CROPS),
            school=rng.choice(SCHOOLS),
            name=f"{rng.choice(('ông', 'bà'))} {rng.choice(NAMES)}",
            season=rng.choice(("xuân", "mùa", "đông")),
            year=year,
            year1=year + 1,
            since=rng.randint(1985, 2015),
            month=rng.randint(1, 12),
            km=f"{rng.randint(1, 15)},{rng.randint(0, 9)}",
            ha=rng.randint(2, 120),
            m=rng.randint(20, 900),
            n=rng.randint(5, 250),
            k=rng.randint(2, 9),
        )
        if rng.random() < 0.3:
            text = f"Cử tri thôn {hamlet} kiến nghị: {text[0].lower()}{text[1:]}"
        roll = rng.random()
        area = "" if roll < 0.05 else f"Thôn {hamlet}" if roll < 0.45 else f"Thôn {hamlet}, xã {commune}"
        if rng.random() < 0.05:  # pasted from an old tool: decomposed diacritics
            text = unicodedata.normalize("NFD", text)
        key = fingerprint(0, {"text": text, "area": area})
        if key in seen:
            continue
        seen.add(key)

        received = SESSION_START - datetime.timedelta(days=rng.randint(1, 75))
        row = [text, area, _day_cell(rng, received), None, None, None, None, None, None, None]
        step = rng.random()  # 30% received, 25% classified, 25% forwarded, 20% answered
        if step < 0.30:
            if rng.random() < 0.4:
                row[3] = _label(rng, field, PetitionField.choices)
        else:
            level = rng.choice(levels)
            body = rng.choice(BODIES[level])
            row[3:6] = [_label(rng, field, PetitionField.choices), _label(rng, level, CompetentLevel.choices), body]
            forwarded = received + datetime.timedelta(days=rng.randint(0, 20))
            if step >= 0.55:
                row[6] = _day_cell(rng, forwarded)
                row[7] = _day_cell(rng, forwarded + datetime.timedelta(days=rng.choice((15, 30, 45, 60, 90))))
            if step >= 0.80:
                answered = forwarded + datetime.timedelta(days=rng.randint(5, 80))
                row[8] = rng.choice(ANSWERS).format(
                    body=body,
                    next=answered.year + 1,
                    year=answered.year,
                    day=answered.strftime("%d/%m/%Y"),
                    q=rng.randint(1, 4),
                )
                row[9] = _day_cell(rng, answered)
        rows.append(row)
    return rows


def write_xlsx(path, rows):
    """The file as Excel saves it, with the sheet's size (<dimension>) before its rows: openpyxl's
    write-only mode leaves that out, and then openpyxl's reader scans the whole sheet once to size
    it before reading the rows — a pass that files from Excel or LibreOffice never cost."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kiến nghị cử tri"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path.stat().st_size


def expected_status(row):
    if row[8]:
        return PetitionStatus.ANSWERED
    if row[6]:
        return PetitionStatus.FORWARDED
    if row[3] and row[4] and row[5]:
        return PetitionStatus.CLASSIFIED
    return PetitionStatus.RECEIVED


# --- the measurements ----------------------------------------------------------------------


def uploaded(path):
    """The file as a view receives a big upload: an UploadedFile over the open temporary file."""
    return UploadedFile(
        file=path.open("rb"),
        name="kien-nghi-cu-tri.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        size=path.stat().st_size,
    )


def run_import(actor, session, path, *, trace=False):
    """(created, skipped, seconds, peak bytes or None) of one import."""
    gc.collect()
    with uploaded(path) as upload:
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        try:
            created, skipped = petitions_import(actor=actor, session=session, uploaded=upload)
        finally:
            seconds = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1] if trace else None
            if trace:
                tracemalloc.stop()
    return created, skipped, seconds, peak


def run_check(path):
    """(rows, seconds) of reading alone: read the file, parse and check every row, save nothing."""
    gc.collect()
    with uploaded(path) as upload:
        started = time.perf_counter()
        count = SpreadsheetImport(upload, petition_columns()).run(lambda rows: None, row_check=row_problems)
        return count, time.perf_counter() - started


def mib(n):
    return f"{n / 1024 / 1024:.1f}"


HEADER = f"{'measurement':<44} {'rows':>7} {'created':>8} {'skipped':>8} {'seconds':>8} {'rows/s':>7} {'peak MiB':>9}"


def line(label, rows, created, skipped, seconds, peak=None):
    cells = [f"{n:,}" if n is not None else "–" for n in (created, skipped)]
    peak = mib(peak) if peak is not None else "–"
    print(f"{label:<44} {rows:>7,} {cells[0]:>8} {cells[1]:>8} {seconds:8.2f} {rows / seconds:7,.0f} {peak:>9}")


def main():
    ensure_database()
    settings.DEBUG = False  # no query log: it would keep every bulk insert's SQL in memory
    term = ensure_term()
    clear_previous_run(term)
    actor, _ = User.objects.get_or_create(username="bench_petition_import", defaults={"first_name": "Bench"})
    sessions = [new_session(term, number) for number in range(1, 5)]
    print(
        f"database: {connection.vendor} {connection.settings_dict['NAME']}; DEBUG={settings.DEBUG} "
        f"(query log off); import batch {IMPORT_BATCH:,} rows"
    )

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        started = time.perf_counter()
        rows = petition_rows(TOTAL)
        big, small, bad = folder / "big.xlsx", folder / "small.xlsx", folder / "bad.xlsx"
        big_size = write_xlsx(big, rows)
        small_size = write_xlsx(small, rows[:SMALL])
        write_xlsx(bad, [*rows[:-1], [*rows[-1][:2], BAD_DATE, *rows[-1][3:]]])
        print(
            f"files: {TOTAL:,} rows = {mib(big_size)} MiB XLSX, {SMALL:,} rows = {mib(small_size)} MiB "
            f"(made in {time.perf_counter() - started:.1f} s); "
            f"{sum(isinstance(r[2], datetime.date) for r in rows):,} received dates as real dates, "
            f"{sum(not r[1] for r in rows):,} rows without area; "
            + ", ".join(f"{sum(expected_status(r) == s for r in rows):,} {s}" for s in PetitionStatus.values[:4])
        )
        print(HEADER)

        checked, check_seconds = run_check(big)
        line("reading alone (parse and check, no saving)", checked, None, None, check_seconds)

        created, skipped, seconds, _ = run_import(actor, sessions[0], big)
        line("import (untraced)", TOTAL, created, skipped, seconds)
        assert (created, skipped) == (TOTAL, 0), (created, skipped)
        stored = VoterPetition.objects.filter(session=sessions[0])
        wanted = {s: sum(expected_status(r) == s for r in rows) for s in PetitionStatus.values}
        got = {s: stored.filter(status=s).count() for s in PetitionStatus.values}
        assert got == wanted, (got, wanted)
        audited = ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(VoterPetition),
            object_id__in=stored.annotate(key=Cast("pk", CharField())).values("key"),
        ).count()
        assert audited == TOTAL, audited

        again_created, again_skipped, again_seconds, _ = run_import(actor, sessions[0], big)
        line("second import of the same file", TOTAL, again_created, again_skipped, again_seconds)
        assert (again_created, again_skipped) == (0, TOTAL), (again_created, again_skipped)
        assert stored.count() == TOTAL

        started = time.perf_counter()
        error = None
        with uploaded(bad) as upload:
            try:
                petitions_import(actor=actor, session=sessions[1], uploaded=upload)
            except ImportRefused as refused:
                error = refused
        bad_seconds = time.perf_counter() - started
        bad_created = VoterPetition.objects.filter(session=sessions[1]).count()
        line("bad date in the last row (refused)", TOTAL, bad_created, None, bad_seconds)

        small_created, _, small_seconds, small_peak = run_import(actor, sessions[2], small, trace=True)
        line(f"import {SMALL:,} rows, tracemalloc on", SMALL, small_created, 0, small_seconds, small_peak)
        big_created, _, big_seconds, big_peak = run_import(actor, sessions[3], big, trace=True)
        line(f"import {TOTAL:,} rows, tracemalloc on", TOTAL, big_created, 0, big_seconds, big_peak)
        assert (small_created, big_created) == (SMALL, TOTAL)

    rate = TOTAL / seconds
    print(f"rate: {rate:,.0f} rows/s; goal at least {RATE_GOAL:,}: {'met' if rate >= RATE_GOAL else 'MISSED'}")
    ratio = big_peak / small_peak
    growth = max(0, (big_peak - small_peak) / (TOTAL - SMALL))
    limit = settings.HDND_IMPORT_MAX_ROWS
    at_limit = big_peak + growth * (limit - TOTAL)
    # What still grows is openpyxl's: its XML reader empties each row it has read but leaves the
    # empty element in the sheet until the end (about 80 bytes a row). The row limit bounds it.
    verdict = "bounded" if at_limit <= MEMORY_BUDGET else "MORE than the budget"
    print(
        f"peak memory: {mib(small_peak)} MiB for {SMALL:,} rows, {mib(big_peak)} MiB for {TOTAL:,} rows "
        f"(x{ratio:.2f} for x{TOTAL // SMALL} the rows, {growth:,.0f} bytes per further row); "
        f"{mib(at_limit)} MiB projected at the {limit:,}-row limit, budget {mib(MEMORY_BUDGET)} MiB: {verdict}"
    )
    print(f"second import: {again_created} created, {again_skipped:,} skipped as duplicates")
    if error is None:
        print("bad last row: NOT refused")
        return
    first = error.errors[0]
    print(
        f"bad last row: refused with {error.total} error at row {first.row:,}, column {first.column}: "
        f"{first.message}; {bad_created} petitions created"
    )
    assert (first.row, error.total, bad_created) == (TOTAL + 1, 1, 0), (first.row, error.total, bad_created)


if __name__ == "__main__":
    main()
