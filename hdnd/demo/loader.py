"""The demo data set: Bắc Kạn province → Na Rì district → its 17 commune-level units, as in 2024,
with their councils, the 2021–2026 term, committees, constituencies, delegate groups and
fictional delegates, and their work of 2024 (activity.py: sessions and resolutions; oversight.py:
programmes, supervisions, surveys, questioning and recommendations; voters.py: voter meetings and
petitions, reception schedules and the reception register). Idempotent: running it again
finds what exists and adds nothing twice."""

import datetime
import os

from django.contrib.auth import get_user_model
from django.db import transaction

from hdnd.accounts.models import Role
from hdnd.accounts.services import council_role_grant
from hdnd.core.audit import CREATE, audit_bulk
from hdnd.councils.models import (
    AdministrativeUnit,
    Body,
    Committee,
    Constituency,
    Council,
    Delegate,
    DelegateGroup,
    Level,
    Membership,
    Person,
    Position,
)
from hdnd.councils.services import council_create, term_create
from hdnd.councils.units import load_units
from hdnd.portal.services import portal_component_install, portal_install

from .activity import load_activity
from .briefing import load_briefing
from .oversight import load_oversight
from .people import NameMaker
from .portal import load_portal
from .voters import load_voters

BAC_KAN, NA_RI = "06", "066"
TERM_START = datetime.date(2021, 6, 25)
#: District councils ceased on 30/06/2025; so did those of the communes that were merged.
TERM_END = datetime.date(2025, 6, 30)
TERM_NUMBER = {Level.PROVINCE: 10, Level.DISTRICT: 20, Level.COMMUNE: 21}
#: (constituencies, seats per constituency) by level.
CONSTITUENCY_SHAPE = {Level.PROVINCE: (8, 6), Level.DISTRICT: (8, 4), Level.COMMUNE: (5, 4)}
DEMO_PASSWORD = "hdnd-demo-2024"
#: Village names for the communes' constituencies (common Tày place names, used as fiction).
VILLAGES = [
    "Nà Làng",
    "Khuổi Khe",
    "Pác Cáp",
    "Nà Đon",
    "Bản Chang",
    "Nà Pì",
    "Khuổi Luông",
    "Cốc Phia",
    "Pò Nim",
    "Nà Hin",
]


def _units():
    province = AdministrativeUnit.objects.get(code=BAC_KAN, level=Level.PROVINCE, valid_to__isnull=False)
    district = AdministrativeUnit.objects.get(code=NA_RI, level=Level.DISTRICT)
    communes = list(district.children.order_by("code"))
    return province, district, communes


def _council(unit, actor):
    try:
        return unit.council
    except Council.DoesNotExist:
        return council_create(actor=actor, unit=unit)


def _term(council, actor):
    term = council.terms.filter(start_date=TERM_START).first()
    if term is None:
        term = term_create(
            actor=actor,
            council=council,
            number=TERM_NUMBER[council.unit.level],
            start_date=TERM_START,
            end_date=TERM_END,
        )
    return term


