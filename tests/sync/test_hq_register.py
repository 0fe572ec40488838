"""The Central Register of MCDA at HQ (issue 18): its pages open to the `registry` role
only; entries are created, edited (a stale form refused), retired, restored and confirmed
with their history; search and every filter; entries past their valid-until date flagged;
CSV/HXL import with a preview (good, mixed, bad, wrong encoding, too big, updates by
#meta+id) and export (a round trip changes nothing); PDFs read back; CSRF and escaping.

Every test runs against a real HQ (uvicorn) on SQLite, and on PostgreSQL too when
CMCOORD_TEST_PG_URL is set.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from hq import register
from hq.register_tables import RegisterEntry, RegisterEvent, RegisterUpload
from hq.roles import ADMIN, COORDINATOR, REGISTRY, REVIEWER
from tests.sync.staff_browser import StaffBrowser, staff

ARABIC = "الهلال الأحمر الإماراتي"
CHINESE = "中国国际救援队"
CYRILLIC = "Министерство по чрезвычайным ситуациям"
BASE = {"provider": "Norway", "provider_kind": "member_state", "provider_state": "NOR",
        "capability": "C-130J Hercules with crew, 20 t", "category": "airlift_fixed_wing",
        "quantity": "2", "capacity_value": "20", "capacity_unit": "t",
        "readiness_hours": "48", "deployment_hours": "72",
        "conditions": "Bilateral request only; cost recovery", "poc_name": "Ingrid Hansen",
        "poc_email": "ingrid.hansen@example.no", "poc_phone": "+47 23 09 80 00",
        "valid_until": (date.today() + timedelta(days=365)).isoformat(), "status": "active"}


def _entry(hq, actor: str = "Rita", **values: str) -> str:
    with hq.db.write() as session:
        return register.create_entry(session, {**BASE, **values}, actor=actor).id


def _stored(hq, entry_id: str) -> RegisterEntry:
    with hq.db.read() as session:
        entry = session.scalar(select(RegisterEntry).where(RegisterEntry.id == entry_id))
        session.expunge_all()
        return entry


def _count(hq) -> int:
    with hq.db.read() as session:
        return session.scalar(select(func.count()).select_from(RegisterEntry))


def _rows(page: str) -> list[str]:
    """The capabilities the list page shows, in order."""
    body = page.split("<tbody>", 1)[1] if "<tbody>" in page else ""
    return re.findall(r'class="capability"><a href="[^"]+">([^<]*)</a>', body)


def _pdf_text(body: bytes) -> str:
    reader = PdfReader(io.BytesIO(body))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFKC", text)


@pytest.fixture
def rita(hq) -> StaffBrowser:
    """A signed-in registry officer."""
    return staff(hq.db, hq.url, "Rita", REGISTRY)


# --- roles --------------------------------------------------------------------------------

def test_every_register_page_opens_to_the_registry_role_only(hq, rita):
    entry_id = _entry(hq)
    pages = ["/register", "/register/new", "/register/import", f"/register/{entry_id}",
             f"/register/{entry_id}.pdf", "/register.csv", "/register.hxl.csv",
             "/register.pdf"]
    for path in pages:
        assert rita.get(path).status_code == 200, path
    for role in (REVIEWER, COORDINATOR, ADMIN):
        other = staff(hq.db, hq.url, f"Only {role}", role)
        for path in pages:
            answer = other.get(path)
            assert answer.status_code == 403, (role, path)
            assert "does not have the role" in answer.text
        assert other.post("/register/new", BASE).status_code == 403
    outsider = StaffBrowser(hq.url)
    for path in pages:
        answer = outsider.get(path)
        assert answer.status_code == 303
        assert answer.headers["location"].startswith("/review/signin?next=/register")
    assert _count(hq) == 1


def test_the_list_links_to_the_correction_proposals(hq, rita):
    assert 'href="/register/proposals"' in rita.get("/register").text


# --- writes through the pages ---------------------------------------------------------------

def test_a_new_entry_is_saved_from_the_form_with_who_and_when(hq, rita):
    rita.get("/register/new")
    answer = rita.post("/register/new", {**BASE, "provider_state": "Norway"})
    assert answer.status_code == 303
    entry_id = answer.headers["location"].split("/")[2].split("?")[0]
    entry = _stored(hq, entry_id)
    assert (entry.provider, entry.provider_state, entry.quantity, entry.capacity_value) == (
        "Norway", "NOR", 2, 20.0)
    assert entry.poc_phone == "+4723098000"  # E.164
    assert (entry.version, entry.updated_by, entry.status) == (1, "Rita", "active")
    page = rita.get(answer.headers["location"]).text
    assert "The entry is in the register" in page
    assert "<strong>Rita</strong> created the entry" in page


def test_form_errors_are_marked_at_each_field_and_nothing_is_saved(hq, rita):
    rita.get("/register/new")
    answer = rita.post("/register/new", {**BASE, "provider": "", "provider_state": "Atlantis",
                                         "category": "", "quantity": "0",
                                         "poc_email": "not an address", "poc_phone": "12",
                                         "capacity_value": "lots", "valid_until": "soon"})
    assert answer.status_code == 422
    page = answer.text
    assert "nothing was saved" in page
    for name, sentence in (
            ("provider", "Name the provider"),
            ("provider_state", "“Atlantis” is not a country"),
            ("category", "Choose the category"),
            ("quantity", "whole number from 1 to 1,000,000"),
            ("poc_email", "is not an e-mail address"),
            ("poc_phone", "is not a phone number"),
            ("capacity_value", "a number above zero"),
            ("valid_until", "written 2027-06-30")):
        assert re.search(rf'name="{name}"[^>]*aria-invalid="true"', page), name
        assert re.search(rf'id="{name}-error">[^<]*{re.escape(sentence)}', page), name
    assert 'value="not an address"' in page  # what was typed stays in the form
    assert _count(hq) == 0


def test_an_organisation_has_no_member_state(hq):
    with hq.db.write() as session, pytest.raises(register.ValidationErrors) as caught:
        register.create_entry(session, {**BASE, "provider_kind": "organisation"}, actor="R")
    assert "leave the country empty" in caught.value.for_field("provider_state")
    entry_id = _entry(hq, provider="IFRC", provider_kind="organisation", provider_state="")
    assert _stored(hq, entry_id).provider_state == ""


def test_an_edit_logs_each_changed_field_before_and_after(hq, rita):
    entry_id = _entry(hq)
    rita.get(f"/register/{entry_id}")
    answer = rita.post(f"/register/{entry_id}", {**BASE, "version": "1", "quantity": "3",
                                                 "conditions": "Through the MFA"})
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/register/{entry_id}?done=saved"
    with hq.db.read() as session:
        events = [(e.action, e.field, e.before, e.after, e.actor)
                  for e in register.history(session, entry_id)]
    assert sorted(events[:2]) == [
        ("edit", "conditions", "Bilateral request only; cost recovery", "Through the MFA",
         "Rita"),
        ("edit", "quantity", "2", "3", "Rita")]
    assert events[2][:2] == ("create", "")
    assert _stored(hq, entry_id).version == 2
    page = rita.get(f"/register/{entry_id}").text
    assert "<strong>Rita</strong> changed Quantity" in page
    assert re.search(r'class="before">2</span>.*class="after">3</span>', page, re.S)
    same = rita.post(f"/register/{entry_id}", {**BASE, "version": "2", "quantity": "3",
                                               "conditions": "Through the MFA"})
    assert same.headers["location"] == f"/register/{entry_id}?done=unchanged"
    assert _stored(hq, entry_id).version == 2


def test_a_stale_form_is_refused_with_a_sentence_and_nothing_saved(hq, rita):
    entry_id = _entry(hq)
    omar = staff(hq.db, hq.url, "Omar", REGISTRY)
    omar.get(f"/register/{entry_id}")
    rita.get(f"/register/{entry_id}")
    assert omar.post(f"/register/{entry_id}", {**BASE, "version": "1",
                                               "quantity": "5"}).status_code == 303
    answer = rita.post(f"/register/{entry_id}", {**BASE, "version": "1", "quantity": "9"})
    assert answer.status_code == 409
    assert "Omar changed this entry since you opened it" in answer.text
    assert "nothing was saved" in answer.text
    assert 'value="9"' in answer.text  # her value is still in the form to redo
    assert _stored(hq, entry_id).quantity == 5
    for action in ("retire", "confirm"):
        refused = rita.post(f"/register/{entry_id}/{action}",
                            {"version": "1", "valid_until": "2099-01-01"})
        assert refused.status_code == 409, action
    assert _stored(hq, entry_id).status == "active"


def test_retire_takes_an_entry_out_of_the_list_and_restore_brings_it_back(hq, rita):
    entry_id = _entry(hq)
    rita.get(f"/register/{entry_id}")
    assert rita.post(f"/register/{entry_id}/retire", {"version": "1"}).status_code == 303
    assert _stored(hq, entry_id).status == "retired"
    assert _rows(rita.get("/register").text) == []
    assert _rows(rita.get("/register?status=retired").text) == [BASE["capability"]]
    assert _rows(rita.get("/register?status=all").text) == [BASE["capability"]]
    page = rita.get(f"/register/{entry_id}").text
    assert "Restore this entry" in page
    assert rita.post(f"/register/{entry_id}/restore", {"version": "2"}).status_code == 303
    entry = _stored(hq, entry_id)
    assert (entry.status, entry.version) == ("active", 3)
    with hq.db.read() as session:
        actions = [e.action for e in register.history(session, entry_id)]
    assert actions == ["restore", "retire", "create"]


def test_entries_past_their_valid_until_date_are_counted_flagged_and_listed_alone(hq, rita):
    old = _entry(hq, capability="Old offer", valid_until="2020-01-01")
    _entry(hq, capability="Current offer")
    _entry(hq, capability="Suspended old offer", valid_until="2020-01-01", status="suspended")
    page = rita.get("/register").text
    assert "1 active entry is past its valid-until date" in page
    assert re.search(r'<tr class="flagged">.*?Old offer.*?Valid-until passed: ask the provider '
                     r'to confirm', page, re.S)
    assert page.count('class="flagged"') == 1
    assert _rows(rita.get("/register?past=1").text) == ["Old offer"]
    # confirming with a new date clears the flag and is recorded as a confirmation
    rita.get(f"/register/{old}")
    refused = rita.post(f"/register/{old}/confirm", {"version": "1", "valid_until": "2020-06-01"})
    assert refused.status_code == 422
    assert "after today" in refused.text
    new_date = (date.today() + timedelta(days=180)).isoformat()
    assert rita.post(f"/register/{old}/confirm",
                     {"version": "1", "valid_until": new_date}).status_code == 303
    assert _stored(hq, old).valid_until.isoformat() == new_date
    assert "past its valid-until date" not in rita.get("/register").text
    with hq.db.read() as session:
        confirmed = register.history(session, old)[0]
    assert (confirmed.action, confirmed.before, confirmed.after, confirmed.actor) == (
        "confirm", "2020-01-01", new_date, "Rita")


# --- search and filters ---------------------------------------------------------------------

def _fill_for_search(hq) -> None:
    _entry(hq, provider=ARABIC, provider_kind="organisation", provider_state="",
           capability="Field hospital, 50 beds", category="medical",
           conditions="Civilian-led", poc_name="Fatima Al-Zahra")
    _entry(hq, provider=CHINESE, provider_state="CHN", capability="Heavy USAR team",
           category="search_and_rescue", conditions="Through OCHA", poc_name="王伟")
    _entry(hq, provider=CYRILLIC, provider_state="RUS", capability="Ил-76 с экипажем",
           category="airlift_fixed_wing", conditions="По запросу", poc_name="Иван Петров")
    _entry(hq, provider="Japan", provider_state="JPN", capability="CH-47 Chinook helicopters",
           category="airlift_helicopter", conditions="Last resort only", status="suspended",
           poc_name="JSDF liaison")


@pytest.mark.parametrize(("words", "found"), [
    ("hospital", ["Field hospital, 50 beds"]),         # capability, a whole word
    ("helicop", ["CH-47 Chinook helicopters"]),        # the start of a word
    ("الهلال", ["Field hospital, 50 beds"]),            # Arabic provider
    ("中国", ["Heavy USAR team"]),                     # Chinese provider
    ("чрезвычайным", ["Ил-76 с экипажем"]),            # Cyrillic provider
    ("resort", ["CH-47 Chinook helicopters"]),         # conditions
    ("Петров", ["Ил-76 с экипажем"]),                  # point of contact
    ("usar ocha", ["Heavy USAR team"]),                # every word must be there
    ("usar hospital", []),
])
def test_search_finds_words_in_provider_capability_conditions_and_contact(hq, rita, words,
                                                                          found):
    _fill_for_search(hq)
    assert sorted(_rows(rita.get("/register", params={"q": words}).text)) == sorted(found)


def test_each_filter_narrows_the_list(hq, rita):
    _fill_for_search(hq)
    retired = _entry(hq, capability="Retired sealift", category="sealift")
    with hq.db.write() as session:
        register.retire_entry(session, retired, actor="Rita", version=1)
    assert len(_rows(rita.get("/register").text)) == 4  # current: active and suspended
    assert _rows(rita.get("/register?category=medical").text) == ["Field hospital, 50 beds"]
    assert _rows(rita.get("/register?kind=organisation").text) == ["Field hospital, 50 beds"]
    assert len(_rows(rita.get("/register?kind=member_state").text)) == 3
    assert _rows(rita.get("/register?country=CHN").text) == ["Heavy USAR team"]
    assert _rows(rita.get("/register?status=suspended").text) == ["CH-47 Chinook helicopters"]
    assert _rows(rita.get("/register?status=retired").text) == ["Retired sealift"]
    assert len(_rows(rita.get("/register?status=all").text)) == 5
    assert _rows(rita.get("/register?category=medical&country=CHN").text) == []
    # the country filter offers the Member States that have entries, by name
    page = rita.get("/register").text
    assert re.findall(r'<option value="([A-Z]{3})"', page) == ["CHN", "JPN", "NOR", "RUS"]
    # unknown values are dropped, never an error
    assert len(_rows(rita.get("/register?category=x&kind=y&status=z&sort=w").text)) == 4


def test_the_list_is_sorted_and_paged_by_fifty(hq, rita):
    with hq.db.write() as session:
        for n in range(55):
            register.create_entry(session, {**BASE, "provider": f"Provider {n:02d}",
                                            "capability": f"Offer {n:02d}"}, actor="Rita")
    first = rita.get("/register").text
    assert _rows(first) == [f"Offer {n:02d}" for n in range(50)]
    assert "Page 1 of 2" in first
    assert "55 entries" in first
    assert _rows(rita.get("/register?page=2").text) == [f"Offer {n:02d}" for n in range(50, 55)]
    assert _rows(rita.get("/register?page=999").text)[-1] == "Offer 54"


# --- import ---------------------------------------------------------------------------------

GOOD = (
    "Provider,Provider kind,Country,Capability,Category,Quantity,Capacity,Capacity unit,"
    "POC email,Valid until,Notes\n"
    "Canada,member_state,CAN,CC-177 Globemaster,airlift_fixed_wing,1,70,t,ops@example.ca,"
    "2030-01-01,internal note\n"
    f"{CHINESE},Member State,China,Heavy USAR team,Search and rescue,2,,,,,\n"
)


def _preview(browser: StaffBrowser, data: bytes, name: str = "offers.csv"):
    browser.get("/register/import")
    return browser.post("/register/import", files={"file": (name, data, "text/csv")})


def _confirm(browser: StaffBrowser, preview_page: str):
    upload = re.search(r'name="upload" value="([^"]+)"', preview_page).group(1)
    return browser.post("/register/import/confirm", {"upload": upload})


def test_an_import_is_previewed_then_saved_when_confirmed(hq, rita):
    answer = _preview(rita, GOOD.encode("utf-8-sig"))
    assert answer.status_code == 200
    page = answer.text
    assert "2 new" in page
    assert "These columns are not read and will be ignored: Notes." in page
    assert _count(hq) == 0  # a preview writes nothing
    done = _confirm(rita, page)
    assert done.status_code == 200
    assert "Imported: 2 new, 0 updated, 0 unchanged; 0 lines refused." in done.text
    with hq.db.read() as session:
        entries = {e.provider: e for e in session.scalars(select(RegisterEntry))}
        actions = set(session.scalars(select(RegisterEvent.action)))
    assert entries["Canada"].capacity_value == 70.0
    assert (entries[CHINESE].provider_state, entries[CHINESE].category) == (
        "CHN", "search_and_rescue")
    assert actions == {"import"}
    again = _confirm(rita, page)  # the same preview cannot be imported twice
    assert again.status_code == 409
    assert "upload the file again" in again.text
    assert _count(hq) == 2


def test_a_preview_is_only_for_the_session_that_uploaded_it(hq, rita):
    page = _preview(rita, GOOD.encode()).text
    omar = staff(hq.db, hq.url, "Omar", REGISTRY)
    omar.get("/register/import")
    upload = re.search(r'name="upload" value="([^"]+)"', page).group(1)
    assert omar.post("/register/import/confirm", {"upload": upload}).status_code == 409
    assert _count(hq) == 0
    assert _confirm(rita, page).status_code == 200
    assert _count(hq) == 2


def test_a_mixed_file_imports_the_good_lines_and_lists_the_bad_ones(hq, rita):
    data = (GOOD + "Bad one,member_state,Atlantis,Something,medical,1,,,,,\n"
            ",organisation,,,nope,0,,,,,\n"
            "Too,many,cells,here,x,1,a,b,c,d,e,f,g,h\n").encode()
    page = _preview(rita, data).text
    assert "2 new" in page
    assert "3 refused" in page
    assert re.search(r"<td class=\"num\">4</td>.*?“Atlantis” is not a country", page, re.S)
    assert re.search(r"<td class=\"num\">5</td>.*?Name the provider", page, re.S)
    assert re.search(r"<td class=\"num\">6</td>.*?The line has 14 fields where the header has "
                     r"11", page, re.S)
    done = _confirm(rita, page).text
    assert "Imported: 2 new, 0 updated, 0 unchanged; 3 lines refused." in done
    assert "“Atlantis” is not a country" in done
    assert _count(hq) == 2


def test_a_file_where_no_line_works_is_refused_whole_with_the_reasons(hq, rita):
    data = (b"Provider,Capability,Category\n"
            b"Nobody,Something,flying carpets\n"
            b",,\n"
            b"Someone,,medical\n")
    answer = _preview(rita, data)
    assert answer.status_code == 422
    assert "No line of this file can be imported; nothing was saved." in answer.text
    assert "Line 2: " in answer.text
    assert "“flying carpets” is not a category" in answer.text
    assert "Line 4: " in answer.text
    assert 'name="upload"' not in answer.text
    with hq.db.read() as session:
        assert session.scalar(select(func.count()).select_from(RegisterUpload)) == 0


@pytest.mark.parametrize(("data", "sentence"), [
    ("Provider,Capability\nSociété,Hôpital\n".encode("latin-1"), "is not UTF-8 text"),
    ("Provider,Capability\nA,B\n".encode("utf-16"), "UTF-16"),
    (b"", "The file is empty."),
    (b"\x00\x01\x02PK", "binary data"),
    (b"Name,Colour\nx,y\n", "No column of this file is the provider or the capability"),
])
def test_a_file_in_the_wrong_encoding_or_shape_is_refused_with_a_sentence(hq, rita, data,
                                                                         sentence):
    answer = _preview(rita, data)
    assert answer.status_code == 422
    assert sentence in answer.text
    assert _count(hq) == 0


def test_an_oversized_file_is_refused(hq, rita):
    line = "Norway,member_state,NOR,C-130J,airlift_fixed_wing\n"
    data = ("Provider,Provider kind,Country,Capability,Category\n"
            + line * (register.MAX_UPLOAD_BYTES // len(line) + 10)).encode()
    answer = _preview(rita, data)
    assert answer.status_code == 422
    assert "larger than 5 MB" in answer.text


def test_a_file_of_more_than_fifty_thousand_rows_is_refused(hq, rita):
    data = b"Provider,Capability\n" + b"N,C\n" * (register.MAX_ROWS + 1)
    answer = _preview(rita, data)
    assert answer.status_code == 422
    assert "The file has 50,001 rows; at most 50,000 are imported at once." in answer.text
    assert _count(hq) == 0


def test_an_hxl_file_updates_the_entries_its_meta_id_names(hq, rita):
    first = _entry(hq)
    second = _entry(hq, provider="Sweden", provider_state="SWE", capability="Base camp",
                    category="shelter")
    data = ("ID,Org,Org type,Country,What,Kind,Qty,Status,Comment\n"
            "#meta+id,#org,#org+type,#country+code,#capability,#sector,#quantity,#status,"
            "#description\n"
            f"{first},Norway,member_state,NOR,\"{BASE['capability']}\",airlift_fixed_wing,4,active,"
            "more\n"
            f"{second},Sweden,member_state,SWE,Base camp,shelter,2,active,\n"
            "00000000-0000-4000-8000-000000000000,Mali,member_state,MLI,Trucks,"
            "ground_transport,1,,\n"
            f"{first},Norway,member_state,NOR,Twice,airlift_fixed_wing,1,,\n").encode()
    page = _preview(rita, data).text
    assert "1 to update" in page
    assert "1 unchanged" in page
    assert "2 refused" in page
    assert "No entry of the register has the ID 00000000-0000-4000-8000-000000000000" in page
    assert f"The ID {first} is on line 3 already" in page
    assert "These columns are not read and will be ignored: Comment." in page
    _confirm(rita, page)
    updated = _stored(hq, first)
    assert (updated.quantity, updated.version, updated.updated_by) == (4, 2, "Rita")
    assert _stored(hq, second).version == 1
    with hq.db.read() as session:
        last = register.history(session, first)[0]
    assert (last.action, last.field, last.before, last.after) == ("import", "quantity", "2", "4")


# --- export ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/register.csv", "/register.hxl.csv"])
def test_an_export_imported_again_changes_nothing(hq, rita, path):
    _fill_for_search(hq)
    _entry(hq, conditions="=HYPERLINK(\"http://evil.example\")", poc_name="@admin",
           capacity_value="2.5")
    exported = rita.get(path)
    assert exported.status_code == 200
    assert exported.headers["content-type"].startswith("text/csv")
    assert "attachment" in exported.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["ID", "Provider", "Provider kind"]
    assert (rows[1][0] == "#meta+id") == (path == "/register.hxl.csv")
    cells = [cell for row in rows for cell in row]
    assert "'=HYPERLINK(\"http://evil.example\")" in cells  # never run as a formula
    assert "'@admin" in cells
    assert "'+4723098000" in cells
    page = _preview(rita, exported.content).text
    assert "5 unchanged" in page
    assert "0 new" in page
    assert "0 to update" in page
    assert "ignored" not in page
    _confirm(rita, page)
    with hq.db.read() as session:
        assert set(session.scalars(select(RegisterEntry.version))) == {1}
        stored = session.scalar(select(RegisterEntry.conditions).where(
            RegisterEntry.conditions.like("=%")))
    assert stored == "=HYPERLINK(\"http://evil.example\")"  # kept as text, as typed


def test_an_export_follows_the_list_filters(hq, rita):
    _fill_for_search(hq)
    rows = list(csv.reader(io.StringIO(
        rita.get("/register.csv?category=medical").content.decode("utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == [ARABIC]


# --- PDFs -----------------------------------------------------------------------------------

def test_the_register_pdf_prints_every_script_and_the_filters(hq, rita):
    _fill_for_search(hq)
    _entry(hq, capability="Expired offer", valid_until="2020-01-01")
    answer = rita.get("/register.pdf")
    assert answer.headers["content-type"] == "application/pdf"
    text = _pdf_text(answer.content)
    for name in (ARABIC, CHINESE, "Иван Петров", "Heavy USAR team"):
        assert name in text, name
    assert "all current entries" in text
    assert "CONFIRM" in text  # the expired entry, in words
    filtered = _pdf_text(rita.get("/register.pdf?category=medical&q=hospital").content)
    assert "“hospital”, Medical" in filtered
    assert "1 entry" in filtered
    assert CHINESE not in filtered


def test_an_entry_pdf_has_its_fields_and_history(hq, rita):
    entry_id = _entry(hq, provider=CHINESE, provider_state="CHN")
    with hq.db.write() as session:
        register.edit_entry(session, entry_id, {"quantity": "7"}, actor="Omar", version=1)
    text = _pdf_text(rita.get(f"/register/{entry_id}.pdf").content)
    assert CHINESE in text
    assert "C-130J Hercules with crew, 20 t" in text
    assert "Omar changed Quantity: 2 → 7" in text
    assert f"Entry {entry_id}" in text
    missing = rita.get("/register/00000000-0000-4000-8000-000000000000.pdf")
    assert missing.status_code == 404


# --- security -------------------------------------------------------------------------------

def test_forms_without_the_session_csrf_token_are_refused(hq, rita):
    entry_id = _entry(hq)
    rita.get("/register")
    for path, data in (("/register/new", BASE),
                       (f"/register/{entry_id}", {**BASE, "version": "1", "quantity": "9"}),
                       (f"/register/{entry_id}/retire", {"version": "1"}),
                       (f"/register/{entry_id}/confirm", {"version": "1",
                                                          "valid_until": "2099-01-01"})):
        for token in ("", "forged"):
            answer = rita.post(path, data, csrf=token)
            assert answer.status_code == 403, (path, token)
            assert "This form has expired" in answer.text
    upload = rita.post("/register/import", csrf="forged",
                       files={"file": ("x.csv", GOOD.encode(), "text/csv")})
    assert upload.status_code == 403
    entry = _stored(hq, entry_id)
    assert (entry.version, entry.quantity, entry.status) == (1, 2, "active")
    assert _count(hq) == 1


def test_text_typed_into_the_register_is_escaped_on_every_page(hq, rita):
    attack = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    entry_id = _entry(hq, provider=attack, capability=attack, conditions=attack,
                      poc_name=attack)
    with hq.db.write() as session:
        register.edit_entry(session, entry_id, {"poc_name": attack + "!"}, actor=attack,
                            version=1)
    for path in ("/register", f"/register/{entry_id}", "/register?q=alert"):
        page = rita.get(path).text
        assert "<script>alert" not in page, path
        assert "<img src=x" not in page, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, path
    out = io.StringIO()
    csv.writer(out).writerows([["Provider", "Provider kind", "Capability", "Category"],
                               [attack, "organisation", attack, "medical"]])
    preview = _preview(rita, out.getvalue().encode())
    assert preview.status_code == 200
    assert "<script>alert" not in preview.text
    assert "&lt;script&gt;" in preview.text


def test_unknown_entry_addresses_answer_not_found(hq, rita):
    assert rita.get("/register/00000000-0000-4000-8000-000000000000").status_code == 404
    assert rita.get("/register/not-an-id").status_code in (404, 405)
    rita.get("/register")
    gone = rita.post("/register/00000000-0000-4000-8000-000000000000/retire", {"version": "1"})
    assert gone.status_code == 404


# --- schema ---------------------------------------------------------------------------------

def test_migration_0009_goes_down_and_up_again_with_its_search_index(hq_database_url):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from hq import db as hq_db
    from hq.db import HqDatabase, make_engine, run_migrations

    engine = make_engine(hq_database_url)
    run_migrations(engine, target="0009_hq_register")
    config = Config()
    config.set_main_option("script_location", str(Path(hq_db.__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0008_hq_roles")
    tables = set(inspect(engine).get_table_names())
    assert not {"hq_register_entries", "hq_register_events", "hq_register_uploads",
                "hq_register_entries_fts"} & tables
    run_migrations(engine, target="0009_hq_register")
    database = HqDatabase(engine)
    with database.write() as session:
        register.create_entry(session, {**BASE, "provider": CHINESE}, actor="Rita")
    with database.read() as session:
        found = register.search_entries(session, register.RegisterQuery.parse(q="中国 hercules"))
    assert [e.provider for e in found.entries] == [CHINESE]
    database.close()


def test_edit_entry_changes_only_the_keys_given_and_records_the_action(hq):
    entry_id = _entry(hq)
    with hq.db.write() as session:
        assert register.edit_entry(session, entry_id, {"poc_name": "Kari Nordmann"},
                                   actor="Field officer via proposal", version=None,
                                   action="proposal")
        assert not register.edit_entry(session, entry_id, {}, actor="x", version=None)
    entry = _stored(hq, entry_id)
    assert (entry.poc_name, entry.quantity, entry.capability, entry.version) == (
        "Kari Nordmann", 2, BASE["capability"], 2)
    with hq.db.read() as session:
        event = register.history(session, entry_id)[0]
    assert (event.action, event.field, event.before, event.after) == (
        "proposal", "poc_name", "Ingrid Hansen", "Kari Nordmann")


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_register_pages_render_in_every_language(hq, rita, lang):
    entry_id = _entry(hq, valid_until="2020-01-01")
    for path in ("/register", f"/register/{entry_id}", "/register/new", "/register/import"):
        answer = rita.get(f"{path}?lang={lang}")
        assert answer.status_code == 200, path
        assert answer.headers["content-language"] == lang
    assert rita.get(f"/register.pdf?lang={lang}").status_code == 200
