"""Two communes, a secretariat user each: neither reaches the other's records, by any back-office
URL that takes an object, nor sees them in any list. Later issues add their models here by
registering their viewsets: every council-owned viewset is covered automatically."""

import pytest
from django.contrib.admin.utils import quote
from django.urls import get_resolver, reverse
from wagtail.admin.viewsets import viewsets as registry

from hdnd.accounts.factories import CouncilRoleFactory
from hdnd.accounts.viewsets import CouncilScopedViewSet
from hdnd.conftest import user_with_role
from hdnd.councils.factories import council_with_records
from hdnd.councils.models import Committee
from hdnd.meetings.factories import SessionFactory
from hdnd.oversight.factories import (
    CommitmentFactory,
    HearingFactory,
    MissionFactory,
    QuestioningFactory,
    RecommendationFactory,
    WorkProgrammeFactory,
)
from hdnd.petitions.factories import VoterMeetingFactory, VoterPetitionFactory
from hdnd.reception.factories import CaseFactory, ReceptionScheduleFactory
from hdnd.reports.factories import BriefingFactory
from hdnd.resolutions.factories import ResolutionFactory

pytestmark = pytest.mark.django_db
OBJECT_VIEWS = ["edit", "delete", "inspect", "history", "usage"]


def council_viewsets():
    # Loading the URLs registers the viewsets once; calling registry.populate() again would
    # register every menu item anew and slow each later page down.
    get_resolver().url_patterns  # noqa: B018
    return [vs for vs in registry.viewsets if isinstance(vs, CouncilScopedViewSet)]


def records_of(council):
    """One record of every council-owned model with a back-office screen."""
    records = council_with_records(council)
    term = records[1]
    session = SessionFactory(term=term)
    resolution = ResolutionFactory(term=term, session=session)
    mission = MissionFactory(term=term)
    questioning = QuestioningFactory(asked_by=records[3])
    oversight = [
        WorkProgrammeFactory(council=council),
        mission,
        RecommendationFactory(mission=mission),
        questioning,
        HearingFactory(council=council),
        CommitmentFactory(questioning=questioning),
    ]
    voters = [
        VoterMeetingFactory(session=session),
        VoterPetitionFactory(session=session),
        ReceptionScheduleFactory(council=council),
        CaseFactory(council=council),
        BriefingFactory(council=council),
    ]
    return [*records, session, resolution, *oversight, *voters, CouncilRoleFactory(council=council)]


@pytest.fixture
def two_communes(commune_council, other_commune_council):
    return {
        "mine": records_of(commune_council),
        "theirs": records_of(other_commune_council),
        "user": user_with_role(commune_council),
    }


def viewset_for(obj):
    for viewset in council_viewsets():
        if viewset.model is type(obj):
            return viewset
    return None


#: Further screens that take an object, per model.
EXTRA_OBJECT_VIEWS = {
    "resolutions.Resolution": ["docx", "pdf", "adopt", "publish", "attachments", "relations"],
    "meetings.Session": ["advance", "attendance", "minutes_docx", "minutes_pdf"],
    "oversight.WorkProgramme": ["missions"],
    "oversight.Mission": [
        "advance",
        "recommendations",
        "resupervision",
        ("document", "decision", "docx"),
        ("document", "report", "pdf"),
        ("document", "conclusions", "docx"),
    ],
    "oversight.Recommendation": ["progress", "close"],
    "oversight.Commitment": ["progress", "close"],
    "oversight.Questioning": ["commitments"],
    "oversight.AccountabilityHearing": ["commitments"],
    "petitions.VoterPetition": [("step", "classify"), "merge"],
    "reports.Briefing": ["figures"],
}


def object_urls(obj):
    viewset = viewset_for(obj)
    assert viewset is not None, f"no back-office viewset for {type(obj).__name__}"
    names = OBJECT_VIEWS + EXTRA_OBJECT_VIEWS.get(obj._meta.label, [])
    urls = []
    for entry in names:
        name, *args = (entry,) if isinstance(entry, str) else entry
        urls.append(reverse(viewset.get_url_name(name), args=[quote(obj.pk), *args]))
    return urls


def test_every_council_model_has_a_scoped_viewset():
    models = {vs.model._meta.label for vs in council_viewsets()}
    assert {
        "councils.Council",
        "councils.Term",
        "councils.Committee",
        "councils.Constituency",
        "councils.DelegateGroup",
        "councils.Person",
        "councils.Delegate",
        "councils.Membership",
        "accounts.CouncilRole",
        "meetings.Session",
        "resolutions.Resolution",
        "oversight.WorkProgramme",
        "oversight.Mission",
        "oversight.Recommendation",
        "oversight.Questioning",
        "oversight.AccountabilityHearing",
        "oversight.Commitment",
        "petitions.VoterMeeting",
        "petitions.VoterPetition",
        "reception.ReceptionSchedule",
        "reception.Case",
        "reports.Briefing",
    } <= models


def test_other_communes_records_are_refused_for_read_edit_and_delete(client, two_communes):
    client.force_login(two_communes["user"])
    checked = 0
    for obj in two_communes["theirs"]:
        for url in object_urls(obj):
            for method in ("get", "post"):
                response = getattr(client, method)(url)
                assert response.status_code in (403, 404), f"{method.upper()} {url} gave {response.status_code}"
                checked += 1
    extra = sum(len(v) for v in EXTRA_OBJECT_VIEWS.values())
    assert checked == (len(two_communes["theirs"]) * len(OBJECT_VIEWS) + extra) * 2
    for obj in two_communes["theirs"]:
        assert type(obj)._default_manager.filter(pk=obj.pk).exists(), f"{obj!r} was deleted"


def test_own_records_are_reachable(client, two_communes):
    client.force_login(two_communes["user"])
    for obj in two_communes["mine"]:
        if obj._meta.label == "accounts.CouncilRole":
            continue  # roles are managed by the system administrator only
        for url in object_urls(obj):
            if "/delete/" in url and obj._meta.label == "councils.Council":
                continue
            if "/publish/" in url:
                continue  # a leader's action
            assert client.get(url).status_code == 200, url


def test_list_views_never_show_the_other_communes_rows(client, two_communes):
    client.force_login(two_communes["user"])
    theirs = two_communes["theirs"]
    for viewset in council_viewsets():
        response = client.get(reverse(viewset.get_url_name("index")))
        if response.status_code == 403:
            continue
        assert response.status_code == 200, viewset.model
        html = response.content.decode()
        for obj in theirs:
            if viewset.model is type(obj):
                edit_url = reverse(viewset.get_url_name("edit"), args=[quote(obj.pk)])
                assert edit_url not in html, f"{viewset.model.__name__} list shows {obj!r}"
        for person_or_council in (theirs[0], theirs[4]):
            assert str(person_or_council) not in html, f"{viewset.model.__name__} list names {person_or_council}"


def test_records_cannot_be_attached_to_another_council(client, two_communes):
    client.force_login(two_communes["user"])
    their_term = two_communes["theirs"][1]
    response = client.post(
        reverse(viewset_for(two_communes["theirs"][6]).get_url_name("add")),
        {"council": their_term.council_id, "term": their_term.pk, "kind": "legal", "name": "Ban Xâm Nhập"},
    )
    assert response.status_code == 200
    assert not Committee.objects.filter(name="Ban Xâm Nhập").exists()


def test_wagtail_user_screens_are_closed_to_secretariat(client, two_communes):
    client.force_login(two_communes["user"])
    other_user = two_communes["theirs"][-1].user
    assert client.get(reverse("wagtailusers_users:edit", args=[other_user.pk])).status_code in (302, 403)
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)
