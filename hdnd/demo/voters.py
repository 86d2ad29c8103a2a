"""The councils' voter contact and citizen reception in 2024, as they stood on the day of the
briefing (22/10/2024): "Hoạt động tiếp xúc cử tri được Hội đồng nhân dân chủ động phối hợp với Ủy
ban MTTQ Việt Nam cùng cấp thực hiện theo kế hoạch".

- Voter meetings: the district's delegate groups met voters in each of their communes before the
  regular session of 12/07/2024 and once each after it; every commune's delegate groups met the
  voters of their villages before the commune's regular session in July. Each meeting has the
  group's delegates in office, a representative of the Fatherland Front committee of the same level
  and its number of voters.
- Voter petitions collected there, each at the step it had reached: received, classified (field,
  competent level and body), forwarded (date and deadline), answered (answer and date) or reported
  back to voters at a later session. Repeated petitions are merged into the first; those still
  unanswered carry over to the council's later sessions.
- Reception schedules: the monthly reception days of 2024 of the district's delegates and of four
  communes' delegates, published up to November.
- The reception register of the district and of those four communes: complaints, denunciations,
  petitions and feedback received on those days, numbered per council and year.

Subjects, villages and people are plausible fictions. Idempotent: a council that already has its
2024 meetings, schedules or register entries is left as it is."""

import datetime
import itertools
import random
from collections import defaultdict
from dataclasses import dataclass, field

from hdnd.core.audit import CREATE, audit_bulk
from hdnd.councils.models import Body, DelegateGroup, Level, Membership, Person, Position
from hdnd.councils.services import unit_title
from hdnd.meetings.models import Session
from hdnd.oversight.models import Questioning, TeamMember, TeamRole
from hdnd.petitions.models import (
    PETITION_STEPS,
    CompetentLevel,
    MeetingForm,
    PetitionField,
    PetitionStatus,
    Timing,
    VoterMeeting,
    VoterPetition,
)
from hdnd.reception.models import Case, CaseKind, Handling, ReceptionSchedule

from .activity import REGULAR_DAY, YEAR
from .oversight import SNAPSHOT
from .people import NameMaker

DAY = datetime.timedelta(days=1)
RECEIVED, CLASSIFIED, FORWARDED, ANSWERED, REPORTED_BACK, MERGED = (
    PetitionStatus.RECEIVED,
    PetitionStatus.CLASSIFIED,
    PetitionStatus.FORWARDED,
    PetitionStatus.ANSWERED,
    PetitionStatus.REPORTED_BACK,
    PetitionStatus.MERGED,
)
COMMUNE, DISTRICT, PROVINCE, CENTRAL = (
    CompetentLevel.COMMUNE,
    CompetentLevel.DISTRICT,
    CompetentLevel.PROVINCE,
    CompetentLevel.CENTRAL,
)
F = PetitionField
UBND_HUYEN = "Ủy ban nhân dân huyện Na Rì"
DOAN_DBQH = "Đoàn đại biểu Quốc hội tỉnh Bắc Kạn"
#: The step each petition is taken to, in turn (then held back by its dates, level and sessions).
BEFORE_TURNS = [
    REPORTED_BACK,
    ANSWERED,
    FORWARDED,
    REPORTED_BACK,
    ANSWERED,
    FORWARDED,
    REPORTED_BACK,
    CLASSIFIED,
    ANSWERED,
    REPORTED_BACK,
]
AFTER_TURNS = [FORWARDED, RECEIVED, ANSWERED, CLASSIFIED, FORWARDED, REPORTED_BACK]
#: The furthest step a petition reached by 22/10/2024, by the level that must answer it.
CEILING = {CENTRAL: FORWARDED}
#: Days from forwarding to the answer deadline, and the range of days the answer took.
DEADLINE_DAYS = {COMMUNE: 30, DISTRICT: 45, PROVINCE: 60, CENTRAL: 90}
ANSWER_LAG = {COMMUNE: (7, 40), DISTRICT: (15, 60), PROVINCE: (30, 80), CENTRAL: (60, 120)}


@dataclass
class Ask:
    """A petition voters raise: placeholders {unit} "xã Kim Lư", {ubnd} "Ủy ban nhân dân xã Kim Lư",
    {name} "Kim Lư", {v}/{v2} two of its villages."""

    field: str
    level: str
    body: str
    text: str
    answer: str
    again: str = ""  # how voters elsewhere put it again (a petition merged into this one)


# --- What voters asked -----------------------------------------------------------------------------

