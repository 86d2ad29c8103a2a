"""A case's personal data (name, address, ID number) is read only by the owning council's
secretariat and leaders: not by a higher-level council, not by a delegate or viewer of the same
council, and never by the public."""

import pytest
from django.urls import reverse

from hdnd.accounts.models import Role
from hdnd.conftest import user_with_role
from hdnd.councils.factories import CouncilFactory
from hdnd.reception.factories import CaseFactory

pytestmark = pytest.mark.django_db
NAME, ID_NUMBER = "Lục Thị Bích Ngọc", "006190004321"


@pytest.fixture
def case(commune_council):
    return CaseFactory(council=commune_council, citizen_name=NAME, id_document=ID_NUMBER)


def _screens(case):
    return [
        reverse("case:index"),
        reverse("case:index") + "?export=csv",
        reverse("case:index") + "?export=xlsx",
        reverse("case:inspect", args=[case.pk]),
        reverse("case:edit", args=[case.pk]),
        reverse("case:history", args=[case.pk]),
    ]


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.LEADER])
def test_the_owning_councils_secretariat_and_leaders_read_it(client, case, commune_council, role):
    client.force_login(user_with_role(commune_council, role=role))
    assert NAME in client.get(reverse("case:index")).content.decode()
    assert ID_NUMBER in client.get(reverse("case:inspect", args=[case.pk])).content.decode()


@pytest.mark.parametrize("who", ["district", "delegate", "viewer"])
def test_nobody_else_reads_it(client, case, commune_council, who):
    if who == "district":
        user = user_with_role(CouncilFactory(unit=commune_council.unit.parent))
    else:
        user = user_with_role(commune_council, role=Role.DELEGATE if who == "delegate" else Role.VIEWER)
    client.force_login(user)
    for url in _screens(case):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert NAME.encode() not in body and ID_NUMBER.encode() not in body, url
        assert response.status_code in (200, 403, 404), url


def test_the_public_is_sent_to_sign_in(client, case):
    for url in _screens(case):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
