"""Every PDF prints every script: Arabic joined and right to left, Hebrew right to left,
Cyrillic and Greek in DejaVu, Chinese and Japanese in the bundled CJK font, emoji left out.

pypdf reads right-to-left runs back in logical order; Arabic comes back as the joined
presentation forms the page shows, which NFKC turns into the letters typed.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.platypus import Paragraph, SimpleDocTemplate

from fieldapp.models import Contact, Operation, Organisation
from fieldapp.pdf.assets import asset_list_pdf
from fieldapp.pdf.common import escape, fit_text, register_fonts, styles
from fieldapp.pdf.contacts import contact_sheet_pdf
from fieldapp.pdf.handbook import handbook_pdf
from fieldapp.pdf.lessons import lesson_pdf
from fieldapp.pdf.paragraphs import TextParagraph, reading_order_lines
from fieldapp.pdf.rfa import RfaDocument, rfa_pdf
from fieldapp.pdf.rfa_log import LogData, log_pdf
from fieldapp.pdf.scripts import (
    CJK_FONT,
    HANGUL_FONT,
    markup,
    runs,
    shape,
    string_width,
    visual_line,
)
from fieldapp.services import lessons as lesson_service
from fieldapp.services.assets import AssetInput, create_asset
from fieldapp.services.lessons import LessonInput
from fieldapp.services.rfa import RfaFilter, RfaRow

ARABIC = "أحمد محمد علي"
HEBREW = "דוד כהן"
CYRILLIC_GREEK = "Иван Петров Ωμέγα"
CHINESE = "王小明"
JAPANESE = "山田たろう"
KOREAN = "김민준"
EMOJI = "Team 🔥👍🏽 ready ❤️"
ALL = (ARABIC, HEBREW, CYRILLIC_GREEK, CHINESE, JAPANESE, KOREAN)
NOON = datetime(2026, 3, 1, 12, tzinfo=UTC)


def _read(pdf: bytes) -> tuple[str, set[str]]:
    """The PDF's text (NFKC, so joined Arabic forms read as letters) and its font names."""
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {str(font.get_object()["/BaseFont"]).split("+")[-1]
             for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFKC", text), fonts


def _assert_every_script(pdf: bytes) -> None:
    text, fonts = _read(pdf)
    for name in ALL:
        assert name in text
    assert CJK_FONT in fonts
    assert HANGUL_FONT in fonts
    assert "Team ready" in " ".join(text.split())  # the emoji left no box behind
    assert "\ufffd" not in text
    assert "□" not in text


# The helper -------------------------------------------------------------------------------

def test_arabic_is_joined_and_drawn_right_to_left():
    line = visual_line(ARABIC)
    # Drawn left to right, the last word (علي) comes first, its letters reversed.
    assert unicodedata.normalize("NFKC", line) == "يلع دمحم دمحأ"
    assert line[0] == "\ufef2"  # yeh in its final (joined) form, not the bare letter
    assert visual_line("Jean Dupont") == "Jean Dupont"


def test_brackets_around_latin_in_arabic_text_stay_the_right_way_round():
    assert visual_line(f"{ARABIC} (WFP)").startswith("(WFP) ")


def test_hebrew_is_reversed_but_not_reshaped():
    assert visual_line(HEBREW) == "ןהכ דוד"


def test_each_run_gets_the_first_font_that_has_it():
    assert list(runs("Иван 王小明 ok")) == [(None, "Иван "), (CJK_FONT, "王小明"), (None, " ok")]
    assert list(runs("김민준 (KOICA)")) == [(HANGUL_FONT, "김민준"), (None, " (KOICA)")]


def test_emoji_and_their_modifiers_vanish_symbols_stay_and_unknown_letters_show():
    assert "".join(run.text for run in runs("a🔥b👍🏽c👨‍👩‍👧d❤️e")) == "abcd❤e"
    assert "".join(run.text for run in runs("☎ ✈")) == "☎ ✈"
    assert "".join(run.text for run in runs("ሰላም")) == "\ufffd" * 3  # Ethiopic: no font


def test_markup_escapes_each_run_and_breaks_lines():
    assert markup("<b>王</b>\nx") == ('&lt;b&gt;<font name="DroidSansFallback">王</font>'
                                     "&lt;/b&gt;<br/>x")


def test_fit_text_cuts_in_visual_order_by_the_width_of_each_font():
    line = fit_text(CHINESE * 20, "DejaVuSans", 10, 100)
    assert line.endswith("…")
    assert 5 < len(line) < 15  # CJK glyphs are 10 pt wide here, not DejaVu's box width


# Every PDF --------------------------------------------------------------------------------

def test_a_plain_paragraph_prints_every_script():
    out = io.BytesIO()
    SimpleDocTemplate(out).build([Paragraph(escape(t), styles()["body"])
                                  for t in (*ALL, EMOJI)])
    _assert_every_script(out.getvalue())


def test_rfa_form_prints_every_script():
    doc = RfaDocument(
        operation_name=f"Flood {CHINESE}", operation_code="FLD", timezone="UTC",
        hc_rc=HEBREW, reference="FLD-RFA-0001", status="draft",
        values={"title": f"{EMOJI} {ARABIC}", "task_description": CYRILLIC_GREEK,
                "remarks": JAPANESE, "cluster": KOREAN, "priority": "routine"},
        organisation=ARABIC, contact=f"{CHINESE}\n{ARABIC}", printed_at=NOON)
    _assert_every_script(rfa_pdf(doc))


def test_rfa_log_prints_every_script():
    rows = [RfaRow(id=str(n), reference=f"FLD-RFA-{n:04d}", title=text, requester=ARABIC,
                   cluster="Health", capability="airlift_helicopter", priority="routine",
                   status="draft", required_from=NOON, required_until=None, updated_at=NOON,
                   overdue=False) for n, text in enumerate((*ALL, EMOJI))]
    log = LogData(f"Flood {HEBREW}", "FLD", "UTC", RfaFilter(), rows, NOON)
    _assert_every_script(log_pdf(log))


def test_contact_sheet_prints_every_script(db):
    with db.transaction() as session:
        op = Operation(name=f"Flood {CHINESE}", code="FLD", country="SDN")
        session.add(op)
        session.flush()
        org = Organisation(name=HEBREW, acronym=JAPANESE, org_type="ngo", operation_id=op.id)
        session.add(org)
        session.flush()
        for given, family in ((ARABIC, ""), (CYRILLIC_GREEK, ""), (CHINESE, ""),
                              (KOREAN, ""), ("Team", EMOJI)):
            session.add(Contact(given_name=given, family_name=family, role=HEBREW,
                                organisation_id=org.id, operation_id=op.id))
        session.flush()
        pdf = contact_sheet_pdf(session, operation_id=op.id, printed_on=date(2026, 3, 1))
    text, _fonts = _read(pdf)
    assert "Team Team ready" in " ".join(text.split())
    _assert_every_script(pdf)


def test_asset_list_prints_every_script(db):
    with db.transaction() as session:
        op = Operation(name="Flood", code="FLD", country="SDN")
        session.add(op)
        session.flush()
        for text in (*ALL, EMOJI):
            create_asset(session, AssetInput(description=text, provider_unit=HEBREW,
                                             place_name=ARABIC), operation_id=op.id)
        pdf = asset_list_pdf(session, operation_id=op.id, printed_on=date(2026, 3, 1))
    _assert_every_script(pdf)


def test_lesson_prints_every_script(db):
    with db.transaction() as session:
        op = Operation(name="Flood", code="FLD", country="SDN")
        session.add(op)
        session.flush()
        lesson = lesson_service.create_draft(session, LessonInput(
            title=ARABIC, operation_id=op.id, observation="\n\n".join((*ALL, EMOJI))))
        pdf = lesson_pdf(session, lesson.id)
    _assert_every_script(pdf)


def test_handbook_prints_every_script():
    markdown = "\n\n".join(f"- {text}" for text in (*ALL, EMOJI)) + f"\n\n**{CHINESE}**\n"
    pdf = handbook_pdf([("scripts", ARABIC, markdown)], edition="test")
    _assert_every_script(pdf)


@pytest.mark.parametrize("name", [ARABIC, HEBREW])
def test_right_to_left_names_read_back_in_logical_order_in_a_table_cell(name):
    out = io.BytesIO()
    SimpleDocTemplate(out).build([Paragraph(escape(f"Name: {name} (UN)"), styles()["cell"])])
    text, _fonts = _read(out.getvalue())
    assert name in text


# Right-to-left paragraphs over several lines -----------------------------------------------

WORDS = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة",
         "الثامنة", "التاسعة", "العاشرة", "الحادية", "عشرة", "الثانية", "عشرة"]