DISTRICT_ASKS = [
    Ask(
        F.INFRASTRUCTURE,
        DISTRICT,
        UBND_HUYEN,
        "Đề nghị đầu tư sửa chữa tuyến đường từ trung tâm {unit} đi thôn {v}; mặt đường xuống cấp, nhiều đoạn "
        "sạt lở ta luy sau mưa lớn, xe chở nông sản không đi lại được",
        "Ủy ban nhân dân huyện đã giao Ban Quản lý dự án đầu tư xây dựng huyện khảo sát, khắc phục tạm thời các "
        "điểm sạt lở để thông tuyến; tuyến đường được đưa vào danh mục đề xuất đầu tư giai đoạn 2026–2030.",
    ),
    Ask(
        F.AGRICULTURE,
        DISTRICT,
        "Phòng Nông nghiệp và Phát triển nông thôn huyện",
        "Đề nghị hỗ trợ kinh phí kiên cố hóa kênh mương nội đồng thôn {v}, {unit}; kênh đất bị bồi lấp, không "
        "đủ nước tưới cho khoảng 8 ha lúa vụ mùa",
        "Năm 2024 huyện đã phân bổ vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới cho {unit} để kiên cố "
        "hóa 450 m kênh mương thôn {v}; công trình thi công trong quý IV/2024.",
    ),
    Ask(
        F.INFRASTRUCTURE,
        PROVINCE,
        "Công ty Điện lực Bắc Kạn",
        "Đề nghị ngành điện đầu tư bổ sung trạm biến áp cho thôn {v}, {unit}; điện áp yếu, thường xuyên mất điện "
        "vào giờ cao điểm, ảnh hưởng sinh hoạt và sản xuất",
        "Công ty Điện lực Bắc Kạn đã khảo sát, lắp đặt bổ sung máy biến áp 100 kVA tại thôn {v} và cải tạo đường "
        "dây hạ thế; điện áp đã bảo đảm.",
    ),
    Ask(
        F.INFRASTRUCTURE,
        DISTRICT,
        UBND_HUYEN,
        "Đề nghị sửa chữa công trình nước sinh hoạt tập trung thôn {v}, {unit}; đường ống dẫn nước bị vỡ nhiều "
        "đoạn, mùa khô các hộ cuối nguồn thiếu nước sinh hoạt",
        "Ủy ban nhân dân huyện đã bố trí 350 triệu đồng từ nguồn vốn sự nghiệp Chương trình mục tiêu quốc gia để "
        "thay thế đường ống, sửa chữa bể chứa; dự kiến hoàn thành trước ngày 31/12/2024.",
    ),
    Ask(
        F.LAND,
        DISTRICT,
        "Phòng Tài nguyên và Môi trường huyện",
        "Đề nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân thôn {v}, {unit} đã nộp hồ sơ "
        "từ năm 2022 đến nay chưa được cấp",
        "Phòng Tài nguyên và Môi trường đã phối hợp với Chi nhánh Văn phòng Đăng ký đất đai rà soát: 23 hồ sơ đủ "
        "điều kiện đã được cấp giấy chứng nhận; các hồ sơ còn lại đã được hướng dẫn bổ sung giấy tờ.",
    ),
    Ask(
        F.EDUCATION,
        DISTRICT,
        "Phòng Giáo dục và Đào tạo huyện",
        "Đề nghị xây dựng bổ sung phòng học, nhà vệ sinh cho điểm trường mầm non thôn {v}, {unit}; các cháu đang "
        "phải học nhờ tại nhà văn hóa thôn",
        "Phòng Giáo dục và Đào tạo đã tham mưu bố trí kinh phí sửa chữa, cải tạo 01 phòng học và nhà vệ sinh tại "
        "điểm trường thôn {v}, đưa vào sử dụng từ năm học 2024–2025.",
    ),
    Ask(
        F.SOCIAL,
        DISTRICT,
        "Phòng Lao động – Thương binh và Xã hội huyện",
        "Đề nghị xem xét giải quyết trợ cấp xã hội hằng tháng cho người khuyết tật nặng, người cao tuổi thuộc hộ "
        "cận nghèo tại thôn {v}, {unit} đã nộp hồ sơ nhưng chưa được hưởng",
        "Phòng Lao động – Thương binh và Xã hội đã thẩm định; các trường hợp đủ điều kiện đã có quyết định hưởng "
        "trợ cấp xã hội hằng tháng, truy lĩnh từ tháng nộp đủ hồ sơ.",
    ),
    Ask(
        F.SECURITY,
        DISTRICT,
        "Công an huyện Na Rì",
        "Cử tri phản ánh xe tải trọng lớn chở gỗ, vật liệu xây dựng đi qua đường liên thôn {v}, {unit} làm hư "
        "hỏng mặt đường, mất an toàn giao thông; đề nghị tăng cường kiểm tra, xử lý",
        "Công an huyện đã phối hợp với Ủy ban nhân dân xã lắp biển hạn chế tải trọng, tổ chức tuần tra, xử lý 05 "
        "trường hợp vi phạm; yêu cầu chủ phương tiện khắc phục hư hỏng mặt đường.",
    ),
    Ask(
        F.HEALTH,
        DISTRICT,
        "Trung tâm Y tế huyện Na Rì",
        "Đề nghị bố trí bác sĩ khám, chữa bệnh định kỳ tại Trạm Y tế {unit}; người dân, nhất là người cao tuổi "
        "phải đi xa lên Trung tâm Y tế huyện",
        "Trung tâm Y tế huyện đã phân công bác sĩ luân phiên khám, chữa bệnh tại Trạm Y tế {unit} vào thứ Tư hằng "
        "tuần từ tháng 9/2024.",
    ),
    Ask(
        F.CULTURE,
        DISTRICT,
        UBND_HUYEN,
        "Đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa thôn {v}, {unit}; mái bị tốc, tường nứt, không bảo đảm an "
        "toàn khi nhân dân hội họp",
        "Ủy ban nhân dân huyện đã hỗ trợ 80 triệu đồng từ nguồn dự phòng ngân sách; {ubnd} huy động thêm ngày công "
        "của nhân dân để sửa chữa.",
    ),
    Ask(
        F.AGRICULTURE,
        PROVINCE,
        "Ủy ban nhân dân tỉnh Bắc Kạn",
        "Đề nghị tỉnh nâng mức hỗ trợ khoán bảo vệ rừng và chi trả tiền dịch vụ môi trường rừng kịp thời cho các "
        "hộ nhận khoán tại {unit}",
        "Ủy ban nhân dân tỉnh trả lời: mức khoán bảo vệ rừng thực hiện theo quy định của Chính phủ; tiền dịch vụ "
        "môi trường rừng năm 2023 đã được chi trả xong trong quý III/2024.",
    ),
    Ask(
        F.GOVERNMENT,
        CENTRAL,
        DOAN_DBQH,
        "Đề nghị Quốc hội, Chính phủ xem xét nâng mức phụ cấp cho người hoạt động không chuyên trách ở thôn, tổ "
        "dân phố; mức phụ cấp hiện nay thấp, chưa tương xứng với khối lượng công việc",
        "",
    ),
    Ask(
        F.LAND,
        DISTRICT,
        UBND_HUYEN,
        "Cử tri phản ánh tình trạng khai thác cát, sỏi trái phép trên sông đoạn qua thôn {v}, {unit} gây sạt lở "
        "bờ sông, mất đất sản xuất; đề nghị kiểm tra, xử lý dứt điểm",
        "Ủy ban nhân dân huyện đã chỉ đạo lực lượng liên ngành kiểm tra, tạm giữ 02 máy hút cát, xử phạt vi phạm "
        "hành chính; giao {ubnd} thường xuyên kiểm tra, không để tái diễn.",
    ),
    Ask(
        F.SOCIAL,
        CENTRAL,
        DOAN_DBQH,
        "Đề nghị Trung ương tiếp tục kéo dài các chính sách hỗ trợ vùng đồng bào dân tộc thiểu số và miền núi sau "
        "năm 2025, nhất là hỗ trợ tiền điện cho hộ nghèo, hộ chính sách xã hội",
        "",
    ),
]
#: Raised at the meetings after the session, for the compilation before the end-of-year session.
AFTER_ASKS = [
    Ask(
        F.ECONOMY,
        DISTRICT,
        UBND_HUYEN,
        "Đề nghị sớm triển khai Nghị quyết của Hội đồng nhân dân huyện về điều chỉnh kế hoạch đầu tư công năm "
        "2024, nhất là các công trình đường giao thông nông thôn tại {unit}",
        "Ủy ban nhân dân huyện đã giao vốn cho các chủ đầu tư; công trình đường giao thông nông thôn thôn {v} đã "
        "khởi công trong tháng 9/2024.",
    ),
    Ask(
        F.LAND,
        DISTRICT,
        UBND_HUYEN,
        "Đề nghị có phương án di dời, hỗ trợ các hộ dân đang sinh sống tại khu vực có nguy cơ sạt lở đất cao ở "
        "thôn {v}, {unit}",
        "Ủy ban nhân dân huyện đã rà soát, đưa 06 hộ thôn {v} vào danh sách hỗ trợ di dời khẩn cấp năm 2024 và "
        "giao {ubnd} bố trí nơi ở tạm thời trong mùa mưa lũ.",
    ),
    Ask(
        F.INFRASTRUCTURE,
        PROVINCE,
        "Sở Giao thông vận tải tỉnh Bắc Kạn",
        "Đề nghị tỉnh quan tâm đầu tư nâng cấp tuyến đường tỉnh qua địa bàn {unit}; mặt đường nhiều ổ gà, nhất là "
        "đoạn qua thôn {v}",
        "Sở Giao thông vận tải đã giao đơn vị quản lý đường bộ vá ổ gà, bảo đảm giao thông; việc nâng cấp tuyến "
        "được đề xuất trong kế hoạch đầu tư công trung hạn giai đoạn 2026–2030.",
    ),
    Ask(
        F.SOCIAL,
        DISTRICT,
        "Phòng Lao động – Thương binh và Xã hội huyện",
        "Đề nghị mở các lớp đào tạo nghề ngắn hạn tại {unit}, giới thiệu việc làm cho thanh niên hoàn thành nghĩa "
        "vụ quân sự trở về địa phương",
        "Phòng đã phối hợp với Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện mở 01 lớp sửa chữa máy "
        "nông nghiệp tại {unit} trong tháng 10/2024.",
    ),
    Ask(
        F.AGRICULTURE,
        DISTRICT,
        "Phòng Nông nghiệp và Phát triển nông thôn huyện",
        "Đề nghị sớm chi trả tiền hỗ trợ cây giống cho các hộ trồng rừng sản xuất năm 2023 tại thôn {v}, {unit}",
        "Phòng đã phối hợp với Phòng Tài chính – Kế hoạch hoàn thiện thủ tục; tiền hỗ trợ đã được chi trả cho các "
        "hộ trong tháng 9/2024.",
    ),
]
#: Raised at several of the district's meetings: the repeats are merged into the first.
DISTRICT_REPEATED = [
    Ask(
        F.HEALTH,
        DISTRICT,
        "Bảo hiểm xã hội huyện Na Rì",
        "Cử tri phản ánh nhiều thẻ bảo hiểm y tế của người dân tộc thiểu số bị sai họ tên, ngày sinh, cấp chậm; "
        "đề nghị rà soát, cấp lại kịp thời",
        "Bảo hiểm xã hội huyện đã rà soát, điều chỉnh và cấp lại 214 thẻ bị sai thông tin; thẻ được cấp lại trong "
        "5 ngày làm việc kể từ khi nhận đủ danh sách của Ủy ban nhân dân xã.",
        again="Đề nghị cấp lại thẻ bảo hiểm y tế bị sai thông tin cá nhân cho người dân thôn {v}, {unit}",
    ),
    Ask(
        F.GOVERNMENT,
        DISTRICT,
        "Công an huyện Na Rì",
        "Đề nghị hướng dẫn, hỗ trợ người dân kích hoạt tài khoản định danh điện tử, thực hiện dịch vụ công trực "
        "tuyến; nhiều người cao tuổi chưa biết sử dụng",
        "Công an huyện đã chỉ đạo Công an các xã phối hợp với Đoàn Thanh niên tổ chức hỗ trợ kích hoạt tài khoản "
        "định danh điện tử tại nhà văn hóa các thôn.",
        again="Cử tri thôn {v} đề nghị có người hướng dẫn kích hoạt tài khoản định danh điện tử cho người cao tuổi",
    ),
    Ask(
        F.INFRASTRUCTURE,
        PROVINCE,
        "Công ty Điện lực Bắc Kạn",
        "Đề nghị ngành điện phát quang hành lang tuyến điện, thay cột điện bị nghiêng, mục tại các thôn vùng cao; "
        "mưa bão thường xuyên gây mất điện kéo dài",
        "Công ty Điện lực Bắc Kạn đã phát quang 12 km hành lang tuyến, thay thế 18 cột điện hạ thế bị nghiêng, mục "
        "trên địa bàn huyện.",
        again="Đề nghị phát quang hành lang tuyến điện qua thôn {v}, {unit}; cây cối đổ vào đường dây gây mất điện",
    ),
]
COMMUNE_ASKS = [
    Ask(
        F.INFRASTRUCTURE,
        DISTRICT,
        UBND_HUYEN,
        "Đề nghị xây dựng lại ngầm tràn thôn {v}; mùa mưa nước dâng cao, học sinh và người dân đi lại nguy hiểm",
        "Ủy ban nhân dân huyện đã đưa ngầm tràn thôn {v} vào danh mục công trình khắc phục hậu quả thiên tai năm "
        "2024; trước mắt {ubnd} đã cắm biển cảnh báo, bố trí người hướng dẫn khi nước lên.",
    ),
    Ask(
        F.AGRICULTURE,
        COMMUNE,
        "{ubnd}",
        "Đề nghị tu sửa phai đập, nạo vét kênh mương dẫn nước tưới cho cánh đồng thôn {v} trước vụ mùa",
        "{ubnd} đã huy động nhân dân ra quân nạo vét kênh mương, hỗ trợ xi măng tu sửa phai đập thôn {v}; nước "
        "tưới đã bảo đảm cho vụ mùa.",
    ),
    Ask(
        F.INFRASTRUCTURE,
        COMMUNE,
        "{ubnd}",
        "Đề nghị lắp đặt đèn chiếu sáng khu trung tâm thôn {v} và đoạn đường từ thôn ra trường học",
        "{ubnd} đã phối hợp với Đoàn Thanh niên lắp đặt 20 bóng đèn năng lượng mặt trời tại thôn {v}.",
    ),
    Ask(
        F.LAND,
        COMMUNE,
        "{ubnd}",
        "Đề nghị hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất cho các hộ mới tách hộ tại thôn {v}",
        "{ubnd} đã giao công chức Địa chính – Xây dựng hướng dẫn tại thôn {v}; 09 hộ đã nộp hồ sơ đề nghị cấp giấy "
        "chứng nhận.",
    ),
    Ask(
        F.SOCIAL,
        COMMUNE,
        "{ubnd}",
        "Đề nghị việc rà soát, bình xét hộ nghèo, hộ cận nghèo tại thôn {v} bảo đảm công khai, đúng đối tượng",
        "{ubnd} đã chỉ đạo Ban rà soát thôn {v} tổ chức bình xét công khai tại hội nghị thôn, niêm yết danh sách "
        "tại nhà văn hóa thôn.",
    ),
    Ask(
        F.HEALTH,
        COMMUNE,
        "Trạm Y tế {unit}",
        "Đề nghị Trạm Y tế bổ sung thuốc điều trị bệnh mạn tính (huyết áp, tiểu đường) cho người có thẻ bảo hiểm y "
        "tế, tránh phải lên tuyến huyện lấy thuốc",
        "Trạm Y tế đã dự trù bổ sung thuốc điều trị tăng huyết áp, đái tháo đường; người bệnh ổn định được cấp "
        "thuốc hằng tháng tại Trạm.",
    ),
    Ask(
        F.EDUCATION,
        DISTRICT,
        "Phòng Giáo dục và Đào tạo huyện",
        "Đề nghị sửa chữa bếp ăn bán trú Trường Tiểu học {name}; bếp xuống cấp, dột nát, không bảo đảm vệ sinh",
        "Phòng Giáo dục và Đào tạo đã bố trí kinh phí sửa chữa bếp ăn bán trú Trường Tiểu học {name} trong dịp hè "
        "2024; bếp đã đưa vào sử dụng từ đầu năm học.",
    ),
    Ask(
        F.INFRASTRUCTURE,
        PROVINCE,
        "Công ty Điện lực Bắc Kạn",
        "Đề nghị ngành điện kéo điện lưới đến cụm dân cư cuối thôn {v}; các hộ đang phải dùng máy thủy điện nhỏ",
        "Công ty Điện lực Bắc Kạn trả lời: cụm dân cư cuối thôn {v} đã được đưa vào dự án cấp điện nông thôn giai "
        "đoạn 2025–2030.",
    ),
    Ask(
        F.CULTURE,
        COMMUNE,
        "{ubnd}",
        "Đề nghị hỗ trợ mua sắm loa, bàn ghế cho nhà văn hóa thôn {v}",
        "{ubnd} đã hỗ trợ 01 bộ loa và 20 bộ bàn ghế cho nhà văn hóa thôn {v} từ nguồn kinh phí xã hội hóa.",
    ),
    Ask(
        F.SECURITY,
        COMMUNE,
        "Công an {unit}",
        "Cử tri phản ánh tình trạng trộm cắp gia súc, gia cầm tại thôn {v}; đề nghị tăng cường tuần tra ban đêm",
        "Công an xã đã phối hợp với tổ an ninh trật tự cơ sở tuần tra ban đêm tại thôn {v}; không còn xảy ra trộm "
        "cắp gia súc.",
    ),
    Ask(
        F.LAND,
        COMMUNE,
        "{ubnd}",
        "Đề nghị bố trí điểm tập kết, thu gom rác thải sinh hoạt tại thôn {v}; rác thải vứt ven đường, ven suối "
        "gây ô nhiễm",
        "{ubnd} đã bố trí 02 điểm tập kết rác tại thôn {v}, vận động nhân dân phân loại, xử lý rác tại hộ gia đình.",
    ),
    Ask(
        F.SOCIAL,
        DISTRICT,
        "Phòng Lao động – Thương binh và Xã hội huyện",
        "Đề nghị giải quyết trợ cấp cho người khuyết tật thôn {v} đã nộp hồ sơ từ đầu năm 2024 nhưng chưa được hưởng",
        "Hồ sơ đã được thẩm định; người khuyết tật được hưởng trợ cấp hằng tháng từ tháng 8/2024 và được truy lĩnh "
        "theo quy định.",
    ),
    Ask(
        F.AGRICULTURE,
        DISTRICT,
        "Phòng Nông nghiệp và Phát triển nông thôn huyện",
        "Đề nghị hỗ trợ giống ngô, phân bón cho các hộ thôn {v} bị thiệt hại do mưa đá đầu năm 2024",
        "Ủy ban nhân dân huyện đã hỗ trợ giống ngô cho các hộ bị thiệt hại trên 30% diện tích theo đề nghị của {ubnd}.",
    ),
    Ask(
        F.INFRASTRUCTURE,
        COMMUNE,
        "{ubnd}",
        "Đề nghị hỗ trợ xi măng làm đường bê tông ngõ xóm thôn {v}; nhân dân đã thống nhất hiến đất, góp ngày công",
        "{ubnd} đã hỗ trợ 40 tấn xi măng từ Chương trình xây dựng nông thôn mới; thôn {v} đã hoàn thành 600 m "
        "đường bê tông.",
    ),
    Ask(
        F.GOVERNMENT,
        COMMUNE,
        "{ubnd}",
        "Đề nghị niêm yết công khai thủ tục hành chính, thời hạn giải quyết tại bộ phận một cửa của xã",
        "{ubnd} đã niêm yết đầy đủ các thủ tục hành chính, số điện thoại đường dây nóng tại bộ phận một cửa.",
    ),
    Ask(
        F.LAND,
        COMMUNE,
        "{ubnd}",
        "Đề nghị giải quyết dứt điểm tranh chấp ranh giới đất rừng giữa một số hộ thôn {v} và thôn {v2}",
        "{ubnd} đã tổ chức hòa giải; các hộ thống nhất cắm mốc lại ranh giới theo bản đồ giao đất lâm nghiệp.",
    ),
]
#: Raised at two meetings of a commune: the repeat is merged into the first.
COMMUNE_REPEATED = Ask(
    F.HEALTH,
    DISTRICT,
    "Bảo hiểm xã hội huyện Na Rì",
    "Đề nghị cấp lại thẻ bảo hiểm y tế bị sai họ tên, ngày sinh cho người dân thôn {v}",
    "Bảo hiểm xã hội huyện đã cấp lại thẻ cho các trường hợp sai thông tin theo danh sách {ubnd} gửi.",
    again="Cử tri thôn {v} phản ánh thẻ bảo hiểm y tế của một số người bị sai thông tin, đề nghị điều chỉnh",
)


