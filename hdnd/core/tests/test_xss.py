"""No markup a user writes runs in a reader's or a colleague's browser.

Over the demo data, the usual cross-site-scripting payloads go into every free-text field of every
model of our apps — enumerated from the models, so that a new field is covered the day it is
added — and into the portal's rich text through the back office's page editor, as an editor
would write it (so that the editor's own clean-up is exercised). Then the portal and the back
office are crawled (one page per address shape: lists, records, edit forms, reports) and each
page's HTML is parsed and searched for markup that would run: a <script> of the payload's, an
on… handler, a javascript: or data: address, a style expression, a frame, object or embed made
by a payload.

The records' plain fields are written straight into the database rather than through each
screen's form: their only defence is the escaping of every page that shows them, whatever wrote
them (a screen, the API, an import), and a form would only add its own checks in front of it.
"""

import datetime
import io
import json
import re
from html import unescape
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.db.models.functions import Cast, Concat
from django.test import Client, override_settings
from django.urls import reverse
from lxml import html
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from hdnd.accounts.factories import UserFactory
from hdnd.api.factories import token_for
from hdnd.councils.models import Council
from hdnd.demo.loader import load_demo
from hdnd.meetings.models import AgendaItem, Session, Vote
from hdnd.portal.models import ArticlePage, EnglishPage, HomePage, NewsIndexPage
from hdnd.portal.services import portal_frames_refresh
from hdnd.resolutions.models import Resolution
from hdnd.resolutions.services import attachment_add

pytestmark = pytest.mark.django_db

MARK = "hdndxss"
ALERT = f'alert("{MARK}")'
#: The same call, to sit inside a double-quoted attribute.
QUOTED_ALERT = f"alert('{MARK}')"
#: One value per plain field, breaking out of every context a field may be written into: a text
#: node, a quoted attribute (either quote), an address, <title>, <textarea>, an inline <script>.
PLAIN_PAYLOADS = [
    f"javascript:{ALERT}//\"'><script>{ALERT}</script><img src=x onerror={ALERT}>"
    f'</title></textarea></script><svg onload={ALERT}><iframe srcdoc="<script>{QUOTED_ALERT}</script>">',
    f"javascript:{ALERT}//\"'><script>{ALERT}</script><svg onload={ALERT}>",
    f"\"'><svg onload={ALERT}>",
    f'"><b onblur={MARK}>',
]
#: What an editor may type or paste into the portal's rich text: each payload is a paragraph's text.
RICH_TEXT_PAYLOADS = [
    f"<script>{ALERT}</script>",
    f"<img src=x onerror={ALERT}>",
    f"<svg onload={ALERT}>",
    f'"><script>{ALERT}</script>',
    f"</title><script>{ALERT}</script>",
    f'" onmouseover="{QUOTED_ALERT}" x="',
    f"' onfocus='{ALERT}' autofocus x='",
    f'<iframe srcdoc="<script>{QUOTED_ALERT}</script>"></iframe>',
    f'<a href="javascript:{QUOTED_ALERT}">link</a>',
    f'<p style="width:expression({QUOTED_ALERT})">x</p>',
    f'<object data="data:text/html,<script>{QUOTED_ALERT}</script>"></object>',
    f'<math><mtext><table><mglyph><style><img src=x onerror="{QUOTED_ALERT}">',
]
#: …and the addresses of the links an editor may make in it.
RICH_TEXT_LINKS = [
    f"javascript:{ALERT}",
    f" JaVaScRiPt:{ALERT}",
    f"java\tscript:{ALERT}",
    f"data:text/html,<script>{ALERT}</script>",
    f"vbscript:{ALERT}",
    f'https://example.org/" onmouseover="{QUOTED_ALERT}',
]
#: Fields no user writes free text into, or whose value the software works with.
NOT_FREE_TEXT = {
    "password",  # a hash
    "path",  # Wagtail's tree
    "slug",  # an address, checked by Wagtail
    "url_path",
    "search_text",
}
#: Fields too short to hold markup: the administrative unit's GSO code (5 characters).
TOO_SHORT = 20
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "ping"}
ACTIVE_ELEMENTS = {"iframe", "frame", "object", "embed", "applet", "base"}
MAX_PAGES = {"portal": 80, "back office": 300}
#: Query parameters that show the same records again: another page or order of a list, where to go next.
SAME_PAGE_PARAMETERS = {"p", "trang", "ordering", "next", "describe_on_delete", "mode"}
SKIP = ("/logout/", "/jsi18n/", "export=", "/password_reset/", ".docx", ".xlsx", ".pdf", ".ics", ".zip")
SKIP += ("/results/", "/docx/", "/pdf/", "/xlsx/", "/rss/", "/atom/", "sitemap.xml", "robots.txt", "/tai-lieu/")


