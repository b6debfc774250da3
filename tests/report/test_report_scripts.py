"""Names in every script: embedded fonts, shaped, in reading order, never empty boxes.

A name is typed into every field the report prints free text from (patient name, notes,
override reason, rationale, dissent, attendees). The text is read back from the PDF where
extraction is lossless; where shaping makes it lossy (Devanagari conjuncts), every glyph is
checked to exist in the font that draws it.
"""

from __future__ import annotations

import unicodedata

import pytest
import uharfbuzz
from report_pdf import Pdf, is_embedded
from report_samples import TYPICAL, make

from tareaid.domain.evidence import load_pack
from tareaid.report import ReportOptions, build_report, fonts
from tareaid.report import complex_text as ct

# Fictional names, typed by hand, and the font file that must draw each script.
NAMES = {
    "latin": ("Zoë Ørsted-Müller", "DejaVuSans"),
    "greek": ("Ελένη Παπαδοπούλου", "DejaVuSans"),
    "cyrillic": ("Иван Петров", "DejaVuSans"),
    "chinese": ("王小明", "DroidSansFallback"),
    "japanese": ("山田 はなこ", "DroidSansFallback"),
    "korean": ("김민준", "NanumGothic"),
    "arabic": ("محمد علي", "NotoSansArabic"),
    "hebrew": ("שרה לוי", "NotoSansHebrew"),
    "devanagari": ("अनुष्का शर्मा", "NotoSansDevanagari"),
    "thai": ("สมชาย ใจดี", "NotoSansThai"),
}
# Extraction gives the logical text back (pypdf puts right-to-left runs back in reading
# order, and Arabic presentation forms decompose under NFKC).
LOSSLESS = ("latin", "greek", "cyrillic", "chinese", "japanese", "korean", "hebrew", "thai")


def case_with(name: str) -> dict:
    return {
        **TYPICAL,
        "patient_name": name,
        "notes": f"Notes about {name}: seen in clinic.",
        "overrides": {"ecog": {"tier": "neutral", "reason": f"Reason for {name} (frail)."}},
        "decision": {
            **TYPICAL["decision"],
            "rationale": f"Rationale: {name} agrees.",
            "dissent": f"Dissent from {name}.",
            "attendees": [f"Dr {name} (oncology)", "Dr A. Okafor"],
        },
    }


@pytest.fixture(scope="module")
def pdfs() -> dict[str, Pdf]:
    out = {}
    for script, (name, _font) in NAMES.items():
        case, assessment = make(case_with(name))
        out[script] = Pdf(build_report(case, assessment, load_pack(), ReportOptions()))
    return out


@pytest.mark.parametrize("script", sorted(NAMES))
def test_every_font_is_embedded_and_the_scripts_font_is_used(pdfs, script):
    pdf = pdfs[script]
    for name, font in pdf.fonts.items():
        assert is_embedded(font), f"{name} is not embedded"
    expected = NAMES[script][1]
    assert any(expected in name for name in pdf.fonts), sorted(pdf.fonts)


@pytest.mark.parametrize("script", LOSSLESS)
def test_the_name_comes_back_from_every_field(pdfs, script):
    name = NAMES[script][0]
    page = unicodedata.normalize("NFKC", pdfs[script].pages[0])
    for expected in (
        f"Patient {name}",
        f"Reason for {name} (frail).",
        f"Rationale: {name} agrees",
        f"Dissent from {name}",
        f"Dr {name} (oncology)",
        f"Notes about {name}",
    ):
        assert expected.replace(" ", "") in page.replace(" ", ""), expected


def test_arabic_comes_back_in_reading_order(pdfs):
    # Shaped Arabic is drawn with presentation forms and the ligature for محمد; under NFKC
    # they are the letters again, in reading order only if the words were laid out right.
    page = unicodedata.normalize("NFKC", pdfs["arabic"].pages[0])
    assert page.count("محمد علي") >= 5


def test_hebrew_words_are_drawn_right_to_left(pdfs):
    # pypdf reads a right-to-left run back in reading order: "שרה לוי" comes back whole
    # only if לוי was drawn to the left of שרה, each word's letters right to left.
    assert "לוי שרה" not in pdfs["hebrew"].pages[0]


@pytest.mark.parametrize("script", sorted(NAMES))
def test_every_character_has_a_glyph_in_the_font_that_draws_it(script):
    name = NAMES[script][0]
    for char in name.replace(" ", ""):
        font = fonts.font_for(char)
        if font == fonts.SANS:
            assert ord(char) in fonts._sans_glyphs(), char
        else:
            assert ord(char) in fonts.fallback_glyphs(font), (char, font)


@pytest.mark.parametrize("script", ["arabic", "hebrew", "devanagari", "thai"])
def test_shaping_finds_every_glyph(script):
    # What HarfBuzz draws, glyph by glyph: glyph 0 would be the empty box (.notdef).
    name = NAMES[script][0]
    font_name = fonts.font_for(name[0])
    blob = uharfbuzz.Blob.from_file_path(fonts.font_path(font_name))
    font = uharfbuzz.Font(uharfbuzz.Face(blob))
    for word in name.split():
        buffer = uharfbuzz.Buffer()
        buffer.add_str(word)
        buffer.guess_segment_properties()
        uharfbuzz.shape(font, buffer, {})
        assert all(info.codepoint != 0 for info in buffer.glyph_infos), word


def test_korean_is_drawn_in_nanum_gothic_and_chinese_in_droid():
    assert fonts.font_for("김") == fonts.HANGUL
    assert fonts.font_for("王") == fonts.CJK
    assert fonts.font_for("ا") == fonts.ARABIC  # not DejaVu's Arabic, though it has one
    assert fonts.font_for("א") == fonts.HEBREW
    assert fonts.font_for("Z") == fonts.SANS


def test_bold_text_uses_the_bold_faces(pdfs):
    assert any("NotoSansArabic-Bold" in name for name in pdfs["arabic"].fonts)


def test_a_latin_report_carries_no_fallback_font():
    case, assessment = make(TYPICAL)
    pdf = Pdf(build_report(case, assessment, load_pack(), ReportOptions(invariant=True)))
    assert {name.split("+")[-1] for name in pdf.fonts} == {"DejaVuSans", "DejaVuSans-Bold"}


# The bidirectional layout of a line, piece by piece (rules of UAX #9 for a left-to-right
# paragraph): R right-to-left letters, L left-to-right, EN digits, ON neutral.
@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        (["L", "ON", "L"], [0, 1, 2]),
        (["L", "ON", "R", "ON", "R", "ON", "L"], [0, 1, 4, 3, 2, 5, 6]),
        # A number between right-to-left words stays with them, and keeps its own order.
        (["R", "ON", "EN", "ON", "R"], [4, 3, 2, 1, 0]),
        # A neutral between right-to-left and left-to-right text takes the paragraph's
        # direction; one at the start or end of the line too.
        (["ON", "R", "ON", "L"], [0, 1, 2, 3]),
        (["L", "ON", "R", "ON"], [0, 1, 2, 3]),
        # A number after left-to-right text is left to right.
        (["L", "ON", "EN", "ON", "R"], [0, 1, 2, 3, 4]),
    ],
)
def test_visual_order(classes, expected):
    assert [index for index, _rtl in ct.visual_order(classes)] == expected


def test_word_class():
    assert ct.word_class("(محمد).") == ct.RIGHT
    assert ct.word_class("Dr") == ct.LEFT
    assert ct.word_class("42") == ct.NUMBER
    assert ct.word_class("(") == ct.NEUTRAL
