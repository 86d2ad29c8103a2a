"""The councils' oversight in 2024 up to the briefing of 22/10/2024, shaped like the seed article's
sentence "10 tháng đầu năm các cấp tổ chức được 43 cuộc giám sát, 18 cuộc khảo sát": the district
council 7 supervisions and 3 surveys, its 17 communes 36 and 15 (3 missions each). Also the
district's supervision programme (tasks that became missions) and work programme, the
recommendations that followed the reports and conclusions (some done, some dropped, the rest still
open and so overdue today), and the questioning at the district's regular session of 12/07/2024
and an accountability hearing with their commitments.

Every mission stands as it stood on the day of the briefing: decided, in the field, reported or
concluded according to its dates, with the decision, report or conclusions that status requires.
Subjects, bodies and people are plausible fictions. Idempotent: a council that already has its
2024 missions (programmes, questioning, hearing) is left as it is."""

import datetime
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from hdnd.core.audit import CREATE, audit_bulk
from hdnd.core.vntext import nfc
from hdnd.councils.models import Body, CommitteeKind, DelegateGroup, Level, Membership, Person, Position
from hdnd.councils.services import unit_title
from hdnd.meetings.models import Session
from hdnd.oversight.models import (
    AccountabilityHearing,
    AnswerForm,
    ConductingBody,
    FieldVisit,
    Mission,
    MissionKind,
    MissionStatus,
    ProgrammeKind,
    ProgrammeTask,
    ProgressReport,
    Questioning,
    Recommendation,
    RecommendationStatus,
    TaskOwner,
    TaskStatus,
    TeamMember,
    TeamRole,
    WorkProgramme,
)

from .activity import REGULAR_DAY, YEAR
from .people import NameMaker

#: The day of the briefing: the data set shows the missions as they stood that day.
SNAPSHOT = datetime.date(2024, 10, 22)
OPEN, IN_PROGRESS, DONE, DROPPED = (
    RecommendationStatus.OPEN,
    RecommendationStatus.IN_PROGRESS,
    RecommendationStatus.DONE,
    RecommendationStatus.DROPPED,
)
ST, COMMITTEE, GROUP = ConductingBody.STANDING_COMMITTEE, ConductingBody.COMMITTEE, ConductingBody.DELEGATE_GROUP
LEGAL, ECONOMY = CommitteeKind.LEGAL, CommitteeKind.ECONOMY_SOCIETY
ASSESSMENT = "Thường trực Hội đồng nhân dân đánh giá: kiến nghị đã được thực hiện xong, đạt yêu cầu."


@dataclass
class Rec:
    text: str
    body: str
    status: str | None = None  # None: chosen in turn for the communes
    reason: str = ""


@dataclass
class Plan:
    """One mission to create, before its dates and status are worked out."""

    kind: str
    subject: str
    scope: str
    bodies: list
    findings: str
    recs: list
    body: str
    begin: datetime.date
    committee: object = None
    group: object = None
    planned: bool = False  # the decision is not issued yet
    lag: bool = False  # reported, the standing committee has not concluded yet
    invite: bool = False  # a member of the Fatherland Front is invited
    lead: int = 7  # days from the decision to the field work
    days: int = 10  # days of field work
    report_gap: int = 7
    conclusions_gap: int = 10
    visits: list = field(default_factory=list)
    in_programme: bool = False
    follows: str = ""  # the subject of the mission whose open recommendations it supervises again


# --- The district council ------------------------------------------------------------------------

UBND_HUYEN = "Ủy ban nhân dân huyện"
TNMT = "Phòng Tài nguyên và Môi trường"
LAND_SUBJECT = (
    "Giám sát việc quản lý, sử dụng đất đai và công tác cấp giấy chứng nhận quyền sử dụng đất "
    "trên địa bàn huyện giai đoạn 2021–2023"
)


