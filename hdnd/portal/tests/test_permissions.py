"""The secretariat writes the portal's articles and submits them; a leader approves and publishes."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from hdnd.accounts.factories import UserFactory
from hdnd.accounts.models import Role
from hdnd.accounts.services import council_role_grant, council_role_revoke
from hdnd.conftest import user_with_role
from hdnd.portal.permissions import portal_groups
from hdnd.portal.services import article_draft_from_briefing, portal_install
from hdnd.reports.factories import BriefingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(district_council):
    admin = UserFactory(is_superuser=True)
    home = portal_install(actor=admin, council=district_council)
    briefing = BriefingFactory(council=district_council)
    article = article_draft_from_briefing(actor=admin, briefing=briefing)
    return home, article


def _edit_form(article, **changes):
    data = {
        "title": article.title,
        "slug": article.slug,
        "date": article.date.isoformat(),
        "intro": article.intro,
        "body": rich_text(article.body),
        "author": "Quốc Khánh",
        "images": inline_formset([]),
        "attachments": inline_formset([]),
        **changes,
    }
    return nested_form_data(data)


def test_the_secretariat_edits_a_drafted_article_but_cannot_publish_it(client, portal, district_council):
    home, article = portal
    secretary = user_with_role(district_council, Role.SECRETARIAT)
    client.force_login(secretary)
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])

    assert client.get(edit).status_code == 200
    response = client.post(edit, _edit_form(article, title="Giao ban quý III: kết quả hoạt động"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().title == "Giao ban quý III: kết quả hoạt động"
    assert not article.live

    permissions = article.permissions_for_user(secretary)
    assert permissions.can_edit() and not permissions.can_publish()
    client.post(edit, {**_edit_form(article), "action-publish": "1"})
    article.refresh_from_db()
    assert not article.live


def test_a_submitted_article_is_approved_and_published_by_a_leader(client, portal, district_council):
    home, article = portal
    secretary = user_with_role(district_council, Role.SECRETARIAT)
    leader = user_with_role(district_council, Role.LEADER)
    client.force_login(secretary)
    client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), {**_edit_form(article), "action-submit": "1"})
    article.refresh_from_db()
    state = article.current_workflow_task_state
    assert state is not None and not article.live
    assert state.task.specific.groups.get() == portal_groups(home)["publishers"]

    client.force_login(leader)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", state.pk]), {"comment": ""}
    )
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live


def test_other_roles_and_other_councils_cannot_edit_the_portal(client, portal, district_council, commune_council):
    home, article = portal
    outsiders = [
        user_with_role(district_council, Role.DELEGATE),
        user_with_role(district_council, Role.VIEWER),
        user_with_role(commune_council, Role.SECRETARIAT),
    ]
    for user in outsiders:
        assert not article.permissions_for_user(user).can_edit()
        client.force_login(user)
        assert client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).status_code in (302, 403)


def test_portal_groups_follow_roles_granted_and_withdrawn(portal, district_council):
    home, article = portal
    admin = UserFactory(is_superuser=True)
    user = UserFactory()
    groups = portal_groups(home)

    grant = council_role_grant(actor=admin, user=user, council=district_council, role=Role.SECRETARIAT)
    assert set(user.groups.all()) == {groups["editors"]}
    council_role_grant(actor=admin, user=user, council=district_council, role=Role.LEADER)
    assert set(user.groups.all()) == {groups["publishers"]}
    assert article.permissions_for_user(user).can_publish()

    council_role_revoke(actor=admin, grant=grant)
    assert not user.groups.exists()
    user = type(user).objects.get(pk=user.pk)  # the permissions of a user object are cached with it
    assert not Page.objects.get(pk=article.pk).permissions_for_user(user).can_edit()


def test_installing_a_portal_gives_the_existing_roles_their_groups(district_council):
    secretary = user_with_role(district_council, Role.SECRETARIAT)
    home = portal_install(actor=UserFactory(is_superuser=True), council=district_council)
    assert list(secretary.groups.all()) == [portal_groups(home)["editors"]]
    assert home.permissions_for_user(secretary).can_add_subpage()


def test_councils_of_the_same_name_do_not_share_a_portals_groups():
    from hdnd.councils.factories import CouncilFactory, DistrictFactory
    from hdnd.portal.services import portal_component_install

    admin = UserFactory(is_superuser=True)
    first = CouncilFactory(unit=DistrictFactory(code="997"), name="Hội đồng nhân dân huyện Tân Lập")
    portal_install(actor=admin, council=first)
    twin = CouncilFactory(unit__parent=first.unit, name="Hội đồng nhân dân xã Tân Lập")
    namesake = CouncilFactory(unit__parent=first.unit, name="Hội đồng nhân dân xã Tân Lập")
    homes = [portal_component_install(actor=admin, council=council) for council in (twin, namesake)]
    groups = [portal_groups(home) for home in homes]
    assert groups[0]["editors"] != groups[1]["editors"] and groups[0]["publishers"] != groups[1]["publishers"]
    secretary = user_with_role(twin, Role.SECRETARIAT)
    assert homes[0].permissions_for_user(secretary).can_add_subpage()
    assert not homes[1].permissions_for_user(secretary).can_add_subpage()
