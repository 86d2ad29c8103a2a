"""The portal's directory of delegates: in office, grouped three ways, with positions and published
reception days — and nothing a delegate's public role does not make public."""

import datetime

import pytest
from django.urls import reverse

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import (
    CommitteeFactory,
    ConstituencyFactory,
    CouncilFactory,
    DelegateFactory,
    DelegateGroupFactory,
    DistrictFactory,
    MembershipFactory,
    PersonFactory,
    TermFactory,
)
from hdnd.portal.services import portal_install
from hdnd.reception.factories import ReceptionScheduleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(district_council):
    portal_install(actor=UserFactory(is_superuser=True), council=district_council)
    term = TermFactory(council=district_council, end_date=datetime.date(2026, 3, 14))
    one = ConstituencyFactory(term=term, council=district_council, number=1, area="Xã Kim Lư, xã Lương Thượng")
    two = ConstituencyFactory(term=term, council=district_council, number=2, area="Thị trấn Yến Lạc")
    chair = DelegateFactory(
        constituency=one,
        person=PersonFactory(
            council=district_council,
            full_name="Nông Văn Nguyên",
            occupation="Bí thư Huyện ủy",
            birth_date=datetime.date(1970, 5, 2),
        ),
    )
    member = DelegateFactory(constituency=two, person=PersonFactory(council=district_council, full_name="Mã Thị Hường"))
    gone = DelegateFactory(
        constituency=two,
        person=PersonFactory(council=district_council, full_name="Hoàng Văn Đã Thôi"),
        end_date=datetime.date(2023, 1, 31),
        end_reason="Chuyển công tác",
    )
    MembershipFactory(delegate=chair, body="standing_committee", position="chair")
    committee = CommitteeFactory(term=term, council=district_council, name="Ban Kinh tế – Xã hội")
    MembershipFactory(delegate=member, body="committee", committee=committee, position="head")
    group = DelegateGroupFactory(term=term, council=district_council, name="Tổ đại biểu số 1")
    MembershipFactory(delegate=chair, body="delegate_group", delegate_group=group, position="group_leader")
    published = ReceptionScheduleFactory(council=district_council, day=datetime.date(2024, 9, 5), is_published=True)
    published.delegates.set([chair])
    hidden = ReceptionScheduleFactory(
        council=district_council, day=datetime.date(2024, 10, 5), place="Nhà văn hóa thôn Nà Làng"
    )
    hidden.delegates.set([chair])
    outsider = CouncilFactory(unit__parent=DistrictFactory(code="998"))
    stranger = DelegateFactory(
        constituency=ConstituencyFactory(term=TermFactory(council=outsider), council=outsider),
        person=PersonFactory(council=outsider, full_name="Người Huyện Khác"),
    )
    return {"chair": chair, "member": member, "gone": gone, "stranger": stranger}


def test_the_directory_lists_delegates_in_office_by_constituency(client, directory):
    html = client.get(reverse("portal:delegates")).content.decode()
    assert "Đơn vị bầu cử số 1" in html and "Đơn vị bầu cử số 2" in html
    assert "Nông Văn Nguyên" in html and "Mã Thị Hường" in html
    assert "Chủ tịch" in html and "Bí thư Huyện ủy" in html
    assert "Hoàng Văn Đã Thôi" not in html and "Người Huyện Khác" not in html
    assert "1970" not in html  # no date of birth
    assert "2 đại biểu đương nhiệm" in html


def test_the_directory_groups_by_committee_and_delegate_group(client, directory):
    html = client.get(reverse("portal:delegates"), {"theo": "ban"}).content.decode()
    assert html.index("Ban Kinh tế – Xã hội") < html.index("Mã Thị Hường")
    assert html.index("Chưa thuộc tổ hoặc Ban nào") < html.index("Nông Văn Nguyên")
    html = client.get(reverse("portal:delegates"), {"theo": "to-dai-bieu"}).content.decode()
    assert html.index("Tổ đại biểu số 1") < html.index("Nông Văn Nguyên")
    assert client.get(reverse("portal:delegates"), {"theo": "?", "hdnd": "x"}).status_code == 200


def test_a_delegate_page_shows_positions_and_published_reception_days(client, directory):
    html = client.get(reverse("portal:delegate", args=[directory["chair"].pk])).content.decode()
    assert "Xã Kim Lư, xã Lương Thượng" in html
    assert "05/09/2024" in html and "Nhà văn hóa thôn Nà Làng" not in html
    assert "1970" not in html
    assert client.get(reverse("portal:delegate", args=[directory["stranger"].pk])).status_code == 404