def _district_plans(roster):
    kim_lu_group = roster.group_covering("Kim Lư")
    return [
        Plan(
            kind=MissionKind.THEMATIC,
            subject=LAND_SUBJECT,
            scope="Việc lập, thực hiện quy hoạch, kế hoạch sử dụng đất; giao đất, cho thuê đất, chuyển mục đích sử "
            "dụng đất; cấp giấy chứng nhận quyền sử dụng đất; thanh tra, kiểm tra, xử lý vi phạm pháp luật về đất "
            "đai. Thời kỳ giám sát: từ 01/01/2021 đến 31/12/2023.",
            bodies=[
                "Ủy ban nhân dân huyện Na Rì",
                "Phòng Tài nguyên và Môi trường huyện",
                "Chi nhánh Văn phòng Đăng ký đất đai huyện Na Rì",
                "Ủy ban nhân dân xã Lương Thượng",
                "Ủy ban nhân dân xã Văn Minh",
            ],
            findings="Công tác quản lý nhà nước về đất đai có chuyển biến; kế hoạch sử dụng đất hằng năm được phê "
            "duyệt đúng thời hạn. Tuy nhiên, việc cấp giấy chứng nhận quyền sử dụng đất lần đầu còn chậm, còn tồn "
            "đọng hồ sơ; một số trường hợp lấn chiếm, sử dụng đất sai mục đích chưa được xử lý dứt điểm.",
            recs=[
                Rec(
                    "Chỉ đạo rà soát, giải quyết dứt điểm các hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất "
                    "lần đầu còn tồn đọng",
                    UBND_HUYEN,
                    IN_PROGRESS,
                ),
                Rec(
                    "Kiểm tra, xử lý dứt điểm các trường hợp lấn chiếm, sử dụng đất sai mục đích đã phát hiện qua "
                    "giám sát",
                    TNMT,
                    OPEN,
                ),
                Rec(
                    "Chỉnh lý biến động, cập nhật đầy đủ hồ sơ địa chính và cơ sở dữ liệu đất đai",
                    "Chi nhánh Văn phòng Đăng ký đất đai huyện Na Rì",
                    DONE,
                ),
                Rec(
                    "Lập hồ sơ quản lý quỹ đất công ích; không để hộ gia đình tự ý canh tác trên đất công ích",
                    "Ủy ban nhân dân xã Lương Thượng",
                    DONE,
                ),
                Rec(
                    "Điều chỉnh chỉ tiêu đất rừng sản xuất trong quy hoạch sử dụng đất để giao cho các hộ đang canh "
                    "tác ổn định",
                    UBND_HUYEN,
                    DROPPED,
                    "Thuộc thẩm quyền của Ủy ban nhân dân tỉnh; Thường trực Hội đồng nhân dân huyện đã chuyển kiến "
                    "nghị đến Thường trực Hội đồng nhân dân tỉnh.",
                ),
            ],
            body=ST,
            begin=datetime.date(2024, 3, 5),
            invite=True,
            lead=10,
            days=20,
            report_gap=10,
            conclusions_gap=14,
            visits=["Ủy ban nhân dân xã Lương Thượng", "Ủy ban nhân dân xã Văn Minh"],
            in_programme=True,
        ),
        Plan(
            kind=MissionKind.THEMATIC,
            subject="Giám sát việc thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2023 trên "
            "địa bàn huyện",
            scope="Kết quả thực hiện các tiêu chí nông thôn mới, nông thôn mới nâng cao; việc huy động, quản lý, sử "
            "dụng nguồn vốn của Chương trình; việc duy trì, nâng cao chất lượng các tiêu chí đã đạt.",
            bodies=[
                "Ủy ban nhân dân huyện Na Rì",
                "Phòng Nông nghiệp và Phát triển nông thôn huyện",
                "Ủy ban nhân dân xã Cường Lợi",
                "Ủy ban nhân dân xã Kim Lư",
            ],
            findings="Bình quân số tiêu chí đạt chuẩn trên mỗi xã tăng so với năm 2022; nhân dân tích cực hiến "
            "đất, góp công làm đường giao thông nông thôn. Một số tiêu chí như thu nhập, hộ nghèo, môi trường chưa "
            "bền vững; giải ngân vốn sự nghiệp còn chậm.",
            recs=[
                Rec(
                    "Đẩy nhanh tiến độ giải ngân vốn sự nghiệp của Chương trình năm 2024, không để chuyển nguồn kéo dài",
                    UBND_HUYEN,
                    DONE,
                ),
                Rec(
                    "Hướng dẫn các xã xây dựng kế hoạch duy trì, nâng cao chất lượng các tiêu chí đã đạt, nhất là "
                    "tiêu chí thu nhập và môi trường",
                    "Phòng Nông nghiệp và Phát triển nông thôn",
                    IN_PROGRESS,
                ),
                Rec(
                    "Hoàn thiện hồ sơ đề nghị công nhận thôn đạt chuẩn nông thôn mới kiểu mẫu",
                    "Ủy ban nhân dân xã Cường Lợi",
                    DONE,
                ),
            ],
            body=COMMITTEE,
            committee=roster.committee(ECONOMY),
            begin=datetime.date(2024, 4, 16),
            lead=10,
            days=20,
            report_gap=10,
            conclusions_gap=14,
            visits=["Mô hình trồng cây ăn quả, xã Cường Lợi", "Nhà văn hóa thôn Nà Đon, xã Kim Lư"],
            in_programme=True,
        ),
        Plan(
            kind=MissionKind.PETITIONS,
            subject="Giám sát việc giải quyết ý kiến, kiến nghị của cử tri gửi đến kỳ họp thường lệ cuối năm 2023 "
            "của Hội đồng nhân dân huyện",
            scope="Kết quả giải quyết, trả lời các ý kiến, kiến nghị của cử tri đã được Thường trực Hội đồng nhân "
            "dân huyện tổng hợp, chuyển đến Ủy ban nhân dân huyện; các kiến nghị chưa được giải quyết dứt điểm.",
            bodies=[
                "Ủy ban nhân dân huyện Na Rì",
                "Phòng Kinh tế và Hạ tầng huyện",
                "Phòng Tài nguyên và Môi trường huyện",
                "Ủy ban nhân dân xã Văn Vũ",
            ],
            findings="Phần lớn ý kiến, kiến nghị của cử tri đã được xem xét, trả lời; còn một số kiến nghị về sửa "
            "chữa đường giao thông liên thôn, nước sinh hoạt chưa được giải quyết dứt điểm do thiếu nguồn vốn.",
            recs=[
                Rec(
                    "Bố trí nguồn vốn sửa chữa tuyến đường liên thôn Nà Pì – Khuổi Luông, xã Văn Vũ theo kiến nghị "
                    "của cử tri",
                    UBND_HUYEN,
                    OPEN,
                ),
                Rec(
                    "Trả lời bằng văn bản cho cử tri các kiến nghị đã giải quyết xong, thông báo tại nhà văn hóa các "
                    "thôn",
                    "Ủy ban nhân dân xã Văn Vũ",
                    DONE,
                ),
                Rec(
                    "Kiểm tra, sửa chữa công trình nước sinh hoạt tập trung thôn Bản Chang, xã Văn Vũ",
                    "Phòng Kinh tế và Hạ tầng",
                    DROPPED,
                    "Công trình đã được đưa vào danh mục sửa chữa của dự án do tỉnh làm chủ đầu tư; theo dõi tại dự "
                    "án đó.",
                ),
            ],
            body=COMMITTEE,
            committee=roster.committee(LEGAL),
            begin=datetime.date(2024, 5, 7),
            lead=10,
            days=15,
            report_gap=10,
            conclusions_gap=14,
            visits=["Ủy ban nhân dân xã Văn Vũ"],
            in_programme=True,
        ),
        Plan(
            kind=MissionKind.THEMATIC,
            subject="Giám sát việc đầu tư cơ sở vật chất, trang thiết bị dạy học tại các trường mầm non, tiểu học "
            "trên địa bàn huyện",
            scope="Thực trạng phòng học, phòng chức năng, công trình vệ sinh, nước sạch; việc mua sắm, quản lý, sử "
            "dụng trang thiết bị dạy học năm học 2023–2024; việc sắp xếp các điểm trường lẻ.",
            bodies=[
                "Phòng Giáo dục và Đào tạo huyện",
                "Trường Mầm non Kim Hỷ",
                "Trường Tiểu học Xuân Dương",
                "Trường Tiểu học Côn Minh",
            ],
            findings="Cơ sở vật chất các trường từng bước được đầu tư; còn phòng học tạm, phòng học mượn ở các điểm "
            "trường lẻ; một số công trình vệ sinh, nước sạch xuống cấp; thiết bị dạy học lớp 4 theo chương trình "
            "giáo dục phổ thông mới chưa được cấp đủ.",
            recs=[
                Rec(
                    "Bố trí kinh phí sửa chữa công trình vệ sinh, nước sạch tại các điểm trường lẻ trước năm học "
                    "2024–2025",
                    UBND_HUYEN,
                    DONE,
                ),
                Rec(
                    "Rà soát, đề xuất mua sắm bổ sung thiết bị dạy học tối thiểu lớp 4, lớp 5",
                    "Phòng Giáo dục và Đào tạo",
                    IN_PROGRESS,
                ),
                Rec(
                    "Xóa phòng học tạm tại điểm trường thôn Pò Nim",
                    "Ủy ban nhân dân xã Xuân Dương",
                    OPEN,
                ),
            ],
            body=COMMITTEE,
            committee=roster.committee(ECONOMY),
            begin=datetime.date(2024, 5, 28),
            invite=True,
            lead=10,
            days=20,
            report_gap=10,
            conclusions_gap=14,
            visits=["Trường Mầm non Kim Hỷ", "Điểm trường thôn Pò Nim, xã Xuân Dương", "Trường Tiểu học Côn Minh"],
            in_programme=True,
        ),
        Plan(
            kind=MissionKind.THEMATIC,
            subject="Giám sát tình hình thực hiện dự toán thu, chi ngân sách địa phương 6 tháng đầu năm 2024",
            scope="Kết quả thu ngân sách trên địa bàn; chi đầu tư phát triển, chi thường xuyên; việc quản lý, sử "
            "dụng dự phòng ngân sách; thực hành tiết kiệm, chống lãng phí.",
            bodies=[
                "Ủy ban nhân dân huyện Na Rì",
                "Phòng Tài chính – Kế hoạch huyện",
                "Chi cục Thuế khu vực",
                "Ủy ban nhân dân thị trấn Yến Lạc",
            ],
            findings="Thu ngân sách 6 tháng đạt khá so với dự toán; chi thường xuyên bảo đảm các nhiệm vụ. Một số "
            "khoản thu từ đất đạt thấp; tiến độ giải ngân vốn đầu tư công còn chậm.",
            recs=[
                Rec(
                    "Có giải pháp tăng thu từ đấu giá quyền sử dụng đất, chống thất thu thuế ngoài quốc doanh",
                    UBND_HUYEN,
                    IN_PROGRESS,
                ),
                Rec(
                    "Đôn đốc các chủ đầu tư đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2024",
                    "Phòng Tài chính – Kế hoạch",
                    OPEN,
                ),
                Rec(
                    "Rà soát, cắt giảm các khoản chi thường xuyên chưa thực sự cần thiết",
                    "Ủy ban nhân dân thị trấn Yến Lạc",
                    OPEN,
                ),
            ],
            body=ST,
            begin=datetime.date(2024, 8, 13),
            lag=True,
            lead=10,
            days=20,
            report_gap=10,
            conclusions_gap=14,
            visits=["Ủy ban nhân dân thị trấn Yến Lạc"],
            in_programme=True,
        ),
        Plan(
            kind=MissionKind.THEMATIC,
            subject="Giám sát công tác tiếp công dân, giải quyết khiếu nại, tố cáo trên địa bàn huyện từ 01/01/2023 "
            "đến 30/6/2024",
            scope="Việc tổ chức tiếp công dân thường xuyên, định kỳ; tiếp nhận, phân loại, giải quyết đơn khiếu "
            "nại, tố cáo, kiến nghị, phản ánh; việc thi hành các quyết định giải quyết khiếu nại đã có hiệu lực.",
            bodies=[
                "Thanh tra huyện",
                "Ban Tiếp công dân huyện",
                "Ủy ban nhân dân xã Quang Phong",
                "Ủy ban nhân dân xã Trần Phú",
            ],
            findings="",
            recs=[],
            body=COMMITTEE,
            committee=roster.committee(LEGAL),
            begin=datetime.date(2024, 9, 10),
            lead=10,
            days=30,
            visits=["Ủy ban nhân dân xã Quang Phong", "Ủy ban nhân dân xã Trần Phú"],
        ),
        Plan(
            kind=MissionKind.THEMATIC,
            subject="Giám sát việc thực hiện các kiến nghị sau giám sát về quản lý, sử dụng đất đai và cấp giấy "
            "chứng nhận quyền sử dụng đất",
            scope="Kết quả thực hiện các kiến nghị theo Kết luận của Thường trực Hội đồng nhân dân huyện về quản "
            "lý, sử dụng đất đai giai đoạn 2021–2023; các kiến nghị chưa thực hiện xong và nguyên nhân.",
            bodies=["Ủy ban nhân dân huyện Na Rì", "Phòng Tài nguyên và Môi trường huyện"],
            findings="",
            recs=[],
            body=ST,
            begin=datetime.date(2024, 10, 8),
            lead=16,
            days=10,
            in_programme=True,
            follows=LAND_SUBJECT,
        ),
        Plan(
            kind=MissionKind.SURVEY,
            subject="Khảo sát việc thực hiện chính sách bảo hiểm y tế đối với người dân tộc thiểu số, hộ nghèo, "
            "hộ cận nghèo",
            scope="Việc lập danh sách, cấp thẻ bảo hiểm y tế; khám, chữa bệnh bảo hiểm y tế tại trạm y tế xã; "
            "tình trạng thẻ sai thông tin, cấp chậm.",
            bodies=[
                "Bảo hiểm xã hội huyện Na Rì",
                "Trung tâm Y tế huyện Na Rì",
                "Ủy ban nhân dân xã Dương Sơn",
                "Trạm Y tế xã Dương Sơn",
            ],
            findings="Thẻ bảo hiểm y tế cơ bản được cấp kịp thời; còn thẻ sai thông tin cá nhân; thuốc tại trạm y "
            "tế xã có thời điểm chưa đáp ứng nhu cầu khám, chữa bệnh.",
            recs=[
                Rec(
                    "Phối hợp rà soát, điều chỉnh thông tin thẻ bảo hiểm y tế bị sai, cấp lại cho người dân",
                    "Bảo hiểm xã hội huyện Na Rì",
                    DONE,
                ),
                Rec(
                    "Bảo đảm cung ứng đủ thuốc, vật tư y tế cho các trạm y tế xã",
                    "Trung tâm Y tế huyện Na Rì",
                    IN_PROGRESS,
                ),
            ],
            body=COMMITTEE,
            committee=roster.committee(ECONOMY),
            begin=datetime.date(2024, 3, 26),
            lead=10,
            days=4,
            report_gap=10,
            conclusions_gap=14,
            visits=["Trạm Y tế xã Dương Sơn"],
        ),
        Plan(
            kind=MissionKind.SURVEY,
            subject="Khảo sát công tác bảo đảm an ninh trật tự, phòng, chống ma túy tại các xã vùng cao",
            scope="Tình hình an ninh trật tự, tội phạm và tệ nạn ma túy; hoạt động của tổ an ninh trật tự cơ sở; "
            "công tác tuyên truyền, quản lý người sử dụng trái phép chất ma túy.",
            bodies=["Công an huyện Na Rì", "Ủy ban nhân dân xã Kim Hỷ", "Ủy ban nhân dân xã Sơn Thành"],
            findings="Tình hình an ninh trật tự cơ bản ổn định; tổ an ninh trật tự cơ sở đã đi vào hoạt động nhưng "
            "kinh phí còn khó khăn; còn người sử dụng trái phép chất ma túy chưa được quản lý chặt chẽ.",
            recs=[
                Rec(
                    "Tăng cường tuyên truyền phòng, chống ma túy tại thôn, bản; rà soát, quản lý người sử dụng trái "
                    "phép chất ma túy",
                    "Công an huyện Na Rì",
                    IN_PROGRESS,
                ),
                Rec(
                    "Củng cố tổ an ninh trật tự cơ sở, bố trí kinh phí hoạt động",
                    "Ủy ban nhân dân xã Kim Hỷ",
                    OPEN,
                ),
            ],
            body=COMMITTEE,
            committee=roster.committee(LEGAL),
            begin=datetime.date(2024, 7, 23),
            lag=True,
            lead=10,
            days=4,
            report_gap=10,
            conclusions_gap=14,
            visits=["Ủy ban nhân dân xã Kim Hỷ", "Ủy ban nhân dân xã Sơn Thành"],
        ),
        Plan(
            kind=MissionKind.SURVEY,
            subject="Khảo sát tình hình quản lý, vận hành công trình thủy lợi hồ Khuổi Khe, xã Kim Lư",
            scope="Hiện trạng đập, cống lấy nước, kênh dẫn; việc vận hành, bảo vệ hồ trong mùa mưa lũ; diện tích "
            "được tưới.",
            bodies=["Ủy ban nhân dân xã Kim Lư", "Tổ hợp tác dùng nước thôn Khuổi Khe"],
            findings="Hồ cơ bản phát huy tác dụng tưới cho diện tích lúa hai vụ; cống lấy nước bị rò rỉ, mái đập "
            "thượng lưu có đoạn sạt lở; chưa có phương án bảo vệ hồ trong mùa mưa lũ.",
            recs=[
                Rec(
                    "Kiểm tra, sửa chữa cống lấy nước và mái đập hồ Khuổi Khe trước mùa mưa năm 2025",
                    UBND_HUYEN,
                    OPEN,
                ),
                Rec(
                    "Xây dựng phương án bảo vệ, vận hành hồ Khuổi Khe trong mùa mưa lũ",
                    "Ủy ban nhân dân xã Kim Lư",
                    IN_PROGRESS,
                ),
            ],
            body=GROUP,
            group=kim_lu_group,
            begin=datetime.date(2024, 9, 24),
            lead=10,
            days=4,
            report_gap=10,
            visits=["Hồ Khuổi Khe, xã Kim Lư"],
        ),
    ]


