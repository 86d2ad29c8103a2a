"""Every back-office screen a secretariat user can reach speaks Vietnamese.

A real Chromium signs in as a commune's secretariat user, follows every back-office link it finds
(one page per URL shape), and fails on any visible English interface word — in the page text, in
placeholders and in the labels read out by screen readers."""

import html
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from hdnd.conftest import user_with_role
from hdnd.councils.factories import council_with_records
from hdnd.meetings.factories import AgendaItemFactory, SessionFactory
from hdnd.resolutions.factories import ResolutionFactory

#: Words that only an untranslated English interface would show.
ENGLISH = {
    "Add",
    "Edit",
    "Delete",
    "Save",
    "Cancel",
    "Search",
    "Filter",
    "Filters",
    "Dashboard",
    "Settings",
    "Account",
    "Name",
    "Date",
    "Status",
    "Actions",
    "Action",
    "History",
    "Inspect",
    "Export",
    "Download",
    "Sort",
    "Previous",
    "Next",
    "Page",
    "Pages",
    "Yes",
    "Back",
    "Home",
    "Help",
    "Menu",
    "Toggle",
    "Close",
    "Show",
    "Hide",
    "Select",
    "Choose",
    "Term",
    "Terms",
    "Council",
    "Councils",
    "Delegate",
    "Delegates",
    "Committee",
    "Committees",
    "Constituency",
    "Constituencies",
    "Member",
    "Position",
    "Start",
    "End",
    "Created",
    "Updated",
    "User",
    "Users",
    "Role",
    "Roles",
    "Secretariat",
    "Leader",
    "Viewer",
    "True",
    "False",
    "None",
    "results",
    "Apply",
    "Clear",
    "Reset",
    "Submit",
    "More",
    "Options",
    "Skip",
    "Main",
    "Collapse",
    "Expand",
    "Unknown",
    "Loading",
    "Error",
    "Warning",
    "Success",
    "Required",
    "Optional",
    "Create",
    "Update",
    "View",
    "Open",
    "Sign",
    "Log",
    "Logout",
    "Profile",
    "Preferences",
    "Notifications",
    "Password",
    "Language",
    "Timezone",
    "Current",
    "Upload",
    "Title",
    "Kind",
    "Level",
    "Code",
    "Person",
    "People",
    "Body",
    "Group",
    "Groups",
    "Organisation",
    "Units",
    "Unit",
    "Administrative",
    "Full",
    "First",
    "Last",
    "Gender",
    "Male",
    "Female",
    "Birth",
    "Ethnicity",
    "Occupation",
    "Workplace",
    "Area",
    "Seats",
    "Number",
    "Confirm",
    "Are",
    "sure",
    "Sorry",
    "denied",
    "Permission",
    "Welcome",
    "Your",
    "There",
    "Nothing",
    "found",
    "Recent",
    "Edits",
    "Changes",
    "Sidebar",
    "Explorer",
    "Images",
    "Documents",
    "Snippets",
    "Reports",
    "Workflows",
    "Collections",
    "Locked",
    "Draft",
    "Live",
    "Publish",
    "Unpublish",
    "Preview",
    "Revisions",
    "Usage",
    "Compare",
    "Reason",
    "Phone",
    "Address",
    "Valid",
    "Parent",
    "Predecessors",
    "Successor",
    "Successors",
    "the",
    "and",
    "of",
    "to",
    "for",
    "with",
    "your",
    "you",
    "this",
    "that",
    "not",
    "are",
    "was",
    "were",
    "has",
    "have",
    "will",
    "can",
    "our",
    "any",
    "all",
    "from",
    "into",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "ago",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
}
#: English that may appear: language names in their own language, brand and file format names.
ALLOWED = {"English", "Wagtail", "CSV", "XLSX", "Email", "HĐND"}
WORD = re.compile(r"(?<![\w-])[A-Za-z]+(?![\w-])")
MAX_PAGES = 120
SKIP = (
    "/quan-tri/logout/",
    "/quan-tri/jsi18n/",
    "export=",
    "/quan-tri/password_reset/",
    ".docx",
    ".xlsx",
    ".pdf",
    "/docx/",
    "/pdf/",
)


