"""One search box over the portal: its articles, resolutions, sessions and delegates, found with or
without diacritics and with abbreviations, those that match the query as typed first, each with
the passage that matched. Only candidates are ranked: of the resolutions, which run to a million,
the newest matches (core.search.newest_matching), never every match."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from hdnd.core.search import matching, newest_matching, rank, snippet
from hdnd.councils.models import Delegate
from hdnd.meetings.models import Session

from .common import portal_home
from .models import ArticlePage, portal_context
from .resolutions import published_resolutions

CANDIDATES = 200  # per kind of record, before ranking (the newest of the resolutions)
SHOWN = 50


@dataclass
class Hit:
    kind: str
    title: str
    link: Callable[[], str]  # called for the hits shown only
    text: str
    date: datetime.date | None
    score: int = 0
    url: str = ""
    excerpt: str = ""


def _hits(home, request, query):
    condition = matching(query)
    for article in ArticlePage.objects.descendant_of(home).live().public().filter(condition)[:CANDIDATES]:
        text = f"{article.intro} {strip_tags(article.body)}"
        yield Hit(_("Article"), article.title, partial(article.get_url, request), text, article.date)
    # The portal's councils by id, so that PostgreSQL knows how many resolutions they hold: a
    # commune's portal then reads its own council's in order, not the whole table's.
    councils = list(home.portal_councils().values_list("pk", flat=True))
    resolutions = published_resolutions(home).filter(council__in=councils)
    for resolution in newest_matching(resolutions, query, CANDIDATES, "adopted_on"):
        title = f"{_('Resolution')} {resolution.symbol}: {resolution.subject}"
        link = partial(reverse, "portal:resolution", args=[resolution.pk])
        yield Hit(_("Resolution"), title, link, f"{resolution.subject} {resolution.body}", resolution.adopted_on)
    sessions = Session.objects.filter(council__in=home.portal_councils(), is_public=True).select_related(
        "council", "term"
    )
    for session in sessions.filter(condition | matching(query, "council__search_text"))[:CANDIDATES]:
        title = f"{session.council.name}: {session}" + (f" – {session.title}" if session.title else "")
        text = f"{session.title} {session.place}"
        link = partial(reverse, "portal:session", args=[session.pk])
        yield Hit(_("Session"), title, link, text, session.planned_start)
    delegates = Delegate.objects.filter(council__in=home.portal_councils()).select_related("person", "council")
    for delegate in delegates.filter(matching(query, "person__search_text"))[:CANDIDATES]:
        title = delegate.person.full_name
        text = f"{delegate.person.full_name}, {delegate.person.occupation} – {delegate.council.name}"
        yield Hit(_("Delegate"), title, partial(reverse, "portal:delegate", args=[delegate.pk]), text, None)


def search(request):
    home = portal_home(request)
    query = request.GET.get("q", "").strip()[:200]
    hits = []
    if query:
        hits = list(_hits(home, request, query))
        for hit in hits:
            hit.score = rank(hit.text, query, hit.title)
        hits.sort(key=lambda hit: (-hit.score, -(hit.date or datetime.date.min).toordinal()))
        hits = hits[:SHOWN]
        for hit in hits:
            hit.url, hit.excerpt = hit.link(), snippet(hit.text, query)
    return TemplateResponse(
        request,
        "portal/search.html",
        {**portal_context(home, request), "current": "search", "query": query, "hits": hits},
    )
