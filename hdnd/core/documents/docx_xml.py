"""Low-level WordprocessingML pieces python-docx has no API for: fonts, rules, fields, tables."""

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

# Schema order of the children we touch (WordprocessingML is strict about element order).
_SCHEMA_ORDER = {
    "w:pPr": (
        "w:pStyle",
        "w:keepNext",
        "w:keepLines",
        "w:widowControl",
        "w:pBdr",
        "w:shd",
        "w:tabs",
        "w:spacing",
        "w:ind",
        "w:jc",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    ),
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:color", "w:sz", "w:szCs", "w:u", "w:lang"),
    "w:tblPr": (
        "w:tblStyle",
        "w:tblW",
        "w:jc",
        "w:tblInd",
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
    ),
    "w:tblBorders": ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"),
    "w:tblCellMar": ("w:top", "w:left", "w:bottom", "w:right"),
    "w:pBdr": ("w:top", "w:left", "w:bottom", "w:right"),
}
_ORDER = {qn(parent): tuple(qn(tag) for tag in children) for parent, children in _SCHEMA_ORDER.items()}


def _child(parent, tag: str):
    """The child `tag` of `parent`, created in its schema position when missing."""
    element = parent.find(qn(tag))
    if element is not None:
        return element
    element = OxmlElement(tag)
    order = _ORDER.get(parent.tag, ())
    later = set(order[order.index(qn(tag)) + 1 :]) if qn(tag) in order else set()
    following = next((child for child in parent if child.tag in later), None)
    if following is None:
        parent.append(element)
    else:
        following.addprevious(element)
    return element


def set_rfonts(rpr, font: str) -> None:
    """Use `font` for every script (Latin, complex and East Asian) of a run properties element."""
    rfonts = _child(rpr, "w:rFonts")
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attribute), font)


def style_run(run, *, font: str, size_pt: float, bold: bool = False, italic: bool = False) -> None:
    """Font, size, weight, slant and black colour on a run, set directly (not through styles)."""
    run.font.name = font
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = RGBColor(0, 0, 0)
    set_rfonts(run._r.get_or_add_rPr(), font)


def set_mark_size(paragraph, *, font: str, size_pt: float) -> None:
    """Size of the paragraph mark, which sets the height of an empty paragraph."""
    rpr = _child(paragraph._p.get_or_add_pPr(), "w:rPr")
    set_rfonts(rpr, font)
    size = _child(rpr, "w:sz")
    size.set(qn("w:val"), str(round(size_pt * 2)))


def set_bottom_border(paragraph, *, width_pt: float, space_pt: float = 0) -> None:
    """A solid black rule under the paragraph, as wide as the paragraph (its indents included)."""
    borders = _child(paragraph._p.get_or_add_pPr(), "w:pBdr")
    bottom = _child(borders, "w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(round(width_pt * 8)))  # eighths of a point
    bottom.set(qn("w:space"), str(round(space_pt)))
    bottom.set(qn("w:color"), "000000")


def add_page_field(paragraph):
    """Append a PAGE field (the current page number) to a paragraph; returns the result run."""

    def field_char(kind: str):
        run = paragraph.add_run()
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run._r.append(char)
        return run

    runs = [field_char("begin")]
    instruction = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = " PAGE "
    instruction._r.append(text)
    runs += [instruction, field_char("separate")]
    result = paragraph.add_run("2")
    runs += [result, field_char("end")]
    return runs


def make_plain_table(table, widths) -> None:
    """No borders, no cell padding, fixed column widths (Lengths) summing to the table width."""
    tbl_pr = table._tbl.tblPr
    total = sum(widths)
    tbl_w = _child(tbl_pr, "w:tblW")
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(round(total / 635)))  # EMU → twips
    borders = _child(tbl_pr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _child(borders, f"w:{side}").set(qn("w:val"), "nil")
    _child(tbl_pr, "w:tblLayout").set(qn("w:type"), "fixed")
    margins = _child(tbl_pr, "w:tblCellMar")
    for side in ("left", "right"):
        margin = _child(margins, f"w:{side}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def set_cant_split(row) -> None:
    """Keep a table row on one page."""
    _child(row._tr.get_or_add_trPr(), "w:cantSplit")


def set_document_defaults(document, *, font: str, size_pt: float, lang: str) -> None:
    """Default font, size and proofing language of the whole document (docDefaults)."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults")
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    set_rfonts(rpr, font)
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(round(size_pt * 2)))
    language = _child(rpr, "w:lang")
    for attribute in ("w:val", "w:eastAsia"):
        language.set(qn(attribute), lang)
