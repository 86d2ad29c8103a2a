"""Who writes and who publishes on a council's portal.

Wagtail's own page permissions, moderation and collections, configured per council portal: the
council's secretariat are its **editors** (write, edit and submit articles for approval — they
cannot publish), its leaders its **publishers** (also approve and publish, or schedule). Each
portal has two groups holding those permissions on its home page and everything beneath it, a
collection for its images and documents, and a moderation workflow whose one step is approval by
the publishers. Group membership follows the council roles: granting or withdrawing a role
updates it (see `signals.py`).
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from hdnd.accounts.models import CouncilRole, Role

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
PUBLISHER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
GROUP_OF_ROLE = {Role.SECRETARIAT: "editors", Role.LEADER: "publishers"}


def _council_label(council):
    """The council's name and unit code: many communes share a name ("xã Tân Lập") across provinces."""
    return f"{council.name} ({council.unit.code})"


def _group_name(kind, council):
    label = {"editors": "Biên tập cổng thông tin", "publishers": "Duyệt đăng cổng thông tin"}[kind]
    return f"{label} – {_council_label(council)}"[:150]


def portal_groups(home):
    """{"editors": Group, "publishers": Group} of the portal whose home page is `home`, with their
    permissions, collection and moderation workflow — made the first time, then only read."""
    council = home.council
    groups = {kind: Group.objects.get_or_create(name=_group_name(kind, council))[0] for kind in GROUP_OF_ROLE.values()}
    for kind, codenames in (("editors", EDITOR_PAGE_PERMISSIONS), ("publishers", PUBLISHER_PAGE_PERMISSIONS)):
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=groups[kind], page=home, permission=permission)
    collection = _collection(council)
    for group in groups.values():
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
    _workflow(home, groups["publishers"])
    return groups


def _collection(council):
    root = Collection.get_first_root_node()
    name = _council_label(council)
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _workflow(home, publishers):
    """Articles under `home` go to the portal's publishers for approval."""
    if WorkflowPage.objects.filter(page=home).exists():
        return
    name = f"Duyệt tin bài – {_council_label(home.council)}"[:255]
    workflow = Workflow.objects.create(name=name)
    task = GroupApprovalTask.objects.create(name=f"Lãnh đạo {home.council.name} duyệt"[:255])
    task.groups.set([publishers])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=home)


def portal_memberships_sync(home, users=None):
    """Puts each user holding a role in the portal's council into the group of their role, and
    takes everyone else — or, with `users`, those users — out of the portal's groups."""
    groups = portal_groups(home)
    roles = CouncilRole.objects.filter(council=home.council, user__is_active=True)
    if users is not None:
        roles = roles.filter(user__in=users)
    wanted = {kind: set() for kind in groups}
    for user_id, role in roles.values_list("user_id", "role"):
        if role in GROUP_OF_ROLE:
            wanted[GROUP_OF_ROLE[role]].add(user_id)
    for kind, group in groups.items():
        members = group.user_set.all() if users is None else group.user_set.filter(pk__in=[u.pk for u in users])
        current = set(members.values_list("pk", flat=True))
        group.user_set.remove(*(current - wanted[kind]))
        group.user_set.add(*(wanted[kind] - current))