# --- What citizens brought to the reception --------------------------------------------------------


@dataclass
class Matter:
    """A case citizens bring; placeholders as for Ask."""

    kind: str
    content: str
    handling: str
    forwarded_to: str = ""
    handled_before_by: str = ""
    result: str = ""
    notes: str = ""
    people: int = 1


MATTERS = [
    Matter(
        CaseKind.COMPLAINT,
        "Khiếu nại Quyết định thu hồi đất của Ủy ban nhân dân huyện Na Rì đối với diện tích đất trồng cây hằng năm "
        "của gia đình tại thôn {v}, {unit} để làm đường giao thông; cho rằng đơn giá bồi thường, hỗ trợ thấp.",
        Handling.FORWARDED,
        "Chủ tịch Ủy ban nhân dân huyện Na Rì",
        result="Chủ tịch Ủy ban nhân dân huyện đã ban hành quyết định giải quyết khiếu nại lần đầu: giữ nguyên đơn "
        "giá bồi thường, bổ sung khoản hỗ trợ ổn định đời sống; công dân nhất trí.",
    ),
    Matter(
        CaseKind.COMPLAINT,
        "Khiếu nại việc gia đình không được đưa vào danh sách hộ cận nghèo năm 2024 của thôn {v}, {unit}; cho "
        "rằng việc bình xét tại thôn chưa đúng quy trình.",
        Handling.GUIDED,
        notes="Đã hướng dẫn công dân gửi đơn đến Chủ tịch {ubnd}, người có thẩm quyền giải quyết.",
    ),
    Matter(
        CaseKind.DENUNCIATION,
        "Tố cáo trưởng thôn {v}, {unit} thu tiền đóng góp xây dựng nhà văn hóa thôn nhưng không công khai thu, chi.",
        Handling.FORWARDED,
        "Chủ tịch {ubnd}",
        result="Chủ tịch Ủy ban nhân dân xã đã xác minh: trưởng thôn thu đúng mức nhân dân thống nhất nhưng chưa "
        "công khai kịp thời; đã yêu cầu công khai và kiểm điểm rút kinh nghiệm.",
    ),
    Matter(
        CaseKind.DENUNCIATION,
        "Tố cáo một hộ dân tự ý san lấp, xây dựng công trình trên đất trồng lúa tại thôn {v}, {unit}.",
        Handling.FORWARDED,
        "{ubnd}",
        result="Ủy ban nhân dân xã đã kiểm tra, lập biên bản vi phạm hành chính, yêu cầu khôi phục lại tình trạng "
        "ban đầu của đất.",
        people=2,
    ),
    Matter(
        CaseKind.PETITION,
        "Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất đối với thửa đất gia đình sử dụng ổn định từ năm "
        "1995 tại thôn {v}, {unit}; hồ sơ đã nộp từ năm 2022.",
        Handling.FORWARDED,
        UBND_HUYEN,
        handled_before_by="{ubnd}",
        result="Ủy ban nhân dân huyện đã chỉ đạo Phòng Tài nguyên và Môi trường rà soát; hồ sơ đủ điều kiện, giấy "
        "chứng nhận đã được cấp.",
    ),
    Matter(
        CaseKind.PETITION,
        "Đề nghị xem xét hỗ trợ xây dựng nhà ở cho gia đình thuộc hộ nghèo; nhà tạm bị dột nát, không bảo đảm an "
        "toàn trong mùa mưa bão.",
        Handling.FORWARDED,
        "{ubnd}",
        result="Gia đình đã được đưa vào danh sách hỗ trợ nhà ở năm 2024 theo Chương trình mục tiêu quốc gia phát "
        "triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi.",
    ),
    Matter(
        CaseKind.FEEDBACK,
        "Phản ánh nước thải từ trại chăn nuôi lợn tại thôn {v}, {unit} chảy ra suối, gây ô nhiễm nguồn nước sinh "
        "hoạt của các hộ ở hạ nguồn.",
        Handling.FORWARDED,
        "Phòng Tài nguyên và Môi trường huyện Na Rì",
        result="Phòng Tài nguyên và Môi trường đã phối hợp với Ủy ban nhân dân xã kiểm tra, yêu cầu chủ trại xây "
        "dựng hầm biogas, bể lắng và xử phạt vi phạm hành chính.",
        people=4,
    ),
    Matter(
        CaseKind.FEEDBACK,
        "Phản ánh đường liên thôn {v} – {v2} bị sạt lở sau mưa lớn chưa được khắc phục; xe máy đi lại nguy hiểm.",
        Handling.FORWARDED,
        "{ubnd}",
        result="Ủy ban nhân dân xã đã huy động nhân dân dọn đất đá, thông tuyến tạm thời và đề nghị huyện hỗ trợ "
        "kinh phí kè ta luy.",
    ),
    Matter(
        CaseKind.COMPLAINT,
        "Đại diện các hộ dân thôn {v}, {unit} khiếu nại việc chưa được bồi thường cây cối, hoa màu bị thiệt hại khi "
        "thi công công trình thủy lợi.",
        Handling.FORWARDED,
        UBND_HUYEN,
        handled_before_by="{ubnd}",
        notes="Đoàn đông người; cử 02 người đại diện trình bày.",
        people=6,
    ),
    Matter(
        CaseKind.PETITION,
        "Đề nghị điều chỉnh thông tin sai họ tên, ngày sinh trên thẻ bảo hiểm y tế của các thành viên trong gia đình.",
        Handling.GUIDED,
        notes="Đã hướng dẫn công dân liên hệ Bảo hiểm xã hội huyện Na Rì, mang theo thẻ căn cước để điều chỉnh.",
    ),
    Matter(
        CaseKind.PETITION,
        "Đề nghị Thường trực Hội đồng nhân dân đôn đốc việc giải quyết đơn xin tách thửa đất của gia đình đã gửi "
        "Ủy ban nhân dân xã từ tháng 11/2023 nhưng chưa được trả lời.",
        Handling.ACCEPTED,
        handled_before_by="{ubnd}",
        result="Thường trực Hội đồng nhân dân đã có văn bản đôn đốc; Ủy ban nhân dân xã đã trả lời công dân bằng văn "
        "bản và hướng dẫn hoàn thiện hồ sơ tách thửa.",
    ),
    Matter(
        CaseKind.DENUNCIATION,
        "Tố cáo công chức địa chính xã gây khó khăn, kéo dài thời gian giải quyết hồ sơ chuyển mục đích sử dụng đất "
        "của gia đình.",
        Handling.FORWARDED,
        "Chủ tịch {ubnd}",
        result="Chủ tịch Ủy ban nhân dân xã đã xác minh, kết luận nội dung tố cáo đúng một phần; công chức bị kiểm "
        "điểm, hồ sơ của gia đình đã được giải quyết.",
    ),
    Matter(
        CaseKind.PETITION,
        "Đề nghị xem xét giải quyết trợ cấp xã hội hằng tháng cho mẹ đẻ đã đủ 80 tuổi, không có lương hưu, trợ cấp "
        "bảo hiểm xã hội.",
        Handling.FORWARDED,
        "{ubnd}",
        result="Ủy ban nhân dân xã đã hướng dẫn gia đình lập hồ sơ; người cao tuổi được hưởng trợ cấp từ tháng tiếp "
        "theo.",
    ),
    Matter(
        CaseKind.COMPLAINT,
        "Khiếu nại việc xác định diện tích đất của gia đình bị ảnh hưởng khi mở rộng đường bê tông thôn {v}, {unit} "
        "không đúng thực tế.",
        Handling.GUIDED,
        notes="Đã hướng dẫn công dân gửi đơn đến Chủ tịch {ubnd} để được giải quyết theo thẩm quyền.",
    ),
    Matter(
        CaseKind.FEEDBACK,
        "Phản ánh một số cơ sở karaoke trên địa bàn {unit} hoạt động quá giờ quy định, gây ồn ào, mất trật tự.",
        Handling.FORWARDED,
        "Công an {unit}",
        result="Công an xã đã kiểm tra, nhắc nhở, yêu cầu các cơ sở cam kết chấp hành giờ hoạt động.",
        people=3,
    ),
    Matter(
        CaseKind.PETITION,
        "Đề nghị giải quyết tranh chấp ranh giới đất rừng giữa gia đình với hộ liền kề tại thôn {v}, {unit}; đã hòa "
        "giải ở thôn nhưng không thành.",
        Handling.GUIDED,
        handled_before_by="Tổ hòa giải thôn {v}",
        notes="Đã hướng dẫn công dân gửi đơn đề nghị hòa giải tranh chấp đất đai đến {ubnd}.",
    ),
    Matter(
        CaseKind.FEEDBACK,
        "Phản ánh việc chậm chi trả tiền hỗ trợ khôi phục sản xuất cho các hộ bị thiệt hại do mưa lũ tại thôn {v}, "
        "{unit}.",
        Handling.FORWARDED,
        UBND_HUYEN,
        result="Ủy ban nhân dân huyện đã chỉ đạo Phòng Nông nghiệp và Phát triển nông thôn phối hợp với xã chi trả "
        "xong tiền hỗ trợ.",
        people=5,
    ),
]
#: The communes whose delegates' reception days and register are in the demo (Kim Lư has a demo account).
RECEPTION_COMMUNES = {"02158": True, "02155": True, "02152": False, "02170": False}  # code → schedules published


