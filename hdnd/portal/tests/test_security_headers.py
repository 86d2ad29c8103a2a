"""The portal's Content-Security-Policy: on every portal page, whether built or served from the page
cache, on the record pages and the API's documentation; not on the back office, whose Wagtail
screens run inline scripts. And the portal's templates hold nothing the policy would block."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from lxml import html

from hdnd.accounts.factories import UserFactory
from hdnd.councils.factories import CouncilFactory, DistrictFactory
from hdnd.portal.models import ArticlePage, NewsIndexPage
from hdnd.portal.services import portal_install

HOST = "localhost"  # portal_install's default site
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}


def policy_of(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def article(db):
    admin = UserFactory(is_superuser=True)
    district = CouncilFactory(unit=DistrictFactory(name="Huyện Na Rì"), name="Hội đồng nhân dân huyện Na Rì")
    home = portal_install(actor=admin, council=district)
    section = home.add_child(instance=NewsIndexPage(title="Hoạt động HĐND", slug="hoat-dong-hdnd"))
    section.save_revision(user=admin).publish(user=admin)
    article = section.add_child(
        instance=ArticlePage(
            title="Hội nghị giao ban", slug="giao-ban", date=datetime.date(2024, 10, 22), body="<p>Nội dung.</p>"
        )
    )
    article.save_revision(user=admin).publish(user=admin)
    return ArticlePage.objects.get(pk=article.pk)


def test_the_policy_runs_no_inline_script_and_no_other_host():
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"] == POLICY
    assert not any("unsafe" in source or "*" in source for sources in POLICY.values() for source in sources)


def test_portal_pages_carry_the_policy_whether_built_or_cached(client, article):
    assert settings.PORTAL_PAGE_CACHE_SECONDS > 0
    for path in ("/", article.url):
        first = client.get(path, HTTP_HOST=HOST)
        again = client.get(path, HTTP_HOST=HOST)
        assert (first.status_code, again.status_code) == (200, 200)
        assert (first["X-Cache"], again["X-Cache"]) == ("MISS", "HIT"), path
        assert policy_of(first) == policy_of(again) == POLICY


def test_record_pages_search_and_api_docs_carry_the_policy(client, article):
    for path in (
        reverse("portal:resolutions"),
        reverse("portal:sessions"),
        reverse("portal:delegates"),
        reverse("portal:answers"),
        reverse("portal:missions"),
        reverse("portal:search") + "?q=giao+ban",
        reverse("api-v1:openapi-view"),
    ):
        response = client.get(path, HTTP_HOST=HOST)
        assert response.status_code == 200, path
        assert policy_of(response) == POLICY, path


def test_the_back_office_is_left_to_wagtail(client, article):
    login = client.get(reverse("wagtailadmin_login"), HTTP_HOST=HOST)
    assert login.status_code == 200
    assert "Content-Security-Policy" not in login
    client.force_login(UserFactory(is_superuser=True))
    dashboard = client.get(reverse("wagtailadmin_home"), HTTP_HOST=HOST)
    assert dashboard.status_code == 200
    assert "Content-Security-Policy" not in dashboard


#: The templates of the portal's pages; those of its back-office screens (portal/admin/…) are
#: served under /quan-tri/.
PORTAL_TEMPLATES = [
    path
    for path in sorted((Path(settings.BASE_DIR) / "hdnd" / "portal" / "templates" / "portal").rglob("*.html"))
    if "admin" not in path.parent.name
]


@pytest.mark.parametrize("template", PORTAL_TEMPLATES, ids=lambda p: p.relative_to(p.parents[1]).as_posix())
def test_portal_templates_hold_no_inline_script_handler_or_style(template):
    """What the policy would block, found before a reader's browser does: inline <script> (data
    islands of type application/json are data, not script), on… handlers, style attributes and
    <style> elements, javascript: addresses."""
    source = re.sub(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", "x", template.read_text(encoding="utf-8"), flags=re.S)
    problems = []
    for element in html.fromstring(source).iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "script" and not element.get("src") and element.get("type") != "application/json":
            problems.append("inline <script>")
        if element.tag == "style":
            problems.append("<style> element")
        for name, value in element.attrib.items():
            if name.startswith("on"):
                problems.append(f"{name}= on <{element.tag}>")
            if name == "style":
                problems.append(f"style= on <{element.tag}>")
            if value.strip().lower().startswith("javascript:"):
                problems.append(f"javascript: in {name}= on <{element.tag}>")
    assert not problems, problems