def test_a_long_arabic_paragraph_reads_top_down_and_is_aligned_right():
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, leftMargin=200, rightMargin=200)  # a narrow column
    doc.build([TextParagraph(" ".join(WORDS), styles()["body"])])
    rows: list[tuple[float, float, str]] = []  # (baseline, start, text) of each line

    def visit(text, _cm, tm, _font, size):
        if text.strip():
            rows.append((tm[5], tm[4], unicodedata.normalize("NFKC", text)))

    PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text(visitor_text=visit)
    rows.sort(key=lambda row: -row[0])
    assert len(rows) >= 3
    # Top to bottom, the lines carry the words in reading order (pypdf reads each line
    # right to left); joined they give the paragraph as typed.
    assert " ".join(text for _y, _x, text in rows).split() == WORDS
    assert rows[-1][1] > rows[0][1] + 20  # the short last line ends at the right margin


def test_reading_order_lines_break_arabic_at_spaces_by_printed_width():
    register_fonts()
    width = max(string_width(shape(pair), "DejaVuSans", 10)
                for pair in ("الأولى الثانية", "الثالثة الرابعة")) + 1
    assert reading_order_lines(" ".join(WORDS[:4]), font="DejaVuSans", size=10,
                               width=width) == ["الأولى الثانية", "الثالثة الرابعة"]


