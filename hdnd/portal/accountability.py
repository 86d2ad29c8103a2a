"""What the councils answer for, in public: the answers given to voters' petitions (by field and
session; the petitions carry no one's name) and the supervisions and surveys with the status of
each of their recommendations."""

import datetime
from collections import Counter

from django import forms
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from hdnd.meetings.models import Session
from hdnd.oversight.models import CLOSED_STATUSES, Mission
from hdnd.petitions.models import ANSWERED_STATUSES, PetitionField, VoterPetition

from .common import paginated, portal_home
from .models import portal_context


class AnswerFilter(forms.Form):
    session = forms.TypedChoiceField(label=_("Session"), required=False, coerce=int, empty_value=None)
    field = forms.ChoiceField(label=_("Field"), required=False, choices=[("", _("All")), *PetitionField.choices])

    def __init__(self, data, *, home):
        super().__init__(data)
        sessions = Session.objects.filter(
            council__in=home.portal_councils(), voter_petitions__status__in=ANSWERED_STATUSES
        ).distinct()
        choices = [(s.pk, f"{s.council.name}: {s}") for s in sessions.select_related("council", "term")]
        self.fields["session"].choices = [("", _("All")), *choices]


def answers(request):
    home = portal_home(request)
    petitions = (
        VoterPetition.objects.answered()
        .filter(council__in=home.portal_councils())
        .select_related("council", "session__term")
        .order_by("-answered_on", "pk")
    )
    form = AnswerFilter(request.GET, home=home)
    if form.is_valid():
        for name in ("session", "field"):
            if form.cleaned_data[name]:
                petitions = petitions.filter(**{name: form.cleaned_data[name]})
    else:
        petitions = petitions.none()
    page, query = paginated(request, petitions)
    return TemplateResponse(
        request,
        "portal/answers/list.html",
        {
            **portal_context(home, request),
            "current": "answers",
            "form": form,
            "petitions": page,
            "query": query,
        },
    )


def _public_missions(home):
    """Missions once decided: a planned one is not yet a public act."""
    return Mission.objects.public().filter(council__in=home.portal_councils()).select_related("council")


def _outcomes(recommendations, on):
    counts = Counter()
    for recommendation in recommendations:
        if recommendation.status in CLOSED_STATUSES:
            counts[recommendation.status] += 1
        elif recommendation.deadline and recommendation.deadline < on:
            counts["overdue"] += 1
        else:
            counts[recommendation.status] += 1
    return counts


def missions(request):
    home = portal_home(request)
    today = datetime.date.today()
    found = _public_missions(home).prefetch_related("recommendations").order_by("-decision_date", "-pk")
    page, _query = paginated(request, found)
    for mission in page:
        mission.outcomes = _outcomes(mission.recommendations.all(), today)
    return TemplateResponse(
        request,
        "portal/oversight/list.html",
        {**portal_context(home, request), "current": "oversight", "missions": page},
    )


def mission_detail(request, pk):
    home = portal_home(request)
    mission = get_object_or_404(_public_missions(home), pk=pk)
    today = datetime.date.today()
    recommendations = mission.recommendations.order_by("deadline", "pk")
    return TemplateResponse(
        request,
        "portal/oversight/detail.html",
        {
            **portal_context(home, request),
            "current": "oversight",
            "mission": mission,
            "recommendations": recommendations,
            "outcomes": _outcomes(recommendations, today),
            "today": today,
        },
    )