#: The supervision programme's tasks that have no mission yet (or never will).
OTHER_PROGRAMME_TASKS = [
    (
        "Giám sát việc thực hiện Nghị quyết của Hội đồng nhân dân huyện về hỗ trợ phát triển sản xuất nông, lâm nghiệp",
        ECONOMY,
        datetime.date(2024, 11, 29),
        TaskStatus.PLANNED,
    ),
    (
        "Giám sát việc giải quyết ý kiến, kiến nghị của cử tri trước kỳ họp thường lệ cuối năm 2024",
        ST,
        datetime.date(2024, 12, 6),
        TaskStatus.PLANNED,
    ),
    (
        "Giám sát việc sắp xếp, sáp nhập thôn, tổ dân phố trên địa bàn huyện",
        LEGAL,
        datetime.date(2024, 9, 30),
        TaskStatus.CANCELLED,
    ),
]
WORK_TASKS = [
    ("Chuẩn bị nội dung, tổ chức kỳ họp thường lệ giữa năm 2024", ST, datetime.date(2024, 7, 12), TaskStatus.DONE),
    (
        "Thẩm tra các báo cáo kinh tế – xã hội, ngân sách trình kỳ họp giữa năm 2024",
        ECONOMY,
        datetime.date(2024, 7, 5),
        TaskStatus.DONE,
    ),
    (
        "Thẩm tra báo cáo công tác phòng, chống tội phạm và vi phạm pháp luật 6 tháng đầu năm 2024",
        LEGAL,
        datetime.date(2024, 7, 5),
        TaskStatus.DONE,
    ),
    (
        "Tổ chức hội nghị giao ban Thường trực Hội đồng nhân dân huyện với Thường trực Hội đồng nhân dân các xã, "
        "thị trấn",
        ST,
        datetime.date(2024, 10, 22),
        TaskStatus.DONE,
    ),
    (
        "Tổ chức tập huấn kỹ năng hoạt động cho đại biểu Hội đồng nhân dân huyện và xã",
        ST,
        datetime.date(2024, 9, 30),
        TaskStatus.CANCELLED,
    ),
    (
        "Tổng hợp ý kiến, kiến nghị của cử tri sau các buổi tiếp xúc cử tri trước kỳ họp cuối năm 2024",
        TaskOwner.OFFICE,
        datetime.date(2024, 11, 15),
        TaskStatus.IN_PROGRESS,
    ),
    (
        "Số hóa hồ sơ, tài liệu các kỳ họp nhiệm kỳ 2021–2026",
        TaskOwner.OFFICE,
        datetime.date(2024, 12, 31),
        TaskStatus.IN_PROGRESS,
    ),
    (
        "Chuẩn bị tài liệu, cơ sở vật chất phục vụ kỳ họp thường lệ cuối năm 2024",
        TaskOwner.OFFICE,
        datetime.date(2024, 12, 13),
        TaskStatus.PLANNED,
    ),
]

# --- The communes ----------------------------------------------------------------------------------
# Placeholders: {unit} "xã Kim Lư", {ubnd} "Ủy ban nhân dân xã Kim Lư", {name} "Kim Lư",
# {v1}/{v2} two of its villages.


@dataclass
class Template:
    kind: str
    subject: str
    scope: str
    bodies: list
    findings: str
    recs: list
    committee: str = ECONOMY
    visits: list = field(default_factory=list)


