"""The article page in a real Chromium: WCAG 2.1 AA in every reader mode, the reader tools,
keyboard use, 200 % zoom, printing, and reading without JavaScript."""

import datetime
import io
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

from hdnd.accounts.factories import UserFactory
from hdnd.conftest import wagtail_tree
from hdnd.portal.models import ArticleImage, ArticlePage, NewsIndexPage
from hdnd.portal.services import portal_install

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _image():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 400), (120, 90, 60)).save(buffer, "PNG")
    return Image.objects.create(title="Hội trường", file=ImageFile(buffer, name="hoi-truong.png"))


@pytest.fixture
def article(district_council):
    wagtail_tree()
    admin = UserFactory(is_superuser=True)
    home = portal_install(actor=admin, council=district_council)
    section = home.add_child(instance=NewsIndexPage(title="Hoạt động HĐND", slug="hoat-dong-hdnd"))
    older = section.add_child(
        instance=ArticlePage(
            title="Tiếp xúc cử tri trước kỳ họp thường lệ",
            slug="tiep-xuc-cu-tri",
            date=datetime.date(2024, 6, 20),
            body="<p>Các tổ đại biểu tiếp xúc cử tri tại 17 xã, thị trấn.</p>",
        )
    )
    article = ArticlePage(
        title="Hội nghị giao ban giữa Thường trực HĐND huyện với Thường trực HĐND các xã, thị trấn",
        slug="hoi-nghi-giao-ban",
        date=datetime.date(2024, 10, 22),
        intro="Sáng ngày 22/10/2024, Thường trực HĐND huyện tổ chức hội nghị giao ban.",
        body="<p>Tổ chức 73 kỳ họp trong đó cấp huyện 07 kỳ.</p><p>Ban hành 266 Nghị quyết.</p>",
        author="Quốc Khánh",
    )
    section.add_child(instance=article)
    ArticleImage.objects.create(
        page=article, image=_image(), alt_text="Quang cảnh hội nghị", caption="Hội nghị giao ban"
    )
    for page in (section, older, article):
        page.save_revision(user=admin).publish(user=admin)
    return article


def _open(page, live_server, article):
    page.goto(live_server.url + article.url)
    return page


def _axe_violations(page):
    assert AXE.exists(), "axe-core is missing: run `make test` (it installs it with npm)"
    page.evaluate(AXE.read_text())  # not a <script> tag: the portal's policy runs no inline script
    result = page.evaluate(f"axe.run(document, {WCAG_AA})")
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def test_the_article_passes_wcag_aa_in_every_reader_mode(page, live_server, article):
    _open(page, live_server, article)
    assert _axe_violations(page) == []
    for mode in ("dark", "contrast"):
        page.click("button[data-reader=darker]")
        assert page.get_attribute("html", "data-reader-mode") == mode
        assert _axe_violations(page) == [], mode
    page.click("button[data-reader=brighter]")
    page.click("button[data-reader=brighter]")
    page.click("button[data-reader=brighter]")
    assert page.get_attribute("html", "data-reader-mode") == "light"
    assert _axe_violations(page) == []


def test_the_article_shows_what_the_seed_page_shows(page, live_server, article):
    _open(page, live_server, article)
    text = page.inner_text("main")
    assert "( Cập nhật ngày: 22/10/2024 )" in text
    for label in ("Tăng cỡ chữ", "Giảm cỡ chữ", "Gửi thư", "In", "Tăng sáng", "Giảm sáng"):
        assert page.get_by_role("button", name=label, exact=True).or_(page.get_by_role("link", name=label)).count()
    assert page.inner_text(".article-author") == "Quốc Khánh"
    assert page.get_attribute(".article-figure img", "alt") == "Quang cảnh hội nghị"
    assert "Tiếp xúc cử tri trước kỳ họp thường lệ" in page.inner_text(".related")
    mail = page.get_attribute(".reader-tools a[href^='mailto:']", "href")
    assert "subject=H%E1%BB%99i%20ngh%E1%BB%8B" in mail and "hoi-nghi-giao-ban" in mail
    assert page.get_attribute("meta[property='og:title']", "content") == article.title
    assert page.get_attribute("meta[property='og:image']", "content").endswith(".png")


def test_reader_choices_change_the_page_persist_and_are_announced(page, live_server, article):
    _open(page, live_server, article)
    page.click("button[data-reader=larger]")
    page.click("button[data-reader=larger]")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"  # 125 % of 16 px
    # A function, not an expression: Playwright would poll an expression with eval(), which the
    # portal's policy forbids.
    page.wait_for_function("() => document.querySelector('[data-reader-status]').textContent.includes('125')")
    assert page.inner_text("[data-reader-status]") == "Cỡ chữ 125 %"
    page.click("button[data-reader=darker]")
    page.click("text=Hoạt động HĐND >> nth=0")  # another page of the portal
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "20px"
    assert page.get_attribute("html", "data-reader-mode") == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(22, 22, 22)"


