"""The Central Register on the laptop's asset screen: listed with the operation's assets
(Source column, the Show filter, retired entries on request, valid-until passed marked),
read-only rows with "Propose a correction…", the proposal dialog (errors marked under
their fields, the saved proposal in the outbox), HQ's answer shown once a pull brings it,
and "Find matching assets" in the RFA form listing a register entry.

Register entries and HQ's answers are written as a pull writes them (sync.local)."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QScrollArea
from sqlalchemy import select

from fieldapp.models import OutboxEntry
from fieldapp.services.assets import AssetInput, create_asset
from sync import local
from tests.ui.test_rfa_screen import _new
from ui.context import EVERYTHING
from ui.screens.assets import AssetsScreen
from ui.screens.register_proposal import ProposalDialog

TODAY = date.today()


def entry_row(entry_id: str, **fields) -> dict:
    values = {"id": entry_id, "provider": "Ministry of Defence", "provider_kind": "member_state",
              "provider_state": "NOR", "capability": "Medium helicopters with crews",
              "category": "airlift_helicopter", "quantity": 2, "capacity_value": 3.5,
              "capacity_unit": "t", "readiness_hours": 48, "deployment_hours": 72,
              "conditions": "Bilateral request only", "poc_name": "Ingrid Solberg",
              "poc_email": "ops@mod.example.no", "poc_phone": "+47 23 09 80 00",
              "valid_until": (TODAY + timedelta(days=200)).isoformat(), "status": "active",
              "version": 3}
    values.update(fields)
    return {"entity": "register_entry", "id": entry_id, "rev": 1, "fields": values}


def pull(db, *rows: dict) -> None:
    with local.lenient_transaction(db) as session:
        assert local.apply_rows(session, list(rows)).held == 0


@pytest.fixture
def listed(ctx, seeded):
    with ctx.db.transaction() as session:
        truck = create_asset(session, AssetInput(
            category="ground_transport", description="Six-wheel trucks", provider_state="ZAF"),
            operation_id=seeded.operation_id).id
    ids = {name: str(uuid.uuid4()) for name in ("norway", "uae", "retired", "expired")}
    pull(ctx.db,
         entry_row(ids["norway"]),
         entry_row(ids["uae"], provider="القوات المسلحة", provider_state="ARE",
                   capability="Field hospital, 50 beds", category="medical",
                   capacity_value=50.0, capacity_unit="beds"),
         entry_row(ids["retired"], capability="Old landing craft", category="sealift",
                   status="retired"),
         entry_row(ids["expired"], provider="МЧС России", provider_state="RUS",
                   capability="Urban search and rescue team", category="search_and_rescue",
                   valid_until=(TODAY - timedelta(days=3)).isoformat()))
    return {"truck": truck, **ids}


@pytest.fixture
def screen(qtbot, ctx, seeded, listed):
    ctx.set_current_operation_id(seeded.operation_id)
    widget = AssetsScreen(ctx)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 4, timeout=5000)
    return widget


def _column(screen, key: str) -> list[str]:
    model = screen.model
    column = next(n for n, c in enumerate(model.columns) if c.key == key)
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _cell(screen, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    model = screen.model
    column = next(n for n, c in enumerate(model.columns) if c.key == key)
    return model.data(model.index(row, column), role)


def _choose(qtbot, screen, description: str) -> int:
    row = _column(screen, "description").index(description)
    screen.table.selectRow(row)
    return row


def test_register_entries_are_listed_with_the_operations_assets_marked_by_source(
        qtbot, screen):
    # sorted by category: helicopters, trucks, hospital, search and rescue; no retired entry
    assert _column(screen, "description") == [
        "Medium helicopters with crews", "Six-wheel trucks", "Field hospital, 50 beds",
        "Urban search and rescue team"]
    assert _column(screen, "source") == ["Central Register", "Operation", "Central Register",
                                         "Central Register"]
    assert "kept at HQ" in _cell(screen, 0, "source", Qt.ItemDataRole.ToolTipRole)
    assert _column(screen, "provider")[2] == "ARE القوات المسلحة"
    assert screen.count.text() == "4 entries"


def test_the_show_filter_and_retired_entries(qtbot, screen):
    screen.show_source.setCurrentIndex(screen.show_source.findData("operation"))
    qtbot.waitUntil(lambda: _column(screen, "description") == ["Six-wheel trucks"], timeout=5000)
    screen.show_source.setCurrentIndex(screen.show_source.findData("register"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=5000)
    assert "Old landing craft" not in _column(screen, "description")  # retired
    screen.show_source.setCurrentIndex(screen.show_source.findData("register_retired"))
    qtbot.waitUntil(lambda: "Old landing craft" in _column(screen, "description"), timeout=5000)
    assert _column(screen, "status")[_column(screen, "description").index(
        "Old landing craft")] == "Retired"


def test_an_entry_past_valid_until_says_so_in_words(qtbot, screen):
    row = _column(screen, "description").index("Urban search and rescue team")
    expired = (TODAY - timedelta(days=3)).isoformat()
    assert _cell(screen, row, "confirmed") == f"{expired} · valid-until passed"
    assert "valid-until date has passed" in _cell(screen, row, "confirmed",
                                                  Qt.ItemDataRole.ToolTipRole)
    assert _cell(screen, 0, "confirmed") == \
        f"valid until {(TODAY + timedelta(days=200)).isoformat()}"
    screen.stale_only.setChecked(True)
    qtbot.waitUntil(lambda: _column(screen, "description") == ["Urban search and rescue team"],
                    timeout=5000)


def test_words_search_the_assets_and_the_register_together(qtbot, screen):
    qtbot.keyClicks(screen.filter, "hospital")
    qtbot.waitUntil(lambda: _column(screen, "description") == ["Field hospital, 50 beds"],
                    timeout=5000)
    screen.filter.clear()
    qtbot.keyClicks(screen.filter, "six")
    qtbot.waitUntil(lambda: _column(screen, "description") == ["Six-wheel trucks"], timeout=5000)
    screen.filter.clear()
    screen.filter.setText("МЧС")  # as typed (QTest cannot type Cyrillic keys)
    qtbot.waitUntil(lambda: _column(screen, "description") == ["Urban search and rescue team"],
                    timeout=5000)


def test_a_register_row_is_read_only_and_offers_a_correction(qtbot, screen):
    _choose(qtbot, screen, "Medium helicopters with crews")
    panel = screen.details.register_panel
    qtbot.waitUntil(lambda: screen.details.currentWidget() is panel, timeout=5000)
    assert panel.title.text() == "Medium helicopters with crews"
    assert "cannot be changed here" in panel.notice.text()
    for button in (screen.edit_button, screen.status_button, screen.confirm_button,
                   screen.delete_button):
        assert not button.isEnabled()
    assert screen.propose_button.isEnabled()
    screen.edit_asset()  # what a double click does: the proposal form, never the asset form
    assert isinstance(screen.dialog, ProposalDialog)
    screen.dialog.reject()
    _choose(qtbot, screen, "Six-wheel trucks")
    qtbot.waitUntil(lambda: screen.edit_button.isEnabled(), timeout=5000)
    assert not screen.propose_button.isEnabled()
    assert screen.details.currentWidget() is screen.detail


def test_an_expired_entry_says_to_check_with_the_provider(qtbot, screen):
    _choose(qtbot, screen, "Urban search and rescue team")
    panel = screen.details.register_panel
    qtbot.waitUntil(lambda: panel.title.text() == "Urban search and rescue team", timeout=5000)
    assert panel.expired.isVisibleTo(screen)
    assert "Valid-until passed" in panel.expired.text()


def _open_proposal(qtbot, screen) -> ProposalDialog:
    _choose(qtbot, screen, "Medium helicopters with crews")
    qtbot.waitUntil(lambda: screen.propose_button.isEnabled(), timeout=5000)
    screen.propose_button.click()
    dialog = screen.dialog
    assert isinstance(dialog, ProposalDialog)
    return dialog


def _proposals(db) -> list[OutboxEntry]:
    with db.session() as session:
        return list(session.scalars(select(OutboxEntry).where(
            OutboxEntry.entity == "register_proposal")))


def test_the_proposal_dialog_marks_bad_fields_then_saves_the_proposal_for_hq(
        qtbot, ctx, screen, listed):
    dialog = _open_proposal(qtbot, screen)
    assert dialog.findChild(type(dialog.names["quantity"]), "quantityCurrent").text() == "2"
    assert dialog.inputs["provider_state"].text() == "Norway"
    quantity, email = dialog.inputs["quantity"], dialog.inputs["poc_email"]
    quantity.selectAll()
    qtbot.keyClicks(quantity, "0")
    email.selectAll()
    qtbot.keyClicks(email, "desk at mod")
    assert "(changed)" in dialog.names["quantity"].text()
    assert "(changed)" not in dialog.names["capability"].text()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.errors.message("quantity") != "", timeout=5000)
    assert dialog.errors.message("quantity") == (  # HQ's rule, HQ's sentence
        "The quantity is a whole number from 1 to 1,000,000.")
    assert "e-mail" in dialog.errors.message("poc_email")
    assert dialog.isVisible()
    assert _proposals(ctx.db) == []

    quantity.selectAll()
    qtbot.keyClicks(quantity, "1")
    email.selectAll()
    qtbot.keyClicks(email, "desk@mod.example.no")
    dialog.comment.setPlainText("One aircraft is in maintenance until March (MoD desk, 3 Dec).")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    (entry,) = _proposals(ctx.db)
    assert entry.fields["entry_id"] == listed["norway"]
    assert entry.fields["changes"] == {"quantity": "1", "poc_email": "desk@mod.example.no"}
    assert entry.fields["comment"].startswith("One aircraft")
    assert screen.status.text() == "Proposal saved: it goes to HQ with the next sync."
    panel = screen.details.register_panel
    qtbot.waitUntil(lambda: len(panel.cards) == 1, timeout=5000)
    (card,) = panel.cards
    assert card.status.text() == "Not sent yet: goes to HQ with the next sync"
    assert card.body.text().startswith("Quantity: 1\nContact e-mail: desk@mod.example.no\n"
                                       "One aircraft")
    assert not card.answer.isVisibleTo(panel)


def test_a_proposal_with_nothing_changed_asks_for_a_comment(qtbot, ctx, screen):
    dialog = _open_proposal(qtbot, screen)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.errors.message("comment") != "", timeout=5000)
    assert dialog.errors.message("comment") == (
        "Change at least one value, or say in the comment what is wrong.")
    assert isinstance(dialog.comment, QPlainTextEdit)
    assert _proposals(ctx.db) == []


def test_hqs_answer_shows_in_the_entrys_panel_after_a_sync(qtbot, ctx, screen, listed):
    dialog = _open_proposal(qtbot, screen)
    dialog.comment.setPlainText("The unit moved to Bodø.")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    (entry,) = _proposals(ctx.db)
    proposal_id = entry.row_id
    # The next sync: the proposal is pushed and acknowledged, then HQ's answer is pulled.
    with local.lenient_transaction(ctx.db) as session:
        sent = local.push_batch(session, local.push_order(session), 100, held_rows=set())
        local.acknowledge(session, sent, [{"rev": 40} for _ in sent], sync_number=1)
        local.apply_rows(session, [{
            "entity": "register_proposal", "id": proposal_id, "rev": 41,
            "fields": {"id": proposal_id, "status": "accepted",
                       "answer": "Thank you: the entry now says Bodø.",
                       "answered_by": "Registry desk",
                       "answered_at": "2026-12-08T09:30:00+00:00"}}])
    ctx.changed.emit(EVERYTHING)  # what the sync controller announces after a sync
    panel = screen.details.register_panel

    def answered() -> bool:  # the panel may be built again as the list refreshes: read it anew
        return (len(panel.cards) == 1
                and panel.cards[0].status.text().startswith("Accepted by HQ")
                and panel.cards[0].answer.isVisibleTo(panel))

    qtbot.waitUntil(answered, timeout=5000)
    (card,) = panel.cards
    assert card.status.text().startswith("Accepted by HQ · Registry desk · 2026-12-0")
    assert card.answer.text() == "HQ: “Thank you: the entry now says Bodø.”"


def test_find_matching_assets_lists_a_register_entry_marked_as_such(qtbot, rfa_screen, ctx,
                                                                     seeded):
    pull(ctx.db, entry_row(str(uuid.uuid4()), capability="Heavy-lift helicopter",
                           capacity_value=12.0, quantity=1))
    with ctx.db.transaction() as session:
        create_asset(session, AssetInput(
            category="airlift_helicopter", description="Puma helicopter", status="available",
            capacity_value=3.0, capacity_unit="t"), operation_id=seeded.operation_id)
    screen = rfa_screen
    _new(qtbot, screen)
    form = screen.form
    form.capability.setCurrentIndex(form.capability.findData("airlift_helicopter"))
    form.capability.activated.emit(form.capability.currentIndex())
    qtbot.keyClicks(form.cargo_tonnes, "5")
    form.find_assets_button.click()
    qtbot.waitUntil(lambda: form.assets.count() == 2 and form.find_assets_button.isEnabled(),
                    timeout=5000)
    first, second = form.assets.item(0).text(), form.assets.item(1).text()
    assert first.startswith("Central Register · Airlift (helicopter): Heavy-lift helicopter, "
                            "12 t (Norway — Ministry of Defence)")
    assert "✓ Fits: 12 t for 5 t of cargo. Ready to move in 48 h." in first
    assert "Puma helicopter" in second
    assert not second.startswith("Central Register")


def test_the_proposal_dialog_fits_the_screen_and_its_fields_scroll(qtbot, screen):
    dialog = _open_proposal(qtbot, screen)
    available = dialog.screen().availableGeometry()
    assert dialog.height() <= available.height() - 48
    assert dialog.width() <= 1366
    fields = dialog.findChild(QScrollArea, "proposalFields")
    assert all(fields.widget().isAncestorOf(w) for w in dialog.inputs.values())
    assert len(dialog.inputs) == 16


def test_a_proposal_not_yet_answered_can_be_withdrawn(qtbot, ctx, screen):
    dialog = _open_proposal(qtbot, screen)
    dialog.comment.setPlainText("Wrong entry, sorry.")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    panel = screen.details.register_panel
    qtbot.waitUntil(lambda: len(panel.cards) == 1, timeout=5000)
    qtbot.waitUntil(lambda: panel.cards[0].withdraw.isVisibleTo(panel), timeout=5000)
    panel.cards[0].withdraw.click()
    qtbot.waitUntil(lambda: panel.cards == [] and not panel.proposals.isVisibleTo(panel),
                    timeout=5000)
    assert screen.status.text() == "Proposal withdrawn."
    with ctx.db.session() as session:  # never pushed: its creation and deletion go together
        assert [e.fields.get("deleted") for e in session.scalars(select(OutboxEntry).where(
            OutboxEntry.entity == "register_proposal"))][-1] is True