SUPERVISIONS = [
    Template(
        MissionKind.THEMATIC,
        "Giám sát việc quản lý, sử dụng quỹ đất công ích và xử lý vi phạm đất đai trên địa bàn {unit}",
        "Việc lập hồ sơ, cho thuê, sử dụng quỹ đất công ích; phát hiện, xử lý các trường hợp lấn chiếm, sử dụng đất "
        "sai mục đích từ năm 2022 đến nay.",
        ["{ubnd}", "Công chức Địa chính – Xây dựng {unit}", "Trưởng thôn {v1}"],
        "Quỹ đất công ích cơ bản được quản lý; hồ sơ cho thuê chưa đầy đủ; còn trường hợp sử dụng đất sai mục đích "
        "chưa được xử lý kịp thời.",
        [
            (
                "Lập, hoàn thiện hồ sơ quản lý quỹ đất công ích; công khai danh sách hộ thuê đất tại nhà văn hóa các thôn",
                "{ubnd}",
            ),
            ("Xử lý dứt điểm các trường hợp lấn chiếm, sử dụng đất sai mục đích đã phát hiện", "{ubnd}"),
            ("Cập nhật đầy đủ biến động đất đai vào hồ sơ địa chính", "Công chức Địa chính – Xây dựng {unit}"),
        ],
        visits=["Khu đất công ích thôn {v1}", "Thôn {v2}"],
    ),
    Template(
        MissionKind.THEMATIC,
        "Giám sát việc thực hiện các tiêu chí xây dựng nông thôn mới năm 2024 tại {unit}",
        "Kết quả duy trì, nâng cao chất lượng các tiêu chí đã đạt; việc huy động nguồn lực, sự tham gia của nhân "
        "dân; các tiêu chí chưa đạt và nguyên nhân.",
        ["{ubnd}", "Ban quản lý các chương trình mục tiêu quốc gia {unit}", "Ban phát triển thôn {v1}"],
        "Các tiêu chí đã đạt cơ bản được duy trì; tiêu chí thu nhập, môi trường, hộ nghèo còn khó khăn; việc vận "
        "động nhân dân hiến đất làm đường ở một số thôn còn chậm.",
        [
            (
                "Xây dựng kế hoạch nâng cao chất lượng tiêu chí thu nhập và môi trường, phân công cụ thể cho từng ban, ngành",
                "{ubnd}",
            ),
            ("Vận động nhân dân hiến đất, góp công làm đường bê tông nội đồng thôn {v1}", "Ban phát triển thôn {v1}"),
        ],
        visits=["Đường bê tông nội đồng thôn {v1}", "Nhà văn hóa thôn {v2}"],
    ),
    Template(
        MissionKind.THEMATIC,
        "Giám sát việc thực hiện dự toán thu, chi ngân sách {unit} năm 2024",
        "Kết quả thu ngân sách trên địa bàn, các khoản thu phí, lệ phí; chi thường xuyên, chi đầu tư; việc công "
        "khai ngân sách; thực hành tiết kiệm, chống lãng phí.",
        ["{ubnd}", "Công chức Tài chính – Kế toán {unit}"],
        "Thu ngân sách đạt tiến độ dự toán; chi ngân sách cơ bản đúng quy định. Một số khoản thu phí, lệ phí đạt "
        "thấp; việc công khai dự toán tại trụ sở chưa đầy đủ.",
        [
            ("Tập trung thu các khoản thu còn đạt thấp so với dự toán, nhất là thu phí, lệ phí", "{ubnd}"),
            ("Công khai dự toán, quyết toán ngân sách đúng quy định", "Công chức Tài chính – Kế toán {unit}"),
        ],
        visits=["Trụ sở {ubnd}"],
    ),
    Template(
        MissionKind.THEMATIC,
        "Giám sát cơ sở vật chất, trang thiết bị phục vụ dạy và học tại các trường học trên địa bàn {unit}",
        "Phòng học, công trình vệ sinh, nước sạch, bếp ăn bán trú; việc quản lý, sử dụng thiết bị dạy học năm học "
        "2023–2024; chuẩn bị cho năm học mới.",
        ["Trường Mầm non {name}", "Trường Tiểu học {name}", "Trường Trung học cơ sở {name}"],
        "Cơ sở vật chất cơ bản đáp ứng yêu cầu dạy và học; một số phòng học, nhà vệ sinh ở điểm trường lẻ xuống "
        "cấp; thiết bị dạy học được cấp chưa được bảo quản tốt.",
        [
            ("Sửa chữa nhà vệ sinh, bể nước tại điểm trường thôn {v1}", "{ubnd}"),
            ("Sắp xếp, bảo quản, sử dụng có hiệu quả thiết bị dạy học được cấp", "Trường Tiểu học {name}"),
            ("Bố trí phòng học tạm thời cho lớp ghép tại điểm trường thôn {v2}", "Trường Mầm non {name}"),
        ],
        visits=["Trường Tiểu học {name}", "Điểm trường thôn {v1}"],
    ),
    Template(
        MissionKind.THEMATIC,
        "Giám sát việc thực hiện chính sách bảo hiểm y tế và khám, chữa bệnh tại Trạm Y tế {unit}",
        "Việc cấp, đổi thẻ bảo hiểm y tế; khám, chữa bệnh bảo hiểm y tế; cung ứng thuốc, vật tư y tế; thái độ phục "
        "vụ người bệnh.",
        ["{ubnd}", "Trạm Y tế {unit}"],
        "Tỷ lệ người dân tham gia bảo hiểm y tế cao; còn thẻ sai thông tin chưa được điều chỉnh; có thời điểm thiếu "
        "một số loại thuốc thiết yếu.",
        [
            ("Rà soát, đề nghị cấp đổi thẻ bảo hiểm y tế bị sai thông tin cho người dân", "{ubnd}"),
            ("Niêm yết công khai danh mục thuốc bảo hiểm y tế, dự trù đủ thuốc thiết yếu", "Trạm Y tế {unit}"),
        ],
        visits=["Trạm Y tế {unit}"],
    ),
    Template(
        MissionKind.THEMATIC,
        "Giám sát việc quản lý, sử dụng vốn hỗ trợ phát triển sản xuất thuộc Chương trình mục tiêu quốc gia giảm "
        "nghèo bền vững tại {unit}",
        "Việc lựa chọn hộ, đối tượng được hỗ trợ; cấp phát giống cây, con; hiệu quả các mô hình; việc thanh, quyết "
        "toán nguồn vốn năm 2023.",
        ["{ubnd}", "Ban quản lý thôn {v1}", "Ban quản lý thôn {v2}"],
        "Việc bình xét hộ được hỗ trợ công khai, dân chủ; một số mô hình nuôi trâu, bò sinh sản hiệu quả chưa cao, "
        "còn hộ bán vật nuôi được hỗ trợ khi chưa đủ thời gian.",
        [
            (
                "Kiểm tra hiệu quả các mô hình hỗ trợ nuôi trâu, bò sinh sản; xử lý các trường hợp sử dụng sai mục đích",
                "{ubnd}",
            ),
            ("Lập sổ theo dõi vật nuôi được hỗ trợ đến từng hộ", "Ban quản lý thôn {v1}"),
        ],
        visits=["Hộ nuôi bò sinh sản thôn {v1}", "Thôn {v2}"],
    ),
    Template(
        MissionKind.THEMATIC,
        "Giám sát việc thực hiện chính sách trợ cấp xã hội đối với người cao tuổi, người khuyết tật trên địa bàn "
        "{unit}",
        "Việc lập hồ sơ, xét duyệt, chi trả trợ cấp xã hội hằng tháng; quản lý đối tượng; việc công khai danh sách "
        "người được hưởng.",
        ["{ubnd}", "Công chức Văn hóa – Xã hội {unit}"],
        "Trợ cấp được chi trả đầy đủ, kịp thời; còn trường hợp đủ điều kiện nhưng chưa được lập hồ sơ; danh sách "
        "đối tượng chưa được công khai ở một số thôn.",
        [
            ("Rà soát, lập hồ sơ trợ cấp cho các đối tượng đủ điều kiện chưa được hưởng", "{ubnd}"),
            (
                "Chi trả trợ cấp đúng kỳ, công khai danh sách đối tượng tại các thôn",
                "Công chức Văn hóa – Xã hội {unit}",
            ),
        ],
        visits=["Điểm chi trả trợ cấp thôn {v1}"],
    ),
    Template(
        MissionKind.THEMATIC,
        "Giám sát công tác quản lý, vận hành các công trình nước sinh hoạt tập trung trên địa bàn {unit}",
        "Hiện trạng các công trình nước sinh hoạt tập trung; tổ chức quản lý, vận hành, duy tu; việc thu, sử dụng "
        "tiền nước.",
        ["{ubnd}", "Tổ quản lý công trình nước thôn {v1}"],
        "Phần lớn công trình còn hoạt động; công trình thôn {v1} hư hỏng đường ống, bể chứa, nước không đủ cho mùa "
        "khô; tổ quản lý chưa có quy chế hoạt động.",
        [
            ("Sửa chữa đường ống, bể chứa công trình nước sinh hoạt thôn {v1}", "{ubnd}"),
            ("Kiện toàn tổ quản lý, xây dựng quy chế thu, sử dụng tiền nước", "Tổ quản lý công trình nước thôn {v1}"),
        ],
        visits=["Công trình nước sinh hoạt thôn {v1}"],
    ),
    Template(
        MissionKind.THEMATIC,
        "Giám sát công tác quản lý, bảo vệ rừng và phòng cháy, chữa cháy rừng trên địa bàn {unit}",
        "Việc giao rừng, khoán bảo vệ rừng; phương án phòng cháy, chữa cháy rừng; phát hiện, xử lý các vụ vi phạm "
        "Luật Lâm nghiệp.",
        ["{ubnd}", "Kiểm lâm địa bàn {unit}"],
        "Diện tích rừng được bảo vệ tốt; còn vụ phát rừng làm nương trái phép; lực lượng chữa cháy rừng ở thôn "
        "thiếu dụng cụ.",
        [
            ("Kiện toàn Ban chỉ huy phòng cháy, chữa cháy rừng; xây dựng phương án cho mùa khô", "{ubnd}"),
            ("Tuần tra, kiểm tra, xử lý kịp thời các vụ phát rừng trái phép", "Kiểm lâm địa bàn {unit}"),
        ],
        committee=LEGAL,
        visits=["Khu rừng phòng hộ thôn {v1}"],
    ),
    Template(
        MissionKind.PETITIONS,
        "Giám sát việc giải quyết ý kiến, kiến nghị của cử tri gửi đến kỳ họp cuối năm 2023 của Hội đồng nhân dân "
        "{unit}",
        "Kết quả xem xét, giải quyết, trả lời các ý kiến, kiến nghị của cử tri do Thường trực Hội đồng nhân dân "
        "chuyển đến; các kiến nghị còn tồn đọng.",
        ["{ubnd}", "Công chức Văn phòng – Thống kê {unit}"],
        "Đa số kiến nghị đã được trả lời; còn kiến nghị về sửa chữa ngầm tràn, đường giao thông chưa được giải "
        "quyết do vượt thẩm quyền hoặc thiếu kinh phí.",
        [
            ("Trả lời bằng văn bản các kiến nghị của cử tri còn tồn đọng, thông báo tại các thôn", "{ubnd}"),
            ("Đề nghị cấp trên hỗ trợ kinh phí sửa chữa ngầm tràn thôn {v2} theo kiến nghị của cử tri", "{ubnd}"),
        ],
        committee=LEGAL,
        visits=["Ngầm tràn thôn {v2}"],
    ),
    Template(
        MissionKind.PETITIONS,
        "Giám sát việc tiếp công dân, giải quyết đơn khiếu nại, tố cáo, kiến nghị, phản ánh của công dân tại {unit}",
        "Việc tổ chức tiếp công dân; tiếp nhận, phân loại, xử lý đơn; công tác hòa giải ở cơ sở từ 01/01/2023 đến nay.",
        ["{ubnd}", "Công chức Tư pháp – Hộ tịch {unit}", "Tổ hòa giải thôn {v1}"],
        "Việc tiếp công dân được duy trì; sổ theo dõi đơn chưa đầy đủ; còn vụ tranh chấp đất đai kéo dài chưa được "
        "hòa giải thành.",
        [
            ("Mở sổ theo dõi, phân loại, xử lý đơn đúng quy định", "{ubnd}"),
            ("Hòa giải dứt điểm vụ tranh chấp đất đai tại thôn {v1}", "Tổ hòa giải thôn {v1}"),
        ],
        committee=LEGAL,
        visits=["Nhà văn hóa thôn {v1}"],
    ),
]
SURVEYS = [
    Template(
        MissionKind.SURVEY,
        "Khảo sát tình hình hỗ trợ nhà ở cho hộ nghèo, hộ có hoàn cảnh khó khăn trên địa bàn {unit}",
        "Số hộ được hỗ trợ, tiến độ xây dựng, sửa chữa nhà ở; việc huy động nguồn lực xã hội hóa.",
        ["{ubnd}", "Trưởng thôn {v1}"],
        "Phần lớn các hộ đã khởi công; một số hộ chậm tiến độ do khó khăn về vật liệu, nhân công.",
        [("Đôn đốc, giúp đỡ các hộ được hỗ trợ sớm hoàn thành xây dựng nhà ở", "{ubnd}")],
        visits=["Thôn {v1}"],
    ),
    Template(
        MissionKind.SURVEY,
        "Khảo sát hiện trạng các tuyến đường giao thông nông thôn trên địa bàn {unit}",
        "Chiều dài, kết cấu, mức độ xuống cấp các tuyến đường liên thôn, nội thôn; việc duy tu, bảo dưỡng.",
        ["{ubnd}", "Công chức Địa chính – Xây dựng {unit}"],
        "Nhiều tuyến đường đã được bê tông hóa; tuyến thôn {v1} – thôn {v2} xuống cấp, sạt lở sau mưa lũ.",
        [
            ("Lập danh mục các tuyến đường xuống cấp, đề nghị huyện hỗ trợ sửa chữa", "{ubnd}"),
            ("Tổ chức khơi thông rãnh thoát nước, dọn sạt lở tuyến thôn {v1} – thôn {v2}", "Trưởng thôn {v1}"),
        ],
        visits=["Tuyến đường thôn {v1} – thôn {v2}"],
    ),
    Template(
        MissionKind.SURVEY,
        "Khảo sát tình hình sản xuất nông nghiệp và phòng, chống dịch bệnh trên đàn gia súc tại {unit}",
        "Diện tích gieo trồng, năng suất các cây trồng chính; tổng đàn gia súc, tình hình dịch bệnh và tiêm phòng.",
        ["{ubnd}", "Cán bộ khuyến nông {unit}"],
        "Sản xuất cơ bản đạt kế hoạch; tỷ lệ tiêm phòng cho đàn trâu, bò còn thấp ở một số thôn.",
        [("Tổ chức tiêm phòng bổ sung cho đàn trâu, bò, lợn", "{ubnd}")],
        visits=["Cánh đồng thôn {v1}"],
    ),
    Template(
        MissionKind.SURVEY,
        "Khảo sát hoạt động của các hợp tác xã, tổ hợp tác nông nghiệp trên địa bàn {unit}",
        "Số hợp tác xã, tổ hợp tác đang hoạt động; sản phẩm, thị trường tiêu thụ; khó khăn, vướng mắc.",
        ["{ubnd}", "Hợp tác xã nông nghiệp thôn {v1}"],
        "Các hợp tác xã quy mô nhỏ, vốn ít; sản phẩm chưa có thương hiệu, tiêu thụ còn phụ thuộc thương lái.",
        [("Hỗ trợ các hợp tác xã xây dựng sản phẩm OCOP, kết nối tiêu thụ sản phẩm", "{ubnd}")],
        visits=["Hợp tác xã nông nghiệp thôn {v1}"],
    ),
    Template(
        MissionKind.SURVEY,
        "Khảo sát công tác thu gom, xử lý rác thải sinh hoạt tại các khu dân cư {unit}",
        "Việc phân loại, thu gom, vận chuyển, xử lý rác thải sinh hoạt; ý thức của người dân; kinh phí thực hiện.",
        ["{ubnd}", "Trưởng thôn {v1}"],
        "Rác thải ở khu trung tâm được thu gom thường xuyên; các thôn xa chủ yếu tự xử lý, còn tình trạng đổ rác "
        "ra suối.",
        [("Bố trí điểm tập kết rác tại thôn {v1}, quy định thời gian thu gom", "{ubnd}")],
        visits=["Thôn {v1}"],
    ),
    Template(
        MissionKind.SURVEY,
        "Khảo sát tình hình học sinh bỏ học, đi học không chuyên cần tại {unit}",
        "Số học sinh bỏ học, nghỉ học dài ngày; nguyên nhân; các biện pháp vận động học sinh trở lại lớp.",
        ["Trường Trung học cơ sở {name}", "{ubnd}"],
        "Còn học sinh bỏ học, chủ yếu do hoàn cảnh gia đình khó khăn, đi làm ăn xa cùng bố mẹ.",
        [("Phối hợp với gia đình vận động học sinh bỏ học trở lại lớp", "Trường Trung học cơ sở {name}")],
        committee=LEGAL,
        visits=["Trường Trung học cơ sở {name}"],
    ),
]
VILLAGE_WORD = "thôn "


