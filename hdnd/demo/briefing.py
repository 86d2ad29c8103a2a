"""The briefing of 22/10/2024 between the district's standing committee and the communes', as
the seed article tells it — with the demo's fictional people (its article: `portal.py`). The
figures are frozen from the records, as the system freezes any briefing's."""

import datetime

from django.db import transaction

from hdnd.councils.models import Body, Membership, Position
from hdnd.oversight.models import TaskOwner
from hdnd.reports.models import Briefing, BriefingTask
from hdnd.reports.services import briefing_figures_freeze

DAY = datetime.date(2024, 10, 22)
TITLE = (
    "Hội nghị giao ban giữa Thường trực HĐND huyện với Thường trực HĐND các xã, thị trấn lần thứ Ba nhiệm kỳ 2021-2026"
)


def _standing(council, position):
    membership = (
        Membership.objects.current_on(DAY)
        .filter(delegate__council=council, body=Body.STANDING_COMMITTEE, position=position)
        .select_related("delegate__person")
        .first()
    )
    return membership.delegate.person.full_name if membership else ""


def load_briefing(*, actor, district_council, commune_councils):
    if Briefing.objects.filter(council=district_council, held_on=DAY).exists():
        return
    chair, vice = _standing(district_council, Position.CHAIR), _standing(district_council, Position.VICE_CHAIR)
    with transaction.atomic():
        briefing = Briefing(
            council=district_council,
            title=TITLE,
            held_on=DAY,
            place="Hội trường Huyện ủy Na Rì",
            chairs=f"{chair} – Chủ tịch HĐND huyện\n{vice} – Phó Chủ tịch HĐND huyện",
            participants="Các Ban HĐND huyện\nThường trực HĐND các xã, thị trấn",
            period_start=datetime.date(2024, 1, 1),
            period_end=DAY,
            discussion=(
                "Các đại biểu thảo luận, đánh giá kết quả hoạt động của HĐND các cấp; làm rõ những tồn tại, "
                "hạn chế, nguyên nhân và giải pháp nâng cao chất lượng, hiệu lực, hiệu quả hoạt động giải trình "
                "của HĐND, giám sát, chất vấn của Thường trực HĐND."
            ),
            conclusions=(
                "Các Ban của HĐND huyện tiếp tục chủ động thực hiện tốt công tác tham mưu theo lĩnh vực được phân "
                "công phụ trách; tổ chức các hoạt động giám sát, khảo sát theo chương trình, kế hoạch đề ra.\n"
                "Các Tổ, các vị đại biểu HĐND huyện thực hiện nghiêm túc công tác tiếp công dân theo quy định.\n"
                "Thường trực HĐND xã, thị trấn tăng cường chỉ đạo, điều hành, kiểm tra, đôn đốc các Ban, các vị đại "
                "biểu HĐND triển khai thực hiện các chương trình, kế hoạch năm 2024; chuẩn bị tốt nội dung, chương "
                "trình kỳ họp thường lệ cuối năm 2024 theo quy định."
            ),
        )
        briefing_figures_freeze(briefing)
        briefing.full_clean()
        briefing.save()
        briefing.attending_councils.set(commune_councils)
        BriefingTask.objects.bulk_create(
            [
                BriefingTask(
                    briefing=briefing,
                    title="Tổ chức các cuộc giám sát, khảo sát còn lại theo chương trình năm 2024",
                    owner=TaskOwner.COMMITTEE,
                    assignee="Các Ban HĐND huyện",
                    due_date=datetime.date(2024, 12, 15),
                ),
                BriefingTask(
                    briefing=briefing,
                    title="Chuẩn bị nội dung, chương trình kỳ họp thường lệ cuối năm 2024",
                    owner=TaskOwner.STANDING_COMMITTEE,
                    assignee="Thường trực HĐND các xã, thị trấn",
                    due_date=datetime.date(2024, 12, 5),
                ),
            ]
        )
