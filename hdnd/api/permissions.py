"""Who may do what with API tokens, and what a token may do."""

from hdnd.accounts.permissions import can_publish_for_council


def can_manage_api_tokens(user, council):
    """A council's leaders create and revoke its tokens (as they publish its records)."""
    return user.is_authenticated and user.is_active and can_publish_for_council(user, council)


def can_read_private(token, council_id):
    """The token sees unpublished records of its own council, and of no other."""
    return token is not None and token.can_read_private and token.council_id == council_id


def can_write(token, council_id):
    """The token writes records of its own council only; a commune's token cannot touch another's."""
    return token is not None and token.can_write and token.council_id == council_id
