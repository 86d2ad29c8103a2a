"""Fixtures shared by the apps' tests."""

import pytest
from django.test import override_settings

from hdnd.accounts.factories import PASSWORD, CouncilRoleFactory, UserFactory
from hdnd.accounts.models import Role
from hdnd.councils.factories import CouncilFactory, DistrictFactory


@pytest.fixture(scope="session", autouse=True)
def uploads_in_a_folder_of_the_run(tmp_path_factory):
    """The files tests upload go to a folder of this run, not to the demo's var/media: two runs
    at once (CI runs SQLite and PostgreSQL side by side) do not see each other's files."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture
def commune_council(db):
    return CouncilFactory()


@pytest.fixture
def other_commune_council(db):
    return CouncilFactory()


@pytest.fixture
def district_council(db):
    return CouncilFactory(unit=DistrictFactory(), name="Hội đồng nhân dân huyện Thử Nghiệm")


def wagtail_tree():
    """Wagtail's root page, default locale and root collection, made by its migrations: a test with
    a live server commits its rows, and the database is emptied between such tests."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


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
