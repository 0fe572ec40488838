"""Reading an import file: the size limit, encodings, binary data and the line an error
names; numbers and dates as spreadsheets type them; progress while a file is checked; the
ids imported rows keep."""

from __future__ import annotations

import codecs
import re
import uuid
from datetime import date
from pathlib import Path

import pytest

from fieldapp.importexport.common import (
    ENCODINGS,
    MAX_BYTES,
    ImportFileError,
    ImportWarning,
    RejectedRow,
    WarningKind,
    decode_file,
    decode_text,
    derived_ids,
    encoding_label,
    id_keys,
    new_row_id,
    parse_date,
    parse_number,
    read_text,
    sorted_warnings,
)
from fieldapp.importexport.contacts import preview_import
from fieldapp.progress import Progress
from tests.fieldapp.sentences import reads_as_a_sentence


def _error(source) -> ImportFileError:
    with pytest.raises(ImportFileError) as raised:
        read_text(source)
    return raised.value


# --- size and path ----------------------------------------------------------------------------

def test_a_file_of_exactly_50_mb_is_read_not_refused_for_its_size(tmp_path: Path):
    exact = tmp_path / "exact.csv"
    with exact.open("wb") as out:
        out.truncate(MAX_BYTES)
    for source in (exact, str(exact), b"\x00" * MAX_BYTES):
        error = _error(source)
        assert (error.line, "binary" in error.message) == (1, True)  # read, then refused


def test_a_file_one_byte_over_50_mb_is_refused_as_a_whole(tmp_path: Path):
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.truncate(MAX_BYTES + 1)
    for source in (big, str(big), b"\x00" * (MAX_BYTES + 1)):
        error = _error(source)
        assert (error.line, "50 MB" in error.message) == (None, True)
        assert error.message == error.reason


def test_a_file_just_over_the_limit_is_not_said_to_be_the_limit(tmp_path: Path):
    big = tmp_path / "big.csv"
    for size in (MAX_BYTES + 1, MAX_BYTES + 1024 * 1024 - 1):
        with big.open("wb") as out:
            out.truncate(size)
        message = _error(big).message
        shown = re.search(r"The file is ([\d,.]+ (?:bytes|MB)); files over ([\d,.]+ (?:bytes|MB))",
                          message)
        assert shown is not None, message
        assert shown.group(1) != shown.group(2)
        assert f"{size:,} bytes" in message


def test_the_size_of_a_refused_file_is_shown_in_mb(tmp_path: Path):
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.truncate(75 * 1024 * 1024)
    assert "75.0 MB" in _error(big).message


def test_a_file_path_as_text_is_read(tmp_path: Path):
    path = tmp_path / "list.csv"
    path.write_bytes(b"Name\nAmina\n")
    assert read_text(str(path)) == read_text(path) == "Name\nAmina\n"


def test_a_folder_is_not_a_file_to_import(tmp_path: Path):
    error = _error(tmp_path)
    assert (error.line, str(tmp_path) in error.message) == (None, True)


# --- encodings --------------------------------------------------------------------------------

@pytest.mark.parametrize(("bom", "codec", "encoding"), [
    (b"", "utf-8", "utf-8"), (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
])
def test_unicode_with_or_without_bom_is_read_as_declared_not_guessed(bom, codec, encoding):
    decoded = decode_file(bom + FRENCH.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.guessed, decoded.warnings) == (
        FRENCH, encoding, False, ())


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "cp1252"])
def test_excel_and_outlook_encodings_are_read(encoding):
    text = "Nom;Organisation\nÉlodie Sécurité;Médecins Sans Frontières\n"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)  # Excel's "Unicode text" has a BOM
    assert read_text(data) == decode_text(data) == text


