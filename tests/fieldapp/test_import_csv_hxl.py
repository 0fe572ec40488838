"""CSV tables as spreadsheets write them: separators, Excel quoting, line numbers, the HXL
hashtag row, which column is which, and formula-safe export that reads back the same."""

from __future__ import annotations

import pytest

from fieldapp.importexport.assets import COLUMNS as ASSET_COLUMNS
from fieldapp.importexport.common import ImportFileError
from fieldapp.importexport.contacts_csv import COLUMNS as CONTACT_COLUMNS
from fieldapp.importexport.csv_hxl import (
    Column,
    map_columns,
    normal_header,
    parse_hashtag,
    read_table,
    write_table,
)


def _keys(text: str, columns=CONTACT_COLUMNS) -> list[str | None]:
    """The field each column of the file is read into (None: not imported)."""
    table = read_table(text)
    mapping = map_columns(table, columns)
    return [mapping[i].key if i in mapping else None for i in range(len(table.header))]


def _error(text: str) -> ImportFileError:
    with pytest.raises(ImportFileError) as raised:
        read_table(text)
    return raised.value


# --- separators and quoting -------------------------------------------------------------------

@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_the_separator_is_found_from_the_header(separator):
    table = read_table(separator.join(["Name", "E-mail", "Phone"]) + "\n"
                       + separator.join(["Amina", "a@wfp.org", "0712"]) + "\n")
    assert table.header == ["Name", "E-mail", "Phone"]
    assert table.rows == [(2, ["Amina", "a@wfp.org", "0712"])]


def test_separators_inside_quoted_header_texts_do_not_count():
    table = read_table('"Name, full";"Role, title";Phone\n"Diallo, Amina";Lead;0712\n')
    assert table.header == ["Name, full", "Role, title", "Phone"]
    assert table.rows == [(2, ["Diallo, Amina", "Lead", "0712"])]


def test_a_header_with_as_many_commas_as_semicolons_is_read_as_comma_separated():
    table = read_table("Name,Notes;more\nAmina,a;b\n")
    assert table.header == ["Name", "Notes;more"]


def test_a_single_column_file_is_read():
    table = read_table("Name\nAmina Diallo\nJean Dupont\n")
    assert table.rows == [(2, ["Amina Diallo"]), (3, ["Jean Dupont"])]


def test_blank_lines_before_the_header_do_not_hide_its_separator():
    table = read_table("\n\nName;E-mail\nAmina;a@wfp.org\n")
    assert (table.header, table.header_line) == (["Name", "E-mail"], 3)
    assert table.rows == [(4, ["Amina", "a@wfp.org"])]


@pytest.mark.parametrize("first_line", ["sep=|", "SEP=|", "  sep=|  "])
def test_excel_sep_line_sets_the_separator_and_lines_still_count_from_the_top(first_line):
    table = read_table(f"{first_line}\nName|E-mail\nAmina, Diallo|a@wfp.org\n")
    assert (table.header, table.header_line) == (["Name", "E-mail"], 2)
    assert table.rows == [(3, ["Amina, Diallo", "a@wfp.org"])]


def test_an_error_after_a_sep_line_names_the_line_of_the_file():
    error = _error("sep=;\nName;E-mail\nAmina;a@wfp.org\nJean;j@x.org;extra\n")
    assert error.line == 4


def test_an_unclosed_quote_after_a_sep_line_names_the_line_of_the_file():
    error = _error('sep=;\nName;Notes\nAmina;ok\nJean;"unclosed\n')
    assert (error.line, "never closed" in error.message) == (4, True)


def test_old_mac_line_ends_are_read():
    table = read_table("Name,E-mail\rAmina,a@wfp.org\rJean,j@x.org\r")
    assert table.rows == [(2, ["Amina", "a@wfp.org"]), (3, ["Jean", "j@x.org"])]


def test_a_file_holding_only_a_sep_line_is_empty():
    error = _error("sep=;")
    assert (error.line, "empty" in error.message) == (1, True)


def test_rows_after_a_quoted_line_break_keep_their_line_numbers():
    table = read_table('Name,Notes\nAmina,"first\nsecond\nthird"\nJean,x\n\nKwame,y\n')
    assert table.rows == [(2, ["Amina", "first\nsecond\nthird"]), (5, ["Jean", "x"]),
                          (7, ["Kwame", "y"])]