# --- Who is who ------------------------------------------------------------------------------------


@dataclass
class Place:
    """A council's sessions, delegate groups with their villages and members, and standing committee."""

    council: object
    title: str = ""
    name: str = ""
    sessions: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    members: dict = field(default_factory=lambda: defaultdict(list))  # group pk → memberships, leader first
    areas: dict = field(default_factory=lambda: defaultdict(list))  # group pk → its constituencies' areas
    standing: list = field(default_factory=list)  # memberships, chair and vice-chair first

    @property
    def regular(self):
        return next(s for s in self.sessions if s.kind == "regular" and s.planned_start.year == YEAR)

    def later(self, session):
        return [s for s in self.sessions if s.planned_start > session.planned_start]

    def villages(self, group=None):
        areas = self.areas[group.pk] if group else [a for g in self.groups for a in self.areas[g.pk]]
        parts = [p.strip() for area in areas for p in area.split(",") if p.strip()]
        return [p[5:] if p.lower().startswith("thôn ") else p for p in parts] or ["Nà Làng"]

    def present(self, memberships, day):
        """The delegates of `memberships` in office on `day`."""
        return [m.delegate for m in memberships if _in_office(m, day)]


ORDER = [Position.CHAIR, Position.VICE_CHAIR, Position.GROUP_LEADER, Position.GROUP_DEPUTY]