def test_every_control_is_reached_by_keyboard_with_a_visible_focus(page, live_server, article):
    _open(page, live_server, article)
    wanted = {"Tăng cỡ chữ", "Giảm cỡ chữ", "Gửi thư", "In", "Tăng sáng", "Giảm sáng", "Facebook", "Zalo"}
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                       return [e.tagName, e.innerText.trim(), s.outlineStyle, s.outlineWidth]; }"""
        )
        tag, name, style, width = focused
        if tag == "BODY":  # past the last control: the focus has left the page
            break
        assert style != "none" and width != "0px", f"no visible focus on {name!r}"
        reached.add(name.split("\n")[0].replace(" (mở trong cửa sổ mới)", ""))
    assert wanted <= reached
    page.focus("button[data-reader=larger]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.style.fontSize") == "112.5%"


def test_at_200_percent_zoom_nothing_scrolls_sideways(page, live_server, article):
    page.set_viewport_size({"width": 640, "height": 720})  # 1280 px shown at 200 %
    _open(page, live_server, article)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_the_printed_article_is_the_article_alone_with_its_address(page, live_server, article, tmp_path):
    _open(page, live_server, article)
    pdf = tmp_path / "bai-viet.pdf"
    page.pdf(path=pdf, format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Hội nghị giao ban" in text and "Quốc Khánh" in text
    assert "Địa chỉ bài viết" in text and article.full_url in text
    for navigation in ("Trang chủ", "Tăng cỡ chữ", "Chia sẻ", "Tin liên quan", "Hệ thống thông tin"):
        assert navigation not in text


def test_without_javascript_the_article_reads_and_mail_still_works(browser, live_server, article):
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    _open(page, live_server, article)
    assert "Tổ chức 73 kỳ họp" in page.inner_text("main")
    assert page.locator("button[data-reader]:visible").count() == 0  # they need JavaScript
    assert page.locator(".reader-tools a[href^='mailto:']").is_visible()
    context.close()


def test_the_resolution_pages_pass_wcag_aa(page, live_server, article, district_council):
    from hdnd.accounts.models import Role
    from hdnd.conftest import user_with_role
    from hdnd.councils.factories import TermFactory
    from hdnd.resolutions.factories import ResolutionFactory
    from hdnd.resolutions.services import resolution_adopt, resolution_publish

    leader = user_with_role(district_council, Role.LEADER)
    resolution = ResolutionFactory(council=district_council, term=TermFactory(council=district_council))
    resolution_adopt(actor=leader, resolution=resolution, adopted_on=datetime.date(2024, 7, 10))
    resolution_publish(actor=leader, resolution=resolution)
    page.goto(f"{live_server.url}/nghi-quyet/?q=ngan+sach")
    assert resolution.subject in page.inner_text("main")
    assert _axe_violations(page) == []
    page.click("main h2 a")
    page.wait_for_selector("text=Toàn văn (PDF)")
    assert _axe_violations(page) == []


def test_the_session_pages_pass_wcag_aa(page, live_server, article, district_council):
    from hdnd.councils.factories import TermFactory
    from hdnd.meetings.factories import AgendaItemFactory, SessionFactory

    session = SessionFactory(term=TermFactory(council=district_council), planned_start=datetime.date(2024, 7, 10))
    AgendaItemFactory(session=session)
    for path in ("/ky-hop/?nam=2024", "/ky-hop/lich/?thang=2024-07", f"/ky-hop/{session.pk}/"):
        page.goto(live_server.url + path)
        assert str(session) in page.inner_text("main")
        assert _axe_violations(page) == [], path


def test_the_delegate_pages_pass_wcag_aa(page, live_server, article, district_council):
    from hdnd.councils.factories import DelegateFactory, MembershipFactory, TermFactory

    delegate = DelegateFactory(
        constituency__term=TermFactory(council=district_council), constituency__council=district_council
    )
    MembershipFactory(delegate=delegate, position="chair")
    for path in ("/dai-bieu/", "/dai-bieu/?theo=ban", f"/dai-bieu/{delegate.pk}/"):
        page.goto(live_server.url + path)
        assert delegate.person.full_name in page.inner_text("main")
        assert _axe_violations(page) == [], path


def test_the_answers_and_supervision_pages_pass_wcag_aa(page, live_server, article, district_council):
    from hdnd.councils.factories import TermFactory
    from hdnd.oversight.factories import MissionFactory, RecommendationFactory
    from hdnd.petitions.factories import VoterPetitionFactory

    term = TermFactory(council=district_council)
    VoterPetitionFactory(session__term=term, answered=True, answer="Đã bố trí vốn sửa chữa.")
    mission = MissionFactory(term=term, decided=True)
    RecommendationFactory(mission=mission)
    for path, text in (
        ("/tra-loi-cu-tri/", "Đã bố trí vốn sửa chữa."),
        ("/giam-sat/", mission.subject),
        (f"/giam-sat/{mission.pk}/", "15/QĐ-HĐND"),
    ):
        page.goto(live_server.url + path)
        assert text in page.inner_text("main")
        assert _axe_violations(page) == [], path


def test_the_search_page_passes_wcag_aa_in_every_reader_mode(page, live_server, article):
    page.goto(f"{live_server.url}/tim-kiem/?q=giao+ban")
    assert "Hội nghị giao ban" in page.inner_text("main")
    assert page.locator("main mark").count() > 0
    assert _axe_violations(page) == []
    page.goto(live_server.url + article.url)
    for mode in ("dark", "contrast"):
        page.click("button[data-reader=darker]")
        page.goto(f"{live_server.url}/tim-kiem/?q=giao+ban")
        assert page.get_attribute("html", "data-reader-mode") == mode
        assert _axe_violations(page) == [], mode
        page.goto(live_server.url + article.url)
