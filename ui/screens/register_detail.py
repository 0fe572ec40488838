"""The asset screen's detail panel for a Central Register entry, and the panel that shows
either it or an asset's.

A register entry is HQ's and read-only here: the panel says so, shows every field, marks an
entry whose valid-until date has passed, and lists the corrections this laptop proposed
for it with where each stands (waiting for the next sync, waiting for HQ, accepted or
rejected) and HQ's answer once a sync brought it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.labels import capability_label
from fieldapp.services.assets import AssetDetail
from fieldapp.services.contacts import display_phone
from fieldapp.services.operations import country_name
from fieldapp.services.register import (
    FIELDS,
    ProposalView,
    RegisterDetail,
    field_label,
    proposal_status_label,
    provider_kind_label,
    register_status_label,
)
from ui.models.assets_table import capacity_text
from ui.widgets.form_layout import form_layout

NOTICE_STYLE = "background: #e3eefa; padding: 4px;"
EXPIRED_STYLE = "background: #fff4d6; padding: 4px;"


def _value(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RegisterDetailPanel(QScrollArea):
    """One register entry, read-only, with the officer's proposals and HQ's answers."""

    withdraw_requested = Signal(str)  # the id of a proposal the officer takes back

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("registerDetail")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.detail: RegisterDetail | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.title = QLabel()
        self.title.setObjectName("registerTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.notice = QLabel(self.tr(
            "Central Register entry, kept at HQ: it cannot be changed here. If something is "
            "wrong, press \u201cPropose a correction\u2026\u201d: HQ's registry staff accept "
            "or reject it, and their answer shows below after a sync."))
        self.notice.setObjectName("registerNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.expired = QLabel()
        self.expired.setObjectName("registerExpired")
        self.expired.setWordWrap(True)
        self.expired.setStyleSheet(EXPIRED_STYLE)
        self.expired.hide()
        self.form = form_layout()
        self.proposals_title = QLabel(self.tr("Your proposed corrections"))
        self.proposals_title.setStyleSheet("font-weight: 600; margin-top: 6px;")
        self.proposals = QWidget()  # one ProposalCard per proposal, newest first
        self.proposals.setObjectName("registerProposals")
        self.proposals_layout = QVBoxLayout(self.proposals)
        self.proposals_layout.setContentsMargins(0, 0, 0, 0)
        self.cards: list[ProposalCard] = []
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.expired)
        layout.addLayout(self.form)
        layout.addWidget(self.proposals_title)
        layout.addWidget(self.proposals)
        layout.addStretch(1)  # the room left, below everything
        self.setWidget(body)

    def show_detail(self, detail: RegisterDetail) -> None:
        """Fill the panel with one entry."""
        self.detail = detail
        while self.form.rowCount():
            self.form.removeRow(0)
        row = detail.row
        self.title.setText(row.capability)
        self.expired.setVisible(row.expired)
        if row.valid_until is not None:
            self.expired.setText("\u26a0 " + self.tr(
                "Valid-until passed ({date}): HQ asks the provider to confirm the offer. Check "
                "with the point of contact before relying on it.").format(
                date=row.valid_until.isoformat()))
        add = self.form.addRow
        add(self.tr("Category:"), _value(capability_label(row.category)))
        add(self.tr("Status:"), _value(register_status_label(row.status)))
        provider = row.provider
        if row.provider_state:
            provider = " \u2014 ".join(filter(None, (country_name(row.provider_state),
                                                     row.provider)))
        add(self.tr("Provider:"), _value(f"{provider} ({provider_kind_label(row.provider_kind)})"))
        capacity = capacity_text(row)  # type: ignore[arg-type]
        add(self.tr("Capacity:"), _value(f"{row.quantity} \u00d7 {capacity}" if capacity
                                         else str(row.quantity)))
        hours = self.tr("{hours} h")
        add(self.tr("Ready to move in:"), _value(hours.format(hours=row.readiness_hours)
                                                 if row.readiness_hours is not None
                                                 else self.tr("not given")))
        add(self.tr("Deploys in:"), _value(hours.format(hours=row.deployment_hours)
                                           if row.deployment_hours is not None
                                           else self.tr("not given")))
        add(self.tr("Valid until:"), _value(row.valid_until.isoformat() if row.valid_until
                                            else self.tr("no end date")))
        if detail.conditions:
            add(self.tr("Conditions:"), _value(detail.conditions))
        contact = " \u00b7 ".join(filter(None, (row.poc_name, detail.poc_phone,
                                                detail.poc_email)))
        add(self.tr("Point of contact:"), _value(contact))
        add(self.tr("Register version:"), _value(str(detail.version)))
        self._show_proposals(detail.proposals)

    def _show_proposals(self, proposals: tuple[ProposalView, ...]) -> None:
        for card in self.cards:
            self.proposals_layout.removeWidget(card)
            card.deleteLater()
        self.cards = [ProposalCard(p) for p in proposals]
        for card in self.cards:
            card.withdraw.clicked.connect(
                lambda _c=False, i=card.proposal_id: self.withdraw_requested.emit(i))
            self.proposals_layout.addWidget(card)
        self.proposals_title.setVisible(bool(proposals))
        self.proposals.setVisible(bool(proposals))


_CARD_COLOURS = {"accepted": "#2e7d32", "rejected": "#b3261e"}


class ProposalCard(QFrame):
    """One proposal: what it changes and why, where it stands, HQ's answer (all wrapped to
    the panel's width)."""

    def __init__(self, proposal: ProposalView) -> None:
        super().__init__()
        self.setObjectName("proposalCard")
        self.proposal_id = proposal.id
        colour = _CARD_COLOURS.get(proposal.status, "#5f6670") if proposal.sent else "#5f6670"
        self.setStyleSheet(f"#proposalCard {{ border-left: 4px solid {colour}; "
                           "background: #f6f7f8; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(2)
        if not proposal.sent:
            where = self.tr("Not sent yet: goes to HQ with the next sync")
        else:
            where = proposal_status_label(proposal.status)
        if proposal.answered_at is not None:
            when = f"{proposal.answered_at.astimezone():%Y-%m-%d %H:%M}"
            where = " · ".join(filter(None, (where, proposal.answered_by, when)))
        self.status = QLabel(where)
        self.status.setObjectName("proposalStatus")
        self.status.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.status.setWordWrap(True)
        empty = self.tr("(empty)")
        changed = "\n".join(f"{field_label(k)}: {_shown(k, proposal.changes[k]) or empty}"
                             for k in FIELDS if k in proposal.changes)  # in the form's order
        self.body = _plain("\n".join(filter(None, (changed, proposal.comment))))
        self.body.setObjectName("proposalBody")
        self.answer = _plain(self.tr("HQ: \u201c{answer}\u201d").format(answer=proposal.answer)
                             if proposal.answer else "")
        self.answer.setObjectName("proposalAnswer")
        self.answer.setVisible(bool(proposal.answer))
        self.withdraw = QPushButton(self.tr("Withdraw"))
        self.withdraw.setObjectName("withdrawProposal")
        self.withdraw.setToolTip(self.tr("Take back this proposal: HQ has not answered it yet"))
        self.withdraw.setVisible(proposal.status == "pending")
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.withdraw, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        layout.addWidget(self.body)
        layout.addWidget(self.answer)


def _shown(name: str, value: str) -> str:
    """A proposed value as the officer reads it: choices by their labels, a phone grouped."""
    if name == "category":
        return capability_label(value)
    if name == "provider_kind":
        return provider_kind_label(value)
    if name == "status":
        return register_status_label(value)
    if name == "provider_state":
        return country_name(value)
    if name == "poc_phone":
        return display_phone(value)
    return value


def _plain(text: str) -> QLabel:
    """A label of text typed by someone (never read as markup), wrapped."""
    label = _value(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class DirectoryDetailPanel(QStackedWidget):
    """The detail of the chosen row: the asset panel it is given, or a register entry's.
    While an entry is shown the asset panel is emptied (no asset is chosen)."""

    def __init__(self, asset_panel: QWidget) -> None:
        super().__init__()
        self.asset_panel = asset_panel
        self.register_panel = RegisterDetailPanel()
        self.addWidget(asset_panel)
        self.addWidget(self.register_panel)
        self.detail: AssetDetail | RegisterDetail | None = None

    def show_detail(self, detail: AssetDetail | RegisterDetail | None) -> None:
        """Show the panel for this detail (None: the empty asset panel)."""
        self.detail = detail
        if isinstance(detail, RegisterDetail):
            self.asset_panel.show_detail(None)  # type: ignore[attr-defined]  # no asset chosen
            self.register_panel.show_detail(detail)
            self.setCurrentWidget(self.register_panel)
            return
        self.asset_panel.show_detail(detail)  # type: ignore[attr-defined]
        self.setCurrentWidget(self.asset_panel)

    @property
    def asset(self) -> AssetDetail | None:
        """The asset shown (None when a register entry, or nothing, is)."""
        return self.detail if isinstance(self.detail, AssetDetail) else None

    @property
    def entry(self) -> RegisterDetail | None:
        """The register entry shown (None when an asset, or nothing, is)."""
        return self.detail if isinstance(self.detail, RegisterDetail) else None
