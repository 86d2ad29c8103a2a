"""Tokens for tests: made the way a leader makes them, through the service."""

from hdnd.accounts.factories import CouncilRoleFactory, UserFactory
from hdnd.accounts.models import Role

from .services import api_token_create


def leader_of(council):
    user = UserFactory()
    CouncilRoleFactory(user=user, council=council, role=Role.LEADER)
    return user


def token_for(council, *, read_private=False, write=False, owner=None, name="Cổng UBND"):
    """(token, key, header) for `council`: the header is what a client sends."""
    token, key = api_token_create(
        actor=owner or leader_of(council), council=council, name=name, can_read_private=read_private, can_write=write
    )
    return token, key, {"HTTP_AUTHORIZATION": f"Bearer {key}"}
