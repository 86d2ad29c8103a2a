"""The portal's search: one box over articles, resolutions, sessions and delegates, in Vietnamese
as people type it. Each row of QUERIES is a query and what it must find (and not find)."""

import datetime
import unicodedata

import pytest
from django.urls import reverse

from hdnd.accounts.factories import UserFactory
from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.councils.factories import ConstituencyFactory, DelegateFactory, PersonFactory, TermFactory
from hdnd.meetings.factories import SessionFactory
from hdnd.portal.models import ArticlePage
from hdnd.portal.services import portal_install
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.services import resolution_adopt, resolution_publish

pytestmark = pytest.mark.django_db

BUDGET = "Về dự toán ngân sách huyện năm 2024"
IRRIGATION = "Về quy hoạch thủy lợi giai đoạn 2021–2025"
BRIEFING = "Giao ban Thường trực Hội đồng nhân dân huyện quý III"
VISIT = "Đoàn công tác tỉnh Đắk Lắk thăm huyện"
BLOSSOM = "Ngắm hoa mận Na Rì"
SESSION = "Kỳ họp chuyên đề về hòa giải ở cơ sở"
DELEGATE = "Hoàng Thị Hòa"

#: (query, titles that must be found, titles that must not)
QUERIES = [
    ("nghi quyet ngan sach", [BUDGET], [IRRIGATION, BRIEFING]),
    ("Nghị quyết ngân sách", [BUDGET], [IRRIGATION]),
    ("NGHỊ QUYẾT NGÂN SÁCH", [BUDGET], [IRRIGATION]),
    ("NQ ngân sách", [BUDGET], [IRRIGATION]),
    ("thủy lợi", [IRRIGATION], [BUDGET]),
    ("thuỷ lợi", [IRRIGATION], [BUDGET]),
    ("hoà", [DELEGATE, SESSION, BLOSSOM], [BUDGET]),
    ("hòa", [DELEGATE, SESSION, BLOSSOM], [BUDGET]),
    ("dak lak", [VISIT], [BLOSSOM]),
    ("Đắk Lắk", [VISIT], [BLOSSOM]),
    (unicodedata.normalize("NFD", "Đắk Lắk"), [VISIT], [BLOSSOM]),
    ("\u00d0ắk Lắk", [VISIT], [BLOSSOM]),  # Ð (U+00D0) typed for Đ
    ("HĐND huyện quý III", [BRIEFING], [VISIT]),
    ("hdnd", [BRIEFING], [BLOSSOM]),
    ("Hội đồng nhân dân quý", [BRIEFING], [BLOSSOM]),
    ("UBND", [BUDGET], [BLOSSOM]),
    ("MTTQ", [VISIT], [BUDGET]),
    ("Mặt trận Tổ quốc", [VISIT], [BUDGET]),
]


@pytest.fixture
def portal(district_council):
    admin = UserFactory(is_superuser=True)
    home = portal_install(actor=admin, council=district_council)
    for title, text, day in (
        (BRIEFING, "Thường trực HĐND huyện giao ban với các xã.", datetime.date(2024, 10, 22)),
        (VISIT, "Đoàn làm việc với Ủy ban MTTQ huyện và Thường trực Hội đồng nhân dân.", datetime.date(2024, 9, 2)),
        (BLOSSOM, "Mùa hoa mận nở trắng các thôn.", datetime.date(2024, 2, 10)),
    ):
        article = home.add_child(instance=ArticlePage(title=title, slug="", date=day, body=f"<p>{text}</p>"))
        article.save_revision(user=admin).publish(user=admin)
    term = TermFactory(council=district_council)
    leader = user_with_role(district_council, Role.LEADER)
    for subject, body in (
        (BUDGET, "Điều 1. Giao Ủy ban nhân dân huyện tổ chức thực hiện."),
        (IRRIGATION, "Điều 1. Phê duyệt quy hoạch."),
    ):
        resolution = ResolutionFactory(council=district_council, term=term, subject=subject, body=body)
        resolution_adopt(actor=leader, resolution=resolution, adopted_on=datetime.date(2024, 7, 10))
        resolution_publish(actor=leader, resolution=resolution)
    SessionFactory(term=term, title=SESSION, place="Hội trường huyện")
    DelegateFactory(
        constituency=ConstituencyFactory(term=term, council=district_council),
        person=PersonFactory(council=district_council, full_name=DELEGATE, occupation="Chủ tịch Hội Phụ nữ"),
    )
    return home


def _search(client, query):
    return client.get(reverse("portal:search"), {"q": query}).content.decode()


@pytest.mark.parametrize(("query", "found", "not_found"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_the_search_finds_what_vietnamese_readers_type(client, portal, query, found, not_found):
    html = _search(client, query)
    for title in found:
        assert title in html, f"{query!r} should find {title!r}"
    for title in not_found:
        assert title not in html, f"{query!r} should not find {title!r}"


def test_what_matches_the_diacritics_typed_comes_first(client, portal):
    html = _search(client, "hòa")
    assert html.index(DELEGATE) < html.index(BLOSSOM)
    assert html.index(SESSION) < html.index(BLOSSOM)


def test_results_show_the_matching_passage_marked(client, portal):
    html = _search(client, "ngan sach")
    assert "<mark>ngân</mark> <mark>sách</mark>" in html
    html = _search(client, "hdnd quy")
    assert "<mark>HĐND</mark>" in html or "<mark>Hội đồng nhân dân</mark>" in html


def test_an_empty_or_odd_query_is_answered_calmly(client, portal):
    assert "Tìm kiếm" in _search(client, "")
    assert "0 kết quả" in _search(client, "<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in _search(client, "<script>alert(1)</script>")
