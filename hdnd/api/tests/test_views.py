"""The back office's API tokens: a leader creates one and sees its key once, and revokes it;
a secretary does not reach them."""

import pytest

from hdnd.accounts.factories import CouncilRoleFactory
from hdnd.accounts.models import Role
from hdnd.api.factories import leader_of
from hdnd.api.models import ApiToken, key_hash
from hdnd.conftest import user_with_role

pytestmark = pytest.mark.django_db


def test_a_leader_creates_a_token_and_sees_its_key_once(client, commune_council):
    client.force_login(leader_of(commune_council))
    response = client.post(
        "/quan-tri/ma-truy-cap-api/new/",
        {"council": commune_council.pk, "name": "Cổng UBND xã", "can_write": "on"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "chỉ hiện một lần này" in page
    token = ApiToken.objects.get()
    key = response.context["key"]
    assert key in page and token.key_hash == key_hash(key) and token.can_write and not token.can_read_private
    listing = client.get("/quan-tri/ma-truy-cap-api/").content.decode()
    assert "Cổng UBND xã" in listing and key not in listing


def test_a_leader_revokes_a_token(client, commune_council):
    leader = leader_of(commune_council)
    client.force_login(leader)
    client.post("/quan-tri/ma-truy-cap-api/new/", {"council": commune_council.pk, "name": "Cổng UBND xã"})
    token = ApiToken.objects.get()
    assert client.get(f"/quan-tri/ma-truy-cap-api/revoke/{token.pk}/").status_code == 200
    response = client.post(f"/quan-tri/ma-truy-cap-api/revoke/{token.pk}/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == leader


def test_a_secretary_does_not_reach_the_tokens(client, commune_council):
    client.force_login(user_with_role(commune_council, Role.SECRETARIAT))
    assert client.get("/quan-tri/ma-truy-cap-api/").status_code in (302, 403)
    response = client.post("/quan-tri/ma-truy-cap-api/new/", {"council": commune_council.pk, "name": "X"})
    assert response.status_code in (302, 403)
    assert not ApiToken.objects.exists()


def test_the_form_offers_the_councils_the_leader_leads_the_only_one_chosen(
    client, commune_council, other_commune_council
):
    leader = leader_of(commune_council)
    CouncilRoleFactory(user=leader, council=other_commune_council, role=Role.SECRETARIAT)  # works there, not leads
    client.force_login(leader)
    form = client.get("/quan-tri/ma-truy-cap-api/new/").context["form"]
    assert list(form.fields["council"].queryset) == [commune_council]
    assert form.initial["council"] == commune_council.pk