UKRAINIAN = """Ім'я;Прізвище;Організація;Телефон
Віталій;Володимирович;Червоний Хрест України;+380 44 123 4567
Олена;Коваленко;ЮНІСЕФ;+380 50 765 4321
Андрій;Шевченко;Міністерство охорони здоров'я;+380 67 111 2233
Наталія;Бондаренко;Лікарі без кордонів;+380 93 222 3344
Ігор;Ткаченко;Державна служба з надзвичайних ситуацій;+380 66 333 4455
Юлія;Мельник;ВПП ООН;+380 63 444 5566
Сергій;Кравченко;Карітас;+380 97 555 6677
Оксана;Олійник;Норвезька рада у справах біженців;+380 95 666 7788
Дмитро;Поліщук;МОМ;+380 68 777 8899
"""
RUSSIAN = """Имя,Фамилия,Организация,Телефон
Алексей,Иванов,Красный Крест,+7 495 123 4567
Мария,Петрова,ЮНИСЕФ,+7 916 765 4321
Дмитрий,Смирнов,МЧС России,+7 903 111 2233
Елена,Кузнецова,Врачи без границ,+7 925 222 3344
Сергей,Попов,ВПП ООН,+7 926 333 4455
Ольга,Васильева,УВКБ ООН,+7 915 444 5566
Николай,Соколов,Каритас,+7 917 555 6677
Татьяна,Михайлова,МОМ,+7 905 666 7788
Андрей,Новиков,ВОЗ,+7 909 777 8899
"""
JAPANESE = """氏名,会社,電話
山田 太郎,国際連合世界食糧計画,090-1234-5678
佐藤 花子,日本赤十字社,080-2345-6789
鈴木 一郎,国境なき医師団,070-3456-7890
高橋 美咲,国連児童基金,090-4567-8901
田中 健太,国際移住機関,080-5678-9012
伊藤 さくら,世界保健機関,070-6789-0123
渡辺 大輔,国連難民高等弁務官事務所,090-7890-1234
山本 由美,ジャパン・プラットフォーム,080-8901-2345
中村 翔太,防衛省,070-9012-3456
"""
FRENCH = """Nom;Prénom;Organisation;Téléphone
Dupont;Élodie;Médecins Sans Frontières;+33 1 23 45 67 89
Lefèvre;François;Croix-Rouge française;+33 6 12 34 56 78
Girard;Hélène;Sécurité civile;+33 6 98 76 54 32
Mercier;Noël;Action contre la Faim;+33 6 11 22 33 44
Bonnet;Chloé;Handicap International;+33 6 55 66 77 88
Fontaine;Jérôme;Première Urgence;+33 6 44 33 22 11
Rousseau;Cécile;Solidarités International;+33 6 77 88 99 00
Blanc;Gaëlle;Ministère de l'Intérieur;+33 6 10 20 30 40
Garnier;André;Protection civile;+33 6 50 60 70 80
"""


@pytest.mark.parametrize(("text", "codec", "label"), [
    (UKRAINIAN, "cp1251", "Cyrillic (Windows-1251)"),
    (RUSSIAN, "cp1251", "Cyrillic (Windows-1251)"),
    (RUSSIAN, "koi8-r", "Cyrillic (KOI8-R)"),
    (JAPANESE, "shift_jis", "Japanese (Shift_JIS)"),
    (FRENCH, "cp1252", "Western (Windows-1252)"),
    (FRENCH.splitlines(keepends=True)[1], "cp1252", "Western (Windows-1252)"),
])
def test_a_name_list_in_an_older_encoding_is_detected_and_said_to_be_guessed(text, codec, label):
    decoded = decode_file(text.encode(codec))
    assert decoded.text == text
    assert (decoded.guessed, encoding_label(decoded.encoding)) == (True, label)
    assert decoded.encoding in dict(ENCODINGS)  # the preview can show it as picked
    (warning,) = decoded.warnings
    assert (warning.line, warning.kind) == (0, WarningKind.ENCODING_GUESSED)
    assert label in warning.message
    assert "preview" in warning.message
    assert reads_as_a_sentence(warning.message)


def test_the_encoding_the_officer_picks_is_used_and_not_guessed():
    decoded = decode_file(RUSSIAN.encode("koi8-r"), encoding="cp1251")
    assert (decoded.encoding, decoded.guessed, decoded.warnings) == ("cp1251", False, ())
    assert decoded.text == RUSSIAN.encode("koi8-r").decode("cp1251")
    assert decode_file(UKRAINIAN.encode("cp1251"), encoding="windows-1251").text == UKRAINIAN