def executable_markup(document):
    """What, in the HTML `document`, a payload made that a browser would run."""
    problems = []
    tree = html.document_fromstring(document)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        text = element.text or ""
        is_data = element.get("type") in ("application/json", "application/ld+json")
        if tag == "script" and not is_data and (ALERT in text or MARK in element.get("src", "")):
            problems.append(f"<script>{text[:60]}")
        if tag == "style" and MARK in text:
            problems.append(f"<style>{text[:60]}")
        for name, value in element.attrib.items():
            name = name.lower()
            if MARK not in value:
                continue
            scheme = re.sub(r"[\x00-\x20]+", "", value).lower()
            if (
                name.startswith("on")
                or name in URL_ATTRIBUTES
                and scheme.startswith(("javascript:", "vbscript:", "data:"))
                or name in ("srcdoc", "style")
                or tag in ACTIVE_ELEMENTS
            ):
                problems.append(f"<{tag} {name}={value[:60]!r}>")
    return problems


def test_the_check_finds_every_payload_left_unescaped():
    """The check can fail: each payload put raw into a page, in a text or an attribute, is found."""
    for payload in [*PLAIN_PAYLOADS, *RICH_TEXT_PAYLOADS]:
        in_text = f"<html><head><title>{payload}</title></head><body><p>{payload}</p><textarea>{payload}</textarea></body></html>"
        in_attribute = f"<html><body><input value=\"{payload}\"><a href='{payload}'>x</a></body></html>"
        assert executable_markup(in_text) or executable_markup(in_attribute), payload
    for address in RICH_TEXT_LINKS[:5]:
        assert executable_markup(f"<html><body><a href='{address}'>x</a></body></html>"), address
    escaped = "".join(f"<p>{html_escape(p)}</p><input value='{html_escape(p)}'>" for p in PLAIN_PAYLOADS)
    assert executable_markup(f"<html><body>{escaped}</body></html>") == []


def html_escape(text):
    from django.utils.html import escape

    return escape(text)


def payload_for(field, unique):
    """The richest payload the field can hold (with a row's own suffix where values are unique)."""
    room = (field.max_length or 10_000) - (8 if unique else 0)
    if isinstance(field, models.TextField):
        return "\n".join([*PLAIN_PAYLOADS[:1], *RICH_TEXT_PAYLOADS])
    return next((p for p in PLAIN_PAYLOADS if len(p) <= room), None)


def unique_fields(model):
    names = {f.name for f in model._meta.fields if f.unique}
    for group in model._meta.unique_together:
        names.update(group)
    for constraint in model._meta.constraints:
        names.update(getattr(constraint, "fields", ()) or ())
    return names


def plant_in_records():
    """Every free-text field of every row of our apps' models (pages aside) holds a payload."""
    planted = []
    for model in apps.get_models():
        if not model.__module__.startswith("hdnd.") or issubclass(model, Page) or model._meta.proxy:
            continue
        unique = unique_fields(model)
        values = {}
        for field in model._meta.concrete_fields:
            if (
                not isinstance(field, models.CharField | models.TextField)
                or field.choices
                or not field.editable
                or field.name in NOT_FREE_TEXT
                or (field.max_length or TOO_SHORT) < TOO_SHORT
            ):
                continue
            payload = payload_for(field, field.name in unique)
            if payload is None:
                continue
            if field.name in unique:
                values[field.name] = Concat(models.Value(payload), Cast("pk", models.CharField()))
            else:
                values[field.name] = models.Value(payload)
            planted.append(f"{model._meta.label}.{field.name}")
        if values:
            model.objects.update(**values)
    return planted


