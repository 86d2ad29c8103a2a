"""Fixtures shared by the apps' tests."""

import pytest

from hdnd.accounts.factories import PASSWORD, CouncilRoleFactory, UserFactory
from hdnd.accounts.models import Role
from hdnd.councils.factories import CouncilFactory, DistrictFactory


@pytest.fixture
def commune_council(db):
    return CouncilFactory()


@pytest.fixture
def other_commune_council(db):
    return CouncilFactory()


@pytest.fixture
def district_council(db):
    return CouncilFactory(unit=DistrictFactory(), name="Hội đồng nhân dân huyện Thử Nghiệm")


def user_with_role(council, role=Role.SECRETARIAT, **kwargs):
    user = UserFactory(**kwargs)
    CouncilRoleFactory(user=user, council=council, role=role)
    return user


@pytest.fixture
def secretariat(commune_council):
    return user_with_role(commune_council)


@pytest.fixture
def secretariat_client(client, secretariat):
    client.force_login(secretariat)
    return client


@pytest.fixture
def password():
    return PASSWORD
