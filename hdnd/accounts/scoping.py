"""Which councils a user may read or edit — written once, used by every view and the API.

- A system administrator (superuser) reaches every council.
- A user reads the councils they hold a role in and every council beneath them: councils of the
  units under theirs, including the units under their unit's predecessors (a 2026 province reads
  the 2024 districts and communes of the provinces merged into it).
- A user edits only the councils where they are secretariat or leader; a higher level never edits.
"""

from django.apps import apps

from .models import EDITING_ROLES, PUBLISHING_ROLES, CouncilRole

VIEW, ADD, CHANGE, DELETE, PUBLISH = "view", "add", "change", "delete", "publish"
_CACHE_ATTR = "_hdnd_council_scope"


def _units_beneath(unit_ids):
    """The units given, their predecessors (transitively) and every unit below any of them."""
    unit_model = apps.get_model("councils", "AdministrativeUnit")
    roots = set(unit_ids)
    frontier = set(unit_ids)
    while frontier:
        frontier = (
            set(
                apps.get_model("councils", "UnitSuccession")
                .objects.filter(successor_id__in=frontier)
                .values_list("predecessor_id", flat=True)
            )
            - roots
        )
        roots |= frontier
    reached = set(roots)
    level = roots
    while level:
        level = set(unit_model.objects.filter(parent_id__in=level).values_list("pk", flat=True)) - reached
        reached |= level
    return reached


def _compute_scope(user):
    roles = list(CouncilRole.objects.for_user(user).values_list("council_id", "council__unit_id", "role"))
    council_model = apps.get_model("councils", "Council")
    own_units = {unit_id for _, unit_id, _ in roles}
    readable = set(council_model.objects.filter(unit_id__in=_units_beneath(own_units)).values_list("pk", flat=True))
    return {
        VIEW: readable | {council_id for council_id, _, _ in roles},
        CHANGE: {council_id for council_id, _, role in roles if role in EDITING_ROLES},
        PUBLISH: {council_id for council_id, _, role in roles if role in PUBLISHING_ROLES},
    }


def council_ids(user, action):
    """Ids of the councils on whose records `user` may perform `action`; None means all of them."""
    if not user or not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    scope = getattr(user, _CACHE_ATTR, None)
    if scope is None:
        scope = _compute_scope(user)
        setattr(user, _CACHE_ATTR, scope)
    if action == VIEW:
        return scope[VIEW]
    if action == PUBLISH:
        return scope[PUBLISH]
    return scope[CHANGE]  # add, change, delete


def forget_scope(user):
    """Drop the cached scope after the user's roles changed."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def scope_queryset(queryset, user, action=VIEW, council_path="council"):
    """Restrict `queryset` to the rows whose council (reached by `council_path`) the user may act on."""
    ids = council_ids(user, action)
    if ids is None:
        return queryset
    lookup = "pk__in" if council_path == "" else f"{council_path}_id__in"
    return queryset.filter(**{lookup: ids})


def has_council_permission(user, action, council_id):
    ids = council_ids(user, action)
    return ids is None or council_id in ids


def has_any_council_permission(user, action):
    ids = council_ids(user, action)
    return ids is None or bool(ids)
