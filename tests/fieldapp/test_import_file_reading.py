"""Reading an import file: the size limit, encodings, binary data and the line an error
names; numbers and dates as spreadsheets type them; progress while a file is checked; the
ids imported rows keep."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest

from fieldapp.importexport.common import (
    MAX_BYTES,
    ImportFileError,
    derived_ids,
    id_keys,
    new_row_id,
    parse_date,
    parse_number,
    read_text,
)
from fieldapp.importexport.contacts import preview_import
from fieldapp.progress import Progress


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

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "cp1252"])
def test_excel_and_outlook_encodings_are_read(encoding):
    text = "Nom;Organisation\nÉlodie Sécurité;Médecins Sans Frontières\n"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = ("\ufeff" + text).encode(encoding)  # Excel's "Unicode text" has a BOM
    assert read_text(data) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_broken_utf16_names_the_line(encoding):
    data = ("\ufeffName\nAmina\n").encode(encoding) + "\ud800".encode(encoding, "surrogatepass")
    error = _error(data + "x".encode(encoding))
    assert (error.line, "UTF-16" in error.message) == (3, True)


def test_a_byte_neither_utf8_nor_windows_1252_names_its_line():
    error = _error(b"Name\nAmina\n\nJean \x8d\n")
    assert (error.line, "0x8D" in error.message) == (4, True)


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
