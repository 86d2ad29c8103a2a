"""The open-data bundle of a council: every published record of the council and of the councils
beneath it, in one zip file —

- `popolo/popolo.json`: persons, organizations, memberships and vote events as Popolo has them;
- `oparl/*.json`: the records shaped as OParl 1.1 objects (System, Body, LegislativeTerm,
  Organization, Person, Membership, Meeting with its AgendaItems, Paper, File), each `id` the
  record's address in this API; what OParl has no object for (missions and recommendations,
  voter petitions, briefings) in `hdnd/*.json`, shaped as the API answers it;
- `csv/*.csv`: the same records as flat tables (UTF-8 with BOM, so Excel reads the diacritics);
- `manifest.json` and `SHA256SUMS`: every file with its size, number of records and checksum.

The rows are the API's own schemas (`schemas.py`): the bundle, the API and the portal show the
same records the same way. Querysets are read in chunks and written straight into the zip, so a
large province does not need its data in memory. `export_open_data` (a management command, run
nightly) keeps each council's bundle in the default storage; the API serves the kept one."""

import csv
import datetime
import hashlib
import io
import json
import tempfile
import unicodedata
import zipfile

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.utils import timezone
from ninja import Schema

from hdnd.councils.models import Committee, Council, Delegate, DelegateGroup, Membership, Term
from hdnd.meetings.models import AgendaItem, Session, Vote
from hdnd.oversight.models import Mission, Recommendation
from hdnd.petitions.models import VoterPetition
from hdnd.portal.models import ArticlePage
from hdnd.reports.models import Briefing
from hdnd.resolutions.models import Attachment, Resolution, ResolutionRelation

from . import schemas

OPARL = "https://schema.oparl.org/1.1/"
CHUNK = 2000
#: How old the kept bundle may be before the API builds a fresh one (the nightly job renews it).
MAX_AGE = datetime.timedelta(hours=26)


def storage_name(council):
    return f"du-lieu-mo/hdnd-{council.pk}.zip"


def _api_url(path):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/api/v1/{path}"


def _dump(schema, record):
    return schema.from_orm(record).model_dump(mode="json")


class _Hashing:
    """A writable that counts and hashes what passes through it into the zip entry."""

    def __init__(self, target):
        self.target, self.sha256, self.size = target, hashlib.sha256(), 0

    def write(self, data):
        if isinstance(data, str):
            data = unicodedata.normalize("NFC", data).encode()
        self.sha256.update(data)
        self.size += len(data)
        self.target.write(data)


def columns(schema, prefix=""):
    """The CSV columns of a schema's records, nested objects flattened as `_flat` does."""
    names = []
    for name, field in schema.model_fields.items():
        kind = field.annotation
        if isinstance(kind, type) and issubclass(kind, Schema):
            names += columns(kind, f"{prefix}{name}_")
        elif not (getattr(kind, "__origin__", None) is list and _is_schema_list(kind)):
            names.append(f"{prefix}{name}")
    return names


def _is_schema_list(kind):
    (item,) = kind.__args__
    return isinstance(item, type) and issubclass(item, Schema)


def _flat(row, prefix=""):
    """A CSV row from an API record: nested objects become `unit_code`…, lists "a; b"."""
    flat = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = "; ".join(str(item) for item in value if not isinstance(item, dict))
        elif isinstance(value, bool):
            flat[name] = "true" if value else "false"
        else:
            flat[name] = "" if value is None else value
    return flat