def _commune_plans(roster, index):
    """Three missions for the commune at `index` (0–16): a survey and two supervisions for the first 15,
    three supervisions for the last two — 36 supervisions and 15 surveys in all."""
    unit = roster.council.unit
    title = unit_title(unit)
    name = title.removeprefix("thị trấn ").removeprefix("xã ")
    groups = roster.group_list
    plans = []
    for k in range(3):
        survey = index < 15 and k == index % 3
        template = SURVEYS[index % len(SURVEYS)] if survey else SUPERVISIONS[(index * 2 + k) % len(SUPERVISIONS)]
        rotation = (index + k) % 3
        if survey:
            body = COMMITTEE if index % 2 == 0 else GROUP
        elif template.kind == MissionKind.PETITIONS:
            body = ST if (index + k) % 2 else COMMITTEE
        else:
            body = (ST, COMMITTEE, GROUP)[rotation]
        group = groups[(index + k) % len(groups)] if body == GROUP else None
        villages = roster.villages(group) if group else roster.villages(groups[(index + 2 * k) % len(groups)])
        values = {
            "unit": title,
            "ubnd": f"Ủy ban nhân dân {title}",
            "name": name,
            "v1": villages[0],
            "v2": villages[-1],
        }
        begin = (
            datetime.date(2024, 2, 26) + datetime.timedelta(days=index * 3 % 40),
            datetime.date(2024, 5, 20) + datetime.timedelta(days=index * 4 % 50),
            datetime.date(2024, 9, 16) + datetime.timedelta(days=index * 2 % 33),
        )[k]
        plans.append(
            Plan(
                kind=template.kind,
                subject=template.subject.format(**values),
                scope=template.scope.format(**values),
                bodies=[b.format(**values) for b in template.bodies],
                findings=template.findings.format(**values),
                recs=[Rec(text.format(**values), who.format(**values)) for text, who in template.recs],
                body=body,
                committee=roster.committee(template.committee) if body == COMMITTEE else None,
                group=group,
                begin=begin,
                planned=k == 2 and index in (13, 15),
                lag=(index + k) % 4 == 1,
                invite=body == ST or (index + k) % 5 == 0,
                lead=5 if survey else 7,
                days=1 if survey else 10,
                report_gap=5 if survey else 7,
                visits=[_place(v.format(**values), title) for v in template.visits],
            )
        )
    return plans


