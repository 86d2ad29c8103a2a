"""Writes on organisation data that do more than save one form: each audited, in a transaction."""

from django.db import transaction

from hdnd.core.audit import CREATE, audit, audited_save

from .models import TWO_LEVEL_START, Committee, CommitteeKind, Council, Level, Term, UnitKind

_UNIT_WORDS = {
    UnitKind.PROVINCE: "tỉnh",
    UnitKind.CENTRAL_CITY: "thành phố",
    UnitKind.DISTRICT: "huyện",
    UnitKind.URBAN_DISTRICT: "quận",
    UnitKind.TOWN: "thị xã",
    UnitKind.PROVINCIAL_CITY: "thành phố",
    UnitKind.COMMUNE: "xã",
    UnitKind.WARD: "phường",
    UnitKind.TOWNSHIP: "thị trấn",
    UnitKind.SPECIAL_ZONE: "đặc khu",
}

COMMITTEE_NAMES = {
    CommitteeKind.LEGAL: "Ban Pháp chế",
    CommitteeKind.ECONOMY_BUDGET: "Ban Kinh tế – Ngân sách",
    CommitteeKind.CULTURE_SOCIETY: "Ban Văn hóa – Xã hội",
    CommitteeKind.ECONOMY_SOCIETY: "Ban Kinh tế – Xã hội",
    CommitteeKind.ETHNIC: "Ban Dân tộc",
    CommitteeKind.URBAN: "Ban Đô thị",
}


def unit_title(unit):
    """ "huyện Na Rì", "thị trấn Yến Lạc", "tỉnh Thái Nguyên" — the unit as it follows "Hội đồng nhân dân"."""
    word = _UNIT_WORDS[UnitKind(unit.kind)]
    if unit.name.lower().startswith(word + " "):
        return word + unit.name[len(word) :]
    return f"{word} {unit.name}"


def default_committee_kinds(unit, on):
    """The committees a council has by default (DOMAIN.md §2); each council may edit them per term."""
    if unit.level == Level.PROVINCE:
        kinds = [CommitteeKind.LEGAL, CommitteeKind.ECONOMY_BUDGET, CommitteeKind.CULTURE_SOCIETY]
        if unit.kind == UnitKind.CENTRAL_CITY:
            kinds.append(CommitteeKind.URBAN)
        return kinds
    if unit.level == Level.COMMUNE and on >= TWO_LEVEL_START:
        return [CommitteeKind.ECONOMY_BUDGET, CommitteeKind.CULTURE_SOCIETY]
    return [CommitteeKind.LEGAL, CommitteeKind.ECONOMY_SOCIETY]


def council_create(*, actor, unit, name=""):
    council = Council(unit=unit, name=name or f"Hội đồng nhân dân {unit_title(unit)}")
    return audited_save(council, actor=actor, created=True)


def term_create(*, actor, council, number, start_date, end_date=None, default_committees=True):
    """Opens a term and, unless told otherwise, its default committees for the council's level and era."""
    with transaction.atomic():
        term = audited_save(
            Term(council=council, number=number, start_date=start_date, end_date=end_date), actor=actor, created=True
        )
        if default_committees:
            committees_create_defaults(actor=actor, term=term)
    return term


def committees_create_defaults(*, actor, term):
    created = []
    with transaction.atomic():
        for kind in default_committee_kinds(term.council.unit, term.start_date):
            committee, was_created = Committee.objects.get_or_create(
                council=term.council, term=term, name=COMMITTEE_NAMES[kind], defaults={"kind": kind}
            )
            if was_created:
                audit(committee, CREATE, actor=actor)
                created.append(committee)
    return created