def contentstate():
    """The editor's content (Draftail's JSON, as the page editor posts it): each payload as a
    paragraph, each bad address as a link, and an image whose description is a payload."""
    blocks, entities = [], {}
    for number, text in enumerate(RICH_TEXT_PAYLOADS):
        blocks.append({"key": f"p{number}", "type": "unstyled", "depth": 0, "text": text})
    for number, url in enumerate(RICH_TEXT_LINKS):
        entities[str(number)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
        blocks.append(
            {
                "key": f"l{number}",
                "type": "unstyled",
                "depth": 0,
                "text": "liên kết",
                "entityRanges": [{"offset": 0, "length": 8, "key": number}],
            }
        )
    image = get_image_model().objects.first()
    key = str(len(entities))
    entities[key] = {
        "type": "IMAGE",
        "mutability": "IMMUTABLE",
        "data": {"id": image.pk, "alt": PLAIN_PAYLOADS[0], "format": "left"},
    }
    blocks.append(
        {
            "key": "img",
            "type": "atomic",
            "depth": 0,
            "text": " ",
            "entityRanges": [{"offset": 0, "length": 1, "key": 0}],
        }
    )
    blocks[-1]["entityRanges"][0]["key"] = int(key)
    for block in blocks:
        block.setdefault("inlineStyleRanges", [])
        block.setdefault("entityRanges", [])
        block.setdefault("data", {})
    return json.dumps({"blocks": blocks, "entityMap": entities})


def form_fields(page_html, form_id):
    """The fields a browser would send for the form, as they stand."""
    form = html.document_fromstring(page_html).get_element_by_id(form_id)
    data = []
    for element in form.iter("input", "textarea", "select"):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        kind = (element.get("type") or "text").lower()
        if element.tag == "select":
            chosen = [o.get("value", o.text or "") for o in element.iter("option") if o.get("selected") is not None]
            data += [(name, value) for value in chosen]
        elif element.tag == "textarea":
            data.append((name, element.text or ""))
        elif kind in ("checkbox", "radio"):
            if element.get("checked") is not None:
                data.append((name, element.get("value", "on")))
        elif kind not in ("submit", "button", "file", "image", "reset"):
            data.append((name, element.get("value", "")))
    return data


def edit_page_as_editor(client, page, changes):
    """Posts the back office's page editor with `changes`, and publishes."""
    url = f"/quan-tri/pages/{page.pk}/edit/"
    response = client.get(url)
    assert response.status_code == 200, url
    data = dict(form_fields(response.content.decode(), "page-edit-form"))
    data.update(changes)
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 302, (url, re.findall(r'class="error-message">(.*?)<', response.content.decode()))


def plant_in_pages(client):
    """The district portal's pages, written as an editor writes them: every text field a payload,
    the rich text the editor's content above; the article with an image and a file attached."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (200, 120), (120, 90, 60)).save(buffer, "PNG")
    image = get_image_model().objects.create(title=PLAIN_PAYLOADS[1], file=ImageFile(buffer, name="anh.png"))
    document = get_document_model().objects.create(
        title=PLAIN_PAYLOADS[1], file=ContentFile(b"%PDF-1.4\n", name="bao-cao.pdf")
    )
    home = HomePage.objects.get(council__unit__code="066")
    rich = contentstate()
    common = {"title": PLAIN_PAYLOADS[1], "seo_title": PLAIN_PAYLOADS[1], "search_description": PLAIN_PAYLOADS[0]}
    edit_page_as_editor(client, home, {**common, "intro": rich})
    for section in NewsIndexPage.objects.child_of(home):
        edit_page_as_editor(client, section, {**common, "intro": rich})
    edit_page_as_editor(client, EnglishPage.objects.child_of(home).get(), {**common, "body": rich})
    for article in ArticlePage.objects.descendant_of(home).live():
        edit_page_as_editor(
            client,
            article,
            {
                **common,
                "intro": PLAIN_PAYLOADS[0],
                "author": PLAIN_PAYLOADS[1],
                "body": rich,
                "images-TOTAL_FORMS": "1",
                "images-INITIAL_FORMS": "0",
                "images-0-image": str(image.pk),
                "images-0-alt_text": PLAIN_PAYLOADS[1],
                "images-0-caption": PLAIN_PAYLOADS[1],
                "images-0-ORDER": "1",
                "attachments-TOTAL_FORMS": "1",
                "attachments-INITIAL_FORMS": "0",
                "attachments-0-document": str(document.pk),
                "attachments-0-title": PLAIN_PAYLOADS[1],
                "attachments-0-ORDER": "1",
            },
        )


def shape(url):
    """One page per address shape: numbers, and the values of the query, left out."""
    parts = urlsplit(url)
    keys = sorted({key for key, _value in parse_qsl(parts.query)} - SAME_PAGE_PARAMETERS)
    return re.sub(r"\d+", "N", parts.path) + "?" + "&".join(keys)


def crawl(client, starts, prefix, limit, host="localhost"):
    """{address: (problems, whether a payload is on the page)} for the pages reached from
    `starts` under `prefix`, one per address shape."""
    queue, seen, found = list(starts), set(), {}
    while queue and len(found) < limit:
        url = queue.pop(0)
        if shape(url) in seen:
            continue
        seen.add(shape(url))
        response = client.get(url, HTTP_HOST=host)
        if response.status_code in (301, 302):
            queue.insert(0, urljoin(url, response["Location"]))
            continue
        assert response.status_code < 500, f"{url} gave {response.status_code}"
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        page = response.content.decode()
        found[url] = (executable_markup(page), MARK in page)
        links = html.document_fromstring(page).xpath("//a/@href | //link[@rel='alternate']/@href")
        # The back office's menu is drawn by script from the addresses in its JSON data.
        links += [unescape(link) for link in re.findall(r'"(/quan-tri/[^"\\\s<>]*)"', page)]
        for href in links:
            target = urlsplit(urljoin(url, href))
            if target.hostname not in (None, host):
                continue
            link = target.path + (f"?{target.query}" if target.query else "")
            if link.startswith(prefix) and not any(s in link for s in SKIP):
                queue.append(link)
    return found


def problems_in(found):
    return {url: problems for url, (problems, _shown) in found.items() if problems}


def add_what_the_demo_lacks(editor):
    """A row of each record the demo has none of, made the way users make them: a reader's rating
    (posted anonymously), a resolution's attached file, a vote, an API token."""
    district = Council.objects.get(unit__code="066")
    Client().post("/danh-gia/", {"path": f'/"><script>{ALERT}</script>', "score": "4"}, HTTP_HOST="localhost")
    resolution = Resolution.objects.filter(council=district).first()
    pdf = SimpleUploadedFile("phu-luc.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    attachment_add(actor=editor, resolution=resolution, title=PLAIN_PAYLOADS[1], uploaded=pdf)
    item = AgendaItem.objects.filter(session__council=district).first()
    Vote.objects.create(
        agenda_item=item,
        subject=PLAIN_PAYLOADS[1],
        held_on=datetime.date(2024, 7, 10),
        delegates_total=30,
        votes_for=20,
        votes_against=5,
        votes_abstain=5,
        passed=True,
    )
    token_for(district, owner=editor, name=PLAIN_PAYLOADS[1])


@pytest.fixture(scope="module")
def planted(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo with payloads everywhere, once for the module, rolled back at the end."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with django_db_blocker.unblock(), transaction.atomic(), media:
        load_demo()
        editor = UserFactory(is_superuser=True, username="bien-tap-vien")
        client = Client()
        client.force_login(editor)
        plant_in_pages(client)
        add_what_the_demo_lacks(editor)
        fields = plant_in_records()
        portal_frames_refresh()
        yield {"fields": fields, "editor": editor}
        transaction.set_rollback(True)


def test_every_free_text_field_holds_a_payload(planted):
    fields = set(planted["fields"])
    empty = {
        field.rsplit(".", 1)[0] for field in fields if not apps.get_model(field.rsplit(".", 1)[0]).objects.exists()
    }
    assert not empty, f"no row to hold a payload: add one to add_what_the_demo_lacks ({sorted(empty)})"
    for expected in (
        "councils.Council.name",
        "councils.Person.full_name",
        "resolutions.Resolution.subject",
        "resolutions.Resolution.body",
        "petitions.VoterPetition.text",
        "petitions.VoterPetition.answer",
        "oversight.Recommendation.text",
        "oversight.Mission.subject",
        "reception.Case.content",
        "reports.Briefing.conclusions",
        "meetings.Session.title",
    ):
        assert expected in fields
    assert len(fields) > 80, len(fields)


def test_the_page_editor_keeps_the_text_and_drops_what_would_run(planted):
    article = ArticlePage.objects.filter(author=PLAIN_PAYLOADS[1]).first()
    assert article is not None, "the page editor did not save the article"
    assert MARK in article.body  # the payloads are there, as text
    assert executable_markup(f"<html><body>{expand_db_html(article.body)}</body></html>") == []
    links = html.fragment_fromstring(expand_db_html(article.body), create_parent="div").xpath("//a")
    assert len(links) == len(RICH_TEXT_LINKS)
    assert [a.get("href") for a in links if a.get("href")] == [RICH_TEXT_LINKS[-1]]  # the https one, escaped


def test_no_portal_page_runs_a_payload(client, planted):
    searches = ["/tim-kiem/", "/nghi-quyet/", "/dai-bieu/", "/giam-sat/", "/tra-loi-cu-tri/", "/ky-hop/"]
    found = crawl(client, ["/", *[f"{path}?q={MARK}" for path in searches]], "/", MAX_PAGES["portal"])
    commune = Site.objects.get(root_page__homepage__council__unit__code="02158")  # Kim Lư, a component portal
    found |= {f"{commune.hostname}{url}": r for url, r in crawl(client, ["/"], "/", 20, commune.hostname).items()}
    assert len(found) >= 25, list(found)
    assert len([url for url, (_problems, shown) in found.items() if shown]) >= 20
    assert problems_in(found) == {}


def back_office_starts():
    """Where the back office's links do not lead: a report asked for, each step of a session's and
    a resolution's work."""
    district = Council.objects.get(unit__code="066")
    report = {"council": district.pk, "period": "custom", "start": "01/01/2024", "end": "22/10/2024", "beneath": "on"}
    starts = ["/quan-tri/", f"/quan-tri/bao-cao/?{urlencode(report)}"]
    for session in Session.objects.filter(council=district).exclude(agenda_items=None)[:3]:
        starts.append(reverse("session:attendance", args=[session.pk]))
        starts.append(reverse("session:vote", args=[session.pk, session.agenda_items.first().pk]))
    for resolution in Resolution.objects.filter(council=district).order_by("number")[:2]:
        starts += [
            reverse("resolution:adopt", args=[resolution.pk]),
            reverse("resolution:publish", args=[resolution.pk]),
        ]
    return starts


def test_no_back_office_page_runs_a_payload(client, planted):
    client.force_login(planted["editor"])
    found = crawl(client, back_office_starts(), "/quan-tri/", MAX_PAGES["back office"])
    assert len(found) >= 150, list(found)
    for reached in ("/quan-tri/nghi-quyet/edit/", "/quan-tri/so-tiep-cong-dan/edit/", "/quan-tri/bao-cao/?"):
        assert any(url.startswith(reached) for url in found), reached
    assert len([url for url, (_problems, shown) in found.items() if shown]) >= 100
    assert problems_in(found) == {}
