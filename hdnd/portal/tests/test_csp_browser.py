"""The demo portal's pages in a real Chromium under their Content-Security-Policy: the browser
reports no violation on any of them, and their scripts — the reader tools, the API's interactive
documentation — still run."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from hdnd.conftest import wagtail_tree
from hdnd.councils.models import Council
from hdnd.demo.loader import load_demo
from hdnd.meetings.models import Session
from hdnd.oversight.models import Mission
from hdnd.portal.models import ArticlePage, EnglishPage, HomePage, NewsIndexPage
from hdnd.resolutions.models import Resolution

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

#: Every violation the page's document reports, kept where the test can read it (an init script
#: runs before the page's own and is not subject to its policy).
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
});
"""


@pytest.fixture
def demo_pages(db):
    wagtail_tree()
    load_demo()
    district = Council.objects.get(unit__code="066")
    home = HomePage.objects.get(council=district)
    section = NewsIndexPage.objects.child_of(home).first()
    article = ArticlePage.objects.live().descendant_of(home).filter(author="Quốc Khánh").get()
    english = EnglishPage.objects.child_of(home).get()
    resolution = Resolution.objects.published().filter(council=district).first()
    session = Session.objects.public().filter(council=district).first()
    mission = Mission.objects.public().filter(council=district).first()
    delegate = district.delegates.first()
    return {
        "home": "/",
        "section": urlsplit(section.full_url).path,
        "article": urlsplit(article.full_url).path,
        "english": urlsplit(english.full_url).path,
        "resolutions": reverse("portal:resolutions") + "?q=ngan+sach",
        "resolution": reverse("portal:resolution", args=[resolution.pk]),
        "sessions": reverse("portal:sessions"),
        "calendar": reverse("portal:session_calendar") + "?thang=2024-07",
        "session": reverse("portal:session", args=[session.pk]),
        "delegates": reverse("portal:delegates"),
        "delegate": reverse("portal:delegate", args=[delegate.pk]),
        "answers": reverse("portal:answers"),
        "missions": reverse("portal:missions"),
        "mission": reverse("portal:mission", args=[mission.pk]),
        "search": reverse("portal:search") + "?q=giao+ban",
        "rated": "/?danh-gia=cam-on",
        "api docs": reverse("api-v1:openapi-view"),
    }


@pytest.fixture
def watched(page):
    """The page, with every CSP message the browser logs and every violation event collected."""
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(LISTEN)
    page.csp_console = console
    return page


def _violations(page):
    logged = [text for text in page.csp_console if "Content Security Policy" in text]
    return logged + page.evaluate("window.__violations")


def test_the_demo_portal_breaks_no_policy_and_its_scripts_run(watched, live_server, demo_pages):
    """One test, the demo being long to load: every main page, then what its scripts do."""
    for name, path in demo_pages.items():
        watched.csp_console.clear()
        response = watched.goto(live_server.url + path)
        watched.wait_for_load_state("networkidle")
        assert response.status == 200, name
        assert "script-src 'self'" in response.headers["content-security-policy"], name
        assert _violations(watched) == [], name

    # The reader tools, on a phone.
    watched.set_viewport_size({"width": 375, "height": 740})
    watched.goto(live_server.url + demo_pages["article"])
    watched.click("button[data-reader=larger]")
    assert watched.evaluate("document.documentElement.style.fontSize") == "112.5%"
    watched.click("button[data-reader=darker]")
    assert watched.get_attribute("html", "data-reader-mode") == "dark"
    watched.goto(live_server.url + demo_pages["home"])  # the choice, applied by the script on the next page
    assert watched.get_attribute("html", "data-reader-mode") == "dark"

    # The API's interactive documentation (Swagger UI) draws its operations and opens one.
    watched.set_viewport_size({"width": 1280, "height": 900})
    watched.goto(live_server.url + demo_pages["api docs"])
    watched.wait_for_selector(".opblock", timeout=15_000)
    assert watched.locator(".opblock").count() > 10
    watched.locator(".opblock-summary").first.click()
    watched.wait_for_selector(".opblock-body")
    assert _violations(watched) == []