def test_bytes_not_in_the_picked_encoding_are_replaced_with_a_warning_on_each_line():
    data = "Name\nAmina\nВіталій\nJean\nОлена і Ігор\n".encode("cp1251")
    decoded = decode_file(data, encoding="utf-8")
    assert decoded.text.splitlines()[:2] == ["Name", "Amina"]
    assert "\ufffd" in decoded.text.splitlines()[2]
    assert [(w.line, w.kind) for w in decoded.warnings] == [
        (3, WarningKind.REPLACED), (5, WarningKind.REPLACED)]
    assert all(reads_as_a_sentence(w.message) for w in decoded.warnings)


def test_a_picked_utf16_file_without_bom_is_read():
    assert decode_file("Name\nAmina\n".encode("utf-16-le"), encoding="utf-16-le").text == (
        "Name\nAmina\n")


def test_an_encoding_nobody_knows_is_refused_by_name():
    with pytest.raises(ImportFileError, match="x-klingon"):
        decode_file(b"Name\n", encoding="x-klingon")


def test_one_bad_byte_in_a_utf8_file_is_replaced_not_a_reason_to_reread_the_file():
    lines = FRENCH.splitlines(keepends=True)
    data = "".join(lines[:4]).encode() + b"Mercier;No\xebl;ACF;+33\n" + "".join(
        lines[5:]).encode()
    decoded = decode_file(data)
    assert (decoded.encoding, decoded.guessed) == ("utf-8", False)
    assert decoded.text.splitlines()[4] == "Mercier;No\ufffdl;ACF;+33"
    assert decoded.text.splitlines()[1] == lines[1].rstrip("\n")  # the others as written
    assert [(w.line, w.kind) for w in decoded.warnings] == [(5, WarningKind.REPLACED)]


def test_a_few_bad_bytes_in_a_file_that_says_it_is_utf8_are_replaced():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Diallo;"
            b"Amina\r\nNOTE:caf\xe9\r\nEND:VCARD\r\n")
    decoded = decode_file(data)
    assert (decoded.encoding, decoded.guessed) == ("utf-8", False)
    assert [(w.line, w.kind) for w in decoded.warnings] == [(4, WarningKind.REPLACED)]
    assert "caf\ufffd" in decoded.text


def test_a_file_mostly_not_utf8_is_detected_even_with_some_valid_utf8_sequences():
    data = UKRAINIAN.encode("cp1251")
    assert "Ві".encode("cp1251").decode("utf-8") == "\u00b3"  # by chance valid UTF-8
    assert decode_file(data).encoding == "cp1251"


def test_a_few_utf8_characters_among_many_bad_bytes_do_not_make_it_utf8():
    data = "Zoë\n".encode() + FRENCH.encode("cp1252")
    decoded = decode_file(data)
    assert (decoded.guessed, decoded.text.splitlines()[2]) == (True, FRENCH.splitlines()[1])


def test_cr_cr_lf_line_ends_pass_through_unchanged():
    text = "Name\r\r\nAmina\r\r\n"
    assert decode_file(text.encode()).text == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_broken_utf16_is_replaced_on_its_line(encoding):
    data = ("\ufeffName\nAmina\n").encode(encoding) + "\ud800".encode(encoding, "surrogatepass")
    decoded = decode_file(data + "x".encode(encoding))
    assert decoded.text == "Name\nAmina\n\ufffdx"
    assert [(w.line, w.kind) for w in decoded.warnings] == [(3, WarningKind.REPLACED)]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_file_that_says_it_is_utf16_and_is_not_is_refused_with_the_line(encoding):
    bom = "\ufeff".encode(encoding)
    lone = "\ud800".encode(encoding, "surrogatepass")
    error = _error(bom + "Name\n".encode(encoding) + lone * 20 + b"\xd8")
    assert (error.line, "UTF-16" in error.message) == (2, True)