#: Every link of the page, including those inside dropdown menus kept in <template> elements.
LINKS = """() => {
    const roots = [document, ...Array.from(document.querySelectorAll('template')).map(t => t.content)];
    return roots.flatMap(root => Array.from(root.querySelectorAll('a[href]')).map(a => a.getAttribute('href')));
}"""


def english_words(text):
    return sorted({w for w in WORD.findall(text) if w in ENGLISH and w not in ALLOWED})


def shape(path):
    return re.sub(r"\d+", "N", path)


def visible_interface_text(page):
    return page.evaluate(
        """() => {
            const parts = [document.title, document.body.innerText];
            for (const el of document.querySelectorAll('[placeholder],[aria-label],[title],input[type=submit],button')) {
                for (const attr of ['placeholder', 'aria-label', 'title', 'value']) {
                    const v = el.getAttribute(attr);
                    if (v && !(el.tagName === 'INPUT' && attr === 'value' && el.type !== 'submit')) parts.push(v);
                }
            }
            return parts.join('\\n');
        }"""
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_secretariat_sees_no_english_on_any_reachable_page(live_server, page, commune_council, password):
    term = council_with_records(commune_council)[1]
    session = SessionFactory(term=term, status="in_progress", actual_start=term.start_date.replace(year=2024))
    AgendaItemFactory(session=session)
    ResolutionFactory(term=term, session=session)
    user = user_with_role(commune_council)
    page.goto(live_server.url + reverse("wagtailadmin_login"))
    login_english = english_words(visible_interface_text(page))
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/quan-tri/")

    queue, seen_shapes, visited, problems = ["/quan-tri/"], set(), [], {}
    while queue and len(visited) < MAX_PAGES:
        path = queue.pop(0)
        if shape(path) in seen_shapes:
            continue
        seen_shapes.add(shape(path))
        response = page.goto(live_server.url + path)  # returns once the page and its scripts have loaded
        visited.append(path)
        assert response.status < 500, f"{path} gave {response.status}"
        found = english_words(visible_interface_text(page))
        if found:
            problems[path] = found
        # Links in the rendered page, plus those of the server's HTML that scripts move out of the
        # document (dropdown menus live in a popup until opened).
        served = re.findall(r'href="([^"#]+)"', response.text())
        for href in [*page.evaluate(LINKS), *(html.unescape(h) for h in served)]:
            target = urlsplit(urljoin(live_server.url + path, href))
            link = target.path + (f"?{target.query}" if target.query else "")
            if (
                target.netloc == urlsplit(live_server.url).netloc
                and link.startswith("/quan-tri/")
                and not any(s in link for s in SKIP)
            ):
                queue.append(target.path)
    assert len(visited) >= 25, visited
    for expected in (
        "/quan-tri/ky-hop/edit/",
        "/quan-tri/ky-hop/attendance/",
        "/quan-tri/ky-hop/vote/",
        "/quan-tri/nghi-quyet/edit/",
        "/quan-tri/nghi-quyet/adopt/",
        "/quan-tri/account/",
        "/quan-tri/dai-bieu/new/",
        "/quan-tri/dai-bieu/history/",
        "/quan-tri/chuc-vu/edit/",
    ):
        assert any(path.startswith(expected) for path in visited), f"the crawl never reached {expected}: {visited}"
    assert not login_english, login_english
    assert not problems, "\n".join(f"{p}: {w}" for p, w in problems.items())


@pytest.mark.django_db
def test_english_stays_available_as_second_language(client, commune_council):
    user = user_with_role(commune_council)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Dashboard" in html
    assert "Your councils" in html
