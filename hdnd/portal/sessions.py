"""The portal's sessions: the public sessions of the portal's councils as a list by year and as a
month calendar, each with its agenda, its votes and the resolutions it adopted; and one iCalendar
feed per council that phones and calendar programs can subscribe to."""

import calendar
import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from hdnd.meetings.models import Session
from hdnd.resolutions.models import Resolution

from .common import portal_home
from .models import portal_context

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def public_sessions(home):
    return (
        Session.objects.public()
        .filter(council__in=home.portal_councils())
        .select_related("council", "term")
        .order_by("planned_start", "council__name")
    )


def _first_day(session):
    return session.actual_start or session.planned_start


def _last_day(session):
    return session.actual_end or session.planned_end or _first_day(session)


def session_list(request):
    home = portal_home(request)
    sessions = public_sessions(home)
    years = sorted({d.year for d in sessions.values_list("planned_start", flat=True)}, reverse=True)
    try:
        year = int(request.GET.get("nam") or (years[0] if years else datetime.date.today().year))
    except ValueError:
        year = years[0] if years else datetime.date.today().year
    in_year = [s for s in sessions if _first_day(s).year == year]
    councils = {s.council for s in sessions}
    return TemplateResponse(
        request,
        "portal/sessions/list.html",
        {
            **portal_context(home, request),
            "current": "sessions",
            "sessions": in_year,
            "years": years,
            "year": year,
            "councils": councils,
        },
    )


def session_calendar(request):
    home = portal_home(request)
    today = datetime.date.today()
    try:
        year, month = (int(part) for part in request.GET.get("thang", f"{today:%Y-%m}").split("-"))
        first = datetime.date(year, month, 1)
    except ValueError:
        first = today.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    sessions = [s for s in public_sessions(home) if _first_day(s) <= last and _last_day(s) >= first]
    weeks = []
    for week in calendar.Calendar().monthdatescalendar(first.year, first.month):
        weeks.append(
            [
                {
                    "day": day,
                    "in_month": day.month == first.month,
                    "sessions": [s for s in sessions if _first_day(s) <= day <= _last_day(s)],
                }
                for day in week
            ]
        )
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = last + datetime.timedelta(days=1)
    return TemplateResponse(
        request,
        "portal/sessions/calendar.html",
        {
            **portal_context(home, request),
            "current": "sessions",
            "first": first,
            "weeks": weeks,
            "weekdays": WEEKDAYS,
            "previous": previous,
            "following": following,
            "sessions": sessions,
        },
    )


def session_detail(request, pk):
    home = portal_home(request)
    session = get_object_or_404(public_sessions(home), pk=pk)
    resolutions = Resolution.objects.published().filter(session=session).order_by("number")
    agenda = session.agenda_items.prefetch_related("votes").order_by("order")
    return TemplateResponse(
        request,
        "portal/sessions/detail.html",
        {
            **portal_context(home, request),
            "current": "sessions",
            "session": session,
            "agenda": agenda,
            "resolutions": resolutions,
        },
    )


def session_feed(request, council_pk):
    """The council's public sessions as an iCalendar feed (RFC 5545), whole-day events."""
    home = portal_home(request)
    sessions = public_sessions(home).filter(council_id=council_pk)
    council = home.portal_councils().filter(pk=council_pk).first()
    if council is None:
        raise Http404
    feed = Calendar()
    feed.add("prodid", "-//HĐND Số//Lịch kỳ họp//VI")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", _("Sessions of %(council)s") % {"council": council.name})
    feed.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    host = request.get_host().split(":")[0]
    for session in sessions:
        event = Event()
        event.add("uid", f"ky-hop-{session.pk}@{host}")
        event.add("summary", f"{council.name}: {session}")
        event.add("dtstart", _first_day(session))
        event.add("dtend", _last_day(session) + datetime.timedelta(days=1))
        event.add("dtstamp", session.updated_at)
        if session.place:
            event.add("location", session.place)
        event.add("url", request.build_absolute_uri(reverse("portal:session", args=[session.pk])))
        feed.add_component(event)
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="lich-ky-hop-{council_pk}.ics"'
    return response