class Bundle:
    def __init__(self, archive):
        self.archive = archive
        self.files = []
        self.moment = timezone.localtime().timetuple()[:6]

    def _entry(self, path, write):
        """Writes one file of the bundle with `write(out)`, which returns how many records it wrote."""
        info = zipfile.ZipInfo(path, date_time=self.moment)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with self.archive.open(info, "w", force_zip64=True) as target:
            out = _Hashing(target)
            records = write(out)
        self.files.append({"path": path, "bytes": out.size, "sha256": out.sha256.hexdigest(), "records": records})

    def json_list(self, path, items):
        def write(out):
            out.write("[")
            n = 0
            for item in items:
                out.write(("," if n else "") + "\n" + json.dumps(item, ensure_ascii=False))
                n += 1
            out.write("\n]\n")
            return n

        self._entry(path, write)

    def json_document(self, path, document):
        def write(out):
            out.write(json.dumps(document, ensure_ascii=False))
            return sum(len(part) for part in document.values())

        self._entry(path, write)

    def csv_table(self, path, columns, rows):
        def write(out):
            text = io.TextIOWrapper(_Raw(out), encoding="utf-8-sig", newline="")
            writer = csv.DictWriter(text, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            n = 0
            for row in rows:
                writer.writerow(_flat(row))
                n += 1
            text.flush()
            text.detach()
            return n

        self._entry(path, write)


class _Raw(io.RawIOBase):
    def __init__(self, out):
        self.out = out

    def writable(self):
        return True

    def write(self, data):
        self.out.write(bytes(data))
        return len(data)


def _chunked(queryset):
    return queryset.iterator(chunk_size=CHUNK)


# --- The records of the scope ------------------------------------------------------------------


def scope_councils(council):
    return Council.objects.with_beneath(council).select_related("unit", "unit__parent", "unit__parent__council")


def _records(council):
    councils = scope_councils(council)
    ids = list(councils.values_list("pk", flat=True))
    today = datetime.date.today()
    published = Resolution.objects.published()
    return {
        "councils": councils.order_by("pk"),
        "terms": Term.objects.filter(council_id__in=ids).order_by("pk"),
        "committees": Committee.objects.filter(council_id__in=ids).order_by("pk"),
        "delegate_groups": DelegateGroup.objects.filter(council_id__in=ids)
        .prefetch_related("constituencies")
        .order_by("pk"),
        "delegates": Delegate.objects.filter(council_id__in=ids)
        .select_related("person", "constituency")
        .order_by("pk"),
        "memberships": Membership.objects.filter(delegate__council_id__in=ids)
        .select_related("delegate")
        .order_by("pk"),
        "sessions": Session.objects.public().filter(council_id__in=ids).order_by("pk"),
        "agenda_items": AgendaItem.objects.filter(session__in=Session.objects.public().filter(council_id__in=ids))
        .prefetch_related("votes")
        .order_by("pk"),
        "votes": Vote.objects.filter(
            agenda_item__session__in=Session.objects.public().filter(council_id__in=ids)
        ).order_by("pk"),
        "resolutions": published.filter(council_id__in=ids).with_force(today).order_by("pk"),
        "relations": ResolutionRelation.objects.filter(
            source__in=published.filter(council_id__in=ids), target__in=published
        )
        .select_related("source", "target")
        .order_by("pk"),
        "files": Attachment.objects.filter(resolution__in=published.filter(council_id__in=ids)).order_by("pk"),
        "missions": Mission.objects.public()
        .filter(council_id__in=ids)
        .prefetch_related(Prefetch("recommendations", Recommendation.objects.order_by("deadline", "pk")))
        .order_by("pk"),
        "recommendations": Recommendation.objects.filter(
            mission__in=Mission.objects.public().filter(council_id__in=ids)
        ).order_by("pk"),
        "voter_petitions": VoterPetition.objects.answered().filter(council_id__in=ids).order_by("pk"),
        "briefings": Briefing.objects.filter(council_id__in=ids, articles__in=ArticlePage.objects.live().public())
        .distinct()
        .prefetch_related("attending_councils", "tasks")
        .order_by("pk"),
    }


# --- OParl shapes ------------------------------------------------------------------------------


def _oparl(kind, path, pk, **fields):
    return {"id": _api_url(f"{path}/{pk}"), "type": f"{OPARL}{kind}", **fields}


def _body(council):
    row = _dump(schemas.Council, council)
    return _oparl(
        "Body",
        "councils",
        council.pk,
        name=row["name"],
        shortName=council.unit.name,
        classification=row["unit"]["level"],
        system=_api_url(""),
        contactEmail=row["email"] or None,
        hdnd_unitCode=row["unit"]["code"],
        hdnd_parentBody=_api_url(f"councils/{row['parent_council_id']}") if row["parent_council_id"] else None,
    )


def _legislative_term(term):
    return _oparl(
        "LegislativeTerm",
        "terms",
        term.pk,
        body=_api_url(f"councils/{term.council_id}"),
        name=f"Khóa {term.roman}",
        startDate=term.start_date.isoformat(),
        endDate=term.end_date.isoformat() if term.end_date else None,
    )


def _organization(organ, path, classification):
    return _oparl(
        "Organization",
        path,
        organ.pk,
        body=_api_url(f"councils/{organ.council_id}"),
        name=organ.name,
        organizationType=classification,
        hdnd_legislativeTerm=_api_url(f"terms/{organ.term_id}"),
    )


def _person(delegate):
    row = _dump(schemas.Delegate, delegate)
    return _oparl(
        "Person",
        "delegates",
        delegate.pk,
        body=_api_url(f"councils/{delegate.council_id}"),
        name=row["full_name"],
        status=["Đại biểu chuyên trách"] if row["full_time"] else ["Đại biểu"],
        hdnd_constituency=row["constituency"],
        hdnd_occupation=row["occupation"],
    )


def _membership(membership):
    row = _dump(schemas.Membership, membership)
    organization = None
    if row["committee_id"]:
        organization = _api_url(f"committees/{row['committee_id']}")
    elif row["delegate_group_id"]:
        organization = _api_url(f"delegate-groups/{row['delegate_group_id']}")
    return _oparl(
        "Membership",
        "memberships",
        membership.pk,
        person=_api_url(f"delegates/{row['delegate_id']}"),
        organization=organization,
        role=row["position_label"],
        startDate=row["start_date"],
        endDate=row["end_date"],
        hdnd_body=row["body"],
    )


def _meeting(session):
    row = _dump(schemas.Session, session)
    return _oparl(
        "Meeting",
        "sessions",
        session.pk,
        name=row["title"] or f"Kỳ họp thứ {row['number']} ({row['kind_label'].lower()})",
        meetingState=row["status_label"],
        start=row["actual_start"] or row["planned_start"],
        end=row["actual_end"] or row["planned_end"],
        location={"type": f"{OPARL}Location", "description": row["place"]} if row["place"] else None,
        organization=[_api_url(f"councils/{session.council_id}")],
        hdnd_kind=row["kind"],
        hdnd_number=row["number"],
    )


def _agenda_item(item):
    row = _dump(schemas.AgendaItem, item)
    return _oparl(
        "AgendaItem",
        f"sessions/{item.session_id}/agenda",
        item.order,
        meeting=_api_url(f"sessions/{item.session_id}"),
        number=str(row["order"]),
        name=row["title"],
        public=True,
        result="; ".join(vote["result"] for vote in row["votes"]) or None,
    )


def _paper(resolution):
    row = _dump(schemas.Resolution, resolution)
    return _oparl(
        "Paper",
        "resolutions",
        resolution.pk,
        body=_api_url(f"councils/{resolution.council_id}"),
        name=row["subject"],
        reference=row["symbol"],
        date=row["adopted_on"],
        paperType=f"Nghị quyết ({row['kind_label'].lower()})",
        hdnd_field=row["field_label"],
        hdnd_effectiveDate=row["effective_date"],
        hdnd_inForce=row["in_force"],
        hdnd_session=_api_url(f"sessions/{row['session_id']}") if row["session_id"] else None,
    )


def _file(attachment, base_url):
    return _oparl(
        "File",
        "files",
        attachment.pk,
        name=attachment.title,
        fileName=attachment.file.name.rsplit("/", 1)[-1],
        mimeType={
            "pdf": "application/pdf",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "doc": "application/msword",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }.get(attachment.file_type, "application/octet-stream"),
        size=attachment.size,
        accessUrl=base_url + attachment.file.url,
        paper=[_api_url(f"resolutions/{attachment.resolution_id}")],
    )


# --- Popolo shapes ------------------------------------------------------------------------------

POPOLO_RESULT = {True: "pass", False: "fail"}


def _popolo(records, councils):
    """One Popolo document: persons, organizations (each council and its organs), memberships and
    vote events with their counts — the vote results of the public sessions."""
    organizations = [
        {"id": f"council-{c.pk}", "name": c.name, "classification": "council", "parent_id": _parent_council(c)}
        for c in councils
    ]
    organizations += [
        {
            "id": f"committee-{o.pk}",
            "name": o.name,
            "classification": "committee",
            "parent_id": f"council-{o.council_id}",
        }
        for o in _chunked(records["committees"])
    ]
    organizations += [
        {
            "id": f"delegate-group-{o.pk}",
            "name": o.name,
            "classification": "delegate group",
            "parent_id": f"council-{o.council_id}",
        }
        for o in _chunked(records["delegate_groups"])
    ]
    persons, memberships = [], []
    for delegate in _chunked(records["delegates"]):
        persons.append({"id": f"delegate-{delegate.pk}", "name": delegate.person.full_name})
        memberships.append(_popolo_membership(delegate.pk, f"council-{delegate.council_id}", "Đại biểu", delegate))
    for membership in _chunked(records["memberships"]):
        if membership.committee_id:
            organ = f"committee-{membership.committee_id}"
        elif membership.delegate_group_id:
            organ = f"delegate-group-{membership.delegate_group_id}"
        else:
            organ = f"council-{membership.delegate.council_id}"
        memberships.append(
            _popolo_membership(membership.delegate_id, organ, membership.get_position_display(), membership)
        )
    vote_events = [
        {
            "id": f"vote-{vote.pk}",
            "organization_id": f"council-{vote.agenda_item.session.council_id}",
            "motion": {"text": vote.subject},
            "start_date": vote.held_on.isoformat(),
            "result": POPOLO_RESULT[vote.passed],
            "counts": [
                {"option": "yes", "value": vote.votes_for},
                {"option": "no", "value": vote.votes_against},
                {"option": "not voting", "value": vote.votes_abstain},
            ],
        }
        for vote in _chunked(records["votes"].select_related("agenda_item__session"))
    ]
    return {"persons": persons, "organizations": organizations, "memberships": memberships, "vote_events": vote_events}


def _parent_council(council):
    above = schemas.Council.resolve_parent_council_id(council)
    return f"council-{above}" if above else None


def _popolo_membership(delegate_id, organization_id, role, dated):
    return {
        "person_id": f"delegate-{delegate_id}",
        "organization_id": organization_id,
        "role": role,
        "start_date": dated.start_date.isoformat(),
        "end_date": dated.end_date.isoformat() if dated.end_date else None,
    }


# --- The bundle ----------------------------------------------------------------------------------


def write_bundle(council, target):
    """Writes the council's bundle as a zip into the binary file `target`; returns the manifest."""
    records = _records(council)
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        bundle = Bundle(archive)
        councils = list(records["councils"])
        bundle.json_list(
            "oparl/system.json",
            [
                {
                    "id": _api_url(""),
                    "type": f"{OPARL}System",
                    "oparlVersion": OPARL,
                    "name": "HĐND Số",
                    "body": [_api_url(f"councils/{c.pk}") for c in councils],
                    "website": base_url + "/",
                    "license": settings.OPEN_DATA_LICENCE,
                }
            ],
        )
        bundle.json_list("oparl/body.json", (_body(c) for c in councils))
        bundle.json_list("oparl/legislative-term.json", (_legislative_term(t) for t in _chunked(records["terms"])))
        organizations = [
            *(_organization(c, "committees", "Ban") for c in _chunked(records["committees"])),
            *(_organization(g, "delegate-groups", "Tổ đại biểu") for g in _chunked(records["delegate_groups"])),
        ]
        bundle.json_list("oparl/organization.json", organizations)
        bundle.json_list("oparl/person.json", (_person(d) for d in _chunked(records["delegates"])))
        bundle.json_list("oparl/membership.json", (_membership(m) for m in _chunked(records["memberships"])))
        bundle.json_list("oparl/meeting.json", (_meeting(s) for s in _chunked(records["sessions"])))
        bundle.json_list("oparl/agenda-item.json", (_agenda_item(i) for i in _chunked(records["agenda_items"])))
        bundle.json_list("oparl/paper.json", (_paper(r) for r in _chunked(records["resolutions"])))
        bundle.json_list("oparl/file.json", (_file(f, base_url) for f in _chunked(records["files"])))
        bundle.json_document("popolo/popolo.json", _popolo(records, councils))
        bundle.json_list("hdnd/mission.json", (_dump(schemas.MissionDetail, m) for m in _chunked(records["missions"])))
        bundle.json_list(
            "hdnd/voter-petition.json",
            (_dump(schemas.VoterPetition, p) for p in _chunked(records["voter_petitions"])),
        )
        bundle.json_list("hdnd/briefing.json", (_briefing_row(b) for b in _chunked(records["briefings"])))

        tables = {
            "councils": (schemas.Council, councils),
            "terms": (schemas.Term, records["terms"]),
            "committees": (schemas.Committee, records["committees"]),
            "delegate-groups": (schemas.DelegateGroup, records["delegate_groups"]),
            "delegates": (schemas.Delegate, records["delegates"]),
            "memberships": (schemas.Membership, records["memberships"]),
            "sessions": (schemas.Session, records["sessions"]),
            "resolutions": (schemas.Resolution, records["resolutions"]),
            "missions": (schemas.Mission, records["missions"]),
            "recommendations": (schemas.Recommendation, records["recommendations"]),
            "voter-petitions": (schemas.VoterPetition, records["voter_petitions"]),
        }
        for name, (schema, rows) in tables.items():
            source = rows if isinstance(rows, list) else _chunked(rows)
            bundle.csv_table(f"csv/{name}.csv", columns(schema), (_dump(schema, row) for row in source))
        bundle.csv_table(
            "csv/votes.csv",
            ["agenda_item_id", *columns(schemas.VoteResult)],
            ({"agenda_item_id": v.agenda_item_id, **_dump(schemas.VoteResult, v)} for v in _chunked(records["votes"])),
        )
        bundle.csv_table(
            "csv/agenda-items.csv",
            ["session_id", *columns(schemas.AgendaItem)],
            ({"session_id": i.session_id, **_dump(schemas.AgendaItem, i)} for i in _chunked(records["agenda_items"])),
        )
        bundle.csv_table(
            "csv/resolution-relations.csv",
            ["resolution_id", "kind", "kind_label", "other_resolution_id", "other_symbol"],
            (
                {
                    "resolution_id": r.source_id,
                    "kind": r.kind,
                    "kind_label": r.get_kind_display(),
                    "other_resolution_id": r.target_id,
                    "other_symbol": r.target.symbol,
                }
                for r in _chunked(records["relations"])
            ),
        )
        bundle.csv_table(
            "csv/files.csv",
            ["resolution_id", "id", "title", "file_type", "size", "url"],
            (
                {
                    "resolution_id": f.resolution_id,
                    "id": f.pk,
                    "title": f.title,
                    "file_type": f.file_type,
                    "size": f.size,
                    "url": base_url + f.file.url,
                }
                for f in _chunked(records["files"])
            ),
        )
        briefing_columns = [c for c in columns(schemas.Briefing) if c not in ("article_url", "figures")]
        bundle.csv_table(
            "csv/briefings.csv", briefing_columns, (_briefing_row(b) for b in _chunked(records["briefings"]))
        )

        manifest = {
            "council": {"id": council.pk, "name": council.name, "unit_code": council.unit.code},
            "councils": [c.pk for c in councils],
            "generated_at": timezone.now().isoformat(timespec="seconds"),
            "format": {"oparl": OPARL, "csv": "RFC 4180, UTF-8 with BOM"},
            "license": settings.OPEN_DATA_LICENCE,
            "files": bundle.files,
        }
        sums = "".join(f"{entry['sha256']}  {entry['path']}\n" for entry in bundle.files)
        archive.writestr("SHA256SUMS", sums)
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return manifest


def _briefing_row(briefing):
    row = _dump(schemas.Briefing, briefing)
    row.pop("article_url", None)
    row.pop("figures", None)
    return row


def bundle_refresh(council):
    """Builds the council's bundle and keeps it in the default storage; returns its manifest."""
    with tempfile.TemporaryFile() as target:
        manifest = write_bundle(council, target)
        target.seek(0)
        name = storage_name(council)
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, File(target, name=name))
    return manifest


def kept_bundle(council):
    """The kept bundle's name when it is fresh enough, else None."""
    name = storage_name(council)
    if not default_storage.exists(name):
        return None
    try:
        modified = default_storage.get_modified_time(name)
    except NotImplementedError:
        return name
    return name if timezone.now() - modified < MAX_AGE else None
