"""CSV tables as spreadsheets write them: separators, Excel quoting, line numbers, the HXL
hashtag row, which column is which, and formula-safe export that reads back the same."""

from __future__ import annotations

import pytest

from fieldapp.i18n import in_language
from fieldapp.importexport.assets import COLUMNS as ASSET_COLUMNS
from fieldapp.importexport.common import ImportFileError
from fieldapp.importexport.contacts_csv import COLUMNS as CONTACT_COLUMNS
from fieldapp.importexport.csv_hxl import (
    Column,
    describe_hxl,
    map_columns,
    normal_header,
    parse_hashtag,
    read_table,
    write_table,
)
from tests.fieldapp.sentences import reads_as_a_sentence


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


def test_a_bad_row_after_a_sep_line_names_the_line_of_the_file():
    table = read_table("sep=;\nName;E-mail\nAmina;a@wfp.org\nJean;j@x.org;extra\n")
    assert [row.line for row in table.rejected] == [4]


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


def test_a_stray_quote_after_a_quoted_line_break_names_the_line_the_bad_row_starts_on():
    table = read_table('Name,Notes\nAmina,"first\nsecond"\nJean,"Jean"x\nKwame,y\n')
    (bad,) = table.rejected
    assert (bad.line, "malformed" in bad.reason, "doubled" in bad.reason) == (4, True, True)
    assert [line for line, _ in table.rows] == [2, 5]


def test_a_stray_quote_in_a_row_spanning_lines_sets_aside_only_that_row():
    table = read_table('Name,Notes\nAmina,"two\nlines"x\nJean,ok\n')
    assert ([r.line for r in table.rejected], table.rows) == ([2], [(4, ["Jean", "ok"])])


def test_an_unclosed_quote_before_a_very_long_rest_of_file_names_its_line():
    error = _error('Name,Notes\nAmina,ok\nJean,"' + "x" * 200_000 + "\n")
    assert (error.line, "never closed" in error.message) == (3, True)


def test_separators_left_at_the_end_of_lines_are_ignored():
    table = read_table("Name,E-mail\nAmina,a@wfp.org,,\nJean,,\n")
    assert table.rows == [(2, ["Amina", "a@wfp.org"]), (3, ["Jean", ""])]


@pytest.mark.parametrize(("row", "fields"), [("Amina,a@wfp.org,x", 3), ("Amina", 1),
                                             ("Amina,a@wfp.org,x,", 3)])
def test_a_row_with_more_or_fewer_fields_than_the_header_is_set_aside_with_its_line(row,
                                                                                    fields):
    table = read_table(f"Name,E-mail\nJean,j@x.org\n{row}\nKwame,k@x.org\n")
    (bad,) = table.rejected
    assert (bad.line, f"{fields} fields where the header has 2" in bad.reason) == (3, True)
    assert reads_as_a_sentence(bad.reason)
    assert [line for line, _ in table.rows] == [2, 4]


def test_a_file_whose_rows_all_have_the_wrong_number_of_fields_is_refused_at_the_first():
    error = _error("Contact list\nName,E-mail\nAmina,a@wfp.org\nJean,j@x.org\n")
    assert (error.line, "no row" in error.message, "2 fields where the header has 1"
            in error.message) == (2, True, True)


def test_a_file_with_only_a_header_has_no_rows_and_is_not_refused():
    table = read_table("Name,E-mail\n")
    assert (table.rows, table.rejected) == ([], [])


def test_bad_rows_come_out_in_line_order_whatever_made_them_bad():
    table = read_table('Name,Notes\nA,"x"y\nB\nC,"z"w\nD,ok\n')
    assert [r.line for r in table.rejected] == [2, 3, 4]


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


def test_a_row_with_fewer_than_half_of_its_cells_hashtags_is_data():
    table = read_table("Name,Notes,Place\n#contact+name,call #2 first,Beira\n")
    assert (table.hashtags, table.rows) == (
        [], [(2, ["#contact+name", "call #2 first", "Beira"])])


def test_a_row_with_half_of_its_cells_hashtags_is_the_hashtag_row_the_rest_untagged():
    table = read_table("Name,Notes,Place,Phone\n#contact+name,see #2,Beira,#contact+phone\n"
                       "Amina,x,y,0712\n")
    assert table.hashtags == ["#contact+name", "", "", "#contact+phone"]
    assert table.rows == [(3, ["Amina", "x", "y", "0712"])]


def test_a_partly_tagged_hashtag_row_under_a_title_is_found_with_its_header():
    text = ("Who is where, June\nName,Agency,Mobile,Remarks\n"
            "#contact+name,#org+name,,\nAmina,WFP,0712,none\n")
    table = read_table(text)
    assert (table.header_line, table.header) == (3, ["Name", "Agency", "Mobile", "Remarks"])
    assert _keys(text) == ["full_name", "organisation", None, None]


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


# --- what a HXL dataset holds -----------------------------------------------------------------

def test_a_3w_dataset_is_described_as_who_does_what_where_with_its_hashtags():
    said = describe_hxl(["#org+name", "#sector", "#adm1+name", "#activity", ""])
    assert "HXL dataset" in said
    assert "who does what where (3W)" in said
    assert all(tag in said for tag in ("#org+name", "#sector", "#adm1+name", "#activity"))
    assert reads_as_a_sentence(said)


def test_a_list_of_health_facilities_is_described_as_places_with_coordinates():
    said = describe_hxl(["#loc+name", "#geo+lat", "#geo+lon", "#capacity"])
    assert "places with coordinates" in said
    assert "#geo+lat" in said


def test_population_figures_are_named_so():
    assert "affected population figures" in describe_hxl(["#adm1+name", "#affected+f",
                                                          "#inneed"])


def test_a_dataset_of_unknown_hashtags_is_still_said_to_be_hxl_and_lists_them():
    said = describe_hxl(["#x_custom", "#y_other+code"])
    assert said.startswith("This is a HXL dataset;")
    assert "#y_other+code" in said


def test_a_long_hashtag_list_is_cut_and_the_rest_counted():
    said = describe_hxl([f"#meta+c{n}" for n in range(20)])
    assert "#meta+c11" in said
    assert "#meta+c12" not in said
    assert "8 more" in said


def test_what_a_dataset_holds_is_listed_the_way_the_officers_language_joins_words():
    with in_language("es"):
        said = describe_hxl(["#org", "#sector", "#adm1+name"])
    assert " y " in said  # Spanish "and", not glued from English pieces


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


def test_a_header_text_is_matched_before_a_numbered_pattern():
    columns = (Column("numbered", patterns=(r"phone \d+ value",)),
               Column("exact", headers=("phone 2 value",)))
    assert _keys("Phone 1 - Value,Phone 2 - Value,Phone X - Value\n1,2,3\n", columns) == [
        "numbered", "exact", None]


def test_a_pattern_never_matches_an_empty_header():
    assert _keys(",Name\nx,Amina\n", (Column("any", patterns=(r".*",)),)) == [None, "any"]


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