def test_rows_of_empty_cells_are_skipped_but_counted():
    table = read_table("Name,E-mail\n,\n  ,  \nAmina,a@wfp.org\n")
    assert table.rows == [(4, ["Amina", "a@wfp.org"])]


def test_an_error_after_a_quoted_line_break_names_the_line_the_bad_row_starts_on():
    error = _error('Name,Notes\nAmina,"first\nsecond"\nJean,"Jean"x\n')
    assert (error.line, "malformed" in error.message) == (4, True)


def test_an_unclosed_quote_before_a_very_long_rest_of_file_names_its_line():
    error = _error('Name,Notes\nAmina,ok\nJean,"' + "x" * 200_000 + "\n")
    assert (error.line, "never closed" in error.message) == (3, True)


def test_separators_left_at_the_end_of_lines_are_ignored():
    table = read_table("Name,E-mail\nAmina,a@wfp.org,,\nJean,,\n")
    assert table.rows == [(2, ["Amina", "a@wfp.org"]), (3, ["Jean", ""])]


@pytest.mark.parametrize(("row", "fields"), [("Amina,a@wfp.org,x", 3), ("Amina", 1),
                                             ("Amina,a@wfp.org,x,", 3)])
def test_a_row_with_more_or_fewer_fields_than_the_header_names_its_line(row, fields):
    error = _error(f"Name,E-mail\nJean,j@x.org\n{row}\nKwame,k@x.org\n")
    assert (error.line, f"{fields} fields" in error.message) == (3, True)


# --- the HXL hashtag row ----------------------------------------------------------------------

def test_the_hashtag_row_under_the_header_tags_the_columns():
    table = read_table("Name,E-mail\n#contact+name, #contact+email \nAmina,a@wfp.org\n")
    assert (table.header, table.hashtags) == (["Name", "E-mail"],
                                              ["#contact+name", "#contact+email"])
    assert (table.header_line, table.rows) == (2, [(3, ["Amina", "a@wfp.org"])])


def test_a_file_with_hashtags_but_no_header_row_is_read():
    table = read_table("#contact+name,#contact+email\nAmina,a@wfp.org\n")
    assert table.header == ["#contact+name", "#contact+email"]
    assert _keys("#contact+name,#contact+email\nAmina,a@wfp.org\n") == ["full_name", "email"]


def test_the_hashtag_row_is_found_among_the_first_25_rows_only():
    titles = "".join(f"Contact list,page {n}\n" for n in range(23))
    text = titles + "Name,E-mail\n#contact+name,#contact+email\nAmina,a@wfp.org\n"
    table = read_table(text)
    assert (table.hashtags, table.header, table.rows) == (
        ["#contact+name", "#contact+email"], ["Name", "E-mail"], [(26, ["Amina", "a@wfp.org"])])
    later = read_table("Contact list,page\n" + text)
    assert (later.hashtags, later.header) == ([], ["Contact list", "page"])


def test_a_hashtag_row_may_leave_columns_untagged_and_those_are_not_imported():
    text = "Name,E-mail,Phone\n#contact+name,,#contact+phone\nAmina,a@wfp.org,0712\n"
    assert _keys(text) == ["full_name", None, "phone_mobile"]


def test_a_row_with_text_that_is_not_a_hashtag_is_data():
    table = read_table("Name,Notes\n#contact+name,call #2 first\n")
    assert (table.hashtags, table.rows) == ([], [(2, ["#contact+name", "call #2 first"])])


@pytest.mark.parametrize("tags", ["#Contact+Email", "#CONTACT +EMAIL", "#contact+email+work",
                                  "#contact+work+email"])
def test_hashtags_are_read_whatever_their_case_spacing_and_extra_attributes(tags):
    assert _keys(f"Name,Shoe\n#contact+name,{tags}\nAmina,a@wfp.org\n") == [
        "full_name", "email"]


def test_the_most_specific_hashtag_wins():
    text = ("Who,First,Last,Sat,Cell\n#contact+name,#contact+name+given,"
            "#contact+name+family,#contact+phone+satellite,#contact+phone\n")
    assert _keys(text + "A,B,C,D,E\n") == ["full_name", "given_name", "family_name",
                                           "phone_satellite", "phone_mobile"]