def _constituencies(council, term, communes, actor):
    count, seats = CONSTITUENCY_SHAPE[council.unit.level]
    result = []
    for number in range(1, count + 1):
        if communes:
            covered = communes[(number - 1) * len(communes) // count : number * len(communes) // count]
            area = ", ".join(unit.name for unit in covered)
        else:
            first, second = VILLAGES[(2 * number - 2) % len(VILLAGES)], VILLAGES[(2 * number - 1) % len(VILLAGES)]
            area = f"Thôn {first}, thôn {second}"
        constituency, created = Constituency.objects.get_or_create(
            council=council, term=term, number=number, defaults={"area": area, "seats": seats}
        )
        if created:
            audit_bulk([constituency], CREATE, actor=actor)
        result.append(constituency)
    return result


def _groups(council, term, constituencies, actor):
    groups = []
    for constituency in constituencies:
        group, created = DelegateGroup.objects.get_or_create(
            council=council, term=term, name=f"Tổ đại biểu số {constituency.number}"
        )
        if created:
            group.constituencies.add(constituency)
            audit_bulk([group], CREATE, actor=actor)
        groups.append(group)
    return groups


def _delegates(council, term, constituencies, names, actor):
    if Delegate.objects.filter(term=term).exists():
        return list(Delegate.objects.filter(term=term).select_related("constituency").order_by("pk"))
    delegates = []
    for constituency in constituencies:
        for seat in range(constituency.seats):
            data = names.person()
            person = Person.objects.create(
                council=council,
                full_name=data["full_name"],
                gender=data["gender"],
                birth_date=datetime.date(data["birth_year"], 1 + seat * 3 % 12, 1 + (constituency.number * 7) % 28),
                ethnicity=data["ethnicity"],
            )
            delegates.append(
                Delegate.objects.create(
                    person=person,
                    council=council,
                    term=term,
                    constituency=constituency,
                    full_time=False,
                    start_date=term.start_date,
                )
            )
            audit_bulk([person, delegates[-1]], CREATE, actor=actor)
    return delegates


def _memberships(term, delegates, groups, actor):
    if Membership.objects.filter(delegate__term=term).exists():
        return
    start = term.start_date
    committees = list(Committee.objects.filter(term=term).order_by("pk"))
    chair, vice, *others = delegates
    chair.full_time = vice.full_time = True
    Delegate.objects.filter(pk__in=[chair.pk, vice.pk]).update(full_time=True)
    rows = [
        Membership(delegate=chair, body=Body.STANDING_COMMITTEE, position=Position.CHAIR, start_date=start),
        Membership(delegate=vice, body=Body.STANDING_COMMITTEE, position=Position.VICE_CHAIR, start_date=start),
    ]
    pool = iter(others)
    for committee in committees:
        head, deputy, member_a, member_b = next(pool), next(pool), next(pool), next(pool)
        rows += [
            Membership(delegate=head, body=Body.STANDING_COMMITTEE, position=Position.HEAD, start_date=start),
            Membership(
                delegate=head, body=Body.COMMITTEE, committee=committee, position=Position.HEAD, start_date=start
            ),
            Membership(
                delegate=deputy,
                body=Body.COMMITTEE,
                committee=committee,
                position=Position.DEPUTY_HEAD,
                start_date=start,
            ),
            Membership(
                delegate=member_a, body=Body.COMMITTEE, committee=committee, position=Position.MEMBER, start_date=start
            ),
            Membership(
                delegate=member_b, body=Body.COMMITTEE, committee=committee, position=Position.MEMBER, start_date=start
            ),
        ]
    for group in groups:
        constituencies = {c.pk for c in group.constituencies.all()}
        members = [d for d in delegates if d.constituency_id in constituencies]
        for index, delegate in enumerate(members):
            position = Position.GROUP_LEADER if index == 0 else Position.GROUP_DEPUTY if index == 1 else Position.MEMBER
            rows.append(
                Membership(
                    delegate=delegate,
                    body=Body.DELEGATE_GROUP,
                    delegate_group=group,
                    position=position,
                    start_date=start,
                )
            )
    audit_bulk(Membership.objects.bulk_create(rows), CREATE, actor=actor)


def _organise(council, actor, names, communes=()):
    term = _term(council, actor)
    constituencies = _constituencies(council, term, list(communes), actor)
    groups = _groups(council, term, constituencies, actor)
    delegates = _delegates(council, term, constituencies, names, actor)
    _memberships(term, delegates, groups, actor)
    return term


def _user(username, first_name, last_name, superuser=False):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username, defaults={"first_name": first_name, "last_name": last_name, "is_staff": superuser}
    )
    user.is_superuser = user.is_staff = superuser or user.is_superuser
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


DEMO_PORT = int(os.environ.get("PORT", "8000"))


@transaction.atomic
def load_demo():
    """Loads the units if needed, then the Na Rì organisation; returns the demo accounts."""
    if not AdministrativeUnit.objects.filter(code=NA_RI, level=Level.DISTRICT).exists():
        load_units()
    admin = _user("quantri", "Quản trị", "hệ thống", superuser=True)
    province, district, communes = _units()
    names = NameMaker(seed=2024)

    _organise(_council(province, admin), admin, names, province.children.order_by("code"))
    district_council = _council(district, admin)
    _organise(district_council, admin, names, communes)
    commune_councils = []
    for unit in communes:
        council = _council(unit, admin)
        _organise(council, admin, names)
        commune_councils.append(council)

    chairs = dict(
        Membership.objects.filter(body=Body.STANDING_COMMITTEE, position=Position.CHAIR).values_list(
            "delegate__council_id", "delegate__person__full_name"
        )
    )
    load_activity(actor=admin, district_council=district_council, commune_councils=commune_councils, chair_names=chairs)
    load_oversight(actor=admin, district_council=district_council, commune_councils=commune_councils)
    load_voters(actor=admin, district_council=district_council, commune_councils=commune_councils)
    home = portal_install(
        actor=admin,
        council=district_council,
        intro=(
            "<p>Cổng thông tin của Hội đồng nhân dân huyện Na Rì, tỉnh Bắc Kạn, nhiệm kỳ 2021–2026: "
            "tổ chức của Hội đồng nhân dân huyện và 17 xã, thị trấn.</p>"
        ),
        port=DEMO_PORT,  # links between the district's portal and Kim Lư's name the port `make demo` serves on
    )
    load_briefing(actor=admin, district_council=district_council, commune_councils=commune_councils)
    kim_lu = next(c for c in commune_councils if c.unit.code == "02158")
    accounts = [
        (_user("vanphong.nari", "Văn phòng", "HĐND huyện Na Rì"), district_council, Role.SECRETARIAT),
        (_user("lanhdao.nari", "Lãnh đạo", "HĐND huyện Na Rì"), district_council, Role.LEADER),
        (_user("vanphong.kimlu", "Văn phòng", "HĐND xã Kim Lư"), kim_lu, Role.SECRETARIAT),
    ]
    for user, council, role in accounts:
        council_role_grant(actor=admin, user=user, council=council, role=role)
    load_portal(home=home, secretary=accounts[0][0], leader=accounts[1][0])
    portal_component_install(actor=admin, council=kim_lu)  # xakimlu.localhost: a component of the district's
    return [admin] + [user for user, _, _ in accounts]