def _place(place, title):
    return place if title in place else f"{place}, {title}"


# --- Who is who ------------------------------------------------------------------------------------

POSITION_ROLE = {
    Position.HEAD: TeamRole.HEAD,
    Position.DEPUTY_HEAD: TeamRole.DEPUTY,
    Position.GROUP_LEADER: TeamRole.HEAD,
    Position.GROUP_DEPUTY: TeamRole.DEPUTY,
}
POSITION_ORDER = [Position.HEAD, Position.GROUP_LEADER, Position.DEPUTY_HEAD, Position.GROUP_DEPUTY, Position.MEMBER]


class Roster:
    """A council's standing committee, committees and delegate groups, from the demo's memberships."""

    def __init__(self, council):
        self.council = council
        self.term = council.terms.get()
        self.chair = self.vice = None
        self.standing = []
        self.committees = {}
        self.members = defaultdict(list)  # (body, pk) → memberships, head first
        groups = {}
        rows = (
            Membership.objects.filter(delegate__council=council, delegate__term=self.term)
            .select_related("delegate__person", "committee", "delegate_group")
            .order_by("pk")
        )
        for row in rows:
            if row.body == Body.STANDING_COMMITTEE:
                self.standing.append(row.delegate)
                if row.position == Position.CHAIR:
                    self.chair = row.delegate
                elif row.position == Position.VICE_CHAIR:
                    self.vice = row.delegate
            elif row.body == Body.COMMITTEE:
                self.committees.setdefault(row.committee.kind, row.committee)
                self.members[(COMMITTEE, row.committee_id)].append(row)
            else:
                groups.setdefault(row.delegate_group_id, row.delegate_group)
                self.members[(GROUP, row.delegate_group_id)].append(row)
        for rows_of_body in self.members.values():
            rows_of_body.sort(key=lambda m: POSITION_ORDER.index(m.position) if m.position in POSITION_ORDER else 9)
        self.group_list = sorted(groups.values(), key=lambda g: g.pk)
        areas = defaultdict(list)
        links = DelegateGroup.constituencies.through.objects.filter(delegategroup__in=self.group_list)
        for group_id, area in links.order_by("constituency__number").values_list(
            "delegategroup_id", "constituency__area"
        ):
            areas[group_id].append(area)
        self.areas = {group.pk: ", ".join(areas[group.pk]) for group in self.group_list}

    def committee(self, kind):
        return self.committees.get(kind) or next(iter(self.committees.values()))

    def group_covering(self, place):
        """The delegate group whose constituencies' area names `place` (else the first group)."""
        return next((g for g in self.group_list if place in self.areas[g.pk]), self.group_list[0])

    def villages(self, group):
        """The villages of a commune's delegate group, from its constituency ("Thôn Nà Làng, thôn Khuổi Khe")."""
        parts = [p.strip() for p in self.areas[group.pk].split(",") if p.strip()]
        return [p[len(VILLAGE_WORD) :] if p.lower().startswith(VILLAGE_WORD) else p for p in parts] or ["Nà Làng"]

    def leaders(self):
        """The delegate groups' leaders, one per group (some also sit on the standing committee)."""
        return [self.members[(GROUP, g.pk)][0].delegate for g in self.group_list if self.members[(GROUP, g.pk)]]

    def team(self, plan):
        """(delegate, role) for the delegates of the team conducting `plan`."""
        if plan.body == ST:
            heads = [d for d in self.standing if d not in (self.chair, self.vice)]
            team = [(self.vice or self.chair, TeamRole.HEAD)]
            team += [(d, TeamRole.DEPUTY if i == 0 else TeamRole.MEMBER) for i, d in enumerate(heads)]
            leaders = [d for d in self.leaders() if d not in self.standing]
            start = len(plan.subject) % len(leaders)
            team += [(d, TeamRole.MEMBER) for d in (leaders[start:] + leaders[:start])[:2]]
            return team
        key = (COMMITTEE, plan.committee.pk) if plan.body == COMMITTEE else (GROUP, plan.group.pk)
        return [(m.delegate, POSITION_ROLE.get(m.position, TeamRole.MEMBER)) for m in self.members[key]]


# --- Building the records ----------------------------------------------------------------------------