def test_encodings_offered_are_codecs_with_labels_in_words():
    assert [label for _, label in ENCODINGS] == [
        "Unicode (UTF-8)", "Western (Windows-1252)", "Western (ISO-8859-1)",
        "Central European (Windows-1250)", "Cyrillic (Windows-1251)", "Cyrillic (KOI8-R)",
        "Arabic (Windows-1256)", "Arabic (ISO-8859-6)", "Hebrew (Windows-1255)",
        "Japanese (Shift_JIS)", "Japanese (EUC-JP)", "Chinese simplified (GB18030)",
        "Chinese traditional (Big5)", "Korean (EUC-KR)", "Unicode (UTF-16)",
        "Western (Mac Roman)", "Western, DOS (IBM 850)"]
    for codec, label in ENCODINGS:
        assert codecs.lookup(codec)
        assert encoding_label(codec) == label


@pytest.mark.parametrize(("codec", "label"), [
    ("windows-1251", "Cyrillic (Windows-1251)"), ("latin_1", "Western (ISO-8859-1)"),
    ("shift_jis", "Japanese (Shift_JIS)"), ("euc_kr", "Korean (EUC-KR)"),
    ("cp1253", "Greek (Windows-1253)"), ("x-unknown", "x-unknown"),
])
def test_other_spellings_of_a_codec_have_its_label(codec, label):
    assert encoding_label(codec) == label


@pytest.mark.parametrize(("text", "codec"), [
    ("الاسم,المنظمة\nأحمد محمد,الهلال الأحمر\nفاطمة علي,اليونيسف\n", "cp1256"),
    ("姓名,组织\n王伟,中国红十字会\n李娜,联合国儿童基金会\n张敏,世界粮食计划署\n", "gb18030"),
    ("姓名,組織\n王偉,中華民國紅十字會\n李娜,聯合國兒童基金會\n張敏,世界糧食計劃署\n", "big5"),
    ("이름,기관\n김민수,대한적십자사\n이지은,유니세프\n박서준,세계식량계획\n", "euc_kr"),
])
def test_arabic_and_east_asian_name_lists_are_detected(text, codec):
    assert decode_file(text.encode(codec)).text == text


def test_the_old_dos_end_of_file_mark_is_dropped():
    assert read_text(b"Name\nAmina\n\x1a\x1a") == "Name\nAmina\n"
    assert read_text(b"Name\nMAX\x1a") == "Name\nMAX"


@pytest.mark.parametrize(("data", "line"), [
    (b"Name\nAmina\n\x00Jean\n", 3), (b"\x00Name", 1), (b"Name\nAm\x07ina\n", 2),
    (b"Name\n\nA\x0b\n", 3), (b"\nName\nA\x00", 3), (b"Name\x7f\n", 1), (b"Name\nA\x1f\n", 2),
    ("Name\nAmina\n\x00".encode("utf-16"), 3), (b"Name\nAm\xe9lie \x01\n", 2),
])
def test_control_characters_of_binary_data_are_refused_with_their_line(data, line):
    error = _error(data)
    assert (error.line, "binary" in error.message) == (line, True)
    assert error.message.startswith(f"Line {line}: ")


@pytest.mark.parametrize("encoding", [None, "cp1251", "utf-8"])
def test_binary_data_is_refused_whatever_the_encoding(encoding):
    data = b"Name\nAmina\n\x00\x01\x02\x03PK\x03\x04"
    with pytest.raises(ImportFileError) as raised:
        decode_file(data, encoding=encoding)
    assert "binary" in raised.value.message


def test_tabs_line_breaks_and_form_feeds_are_text():
    text = "Name\tE-mail\r\nAmina\ta@b.org\x0c\n"
    assert read_text(text.encode()) == text


# --- progress ---------------------------------------------------------------------------------

def _reports(db, op_id, content: bytes) -> list[tuple[int, int]]:
    reports: list[tuple[int, int]] = []
    with db.session() as session:
        preview_import(session, content, operation_id=op_id,
                       progress=Progress(on_report=lambda done, total, _: reports.append(
                           (done, total))))
    return reports


@pytest.mark.parametrize("end", ["\n", ""])
def test_checking_a_file_reports_every_200_lines_then_the_whole(db, op_id, end):
    rows = "\n".join(f"Person {n}" for n in range(450))
    assert _reports(db, op_id, f"Name\n{rows}{end}".encode()) == [
        (200, 451), (400, 451), (451, 451)]