def _in_office(membership, day):
    delegate, term = membership.delegate, membership.delegate.term
    return (
        membership.start_date <= day
        and (membership.end_date is None or membership.end_date >= day)
        and delegate.start_date <= day
        and (delegate.end_date is None or delegate.end_date >= day)
        and term.start_date <= day
        and (term.end_date is None or term.end_date >= day)
    )


def _places(councils):
    """The Place of every council in a handful of queries."""
    places = {c.pk: Place(council=c) for c in councils}
    for place in places.values():
        place.title = unit_title(place.council.unit)
        place.name = place.title.removeprefix("thị trấn ").removeprefix("xã ").removeprefix("huyện ")
    for session in Session.objects.filter(council__in=places).order_by("planned_start", "number"):
        places[session.council_id].sessions.append(session)
    for group in DelegateGroup.objects.filter(council__in=places).order_by("pk"):
        places[group.council_id].groups.append(group)
    links = DelegateGroup.constituencies.through.objects.filter(delegategroup__council__in=places)
    for council_id, group_id, area in links.order_by("constituency__number").values_list(
        "delegategroup__council_id", "delegategroup_id", "constituency__area"
    ):
        places[council_id].areas[group_id].append(area)
    rows = (
        Membership.objects.filter(delegate__council__in=places, body__in=[Body.STANDING_COMMITTEE, Body.DELEGATE_GROUP])
        .select_related("delegate__term", "delegate__person")
        .order_by("pk")
    )
    for row in rows:
        place = places[row.delegate.council_id]
        if row.body == Body.STANDING_COMMITTEE:
            place.standing.append(row)
        else:
            place.members[row.delegate_group_id].append(row)
    rank = {position: n for n, position in enumerate(ORDER)}
    for place in places.values():
        place.standing.sort(key=lambda m: rank.get(m.position, 9))
        for rows_of_group in place.members.values():
            rows_of_group.sort(key=lambda m: rank.get(m.position, 9))
    return places