def _month_end(day, months):
    """The last day of the month `months` after the month of `day`."""
    month = day.month - 1 + months
    first_of_next = datetime.date(day.year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return first_of_next - datetime.timedelta(days=1)


def _lowered(subject):
    return subject[0].lower() + subject[1:]


def _mission(roster, plan):
    """The mission of `plan`, with its dates and status as they stood on the day of the briefing."""
    mission = Mission(
        council=roster.council,
        term=roster.term,
        kind=plan.kind,
        conducting_body=plan.body,
        committee=plan.committee,
        delegate_group=plan.group,
        subject=plan.subject,
        scope=plan.scope,
        supervised_bodies="\n".join(plan.bodies),
        status=MissionStatus.PLANNED,
    )
    if plan.planned:
        mission.planned_start = plan.begin
        mission.planned_end = plan.begin + datetime.timedelta(days=plan.days)
        return mission
    day = datetime.timedelta
    mission.decision_date = plan.begin
    mission.planned_start = start = plan.begin + day(days=plan.lead)
    mission.planned_end = end = start + day(days=plan.days)
    mission.status = MissionStatus.DECIDED
    if start <= SNAPSHOT:
        mission.actual_start = start
        mission.status = MissionStatus.IN_THE_FIELD
        if end <= SNAPSHOT:
            mission.actual_end = end
    report_date = end + day(days=plan.report_gap)
    if report_date <= SNAPSHOT:
        what = "khảo sát" if plan.kind == MissionKind.SURVEY else "giám sát"
        mission.report_date = report_date
        mission.report = (
            f"Báo cáo kết quả {_lowered(plan.subject)}.\n"
            f"Đoàn đã làm việc với: {', '.join(plan.bodies)}.\n"
            f"{plan.findings}\n"
            f"Đoàn kiến nghị các cơ quan, đơn vị được {what} thực hiện {len(plan.recs)} nội dung."
        )
        mission.status = MissionStatus.REPORTED
        conclusions_date = report_date + day(days=plan.conclusions_gap)
        if conclusions_date <= SNAPSHOT and not plan.lag:
            mission.conclusions_date = conclusions_date
            mission.conclusions = (
                f"Thường trực Hội đồng nhân dân thống nhất với Báo cáo kết quả {what} của Đoàn; ghi nhận những "
                f"kết quả đạt được, đồng thời chỉ rõ những tồn tại, hạn chế. Đề nghị các cơ quan, đơn vị được {what} "
                "thực hiện đầy đủ các kiến nghị của Đoàn và báo cáo kết quả về Thường trực Hội đồng nhân dân "
                "trong thời hạn đã nêu."
            )
            mission.status = MissionStatus.CONCLUDED
    return mission


def _decision_numbers(council, missions):
    """Numbers in date order in each issuer's series, leaving room for the issuer's other decisions."""
    district = council.unit.level == Level.DISTRICT
    series = defaultdict(list)
    for mission in missions:
        if mission.decision_date:
            if mission.conducting_body == GROUP:
                symbol = "KH-TĐB"
            elif district and mission.conducting_body == COMMITTEE:
                symbol = "QĐ-BPC" if mission.committee.kind == LEGAL else "QĐ-BKTXH"
            else:
                symbol = "QĐ-TTHĐND" if district else "QĐ-HĐND"
            series[symbol].append(mission)
    for symbol, issued in series.items():
        first, step = (3, 4) if symbol.startswith("QĐ-TT") or symbol == "QĐ-HĐND" else (1, 2)
        for i, mission in enumerate(sorted(issued, key=lambda m: m.decision_date)):
            mission.decision_number = f"{first + step * i:02d}/{symbol}"


class Builder:
    """Collects the rows of one council's oversight, then writes them in a few bulk statements."""

    def __init__(self, actor, names):
        self.actor = actor
        self.names = names
        self.people = {}  # the invited and the secretaries, one per council
        self.status_turns = {
            True: itertools.cycle([DONE, IN_PROGRESS, DONE, OPEN, IN_PROGRESS]),
            False: itertools.cycle([IN_PROGRESS, OPEN, OPEN, DONE]),
        }

    def _guest(self, council):
        """The Fatherland Front's vice-chair of the unit, invited to the council's missions."""
        key = ("guest", council.pk)
        if key not in self.people:
            title = unit_title(council.unit)
            self.people[key] = (self.names.person()["full_name"], f"Ủy ban Mặt trận Tổ quốc Việt Nam {title}")
        return self.people[key]

    def missions(self, roster, plans, tasks=None):
        """Creates the missions of `plans` with their teams, visits, recommendations and progress reports."""
        council = roster.council
        missions = [_mission(roster, plan) for plan in plans]
        _decision_numbers(council, missions)
        for mission, plan in zip(missions, plans, strict=True):
            if tasks is not None and plan.in_programme:
                mission.programme_task = tasks[plan.subject]
            mission.normalize_text_fields()
        Mission.objects.bulk_create(missions)
        audit_bulk(missions, CREATE, actor=self.actor)

        members, visits = [], []
        for mission, plan in zip(missions, plans, strict=True):
            for delegate, role in roster.team(plan):
                members.append(TeamMember(mission=mission, delegate=delegate, role=role))
            if plan.invite:
                name, organisation = self._guest(council)
                members.append(TeamMember(mission=mission, name=name, organisation=organisation, role=TeamRole.INVITED))
            if council.unit.level == Level.DISTRICT and plan.body == ST:
                members.append(
                    TeamMember(
                        mission=mission,
                        name=self._secretary(council),
                        organisation="Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Na Rì",
                        role=TeamRole.SECRETARY,
                    )
                )
            if mission.actual_start:
                last = mission.actual_end or SNAPSHOT
                step = max(1, (last - mission.actual_start).days // max(1, len(plan.visits)))
                for i, place in enumerate(plan.visits):
                    on = mission.actual_start + datetime.timedelta(days=i * step)
                    if on <= last:
                        visits.append(
                            FieldVisit(
                                mission=mission,
                                visited_on=on,
                                place=nfc(place),
                                note="Làm việc, kiểm tra thực tế" if i == 0 else "Kiểm tra thực tế",
                            )
                        )
        for member in members:
            member.name, member.organisation = nfc(member.name), nfc(member.organisation)
        TeamMember.objects.bulk_create(members)
        FieldVisit.objects.bulk_create(visits)
        self._recommendations(council, missions, plans)
        return missions

    def _secretary(self, council):
        """A civil servant of the district's office, secretary of the standing committee's teams."""
        key = ("secretary", council.pk)
        if key not in self.people:
            self.people[key] = self.names.person()["full_name"]
        return self.people[key]

    def _recommendations(self, council, missions, plans):
        rows = []
        for mission, plan in zip(missions, plans, strict=True):
            base = mission.conclusions_date or mission.report_date
            if not base:
                continue
            for months, rec in enumerate(plan.recs, start=1):
                deadline = _month_end(base, min(months, 3))
                status = rec.status
                if status is None:
                    recent = (SNAPSHOT - base).days < 30
                    status = OPEN if recent else next(self.status_turns[deadline <= SNAPSHOT])
                rows.append(
                    (
                        Recommendation(
                            council=council,
                            mission=mission,
                            text=rec.text,
                            responsible_body=rec.body,
                            deadline=deadline,
                            status=status,
                            dropped_reason=rec.reason,
                            assessment=ASSESSMENT if status == DONE else "",
                        ),
                        base,
                    )
                )
        self.write_recommendations(rows)
        by_subject = {m.subject: m for m in missions}
        links = []
        for mission, plan in zip(missions, plans, strict=True):
            if plan.follows:
                earlier = by_subject[plan.follows]
                for recommendation, _base in rows:
                    if recommendation.mission is earlier and recommendation.status in (OPEN, IN_PROGRESS):
                        links.append(
                            Mission.follows_up.through(mission_id=mission.pk, recommendation_id=recommendation.pk)
                        )
        Mission.follows_up.through.objects.bulk_create(links)

    def write_recommendations(self, rows):
        """Creates the recommendations or commitments of `rows` ((recommendation, day it was made)) and the
        progress reports their status implies, all dated no later than the briefing."""
        recommendations = [r for r, _ in rows]
        for recommendation in recommendations:
            recommendation.normalize_text_fields()
        Recommendation.objects.bulk_create(recommendations)
        audit_bulk(recommendations, CREATE, actor=self.actor)
        reports = []
        for recommendation, base in rows:
            body = recommendation.responsible_body
            first = min(base + datetime.timedelta(days=20), SNAPSHOT)
            if recommendation.status == IN_PROGRESS:
                reports.append(
                    ProgressReport(
                        recommendation=recommendation,
                        reported_on=first,
                        text=f"{body} báo cáo: đã xây dựng kế hoạch, phân công thực hiện; đang triển khai, "
                        "chưa hoàn thành.",
                    )
                )
            elif recommendation.status == DONE:
                last = max(first, min(recommendation.deadline, SNAPSHOT) - datetime.timedelta(days=3))
                reports += [
                    ProgressReport(
                        recommendation=recommendation,
                        reported_on=first,
                        text=f"{body} báo cáo: đã xây dựng kế hoạch, phân công thực hiện.",
                    ),
                    ProgressReport(
                        recommendation=recommendation,
                        reported_on=last,
                        text=f"{body} báo cáo: đã thực hiện xong nội dung kiến nghị.",
                    ),
                ]
        for report in reports:
            report.normalize_text_fields()
        ProgressReport.objects.bulk_create(reports)
        audit_bulk(reports, CREATE, actor=self.actor)


# --- The district's programmes, questioning and hearing ----------------------------------------------


def _programmes(roster, plans, actor):
    """The district's supervision programme and work programme for 2024; returns the supervision
    programme's tasks by title."""
    council = roster.council
    existing = WorkProgramme.objects.filter(council=council, year=YEAR, kind=ProgrammeKind.SUPERVISION_PROGRAMME)
    if existing.exists():
        return {t.title: t for t in ProgrammeTask.objects.filter(programme__in=existing)}
    supervision = WorkProgramme(
        council=council,
        kind=ProgrammeKind.SUPERVISION_PROGRAMME,
        title=f"Chương trình giám sát năm 2024 của Thường trực {council.name} và các Ban Hội đồng nhân dân",
        year=YEAR,
        adopted_on=datetime.date(2023, 12, 15),
    )
    work = WorkProgramme(
        council=council,
        kind=ProgrammeKind.WORK_PROGRAMME,
        title=f"Chương trình công tác năm 2024 của Thường trực {council.name}",
        year=YEAR,
        adopted_on=datetime.date(2023, 12, 28),
    )
    programmes = [supervision, work]
    for programme in programmes:
        programme.normalize_text_fields()
    WorkProgramme.objects.bulk_create(programmes)
    audit_bulk(programmes, CREATE, actor=actor)

    def task(programme, title, owner, due, status, committee=None, group=None):
        if owner in (LEGAL, ECONOMY):  # a committee, by its kind
            committee, owner = roster.committee(owner), TaskOwner.COMMITTEE
        return ProgrammeTask(
            programme=programme,
            title=nfc(title),
            owner=owner,
            committee=committee,
            delegate_group=group,
            due_date=due,
            status=status,
        )

    tasks = []
    for plan in plans:
        if plan.in_programme:
            # The task has got as far as its mission: done once the mission is concluded.
            mission = _mission(roster, plan)
            status = TaskStatus.DONE if mission.status == MissionStatus.CONCLUDED else TaskStatus.IN_PROGRESS
            tasks.append(
                task(supervision, plan.subject, plan.body, mission.planned_end, status, plan.committee, plan.group)
            )
    tasks += [task(supervision, *row) for row in OTHER_PROGRAMME_TASKS]
    tasks += [task(work, *row) for row in WORK_TASKS]
    ProgrammeTask.objects.bulk_create(tasks)
    return {t.title: t for t in tasks if t.programme is supervision}


QUESTIONS = [
    {
        "topic": "Cấp giấy chứng nhận quyền sử dụng đất",
        "question": "Cử tri xã Lương Thượng, xã Văn Minh phản ánh hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng "
        "đất lần đầu nộp từ năm 2022 đến nay chưa được giải quyết. Đề nghị cho biết nguyên nhân, trách nhiệm và "
        "thời hạn giải quyết?",
        "respondent_title": "Trưởng phòng Tài nguyên và Môi trường huyện",
        "answering_body": "Phòng Tài nguyên và Môi trường",
        "answer": "Nguyên nhân chủ yếu do hồ sơ còn vướng nguồn gốc đất, chưa thống nhất ranh giới giữa các hộ. "
        "Phòng đã phối hợp với Ủy ban nhân dân các xã rà soát từng hồ sơ.",
        "answer_form": AnswerForm.IN_SESSION,
        "answered_on": REGULAR_DAY,
        "commitments": [
            Rec(
                "Giải quyết xong các hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu tồn đọng tại xã Lương "
                "Thượng, xã Văn Minh",
                TNMT,
                IN_PROGRESS,
            ),
        ],
        "deadlines": [datetime.date(2024, 12, 31)],
    },
    {
        "topic": "Nước sinh hoạt nông thôn",
        "question": "Công trình nước sinh hoạt tập trung thôn Khuổi Luông, xã Văn Vũ hư hỏng từ đầu năm, nhân dân "
        "phải dùng nước suối. Khi nào công trình được sửa chữa?",
        "respondent_title": "Giám đốc Ban Quản lý dự án đầu tư xây dựng huyện",
        "answering_body": "Ban Quản lý dự án đầu tư xây dựng huyện",
        "answer": "Ban đã khảo sát, lập dự toán sửa chữa; nguồn vốn duy tu đã được bố trí trong kế hoạch năm 2024.",
        "answer_form": AnswerForm.IN_SESSION,
        "answered_on": REGULAR_DAY,
        "commitments": [
            Rec(
                "Sửa chữa, đưa công trình nước sinh hoạt thôn Khuổi Luông, xã Văn Vũ vào sử dụng trở lại",
                "Ban Quản lý dự án đầu tư xây dựng huyện",
                DONE,
            ),
        ],
        "deadlines": [datetime.date(2024, 9, 30)],
    },
    {
        "topic": "Cơ sở vật chất trường học",
        "question": "Một số điểm trường lẻ còn phòng học tạm, thiếu nhà vệ sinh. Giải pháp của ngành giáo dục để "
        "bảo đảm điều kiện dạy học cho năm học 2024–2025?",
        "respondent_title": "Trưởng phòng Giáo dục và Đào tạo huyện",
        "answering_body": "Phòng Giáo dục và Đào tạo",
        "answer": "Phòng đã tham mưu Ủy ban nhân dân huyện bố trí kinh phí sửa chữa; các điểm trường ít học sinh "
        "sẽ được sắp xếp, dồn ghép về điểm trường chính.",
        "answer_form": AnswerForm.IN_SESSION,
        "answered_on": REGULAR_DAY + datetime.timedelta(days=1),
        "commitments": [
            Rec(
                "Bảo đảm đủ phòng học, nhà vệ sinh tại các điểm trường lẻ trước ngày khai giảng năm học 2024–2025",
                "Phòng Giáo dục và Đào tạo",
                DONE,
            ),
            Rec(
                "Trình phương án sắp xếp các điểm trường lẻ ít học sinh",
                "Phòng Giáo dục và Đào tạo",
                OPEN,
            ),
        ],
        "deadlines": [datetime.date(2024, 8, 31), datetime.date(2024, 12, 31)],
    },
    {
        "topic": "Hỗ trợ phát triển sản xuất",
        "question": "Vì sao kinh phí hỗ trợ phát triển sản xuất thuộc các chương trình mục tiêu quốc gia năm 2024 "
        "đến nay mới giải ngân được tỷ lệ thấp?",
        "respondent_title": "Phó Chủ tịch Ủy ban nhân dân huyện",
        "answering_body": UBND_HUYEN,
        "answer": "Việc hướng dẫn thực hiện các dự án hỗ trợ phát triển sản xuất theo chuỗi giá trị còn vướng mắc; "
        "Ủy ban nhân dân huyện đã chỉ đạo các xã lựa chọn dự án theo cộng đồng để đẩy nhanh tiến độ.",
        "answer_form": AnswerForm.IN_WRITING,
        "answered_on": datetime.date(2024, 8, 5),
        "commitments": [
            Rec(
                "Giải ngân hết kinh phí hỗ trợ phát triển sản xuất năm 2024 được giao",
                UBND_HUYEN,
                OPEN,
            ),
        ],
        "deadlines": [datetime.date(2024, 11, 30)],
    },
]
HEARING = {
    "held_on": datetime.date(2024, 9, 25),
    "topic": "Tiến độ giải ngân vốn đầu tư công và vốn các chương trình mục tiêu quốc gia năm 2024",
    "bodies_explaining": "Ủy ban nhân dân huyện\nPhòng Tài chính – Kế hoạch\nBan Quản lý dự án đầu tư xây dựng huyện",
    "conclusions": "Thường trực Hội đồng nhân dân huyện ghi nhận giải trình của các cơ quan; tỷ lệ giải ngân đến "
    "hết tháng 8 còn thấp so với yêu cầu. Đề nghị Ủy ban nhân dân huyện chỉ đạo quyết liệt, phân công lãnh đạo "
    "theo dõi từng dự án, báo cáo kết quả tại phiên họp tháng 12.",
    "commitments": [
        (
            Rec(
                "Giải ngân trên 95% kế hoạch vốn đầu tư công năm 2024 được giao",
                UBND_HUYEN,
                IN_PROGRESS,
            ),
            datetime.date(2024, 12, 31),
        ),
        (
            Rec(
                "Hoàn thành thủ tục điều chuyển vốn từ các dự án chậm tiến độ sang dự án có khả năng giải ngân",
                "Phòng Tài chính – Kế hoạch",
                DONE,
            ),
            datetime.date(2024, 10, 15),
        ),
        (
            Rec(
                "Bàn giao, đưa vào sử dụng các công trình đường giao thông nông thôn đã hoàn thành",
                "Ban Quản lý dự án đầu tư xây dựng huyện",
                OPEN,
            ),
            datetime.date(2024, 11, 30),
        ),
    ],
}


def _questioning(roster, builder):
    """The questioning at the district's regular session of 12/07/2024 and its commitments."""
    council = roster.council
    session = Session.objects.filter(council=council, planned_start=REGULAR_DAY).first()
    if session is None or Questioning.objects.filter(council=council, session=session).exists():
        return
    askers = [d for d in roster.leaders() if d not in roster.standing]
    questionings, rows = [], []
    for i, spec in enumerate(QUESTIONS):
        questioning = Questioning(
            council=council,
            session=session,
            asked_on=REGULAR_DAY,
            asked_by=askers[(2 * i + 1) % len(askers)],
            topic=spec["topic"],
            question=spec["question"],
            respondent_name=builder.names.person()["full_name"],
            respondent_title=spec["respondent_title"],
            answering_body=spec["answering_body"],
            answer=spec["answer"],
            answer_form=spec["answer_form"],
            answered_on=spec["answered_on"],
        )
        questioning.normalize_text_fields()
        questionings.append(questioning)
        for rec, deadline in zip(spec["commitments"], spec["deadlines"], strict=True):
            rows.append((_commitment(council, rec, deadline, questioning=questioning), spec["answered_on"]))
    Questioning.objects.bulk_create(questionings)
    audit_bulk(questionings, CREATE, actor=builder.actor)
    builder.write_recommendations(rows)


def _hearing(roster, builder):
    council = roster.council
    if AccountabilityHearing.objects.filter(council=council, held_on__year=YEAR).exists():
        return
    hearing = AccountabilityHearing(
        council=council,
        held_on=HEARING["held_on"],
        topic=HEARING["topic"],
        bodies_explaining=HEARING["bodies_explaining"],
        conclusions=HEARING["conclusions"],
    )
    hearing.normalize_text_fields()
    hearing.save()
    audit_bulk([hearing], CREATE, actor=builder.actor)
    builder.write_recommendations(
        [
            (_commitment(council, rec, deadline, hearing=hearing), hearing.held_on)
            for rec, deadline in HEARING["commitments"]
        ]
    )


def _commitment(council, rec, deadline, **origin):
    return Recommendation(
        council=council,
        text=rec.text,
        responsible_body=rec.body,
        deadline=deadline,
        status=rec.status,
        assessment=ASSESSMENT if rec.status == DONE else "",
        **origin,
    )


def load_oversight(*, actor, district_council, commune_councils):
    """The oversight work of 2024 of the district council and its communes (see the module's docstring)."""
    names = NameMaker(seed=2210)
    names.used.update(Person.objects.values_list("full_name", flat=True))
    builder = Builder(actor, names)

    district = Roster(district_council)
    plans = _district_plans(district)
    tasks = _programmes(district, plans, actor)
    if not Mission.objects.filter(council=district_council, planned_start__year=YEAR).exists():
        builder.missions(district, plans, tasks)
    _questioning(district, builder)
    _hearing(district, builder)

    for index, council in enumerate(commune_councils):
        if Mission.objects.filter(council=council, planned_start__year=YEAR).exists():
            continue
        roster = Roster(council)
        builder.missions(roster, _commune_plans(roster, index))