def test_a_file_with_old_mac_line_ends_never_reports_more_done_than_in_all(db, op_id):
    rows = "\r".join(f"Person {n}" for n in range(450))
    reports = _reports(db, op_id, f"Name\r{rows}\r".encode())
    assert len(reports) == 3
    assert all(done <= total for done, total in reports)


def test_a_row_spread_over_many_lines_reports_the_line_it_starts_on(db, op_id):
    notes = "\n".join(f"note {n}" for n in range(300))
    content = f'Name,Notes\nAmina,"{notes}"\nJean,x\nKwame,y'.encode()
    assert _reports(db, op_id, content) == [(302, 303), (303, 303)]


# --- numbers and dates ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "number"), [
    ("1200", 1200.0), ("1 200,5", 1200.5), ("1\u00a0200,5", 1200.5), ("1,200.5", 1200.5),
    ("1.200,5", 1200.5), ("1,200,300.5", 1200300.5), ("1.200.300,5", 1200300.5),
    ("2,5", 2.5), ("-19.83", -19.83), (" 4.5 ", 4.5), ("", None), ("  ", None),
])
def test_numbers_are_read_as_spreadsheets_type_them(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["1,200,300", "four", "1.2.3", "12 ext 5,5", "1.200,300.5",
                                  "1,200.300,5"])
def test_text_that_is_not_a_number_is_refused(text):
    with pytest.raises(ValueError):  # noqa: PT011 - any ValueError is a refusal
        parse_number(text)


@pytest.mark.parametrize(("text", "day"), [
    ("2026-03-01", date(2026, 3, 1)), ("2026-03-01T10:30:00Z", date(2026, 3, 1)),
    ("01/03/2026", date(2026, 3, 1)), ("1.3.2026", date(2026, 3, 1)),
    ("31/12/2026", date(2026, 12, 31)), (" 5/11/2026 ", date(2026, 11, 5)), ("", None),
])
def test_dates_are_iso_or_day_first(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["12/31/2026", "1/3/26", "March 1st", "2026/03/01"])
def test_month_first_or_unclear_dates_are_refused(text):
    with pytest.raises(ValueError):  # noqa: PT011 - any ValueError is a refusal
        parse_date(text)


# --- ids --------------------------------------------------------------------------------------

FILE_ID = "8c4b2f4e-1d2a-4c3b-9e8f-0a1b2c3d4e5f"


def test_a_file_id_is_matched_as_itself_and_as_what_an_earlier_import_made_of_it():
    (derived,) = derived_ids([FILE_ID], operation_id="op-1")
    assert id_keys(FILE_ID.upper(), operation_id="op-1") == [f"id:{FILE_ID}", f"id:{derived}"]
    assert id_keys(f" {{{FILE_ID}}} ", operation_id=None) == [f"id:{FILE_ID}"]
    assert id_keys("contact-17", operation_id="op-1") == []


def test_a_new_row_in_an_operation_gets_the_id_derived_from_file_and_operation():
    taken: set[str] = set()
    first = new_row_id(FILE_ID, operation_id="op-1", taken=taken)
    assert first == derived_ids([FILE_ID], operation_id="op-1")[0] != FILE_ID
    assert taken == {first}
    assert new_row_id(FILE_ID.upper(), operation_id="op-1", taken=set()) == first
    assert new_row_id(FILE_ID, operation_id="op-2", taken=set()) != first


def test_a_derived_id_already_taken_gives_a_random_one():
    taken = set(derived_ids([FILE_ID], operation_id="op-1"))
    again = new_row_id(FILE_ID, operation_id="op-1", taken=taken)
    assert again not in taken
    assert uuid.UUID(again).version == 4
    assert len(taken) == 1


@pytest.mark.parametrize(("uid", "operation"), [(FILE_ID, None), ("contact-17", "op-1"),
                                                ("", "op-1")])
def test_global_rows_and_rows_without_a_uuid_get_a_random_id(uid, operation):
    taken: set[str] = set()
    ids = {new_row_id(uid, operation_id=operation, taken=taken) for _ in range(2)}
    assert len(ids) == 2
    assert all(uuid.UUID(i).version == 4 for i in ids)
    assert taken == set()


