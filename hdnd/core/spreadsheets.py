"""Excel in and out, for secretariats that keep their records in spreadsheets.

In: an XLSX or CSV file (UTF-8, or the Windows-1258 / Windows-1252 encodings of older tools) is
read once, row by row — never whole — against a list of `Column`s. `SpreadsheetImport.run()`
saves the rows in batches inside one transaction; if any row is wrong it lists each bad row's
number, column and what is wrong, in Vietnamese, and nothing is kept. `template_workbook()` gives
the file to fill in.

Out: `neutralise()` keeps a cell that begins with =, +, - or @ from being run as a formula.
"""

import codecs
import contextlib
import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .vntext import fold, nfc

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ENCODINGS = {"auto": None, "utf-8": "utf-8-sig", "cp1258": "cp1258", "cp1252": "cp1252"}
ERRORS_SHOWN = 200


def neutralise(value):
    """A text that a spreadsheet would run as a formula, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class CellError(ValueError):
    """Raised by a column's parser with the Vietnamese message for the user."""


@dataclass(frozen=True)
class Column:
    header: str
    name: str
    parse: object
    required: bool = True
    example: object = ""
    help: str = ""

    @property
    def choices(self):
        """The allowed (value, label) pairs when the column takes a choice."""
        return getattr(self.parse, "choices", ())


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportRefused(Exception):
    """The file cannot be imported; `errors` says where and why (row 0: the file as a whole)."""

    errors: list = field(default_factory=list)
    total: int = 0

    def __str__(self):
        return "; ".join(f"{e.row}/{e.column}: {e.message}" for e in self.errors[:5])


# --- parsers -------------------------------------------------------------------------------


def text(max_length):
    def parse(value):
        value = nfc(str(value)).strip()
        if len(value) > max_length:
            raise CellError(_("At most %(n)s characters; this has %(m)s.") % {"n": max_length, "m": len(value)})
        return value

    return parse