def test_a_paragraph_starting_right_to_left_is_aligned_right_others_left():
    assert TextParagraph(f"{ARABIC} (WFP)", styles()["cell"]).style.alignment == TA_RIGHT
    assert TextParagraph(f"WFP {ARABIC}", styles()["cell"]).style.alignment == TA_LEFT


ARABIC_SENTENCE = ("يعمل موظفو الأمم المتحدة مع الشركاء في المجال الإنساني لضمان وصول "
                   "المساعدات إلى من يحتاجونها. ")


def test_a_handbook_chapter_in_arabic_reads_from_its_first_words_with_its_own_bookmark():
    chapter = ("## المبادئ الإنسانية\n\n" + ARABIC_SENTENCE * 8
               + "\n\n- [ ] اتصل بمكتب المنسق\n")
    pdf = handbook_pdf([("a", "التنسيق المدني العسكري", chapter),
                        ("b", "English chapter", "Hello **world**.")], edition="x")
    reader = PdfReader(io.BytesIO(pdf))
    assert [entry.title for entry in reader.outline] == [  # as written: viewers order it
        "التنسيق المدني العسكري", "English chapter"]
    text = reader.pages[1].extract_text()
    assert unicodedata.normalize("NFKC", text) != text  # letters in their joined forms
    lines = [unicodedata.normalize("NFKC", line).strip() for line in text.split("\n")]
    first = next(n for n, line in enumerate(lines) if line.startswith("يعمل"))
    assert lines[first].startswith("يعمل موظفو الأمم")  # the paragraph starts at the top
    assert first == 2  # right under the chapter's title and heading
    assert "☐" in text