def test_only_file_ids_that_are_uuids_are_looked_up_in_an_operation():
    assert len(derived_ids([FILE_ID, "contact-17", ""], operation_id="op-1")) == 1
    assert derived_ids([FILE_ID], operation_id=None) == []


# --- what the officer would see go wrong (each kills a change mutmut made) -------------------

_ACRONYMS = {word for _, label in ENCODINGS for word in re.findall(r"\b[A-Z]{2,}\b", label)} | {
    "CSV", "NUL", "MB"}


def _reads_well(message: str) -> bool:
    """A sentence, each of its sentences begun with a capital, no placeholder, and no word in
    capitals but the names of encodings and formats."""
    shouted = set(re.findall(r"\b[A-Z]{2,}\b", message)) - _ACRONYMS
    return (reads_as_a_sentence(message) and "XX" not in message and not shouted
            and re.search(r"\. [a-z]", message) is None)


def _binary_error(data: bytes) -> ImportFileError:
    error = _error(data)
    assert _reads_well(error.message), error.message
    assert "CSV" in error.message  # what the file is not
    assert "vCard" in error.message
    return error


def test_a_file_of_exactly_51_mb_is_said_in_mb(tmp_path: Path):
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.truncate(MAX_BYTES + 1024 * 1024)
    assert "The file is 51.0 MB;" in _error(big).message


def test_a_picked_spelling_of_an_offered_encoding_is_shown_as_offered():
    decoded = decode_file("Nom\nHélène\n".encode("latin-1"), encoding="iso-8859-1")
    assert (decoded.text, decoded.encoding) == ("Nom\nHélène\n", "latin-1")
    assert decoded.encoding in [codec for codec, _ in ENCODINGS]  # the preview can show it


def test_a_picked_utf32_file_without_bom_is_read():
    assert decode_file("Name\nAmina\n".encode("utf-32-le"), encoding="utf-32-le").text == (
        "Name\nAmina\n")


def test_broken_utf32_is_replaced_on_its_line():
    data = "\ufeffName\nAmina\n".encode("utf-32-le") + b"\x00\x00\x11\x00" + "x\n".encode(
        "utf-32-le")
    decoded = decode_file(data)
    assert decoded.text == "Name\nAmina\n\ufffdx\n"
    assert [(w.line, w.kind) for w in decoded.warnings] == [(3, WarningKind.REPLACED)]


def test_broken_utf16_after_cyrillic_lines_is_replaced_on_its_line():
    lone = "\ud800".encode("utf-16-le", "surrogatepass")
    data = "\ufeffОлена\nІгор\n".encode("utf-16-le") + lone + "Ж\n".encode("utf-16-le")
    decoded = decode_file(data)
    assert decoded.text == "Олена\nІгор\n\ufffdЖ\n"
    assert [(w.line, w.kind) for w in decoded.warnings] == [(3, WarningKind.REPLACED)]


def test_utf16_with_one_bad_unit_in_four_characters_is_read_and_one_more_is_refused():
    lone = "\ud800".encode("utf-16-le", "surrogatepass")
    read = decode_file(codecs.BOM_UTF16_LE + "Amina".encode("utf-16-le") + lone * 2)
    assert (read.text, len(read.warnings)) == ("Amina\ufffd\ufffd", 1)
    error = _error(codecs.BOM_UTF16_LE + "Amin".encode("utf-16-le") + lone * 2)
    assert (error.line, "UTF-16" in error.message) == (1, True)
    assert _reads_well(error.message), error.message


def test_a_bad_byte_after_a_leading_blank_line_is_warned_on_its_own_line():
    decoded = decode_file(b"\nName\ncaf\xe9\n", encoding="utf-8")
    assert [(w.line, w.kind) for w in decoded.warnings] == [(3, WarningKind.REPLACED)]
    assert all(_reads_well(w.message) for w in decoded.warnings)


def test_two_valid_utf8_characters_for_each_bad_byte_still_make_it_utf8():
    decoded = decode_file(b"Name\nZo\xc3\xab No\xc3\xabl caf\xe9\n")
    assert (decoded.encoding, decoded.guessed) == ("utf-8", False)
    assert decoded.text == "Name\nZoë Noël caf\ufffd\n"
    assert all(_reads_well(w.message) for w in decoded.warnings)