DATE_PATTERNS = (
    re.compile(r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
)


def date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = str(value).strip()
    for pattern in DATE_PATTERNS:
        match = pattern.match(raw)
        if match:
            try:
                return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                raise CellError(_("The date %(value)s does not exist.") % {"value": raw}) from None
    raise CellError(_("“%(value)s” is not a date: write it as dd/mm/yyyy, e.g. 05/03/2024.") % {"value": raw})


def positive_integer(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    raw = str(value).strip()
    if not raw.isdigit() or int(raw) < 1:
        raise CellError(_("“%(value)s” is not a whole number of at least 1.") % {"value": raw})
    return int(raw)


def choice(choices):
    """Accepts a choice by its Vietnamese label (with or without diacritics) or its code."""
    by_label = {}
    for value, label in choices:
        by_label[fold(str(label))] = value
        by_label[fold(value)] = value

    def parse(raw):
        key = fold(str(raw))
        if key not in by_label:
            allowed = "; ".join(str(label) for _, label in choices)
            raise CellError(_("“%(value)s” is not one of: %(allowed)s.") % {"value": raw, "allowed": allowed})
        return by_label[key]

    parse.choices = tuple(choices)
    return parse


# --- reading -------------------------------------------------------------------------------


def _is_blank(values):
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _plan_each_query_afresh():
    """For the rest of the import's transaction on PostgreSQL, plans every query with its own
    values and the tables as they are now. The import repeats the same queries (the duplicate
    look-ups of each batch) while it fills the table; with prepared statements PostgreSQL would
    soon keep one generic plan, made when the table was still empty — a sequential scan — and
    reading the growing table again for every batch made 100,000 rows take four minutes instead
    of half a minute."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")


class SpreadsheetImport:
    """Reads an uploaded XLSX or CSV file against `columns`, streaming its rows."""

    def __init__(self, uploaded, columns, *, encoding="auto", max_rows=None):
        self.uploaded = uploaded
        self.columns = columns
        self.encoding = encoding
        self.max_rows = max_rows or settings.HDND_IMPORT_MAX_ROWS
        self.kind = self._kind()

    def _refuse(self, message):
        raise ImportRefused([RowError(0, "", message)], 1)

    def _kind(self):
        self.uploaded.seek(0)
        head = self.uploaded.read(2048)
        self.uploaded.seek(0)
        if head.startswith(b"PK\x03\x04"):
            try:
                with zipfile.ZipFile(self.uploaded) as archive:
                    if "xl/workbook.xml" in archive.namelist():
                        return "xlsx"
            except zipfile.BadZipFile:
                pass
            finally:
                self.uploaded.seek(0)
        elif head and b"\x00" not in head:
            return "csv"
        self._refuse(
            _("“%(name)s” is not a spreadsheet that can be read. Save it as Excel (XLSX) or CSV and try again.")
            % {"name": self.uploaded.name}
        )

    def _csv_encoding(self):
        if self.encoding != "auto":
            return ENCODINGS[self.encoding]
        decoder = codecs.getincrementaldecoder("utf-8")()
        self.uploaded.seek(0)
        try:
            for chunk in iter(lambda: self.uploaded.read(1 << 16), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1258"  # the Vietnamese Windows code page of older tools
        finally:
            self.uploaded.seek(0)
        return "utf-8-sig"

    def _raw_rows(self):
        if self.kind == "xlsx":
            self.uploaded.seek(0)
            try:
                workbook = load_workbook(self.uploaded, read_only=True, data_only=True)
            except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
                self._refuse(_("The Excel file cannot be opened: it may be damaged. Save it again and retry."))
            sheet = workbook.worksheets[0]
            sheet.reset_dimensions()  # else openpyxl may read the whole sheet first to size it
            try:
                yield from sheet.iter_rows(values_only=True)
            finally:
                workbook.close()
        else:
            encoding = self._csv_encoding()
            self.uploaded.seek(0)
            stream = io.TextIOWrapper(getattr(self.uploaded, "file", self.uploaded), encoding=encoding, newline="")
            sample = stream.read(4096)
            stream.seek(0)
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            try:
                yield from csv.reader(stream, dialect)
            finally:
                with contextlib.suppress(ValueError):  # the upload may be closed already
                    stream.detach()  # leave the uploaded file open for its owner

    def _header_map(self, header):
        folded = [fold(str(h or "")) for h in header]
        positions, missing = {}, []
        for column in self.columns:
            key = fold(column.header)
            if key in folded:
                positions[column.name] = folded.index(key)
            elif column.required:
                missing.append(column.header)
        if missing:
            expected = ", ".join(c.header for c in self.columns)
            self._refuse(
                _("The first row must hold the column headings. Missing: %(missing)s. Expected: %(expected)s.")
                % {"missing": ", ".join(missing), "expected": expected}
            )
        return positions

    def _parsed(self):
        """Yields (row number, cleaned values or None, errors) for every non-blank data row."""
        rows = iter(self._raw_rows())
        header = next(rows, None)
        if header is None:
            self._refuse(_("The file is empty."))
        positions = self._header_map(header)
        count = 0
        for number, values in enumerate(rows, start=2):
            values = list(values)
            if _is_blank(values):
                continue
            count += 1
            if count > self.max_rows:
                self._refuse(
                    _("The file has more than %(n)s rows of data: split it into smaller files.")
                    % {"n": number_format(self.max_rows, force_grouping=True)}
                )
            cleaned, errors = {}, []
            for column in self.columns:
                position = positions.get(column.name)
                raw = values[position] if position is not None and position < len(values) else None
                if raw is None or (isinstance(raw, str) and not raw.strip()):
                    if column.required:
                        errors.append(RowError(number, column.header, _("This cell must not be empty.")))
                    cleaned[column.name] = None
                    continue
                try:
                    cleaned[column.name] = column.parse(raw)
                except CellError as exc:
                    errors.append(RowError(number, column.header, str(exc)))
            yield number, cleaned, errors

    def run(self, save, *, row_check=None, batch_size=2000):
        """Reads the file once, row by row, handing the clean rows to `save(rows)` in batches, all
        inside one transaction. If any row is wrong, reading goes on to list every problem, then
        ImportRefused is raised and nothing saved stays. `row_check(cleaned)` may return further
        (column, message) pairs for a row. Returns the number of rows read."""
        errors, total, count, batch = [], 0, 0, []
        with transaction.atomic():
            _plan_each_query_afresh()
            for number, cleaned, row_errors in self._parsed():
                count += 1
                if not row_errors and row_check is not None:
                    row_errors = [RowError(number, col, msg) for col, msg in row_check(cleaned)]
                if row_errors:
                    total += len(row_errors)
                    if len(errors) < ERRORS_SHOWN:
                        errors.extend(row_errors[: ERRORS_SHOWN - len(errors)])
                elif not total:  # once a row is wrong nothing will be kept: only look further
                    batch.append(cleaned)
                    if len(batch) >= batch_size:
                        save(batch)
                        batch = []
            if total:
                raise ImportRefused(errors, total)
            if not count:
                self._refuse(_("The file has headings but no rows of data."))
            if batch:
                save(batch)
        return count


# --- the template to fill in ---------------------------------------------------------------


def template_workbook(columns, title):
    """An XLSX with the headings, one example row, a drop-down for each list, and a guide sheet."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append([c.header for c in columns])
    sheet.append([c.example for c in columns])
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, min(50, len(column.header) + 6))
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.fill = PatternFill("solid", fgColor="DDEBF7" if column.required else "F2F2F2")
        if column.choices:
            listing = ",".join(str(label).replace(",", " ") for _, label in column.choices)
            if len(listing) <= 255:
                validation = DataValidation(type="list", formula1=f'"{listing}"', allow_blank=not column.required)
                sheet.add_data_validation(validation)
                validation.add(f"{letter}2:{letter}10000")
    sheet.freeze_panes = "A2"
    guide = workbook.create_sheet(_("Guide"))
    guide.append([_("Column"), _("Required"), _("What to enter")])
    for column in columns:
        allowed = "; ".join(str(label) for _, label in column.choices)
        guide.append([column.header, _("Yes") if column.required else _("No"), column.help or allowed])
    for letter, width in (("A", 30), ("B", 12), ("C", 90)):
        guide.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
