"""The Na Rì portal's news: sections, the seed article and accounts of the district's sessions.

The article on the briefing of 22/10/2024 goes the way articles go: drafted from the briefing in
one click, rewritten by the council's office to the text the district portal published (its real
text, `data/giao-ban-hdnd-na-ri-22-10-2024.txt`, by Quốc Khánh), submitted and published by a
leader. The session articles are written from the demo's records.
"""

from pathlib import Path

from django.db import transaction
from django.utils.html import escape

from hdnd.core.vntext import nfc, readable_slug
from hdnd.meetings.models import Session
from hdnd.portal.models import ArticlePage, EnglishPage, NewsIndexPage
from hdnd.portal.services import article_draft_from_briefing
from hdnd.reports.models import Briefing

SEED = Path(__file__).parent / "data" / "giao-ban-hdnd-na-ri-22-10-2024.txt"
ENGLISH = (
    "<p>The People's Council of Na Rì District (Bắc Kạn Province, Viet Nam) is the local organ of state power "
    "elected by the district's voters for the 2021–2026 term. It decides the district's budget, socio-economic "
    "plans and other local matters by resolutions, supervises the District People's Committee and the other "
    "local bodies, meets voters before and after each session and receives citizens.</p>"
    "<h2>Organisation</h2><ul><li>The Standing Committee: the Chair, the Vice-Chair and the heads of the "
    "committees.</li><li>Two committees: Legal Affairs, and Economic and Social Affairs.</li>"
    "<li>Delegate groups, one for each constituency.</li></ul>"
    "<p>Beneath it, the councils of the district's 17 communes and townships have their own pages on this "
    "portal.</p><h2>Contact</h2><p>Office of the People's Council and People's Committee of Na Rì District, "
    "Yến Lạc township, Na Rì district, Bắc Kạn province. Citizens are received on the days published under "
    "“Đại biểu” (Delegates).</p>"
)
SECTIONS = [
    ("Hoạt động HĐND", "Giao ban, giám sát, tiếp xúc cử tri và các hoạt động khác của Hội đồng nhân dân."),
    ("Tin kỳ họp", "Các kỳ họp của Hội đồng nhân dân huyện và các nghị quyết được thông qua."),
]


def seed_article():
    """(title, date text, paragraphs, author) of the district portal's article."""
    lines = [nfc(line).strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    # The first line is the page's reader controls, then the title, the date line, the text and the author.
    title, updated, *paragraphs, author = lines[1:]
    assert "22/10/2024" in updated, updated
    return title, paragraphs, author


def load_portal(*, home, secretary, leader):
    """The sections and articles of `home`'s portal, once."""
    if NewsIndexPage.objects.child_of(home).exists():
        return
    with transaction.atomic():
        sections = {}
        for title, intro in SECTIONS:
            section = NewsIndexPage(title=title, slug=readable_slug(title), intro=f"<p>{escape(intro)}</p>")
            home.add_child(instance=section)
            section.save_revision(user=leader).publish(user=leader)
            sections[title] = section
        english = EnglishPage(title="Na Rì District People's Council", slug="english", body=ENGLISH)
        home.add_child(instance=english)
        english.save_revision(user=leader).publish(user=leader)
        _briefing_article(home, sections["Hoạt động HĐND"], secretary, leader)
        _session_articles(home.specific, sections["Tin kỳ họp"], secretary, leader)


def _briefing_article(home, section, secretary, leader):
    briefing = Briefing.objects.get(council=home.specific.council, held_on="2024-10-22")
    article = article_draft_from_briefing(actor=secretary, briefing=briefing)
    article.move(section, pos="last-child", user=secretary)
    article.refresh_from_db()
    title, paragraphs, author = seed_article()
    article.title = title
    article.slug = readable_slug(title)
    article.intro = paragraphs[0]
    article.body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    article.author = author
    article.save_revision(user=secretary).publish(user=leader)


def _session_articles(home, section, secretary, leader):
    sessions = (
        Session.objects.filter(council=home.council, planned_start__year=2024)
        .select_related("term")
        .prefetch_related("resolutions")
        .order_by("planned_start")
    )
    for session in sessions:
        day = session.actual_start or session.planned_start
        resolutions = sorted((r for r in session.resolutions.all() if r.symbol), key=lambda r: r.number)
        kind = session.get_kind_display().lower()
        title = f"HĐND huyện Na Rì khóa {session.term.roman} tổ chức kỳ họp thứ {session.number}"
        opening = (
            f"Ngày {day:%d/%m/%Y}, Hội đồng nhân dân huyện Na Rì khóa {session.term.roman} tổ chức kỳ họp thứ "
            f"{session.number} (kỳ họp {kind}){f' tại {session.place}' if session.place else ''}."
        )
        body = [opening]
        if resolutions:
            body.append(f"Kỳ họp đã thảo luận và thông qua {len(resolutions):02d} nghị quyết:")
        items = "".join(f"<li>Nghị quyết số {escape(r.symbol)} {escape(r.subject)}</li>" for r in resolutions)
        article = ArticlePage(
            title=title,
            slug=readable_slug(f"{title} {day:%d-%m-%Y}"),
            council=home.council,
            date=day,
            intro=opening,
            body="".join(f"<p>{escape(p)}</p>" for p in body) + (f"<ul>{items}</ul>" if items else ""),
            author="Văn phòng HĐND huyện",
            owner=secretary,
        )
        section.add_child(instance=article)
        article.save_revision(user=secretary).publish(user=leader)