def test_three_bad_bytes_in_a_file_that_says_it_is_utf8_are_replaced():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8:Diallo;Amina\r\nNOTE:caf\xe9\r\n"
            b"ROLE:Chef d\xe9l\r\nORG:Sant\xe9\r\nEND:VCARD\r\n")
    decoded = decode_file(data)
    assert (decoded.encoding, decoded.guessed) == ("utf-8", False)
    assert [(w.line, w.kind) for w in decoded.warnings] == [
        (4, WarningKind.REPLACED), (5, WarningKind.REPLACED), (6, WarningKind.REPLACED)]


def test_a_file_no_encoding_fits_is_read_as_utf8_and_said_in_a_sentence():
    decoded = decode_file(bytes(range(0x80, 0x100)) * 4)
    assert (decoded.encoding, decoded.guessed) == ("utf-8", True)
    assert [w.kind for w in decoded.warnings[:2]] == [WarningKind.ENCODING_GUESSED,
                                                     WarningKind.REPLACED]
    assert all(_reads_well(w.message) for w in decoded.warnings), decoded.warnings


CZECH = """Jméno;Příjmení;Organizace;Telefon
Jiří;Novák;Český červený kříž;+420 222 123 456
Kateřina;Dvořáková;Člověk v tísni;+420 603 234 567
Tomáš;Černý;Hasičský záchranný sbor;+420 604 345 678
Zuzana;Procházková;Ministerstvo zahraničních věcí;+420 605 456 789
"""


def test_a_czech_name_list_is_not_taken_for_western_windows_1252():
    decoded = decode_file(CZECH.encode("cp1250"))
    assert (decoded.encoding, decoded.text) == ("cp1250", CZECH)


def test_more_than_1000_lines_of_bad_bytes_are_summed_up_in_one_warning():
    decoded = decode_file(b"Name\n" + b"caf\xe9\n" * 1002, encoding="utf-8")
    assert len(decoded.warnings) == 1001
    summary = decoded.warnings[-1]
    assert (summary.line, summary.kind) == (0, WarningKind.REPLACED)
    assert " 2 more lines" in summary.message
    assert _reads_well(summary.message)


@pytest.mark.parametrize(("data", "line"), [
    (b"\nName\nA\x07\n", 3), (b"Name\nA\x01\nB\x02\n", 2), (b"Name\x1b\n", 1)])
def test_control_characters_are_refused_in_a_sentence_with_their_line(data, line):
    assert _binary_error(data).line == line


def test_a_nul_byte_is_refused_on_the_line_of_the_first_one():
    error = _binary_error(b"Name\nA\x00\nB\nC\x00\n")
    assert error.line == 2


def test_a_nul_byte_at_the_very_start_is_said_to_be_one():
    error = _binary_error(b"\x00Name\n")
    assert (error.line, "NUL" in error.message) == (1, True)


def test_warnings_of_rows_without_any_are_sorted_with_the_file_ones():
    file_warning = ImportWarning(0, WarningKind.COLUMN_LEFT_OUT, "BDAY is left out.")
    row_warning = ImportWarning(4, WarningKind.NOT_KEPT, "The photo is not kept.")

    class Row:
        warnings = [row_warning]

    assert sorted_warnings([file_warning], [RejectedRow(3, "No name."), Row()]) == [
        file_warning, row_warning]


def test_the_last_progress_report_says_the_file_is_checked_in_words(db, op_id):
    said: list[str] = []
    with db.session() as session:
        preview_import(session, b"Name\nAmina\n", operation_id=op_id,
                       progress=Progress(on_report=lambda _done, _total, text: said.append(text)))
    assert said[-1][:1].isupper()
    assert not said[-1].isupper()


def test_a_made_up_utf16_name_is_refused_by_its_name_not_for_its_nul_bytes():
    with pytest.raises(ImportFileError, match="utf-16x"):
        decode_file("Name\n".encode("utf-16-le"), encoding="utf-16x")
