"""Who may do what with organisation data. Council-owned records follow the council scoping of
`hdnd.accounts`; the national list of units is reference data that only an administrator edits."""

from hdnd.accounts.permissions import can_edit_council, can_view_council


def can_view(user, obj):
    return can_view_council(user, obj.council)


def can_change(user, obj):
    return can_edit_council(user, obj.council)


def can_delete(user, obj):
    return can_edit_council(user, obj.council)


def can_change_unit(user, unit):
    return user.is_active and user.is_superuser
