"""The Decree 30/2020/NĐ-CP page layout, shared by the DOCX and PDF writers.

Both writers read the same numbers, so the two outputs agree line for line. Sizes are in points
unless the name says otherwise; widths of the rules are chosen within the ranges of Annex I.
"""

from dataclasses import dataclass

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_LABEL = "Nơi nhận:"

#: Advance width of MOTTO in bold Times New Roman (and its metric twin Liberation Serif), in em.
_MOTTO_BOLD_EM = 12.2417


@dataclass(frozen=True)
class Layout:
    """Page geometry, type sizes and spacing of an administrative document."""

    font: str = "Times New Roman"
    pdf_fonts: str = '"Liberation Serif", "Times New Roman", serif'

    page_width_mm: float = 210
    page_height_mm: float = 297
    margin_top_mm: float = 20
    margin_bottom_mm: float = 20
    margin_left_mm: float = 30
    margin_right_mm: float = 15
    header_distance_mm: float = 10  # DOCX: where the page-number header sits in the top margin

    header_left_share: float = 0.38  # issuing body column; the national title column takes the rest
    signature_left_share: float = 0.45  # recipients column; the signer column takes the rest

    superior_pt: float = 13
    issuer_pt: float = 13
    number_pt: float = 13
    national_title_pt: float = 13
    motto_pt: float = 14
    place_date_pt: float = 14
    doc_type_pt: float = 14
    subject_pt: float = 14
    authority_pt: float = 14
    body_pt: float = 14
    recipients_label_pt: float = 12
    recipients_pt: float = 11
    signature_pt: float = 14
    page_number_pt: float = 14

    line_height: float = 1.15  # multiple of the font size, "exactly" in DOCX
    paragraph_after_pt: float = 6
    first_line_indent_cm: float = 1.27
    number_row_before_pt: float = 6  # space above the "Số:" / place-and-date row
    doc_type_before_pt: float = 12
    authority_before_pt: float = 12
    legal_bases_before_pt: float = 12
    signature_before_pt: float = 6
    signature_gap_lines: int = 4  # blank lines left for the handwritten signature and seal

    rule_pt: float = 0.75  # thickness of the horizontal rules
    rule_gap_pt: float = 3  # from the bottom of the line above to the rule
    issuer_rule_mm: float = 22  # about 1/3 to 1/2 of the issuing body's lines
    subject_rule_mm: float = 45

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def header_left_mm(self) -> float:
        return self.text_width_mm * self.header_left_share

    @property
    def header_right_mm(self) -> float:
        return self.text_width_mm - self.header_left_mm

    @property
    def signature_left_mm(self) -> float:
        return self.text_width_mm * self.signature_left_share

    @property
    def signature_right_mm(self) -> float:
        return self.text_width_mm - self.signature_left_mm

    @property
    def motto_rule_mm(self) -> float:
        """The rule under the motto is exactly as long as the motto."""
        return _MOTTO_BOLD_EM * self.motto_pt * 25.4 / 72

    @property
    def signature_gap_pt(self) -> float:
        return self.signature_gap_lines * self.signature_pt * self.line_height

    def line_pt(self, size_pt: float) -> float:
        """Line pitch for a font size."""
        return round(size_pt * self.line_height, 2)


LAYOUT = Layout()
