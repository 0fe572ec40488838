"""Global search: Ctrl+K, results as you type grouped by kind, arrows, Enter opens the item."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldapp.models import Contact


def _type(qtbot, window, text):
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, text)


def _wait_for_groups(qtbot, window, expected):
    qtbot.waitUntil(lambda: window.search.results.isVisible()
                    and window.search.results.groups() == expected, timeout=5000)


def test_typing_a_name_shows_grouped_results_and_enter_opens_the_contact(qtbot, seeded, window):
    window.activateWindow()
    _type(qtbot, window, "okafor")
    _wait_for_groups(qtbot, window, {"Contacts": ["Amara Okafor"]})
    assert window.current_section() != "contacts"
    snippet = window.search.results.list.item(1).data(Qt.ItemDataRole.UserRole + 2)
    assert "<b>Okafor</b>" in snippet

    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_section() == "contacts", timeout=5000)
    screen = window.screens["contacts"]
    qtbot.waitUntil(lambda: screen.detail.title.text() == "Amara Okafor", timeout=5000)
    assert window.stack.currentWidget() is screen
    assert screen.detail.detail.id == seeded.contact_id
    assert "Okavango Relief Network" in screen.detail.subtitle.text()
    assert not window.search.results.isVisible()


def test_arrow_keys_move_across_groups_and_enter_opens_the_organisation(qtbot, seeded, window):
    window.activateWindow()
    _type(qtbot, window, "ok")
    _wait_for_groups(qtbot, window, {"Contacts": ["Amara Okafor"],
                                     "Organisations": ["Okavango Relief Network"]})
    results = window.search.results
    assert results.current_hit() == ("contact", seeded.contact_id)
    qtbot.keyClick(window.search, Qt.Key.Key_Down)  # over the "Organisations" heading
    assert results.current_hit() == ("organisation", seeded.organisation_id)
    qtbot.keyClick(window.search, Qt.Key.Key_Down)  # already the last hit: stays
    assert results.current_hit() == ("organisation", seeded.organisation_id)
    qtbot.keyClick(window.search, Qt.Key.Key_Up)
    assert results.current_hit() == ("contact", seeded.contact_id)
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_section() == "contacts", timeout=5000)
    screen = window.screens["contacts"]  # the organisation's people are listed
    qtbot.waitUntil(lambda: screen.filter.text() == "Okavango Relief Network", timeout=5000)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1
                    and screen.model.id_at(0) == seeded.contact_id, timeout=5000)


def test_results_are_scoped_to_the_current_operation(qtbot, seeded, window):
    window.activateWindow()
    _type(qtbot, window, "amara")
    _wait_for_groups(qtbot, window, {"Contacts": ["Amara Okafor"]})  # not Amara Elsewhere


def test_enter_before_the_results_arrive_opens_the_first_hit_when_they_do(qtbot, seeded, window):
    window.activateWindow()
    _type(qtbot, window, "okafor")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # the debounce timer has not fired yet
    qtbot.waitUntil(lambda: "contacts" in window.screens
                    and window.screens["contacts"].detail.title.text() == "Amara Okafor",
                    timeout=5000)


def test_only_the_latest_query_is_shown(qtbot, seeded, window):
    window.activateWindow()
    _type(qtbot, window, "amara")
    window.search.run_search()  # "amara" in flight
    qtbot.keyClicks(window.search, " zzz")
    window.search.run_search()  # "amara zzz", which finds nothing
    qtbot.waitUntil(lambda: window.search.results.isVisible(), timeout=5000)
    qtbot.wait(300)  # give the first query every chance to land late
    assert window.search.results.groups() == {}
    assert "No results" in window.search.results.list.item(0).text()


def test_new_records_are_found_and_escape_closes_the_results(qtbot, ctx, seeded, window):
    with ctx.db.transaction() as session:
        session.add(Contact(given_name="Nadia", family_name="Quispe", role="Civil defence",
                            operation_id=seeded.operation_id))
    window.activateWindow()
    _type(qtbot, window, "quispe")
    _wait_for_groups(qtbot, window, {"Contacts": ["Nadia Quispe"]})
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert not window.search.results.isVisible()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert window.search.text() == ""


def test_switching_operation_reruns_an_open_search_in_the_new_scope(qtbot, ctx, seeded, window):
    window.activateWindow()
    _type(qtbot, window, "amara")
    _wait_for_groups(qtbot, window, {"Contacts": ["Amara Okafor"]})
    window.switcher.switch_to(seeded.other_operation_id)
    _wait_for_groups(qtbot, window, {"Contacts": ["Amara Elsewhere"]})
