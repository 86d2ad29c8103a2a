"""Loads the national list of administrative units of both eras, and their lineage.

Idempotent and bulk: rows are matched on (code, valid_from) and updated in place, so running it
again changes nothing and keeps the councils attached to their units.
"""

import csv
import datetime
import gzip
import io
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from vietnam_provinces import Province, Ward

from hdnd.core.vntext import fold, nfc

from .models import LEVEL_RANK, THREE_LEVEL_END, TWO_LEVEL_START, AdministrativeUnit, Level, UnitKind, UnitSuccession

LEGACY_FILE = Path(__file__).parent / "data" / "units-2024.csv.gz"
#: The package carries no establishment dates: the old units are taken as valid from this day
#: (before the 2021–2026 term); a unit founded later can be corrected in the back office.
LEGACY_VALID_FROM = datetime.date(2020, 1, 1)

#: Resolution 202/2025/QH15: the provinces merged into each new province (new code → old codes).
#: The new province keeps the code of the one whose seat it took.
PROVINCE_MERGERS = {
    "01": ["01"],
    "04": ["04"],
    "08": ["08", "02"],
    "11": ["11"],
    "12": ["12"],
    "14": ["14"],
    "15": ["10", "15"],
    "19": ["19", "06"],
    "20": ["20"],
    "22": ["22"],
    "24": ["24", "27"],
    "25": ["25", "26", "17"],
    "31": ["31", "30"],
    "33": ["33", "34"],
    "37": ["37", "35", "36"],
    "38": ["38"],
    "40": ["40"],
    "42": ["42"],
    "44": ["44", "45"],
    "46": ["46"],
    "48": ["48", "49"],
    "51": ["51", "62"],
    "52": ["52", "64"],
    "56": ["56", "58"],
    "66": ["66", "54"],
    "68": ["68", "67", "60"],
    "75": ["75", "70"],
    "79": ["79", "74", "77"],
    "80": ["80", "72"],
    "82": ["82", "87"],
    "86": ["86", "83", "84"],
    "91": ["91", "89"],
    "92": ["92", "94", "93"],
    "96": ["96", "95"],
}

_PREFIX_KINDS = {
    Level.PROVINCE: [("Thành phố ", UnitKind.CENTRAL_CITY)],
    Level.DISTRICT: [
        ("Quận ", UnitKind.URBAN_DISTRICT),
        ("Thị xã ", UnitKind.TOWN),
        ("Thành phố ", UnitKind.PROVINCIAL_CITY),
    ],
    Level.COMMUNE: [("Phường ", UnitKind.WARD), ("Thị trấn ", UnitKind.TOWNSHIP)],
}
_DEFAULT_KIND = {Level.PROVINCE: UnitKind.PROVINCE, Level.DISTRICT: UnitKind.DISTRICT, Level.COMMUNE: UnitKind.COMMUNE}
_NEW_KINDS = {
    "tỉnh": UnitKind.PROVINCE,
    "thành phố trung ương": UnitKind.CENTRAL_CITY,
    "xã": UnitKind.COMMUNE,
    "phường": UnitKind.WARD,
    "đặc khu": UnitKind.SPECIAL_ZONE,
}


@dataclass
class LoadResult:
    old_counts: dict
    new_counts: dict
    successions: int


def kind_from_name(level, name):
    for prefix, kind in _PREFIX_KINDS[level]:
        if name.startswith(prefix):
            return kind
    return _DEFAULT_KIND[level]


def legacy_rows():
    with gzip.open(LEGACY_FILE, "rt", encoding="utf-8") as fh:
        yield from csv.DictReader(fh)


def current_rows():
    for province in Province.iter_all():
        yield {
            "level": Level.PROVINCE,
            "code": f"{int(province.code):02d}",
            "name": province.name,
            "kind": _NEW_KINDS[province.division_type.value],
            "parent_code": "",
        }
    for ward in Ward.iter_all():
        yield {
            "level": Level.COMMUNE,
            "code": f"{int(ward.code):05d}",
            "name": ward.name,
            "kind": _NEW_KINDS[ward.division_type.value],
            "parent_code": f"{int(ward.province_code):02d}",
        }


def _upsert_level(rows, level, valid_from, valid_to, parent_ids):
    units = [
        AdministrativeUnit(
            code=row["code"],
            name=nfc(row["name"]),
            search_text=fold(f"{row['code']} {row['name']}"),
            kind=row.get("kind") or kind_from_name(level, row["name"]),
            level=level,
            level_rank=LEVEL_RANK[level],
            parent_id=parent_ids.get(row["parent_code"]) if row["parent_code"] else None,
            valid_from=valid_from,
            valid_to=valid_to,
        )
        for row in rows
        if row["level"] == level
    ]
    AdministrativeUnit.objects.bulk_create(
        units,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["code", "valid_from"],
        update_fields=["name", "search_text", "kind", "level", "level_rank", "parent", "valid_to"],
    )
    return dict(AdministrativeUnit.objects.filter(level=level, valid_from=valid_from).values_list("code", "pk"))


def _load_era(rows, valid_from, valid_to):
    rows = list(rows)
    provinces = _upsert_level(rows, Level.PROVINCE, valid_from, valid_to, {})
    districts = _upsert_level(rows, Level.DISTRICT, valid_from, valid_to, provinces)
    communes = _upsert_level(rows, Level.COMMUNE, valid_from, valid_to, {**provinces, **districts})
    return provinces, districts, communes


def _link(pairs, date):
    links = [UnitSuccession(predecessor_id=old, successor_id=new, date=date) for old, new in pairs]
    UnitSuccession.objects.bulk_create(links, batch_size=2000, ignore_conflicts=True)
    return len(links)


def read_lineage_csv(path):
    """(predecessor_code, successor_code) pairs from a CSV file with those two columns."""
    text = Path(path).read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    missing = {"predecessor_code", "successor_code"} - set(reader.fieldnames or [])
    if missing:
        raise ValueError(f"Tệp phả hệ thiếu cột: {', '.join(sorted(missing))}.")
    return [(row["predecessor_code"].strip().zfill(5), row["successor_code"].strip().zfill(5)) for row in reader]


@transaction.atomic
def load_units(lineage_pairs=()):
    old_p, old_d, old_c = _load_era(legacy_rows(), LEGACY_VALID_FROM, THREE_LEVEL_END)
    new_p, _, new_c = _load_era(current_rows(), TWO_LEVEL_START, None)

    pairs = [
        (old_p[old], new_p[new])
        for new, olds in PROVINCE_MERGERS.items()
        for old in olds
        if old in old_p and new in new_p
    ]
    pairs += [(old_c[code], pk) for code, pk in new_c.items() if code in old_c]
    unknown = [(a, b) for a, b in lineage_pairs if a not in old_c or b not in new_c]
    if unknown:
        raise ValueError("Mã đơn vị không có trong danh mục: " + ", ".join(f"{a} → {b}" for a, b in unknown[:10]))
    pairs += [(old_c[a], new_c[b]) for a, b in lineage_pairs]
    successions = _link(pairs, TWO_LEVEL_START)
    return LoadResult(
        old_counts={"province": len(old_p), "district": len(old_d), "commune": len(old_c)},
        new_counts={"province": len(new_p), "commune": len(new_c)},
        successions=successions,
    )
