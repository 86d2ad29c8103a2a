"""Permission checks shared by every app, and the Wagtail permission policies built on them."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import CouncilRole
from .scoping import ADD, CHANGE, DELETE, PUBLISH, VIEW, council_ids, has_any_council_permission, scope_queryset


def can_view_council(user, council):
    ids = council_ids(user, VIEW)
    return ids is None or council.pk in ids


def can_edit_council(user, council):
    ids = council_ids(user, CHANGE)
    return ids is None or council.pk in ids


def can_publish_for_council(user, council):
    ids = council_ids(user, PUBLISH)
    return ids is None or council.pk in ids


def can_manage_roles(user):
    return user.is_active and user.is_superuser


def council_id_of(instance, council_path):
    """Follow `council_path` ("council", "delegate__council", "" for a council itself) to a council id."""
    if council_path == "":
        return instance.pk
    *hops, last = council_path.split("__")
    obj = instance
    for hop in hops:
        obj = getattr(obj, hop, None)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id", None)


class CouncilScopedPermissionPolicy(BasePermissionPolicy):
    """Records that belong to a council: read across the user's subtree, written in their own councils.

    `creatable` is False for records only a system administrator creates or deletes (councils).
    """

    def __init__(self, model, council_path="council", creatable=True):
        super().__init__(model)
        self.council_path = council_path
        self.creatable = creatable

    def _allowed(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        return not (action in (ADD, DELETE) and not self.creatable)

    def scope_action(self, action):
        """The action whose councils decide: reading follows the read scope here."""
        return action

    def user_has_permission(self, user, action):
        return self._allowed(user, action) and has_any_council_permission(user, self.scope_action(action))

    def user_has_permission_for_instance(self, user, action, instance):
        if not self._allowed(user, action):
            return False
        ids = council_ids(user, self.scope_action(action))
        return ids is None or council_id_of(instance, self.council_path) in ids

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        allowed = [a for a in actions if self._allowed(user, a)]
        if not allowed:
            return queryset.none()
        if user.is_superuser:
            return queryset
        ids = set()
        for action in allowed:
            ids |= council_ids(user, self.scope_action(action))
        lookup = "pk__in" if self.council_path == "" else f"{self.council_path}_id__in"
        return queryset.filter(**{lookup: ids})

    def users_with_any_permission(self, actions):
        users = get_user_model()._default_manager.filter(is_active=True)
        return users.filter(Q(is_superuser=True) | Q(council_roles__isnull=False)).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        council_id = council_id_of(instance, self.council_path)
        user_ids = CouncilRole.objects.filter(council_id=council_id).values("user_id")
        users = get_user_model()._default_manager.filter(is_active=True)
        return users.filter(Q(is_superuser=True) | Q(pk__in=user_ids))

    def scope(self, queryset, user, action=VIEW):
        return scope_queryset(queryset, user, action, self.council_path)


class PersonalDataPermissionPolicy(CouncilScopedPermissionPolicy):
    """Records holding personal data (citizens' names, addresses, ID numbers): read only by the
    owning council's secretariat and leaders — not by higher levels, delegates or viewers."""

    def scope_action(self, action):
        return CHANGE if action == VIEW else action

    def scope(self, queryset, user, action=VIEW):
        return scope_queryset(queryset, user, self.scope_action(action), self.council_path)


class ReferenceDataPermissionPolicy(BasePermissionPolicy):
    """Shared reference data (the national list of administrative units): every back-office user
    reads it; only a system administrator changes it."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        if user.is_superuser:
            return True
        return action == VIEW and CouncilRole.objects.for_user(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        return queryset if any(self.user_has_permission(user, a) for a in actions) else queryset.none()

    def users_with_any_permission(self, actions):
        return get_user_model()._default_manager.filter(is_active=True, is_superuser=True)


class AdminOnlyPermissionPolicy(BasePermissionPolicy):
    """Only a system administrator: user roles."""

    def user_has_permission(self, user, action):
        return user.is_authenticated and user.is_active and user.is_superuser

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        return queryset if self.user_has_permission(user, VIEW) else queryset.none()

    def users_with_any_permission(self, actions):
        return get_user_model()._default_manager.filter(is_active=True, is_superuser=True)