# --- Dates -----------------------------------------------------------------------------------------


def _back_to_weekday(day):
    while day.weekday() >= 5:
        day -= DAY
    return day


def _on_to_weekday(day):
    while day.weekday() >= 5:
        day += DAY
    return day


# --- Voter meetings and petitions ----------------------------------------------------------------


class VoterContact:
    """Collects the meetings and petitions of the councils, then writes them in a few bulk statements."""

    def __init__(self, actor, names):
        self.actor = actor
        self.names = names
        self.random = random.Random(1207)
        self.meetings = []  # (meeting, delegates)
        self.petitions = []  # (petition, meetings)
        self.fronts = {}
        self.guests = dict(
            TeamMember.objects.filter(role=TeamRole.INVITED, delegate__isnull=True)
            .order_by("pk")
            .values_list("organisation", "name")
        )

    def front(self, place, turn):
        """The Fatherland Front committee's chair or vice-chair (the vice-chair of oversight if invited there)."""
        if place.council.pk not in self.fronts:
            vice = (
                self.guests.get(f"Ủy ban Mặt trận Tổ quốc Việt Nam {place.title}") or self.names.person()["full_name"]
            )
            people = [("Chủ tịch", self.names.person()["full_name"]), ("Phó Chủ tịch", vice)]
            if place.council.unit.level == Level.DISTRICT:
                people.append(("Ủy viên Ban Thường trực", self.names.person()["full_name"]))
            self.fronts[place.council.pk] = [
                f"{name} – {title} Ủy ban MTTQ Việt Nam {place.title}" for title, name in people
            ]
        people = self.fronts[place.council.pk]
        return people[turn % len(people)]

    def meeting(self, place, session, timing, day, where, group, voters, form=MeetingForm.IN_PERSON, turn=0):
        members = place.members[group.pk]
        present = place.present(members, day)
        if len(present) > 3 and turn % 3 == 2:
            present = present[:-1]  # one delegate excused
        meeting = VoterMeeting(
            council=place.council,
            session=session,
            timing=timing,
            held_on=day,
            place=where,
            form=form,
            delegate_group=group,
            front_representative=self.front(place, turn),
            voters_count=voters,
        )
        self.meetings.append((meeting, present))
        return meeting

    def petition(self, place, session, ask, values, meetings, status, forwarded_on, area):
        """A petition taken to `status`, or to the furthest step before it that its level and dates allow
        (answered by 22/10/2024, reported back at a later session held after the answer)."""
        goal = min(PETITION_STEPS.index(status), PETITION_STEPS.index(CEILING.get(ask.level, REPORTED_BACK)))

        def wanted(step):
            return PETITION_STEPS.index(step) <= goal

        petition = VoterPetition(
            council=place.council,
            session=session,
            received_on=meetings[0].held_on,
            text=ask.text.format(**values),
            area=area,
        )
        reached = RECEIVED
        if wanted(CLASSIFIED):
            petition.field, petition.competent_level = ask.field, ask.level
            petition.competent_body = ask.body.format(**values)
            reached = CLASSIFIED
        if wanted(FORWARDED) and forwarded_on <= SNAPSHOT:
            petition.forwarded_on = forwarded_on
            petition.deadline = forwarded_on + datetime.timedelta(days=DEADLINE_DAYS[ask.level])
            reached = FORWARDED
            answered_on = _on_to_weekday(
                forwarded_on + datetime.timedelta(days=self.random.randint(*ANSWER_LAG[ask.level]))
            )
            if wanted(ANSWERED) and ask.answer and answered_on <= SNAPSHOT:
                petition.answer, petition.answered_on = ask.answer.format(**values), answered_on
                reached = ANSWERED
                later = [s for s in place.later(session) if s.start >= answered_on + 2 * DAY and s.start <= SNAPSHOT]
                if wanted(REPORTED_BACK) and later:
                    petition.reported_at = later[0]
                    reached = REPORTED_BACK
        petition.status = reached
        self.petitions.append((petition, list(meetings)))
        return petition

    def merged(self, place, session, ask, values, meeting, into, area):
        """A repeat of `into` raised at `meeting`, merged into it (which then also comes from `meeting`)."""
        petition = VoterPetition(
            council=place.council,
            session=session,
            received_on=meeting.held_on,
            text=ask.again.format(**values),
            area=area,
            field=ask.field,
            competent_level=ask.level,
            competent_body=ask.body.format(**values),
            status=MERGED,
            merged_into=into,
        )
        self.petitions.append((petition, [meeting]))
        for row, meetings in self.petitions:
            if row is into:
                meetings.append(meeting)
        return petition

    # -- the district --

    def district(self, place, communes):
        session = place.regular
        if session.planned_start != REGULAR_DAY:
            return
        rnd = self.random
        covering = {}
        for group in place.groups:
            for area in place.areas[group.pk]:
                for commune in area.split(","):
                    covering[commune.strip().lower()] = group
        turns = itertools.cycle(BEFORE_TURNS)
        asks = itertools.cycle(DISTRICT_ASKS)
        forwarded_on = _on_to_weekday(session.end + 6 * DAY)
        before = []  # (meeting, commune place)
        by_group = defaultdict(list)
        for commune in communes:
            by_group[covering.get(commune.council.unit.name.lower(), place.groups[0]).pk].append(commune)
        for g, group in enumerate(place.groups):
            for j, commune in enumerate(by_group[group.pk]):
                day = _back_to_weekday(datetime.date(YEAR, 6, 24) + datetime.timedelta(days=g + 3 * j))
                villages = commune.villages()
                where = (
                    f"Hội trường Ủy ban nhân dân {commune.title}"
                    if j % 2 == 0
                    else f"Nhà văn hóa thôn {villages[g % len(villages)]}, {commune.title}"
                )
                meeting = self.meeting(
                    place, session, Timing.BEFORE, day, where, group, rnd.randint(80, 200), turn=g + j
                )
                before.append((meeting, commune))
        for m, (meeting, commune) in enumerate(before):
            villages = commune.villages()
            for k in range(3 if m % 2 else 4):
                ask = next(asks)
                values = _values(commune, villages, m + k)
                area = f"thôn {values['v']}, {commune.title}" if "{v}" in ask.text else commune.title
                self.petition(place, session, ask, values, [meeting], next(turns), forwarded_on, area)
        # Repeated petitions: raised in two communes, the second merged into the first.
        for k, ask in enumerate(DISTRICT_REPEATED):
            (first, commune_a), (second, commune_b) = before[2 * k + 1], before[2 * k + 8]
            values_a = _values(commune_a, commune_a.villages(), k)
            values_b = _values(commune_b, commune_b.villages(), k + 1)
            into = self.petition(
                place,
                session,
                ask,
                values_a,
                [first],
                (REPORTED_BACK, ANSWERED, FORWARDED)[k],
                forwarded_on,
                f"{commune_a.title}, {commune_b.title}",
            )
            self.merged(place, session, ask, values_b, second, into, f"thôn {values_b['v']}, {commune_b.title}")
        # After the session: each group reports its results in one of its communes and hears voters again.
        turns = itertools.cycle(AFTER_TURNS)
        asks = itertools.cycle(AFTER_ASKS)
        for g, group in enumerate(place.groups):
            commune = (by_group[group.pk] or communes)[-1]
            day = _on_to_weekday(datetime.date(YEAR, 7, 22) + datetime.timedelta(days=g + g // 3))
            both = commune.council.unit.kind == "township" or g == 6
            where = f"Hội trường Ủy ban nhân dân {commune.title}" + (" (kết nối trực tuyến các thôn)" if both else "")
            meeting = self.meeting(
                place,
                session,
                Timing.AFTER,
                day,
                where,
                group,
                rnd.randint(70, 180),
                form=MeetingForm.BOTH if both else MeetingForm.IN_PERSON,
                turn=g + 1,
            )
            for k in range(2):
                ask = next(asks)
                values = _values(commune, commune.villages(), g + k)
                area = f"thôn {values['v']}, {commune.title}" if "{v}" in ask.text else commune.title
                self.petition(place, session, ask, values, [meeting], next(turns), _on_to_weekday(day + 10 * DAY), area)

    # -- a commune --

    def commune(self, place, index):
        session = place.regular
        rnd = self.random
        turns = itertools.cycle(BEFORE_TURNS[index % len(BEFORE_TURNS) :] + BEFORE_TURNS[: index % len(BEFORE_TURNS)])
        asks = itertools.cycle(COMMUNE_ASKS[index % len(COMMUNE_ASKS) :] + COMMUNE_ASKS[: index % len(COMMUNE_ASKS)])
        forwarded_on = _on_to_weekday(session.end + 5 * DAY)
        meetings = []
        for g, group in enumerate(place.groups):
            villages = place.villages(group)
            day = _back_to_weekday(session.start - datetime.timedelta(days=12 - 2 * g))
            both = place.council.unit.kind == "township" and g == 0
            where = f"Nhà văn hóa thôn {villages[0]}, {place.title}"
            meeting = self.meeting(
                place,
                session,
                Timing.BEFORE,
                day,
                where,
                group,
                rnd.randint(40, 130),
                form=MeetingForm.BOTH if both else MeetingForm.IN_PERSON,
                turn=g,
            )
            meetings.append(meeting)
            for k in range(2 + (g + index) % 2):
                ask = next(asks)
                values = _values(place, villages, k)
                self.petition(place, session, ask, values, [meeting], next(turns), forwarded_on, f"thôn {values['v']}")
        if index % 3 == 0 and len(meetings) >= 2:
            ask = COMMUNE_REPEATED
            values_a = _values(place, place.villages(place.groups[0]), 0)
            values_b = _values(place, place.villages(place.groups[1]), 0)
            into = self.petition(
                place,
                session,
                ask,
                values_a,
                [meetings[0]],
                REPORTED_BACK if index % 2 else ANSWERED,
                forwarded_on,
                f"thôn {values_a['v']}, thôn {values_b['v']}",
            )
            self.merged(place, session, ask, values_b, meetings[1], into, f"thôn {values_b['v']}")

    def write(self):
        meetings = [m for m, _ in self.meetings]
        for meeting in meetings:
            meeting.normalize_text_fields()
        VoterMeeting.objects.bulk_create(meetings)
        audit_bulk(meetings, CREATE, actor=self.actor)
        through = VoterMeeting.delegates.through
        through.objects.bulk_create(
            [through(votermeeting_id=m.pk, delegate_id=d.pk) for m, present in self.meetings for d in present]
        )
        # Merged petitions point at theirs: those merged into are written first.
        rows = [p for p, _ in self.petitions]
        for petition in rows:
            petition.normalize_text_fields()
        first = [p for p in rows if p.status != MERGED]
        VoterPetition.objects.bulk_create(first)
        merged = [p for p in rows if p.status == MERGED]
        for petition in merged:
            petition.merged_into_id = petition.merged_into.pk
        VoterPetition.objects.bulk_create(merged)
        audit_bulk(first + merged, CREATE, actor=self.actor)
        through = VoterPetition.meetings.through
        through.objects.bulk_create(
            [
                through(voterpetition_id=p.pk, votermeeting_id=m.pk)
                for p, sources in self.petitions
                for m in dict.fromkeys(sources)
            ]
        )


def _values(place, villages, k):
    return {
        "unit": place.title,
        "ubnd": f"Ủy ban nhân dân {place.title}",
        "name": place.name,
        "v": villages[k % len(villages)],
        "v2": villages[(k + 1) % len(villages)],
    }


# --- Reception schedules and the register ----------------------------------------------------------


class Reception:
    def __init__(self, actor, names):
        self.actor = actor
        self.names = names
        self.random = random.Random(2013)

    def schedules(self, place, day_of_month, published, office):
        """Monthly reception days of 2024: a member of the standing committee and a delegate group's members."""
        leaders = place.standing[:2] or place.standing
        rows = []
        for month in range(1, 13):
            nominal = datetime.date(YEAR, month, day_of_month)
            day = _on_to_weekday(nominal)
            group = place.groups[(month - 1) % len(place.groups)]
            delegates = place.present([leaders[month % len(leaders)]], day) + place.present(
                place.members[group.pk][:2], day
            )
            note = f"Tiếp công dân định kỳ tháng {month:02d}/{YEAR}"
            if day != nominal:
                note += f"; ngày {nominal:%d/%m} là ngày nghỉ nên chuyển sang ngày {day:%d/%m}"
            schedule = ReceptionSchedule(
                council=place.council,
                day=day,
                starts_at=datetime.time(7, 30),
                ends_at=datetime.time(11, 0),
                place=office,
                note=note,
                is_published=published and month <= 11,
            )
            rows.append((schedule, list(dict.fromkeys(delegates))))
        return rows

    def cases(self, place, schedules, whence, per_day):
        """Register entries received on the reception days up to the briefing, numbered in date order."""
        rnd = self.random
        entries = []
        matters = itertools.cycle(
            MATTERS[place.council.pk % len(MATTERS) :] + MATTERS[: place.council.pk % len(MATTERS)]
        )
        for schedule, delegates in schedules:
            if schedule.day > SNAPSHOT:
                continue
            for _ in range(rnd.randint(*per_day)):
                entries.append((schedule.day, next(matters), delegates[0] if delegates else None))
        if place.council.unit.level == Level.DISTRICT:
            vice = place.standing[1].delegate if len(place.standing) > 1 else None
            for day in (datetime.date(YEAR, 3, 27), datetime.date(YEAR, 6, 18), datetime.date(YEAR, 9, 30)):
                entries.append((day, next(matters), vice))
        entries.sort(key=lambda e: e[0])
        rows = []
        for number, (day, matter, delegate) in enumerate(entries, start=1):
            origin = whence[(number * 7) % len(whence)]
            villages = origin.villages()
            values = _values(origin, villages, number)
            person = self.names.person()
            id_document = ""
            if number % 4 != 0:
                century = 0 if person["gender"] == "male" else 1
                id_document = f"006{century}{person['birth_year'] % 100:02d}{rnd.randrange(10**6):06d}"
            result, result_on = "", None
            lag = datetime.timedelta(days=rnd.randint(15, 50))
            if matter.result and day + lag <= SNAPSHOT and number % 5 != 3:
                result, result_on = matter.result, day + lag
            rows.append(
                Case(
                    council=place.council,
                    year=day.year,
                    number=number,
                    received_on=day,
                    citizen_name=person["full_name"],
                    citizen_address=f"Thôn {values['v']}, {origin.title}, huyện Na Rì, tỉnh Bắc Kạn",
                    id_document=id_document,
                    content=matter.content.format(**values),
                    kind=matter.kind,
                    people_count=matter.people,
                    handled_before_by=matter.handled_before_by.format(**values),
                    handling=matter.handling,
                    forwarded_to=matter.forwarded_to.format(**values),
                    received_by=delegate,
                    result=result,
                    result_on=result_on,
                    notes=matter.notes.format(**values),
                )
            )
        return rows

    def write(self, schedules, cases):
        rows = [s for s, _ in schedules]
        for row in rows + cases:
            row.normalize_text_fields()
        ReceptionSchedule.objects.bulk_create(rows)
        through = ReceptionSchedule.delegates.through
        through.objects.bulk_create(
            [through(receptionschedule_id=s.pk, delegate_id=d.pk) for s, delegates in schedules for d in delegates]
        )
        Case.objects.bulk_create(cases)
        audit_bulk(rows + cases, CREATE, actor=self.actor)


def load_voters(*, actor, district_council, commune_councils):
    """The voter contact and citizen reception of 2024 (see the module's docstring)."""
    names = NameMaker(seed=1207)
    names.used.update(Person.objects.values_list("full_name", flat=True))
    names.used.update(TeamMember.objects.exclude(name="").values_list("name", flat=True))
    names.used.update(Questioning.objects.values_list("respondent_name", flat=True))
    places = _places([district_council, *commune_councils])
    district = places[district_council.pk]
    communes = [places[c.pk] for c in commune_councils]

    met = set(VoterMeeting.objects.filter(held_on__year=YEAR).values_list("council_id", flat=True).distinct())
    contact = VoterContact(actor, names)
    if district_council.pk not in met:
        contact.district(district, communes)
    for index, place in enumerate(communes):
        if place.council.pk not in met:
            contact.commune(place, index)
    contact.write()

    scheduled = set(ReceptionSchedule.objects.filter(day__year=YEAR).values_list("council_id", flat=True).distinct())
    registered = set(Case.objects.filter(year=YEAR).values_list("council_id", flat=True).distinct())
    reception = Reception(actor, names)
    schedules, cases = [], []
    receiving = [(district, 10, True, "Trụ sở tiếp công dân huyện Na Rì", communes, (2, 4))]
    receiving += [
        (
            place,
            15,
            RECEPTION_COMMUNES[place.council.unit.code],
            f"Phòng tiếp công dân, trụ sở Ủy ban nhân dân {place.title}",
            [place],
            (0, 2),
        )
        for place in communes
        if place.council.unit.code in RECEPTION_COMMUNES
    ]
    for place, day_of_month, published, office, whence, per_day in receiving:
        days = reception.schedules(place, day_of_month, published, office)
        if place.council.pk not in scheduled:
            schedules += days
        if place.council.pk not in registered:
            cases += reception.cases(place, days, whence, per_day)
    reception.write(schedules, cases)