def test_a_hashtag_as_specific_for_two_fields_goes_to_the_first_listed():
    both = (Column("mobile", ("#contact+phone+mobile",)),
            Column("office", ("#contact+phone+office",)))
    assert _keys("#contact+phone+office+mobile\n0712\n", both) == ["mobile"]
    assert _keys("#contact+phone+office+mobile\n0712\n", both[::-1]) == ["office"]


def test_a_hashtag_with_attributes_the_field_does_not_have_is_not_that_field():
    assert _keys("#contact+phone\n0712\n", (Column("sat", ("#contact+phone+satellite",)),)) == [
        None]


def test_parse_hashtag_splits_tag_and_attributes():
    assert parse_hashtag(" #Contact + Phone ++Sat ") == ("#contact", frozenset({"phone", "sat"}))
    assert parse_hashtag("#org") == ("#org", frozenset())


# --- which column is which --------------------------------------------------------------------

def test_header_texts_match_whatever_their_case_accents_and_punctuation():
    assert normal_header("  E-MAIL  address ") == "e mail address"
    assert normal_header("Téléphone (bureau)") == "telephone bureau"
    assert _keys("FULL NAME,E-Mail,Téléphone\nAmina,a@wfp.org,0712\n") == [
        "full_name", "email", "phone_mobile"]


def test_an_empty_or_unknown_header_is_not_imported():
    assert _keys("Name,,Shoe size, - \nAmina,x,42,y\n") == ["full_name", None, None, None]


def test_a_second_column_for_a_one_value_field_is_left_out():
    assert _keys("Name,Role,Title\nAmina,Lead,Dr\n") == ["full_name", "role", None]
    assert _keys("Description,Category,Type\nTruck,ground_transport,x\n",
                 ASSET_COLUMNS) == ["description", "category", None]


def test_several_columns_of_a_repeatable_field_are_all_read():
    assert _keys("Name,Phone,Mobile,E-mail,Mail\nA,1,2,a@x.org,b@x.org\n") == [
        "full_name", "phone_mobile", "phone_mobile", "email", "email"]


def test_an_unknown_hashtag_leaves_its_column_out_even_with_a_known_header():
    assert _keys("Name,E-mail\n#contact+name,#meta+shoe\nAmina,a@wfp.org\n") == [
        "full_name", None]


def test_a_header_shorter_than_the_hashtag_row_is_padded():
    table = read_table("Name\n#contact+name,#contact+email\nAmina,a@wfp.org\n")
    assert (table.header, table.rows) == (["Name", ""], [(3, ["Amina", "a@wfp.org"])])


def test_a_hashtag_row_shorter_than_the_header_leaves_the_rest_untagged():
    text = "Name,E-mail,Phone\n#contact+name\nAmina,a@wfp.org,0712\n"
    assert read_table(text).hashtags == ["#contact+name", "", ""]
    assert _keys(text) == ["full_name", None, None]


# --- writing ----------------------------------------------------------------------------------

def test_written_table_has_bom_header_hashtags_and_crlf_lines():
    out = write_table(["Name", "Notes"], ["#contact+name", "#meta+notes"],
                      [["Amina", "two\nlines, quoted"]])
    assert out == ('\ufeffName,Notes\r\n#contact+name,#meta+notes\r\n'
                   'Amina,"two\nlines, quoted"\r\n').encode()


@pytest.mark.parametrize("cell", ["=1+2", "+254712345678", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_text_excel_would_run_as_a_formula_is_written_safe_and_reads_back_the_same(cell):
    out = write_table(["Notes"], ["#meta+notes"], [[cell]])
    assert f"'{cell}".encode() in out
    table = read_table(out.decode("utf-8-sig"))
    assert table.rows == [(3, [cell])]


@pytest.mark.parametrize("cell", ["'quoted'", "O'Brien", "'", "plain"])
def test_other_text_is_written_and_read_back_unchanged(cell):
    out = write_table(["Notes"], ["#meta+notes"], [[cell]])
    assert out.decode("utf-8-sig").splitlines()[2] == cell
    assert read_table(out.decode("utf-8-sig")).rows == [(3, [cell])]
